"""Per-host pacing: one host never sees two of our requests closer together than its interval."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable


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
        self._locks: dict[str, asyncio.Lock] = {}

    async def wait(self, host: str, interval_s: float) -> float:
        """Wait for host's turn, book the next slot interval_s later; returns seconds waited."""
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:
            delay = self._next_at.get(host, 0.0) - self._clock()
            if delay > 0:
                await self._sleep(delay)
            self._next_at[host] = self._clock() + interval_s
            return max(delay, 0.0)

    def defer(self, host: str, seconds: float) -> None:
        """Push host's next slot at least `seconds` away (a server asked us to back off)."""
        self._next_at[host] = max(self._next_at.get(host, 0.0), self._clock() + seconds)
