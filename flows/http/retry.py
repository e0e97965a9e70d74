"""When to try again: exponential backoff with jitter, and the server's own `Retry-After`.

Pure functions of their arguments (the clock and the random source are passed in) so the bounds
are unit-tested without waiting.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

# 5xx are the server's trouble and may pass; 429 asks us to slow down. Other 4xx will not change.
RETRY_STATUSES = frozenset({429, *range(500, 600)}) - {501}


def should_retry_status(status: int) -> bool:
    return status in RETRY_STATUSES


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date (RFC 9110 10.2.3).

    A date in the past means "now" (0); anything unreadable is None, so the caller falls back to
    its own backoff instead of trusting garbage.
    """
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def backoff_delay(attempt: int, base_s: float, max_s: float, rng: random.Random) -> float:
    """Delay before retry number `attempt` (1 = first retry): base * 2^(attempt-1), capped at max_s,
    then jittered down to between half and all of it so many clients do not retry in step."""
    ceiling = min(max_s, base_s * (2 ** max(0, attempt - 1)))
    return float(ceiling * rng.uniform(0.5, 1.0))


def retry_wait(
    attempt: int,
    retry_after: str | None,
    *,
    base_s: float,
    max_s: float,
    cap_s: float,
    now: datetime,
    rng: random.Random,
) -> float:
    """The server's Retry-After when it gave one (never more than cap_s), else our backoff."""
    asked = parse_retry_after(retry_after, now)
    if asked is not None:
        return min(asked, cap_s)
    return backoff_delay(attempt, base_s, max_s, rng)
