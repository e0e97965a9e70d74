"""Per-host pacing: one host never sees two of our requests closer together than its interval.

A server may also ask us to hold off (`Retry-After`). That pushes the host's next slot away like
any pause, and is remembered as a hold: a request that would have to wait out a hold longer than
the caller will accept gives up at once instead of sleeping through the run.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Awaitable, Callable


class HostHeld(Exception):
    """The host asked us to wait longer than the caller accepts; nothing was sent."""

    def __init__(self, host: str, seconds: float) -> None:
        super().__init__(f"{host} asked us to hold off for {seconds:.0f} s more")
        self.host = host
        self.seconds = seconds


class HostPacer:
    """Spaces requests per host; hosts are independent, so a slow site does not hold up others.

    A host's lock is held while waiting, which queues its requests in arrival order.
    """

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._clock = clock
        self._sleep = sleep
        self._next_at: dict[str, float] = {}
        self._held_until: dict[str, float] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def wait(self, host: str, interval_s: float, *, hold_limit_s: float = math.inf) -> float:
        """Wait for host's turn, book the next slot interval_s later; returns seconds waited.

        Raises HostHeld, without waiting, when the host holds us off for more than hold_limit_s.
        The slot is checked again after each sleep: a hold may have arrived meanwhile.
        """
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:
            waited = 0.0
            while True:
                now = self._clock()
                held = self._held_until.get(host, 0.0) - now
                if held > hold_limit_s:
                    raise HostHeld(host, held)
                delay = self._next_at.get(host, 0.0) - now
                if delay <= 0:
                    break
                await self._sleep(delay)
                waited += delay
            self._next_at[host] = self._clock() + interval_s
            return waited

    def space_from_now(self, host: str, interval_s: float) -> None:
        """Keep host's next slot at least interval_s after now (the end of an exchange): for a
        host that counts the interval between the requests it receives, a request slow to
        arrive would otherwise leave the next one closer behind it than the interval."""
        self._next_at[host] = max(self._next_at.get(host, 0.0), self._clock() + interval_s)

    def defer(self, host: str, seconds: float) -> None:
        """Push host's next slot at least `seconds` away: the server asked us to back off."""
        until = self._clock() + seconds
        self._next_at[host] = max(self._next_at.get(host, 0.0), until)
        self._held_until[host] = max(self._held_until.get(host, 0.0), until)
