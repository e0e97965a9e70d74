"""robots.txt per site, read once per fetcher and applied to every URL and redirect hop.

Status handling follows RFC 9309 section 2.3.1: a 4xx robots.txt means no rules (allow all);
a 5xx, 429 or an unreachable server means the site may be in trouble, so we assume complete
disallow and fetch nothing there in this run. That verdict is marked `unavailable`: it says
nothing about what the site allows, so the URLs it stops are worth asking again next run, unlike
URLs the rules themselves disallow. More than the allowed redirects counts as a 4xx (2.3.1.2).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from protego import Protego

from records.fetch import FetchResult

# RFC 9309 asks crawlers to read at least 500 KiB of a robots.txt; we stop there.
ROBOTS_MAX_BYTES = 512_000


@dataclass(frozen=True, slots=True)
class RobotsResponse:
    status: int | None  # None when no response came at all
    body: bytes
    error: str | None = None


@dataclass(frozen=True, slots=True)
class RobotsPolicy:
    rules: Protego | None
    allow_all: bool
    reason: str  # why this policy, for the fetch log of a disallowed URL
    unavailable: bool = False  # disallowed because robots.txt could not be read, not by rules

    def allows(self, url: str, user_agent: str) -> bool:
        if self.rules is None:
            return self.allow_all
        return bool(self.rules.can_fetch(url, user_agent))

    def crawl_delay(self, user_agent: str) -> float | None:
        if self.rules is None:
            return None
        delay = self.rules.crawl_delay(user_agent)
        return float(delay) if delay is not None else None


def policy_from_response(response: RobotsResponse) -> RobotsPolicy:
    status = response.status
    if status is None:
        return RobotsPolicy(None, False, f"robots.txt unreachable ({response.error})", True)
    if 200 <= status < 300:
        text = response.body[:ROBOTS_MAX_BYTES].decode("utf-8", "replace")
        return RobotsPolicy(Protego.parse(text), True, "robots.txt disallows this URL")
    if status == 429 or status >= 500:
        reason = f"robots.txt answered HTTP {status}: assuming disallow for this run"
        return RobotsPolicy(None, False, reason, True)
    return RobotsPolicy(None, True, f"robots.txt answered HTTP {status}: no rules")


def policy_from_fetch(result: FetchResult) -> RobotsPolicy:
    """The policy a finished robots.txt fetch (redirects followed, retries spent) amounts to."""
    if result.ok:
        return policy_from_response(RobotsResponse(result.status, result.body or b""))
    if result.outcome == "http_error":
        return policy_from_response(RobotsResponse(result.status, b"", result.error))
    if result.error_class in ("TooManyRedirects", "RedirectLoop"):
        return RobotsPolicy(None, True, f"robots.txt: {result.error}: no rules")
    return policy_from_response(RobotsResponse(None, b"", f"{result.outcome}: {result.error}"))


class RobotsCache:
    """One policy per origin (scheme://host:port), loaded once even under concurrent requests."""

    def __init__(self, load: Callable[[str], Awaitable[RobotsPolicy]]) -> None:
        self._load = load
        self._policies: dict[str, RobotsPolicy] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def policy(self, origin: str) -> RobotsPolicy:
        if origin in self._policies:
            return self._policies[origin]
        async with self._locks.setdefault(origin, asyncio.Lock()):
            if origin not in self._policies:
                self._policies[origin] = await self._load(origin)
            return self._policies[origin]

    def known(self, origin: str) -> RobotsPolicy | None:
        return self._policies.get(origin)
