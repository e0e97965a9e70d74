"""Retry timing: Retry-After in both forms, capped; backoff grows, stays within bounds."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from flows.http.retry import backoff_delay, parse_retry_after, retry_wait, should_retry_status

NOW = datetime(2026, 11, 25, 8, 0, 0, tzinfo=UTC)


def test_retry_after_in_seconds() -> None:
    assert parse_retry_after("120", NOW) == 120.0
    assert parse_retry_after(" 0 ", NOW) == 0.0


def test_retry_after_as_http_date() -> None:
    assert parse_retry_after("Wed, 25 Nov 2026 08:01:30 GMT", NOW) == 90.0


def test_retry_after_in_the_past_means_now() -> None:
    assert parse_retry_after("Wed, 25 Nov 2026 07:00:00 GMT", NOW) == 0.0


@pytest.mark.parametrize("value", [None, "", "soon", "-5", "1.5e3", "Someday, 99 Foo 2026"])
def test_unreadable_retry_after_is_ignored(value: str | None) -> None:
    assert parse_retry_after(value, NOW) is None


def test_retry_after_is_capped() -> None:
    wait = retry_wait(1, "3600", base_s=1, max_s=60, cap_s=120, now=NOW, rng=random.Random(1))
    assert wait == 120


def test_without_retry_after_the_backoff_applies() -> None:
    later = (NOW + timedelta(seconds=5)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert retry_wait(1, later, base_s=1, max_s=60, cap_s=120, now=NOW, rng=random.Random()) == 5
    wait = retry_wait(3, None, base_s=1, max_s=60, cap_s=120, now=NOW, rng=random.Random(7))
    assert 2.0 <= wait <= 4.0


@pytest.mark.parametrize("attempt", range(1, 12))
def test_backoff_stays_between_half_and_all_of_the_exponential_ceiling(attempt: int) -> None:
    ceiling = min(30.0, 0.5 * 2 ** (attempt - 1))
    rng = random.Random(attempt)
    for _ in range(200):
        assert ceiling / 2 <= backoff_delay(attempt, 0.5, 30.0, rng) <= ceiling


def test_backoff_is_jittered() -> None:
    rng = random.Random(3)
    assert len({backoff_delay(4, 1.0, 60.0, rng) for _ in range(20)}) > 1


@pytest.mark.parametrize(
    ("status", "retry"),
    [
        (500, True),
        (502, True),
        (503, True),
        (504, True),
        (429, True),
        (501, False),
        (400, False),
        (403, False),
        (404, False),
        (410, False),
    ],
)
def test_which_statuses_are_retried(status: int, retry: bool) -> None:
    assert should_retry_status(status) is retry
