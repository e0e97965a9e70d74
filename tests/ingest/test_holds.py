"""Pages held back after failing for good (`warehouse.holds`): how long, and when they return.

Times are passed in, so the backoff is checked exactly, without a clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from records.fetch import UrlFailure
from warehouse.db import open_warehouse
from warehouse.holds import held_urls, hold_urls, release_urls

T0 = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
GONE = "https://example.hk/news/gone.htm"


@pytest.fixture
def con(warehouse_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = open_warehouse(warehouse_path)
    yield connection
    connection.close()


def fail(con: duckdb.DuckDBPyConnection, url: str, at: datetime) -> None:
    failure = UrlFailure(url, "http_error", 404, "HTTP 404 Not Found", at)
    hold_urls(con, [failure], first_h=24, longest_h=60)


def not_before(con: duckdb.DuckDBPyConnection, url: str) -> datetime:
    row = con.execute("SELECT not_before FROM url_holds WHERE url = ?", [url]).fetchone()
    assert row is not None
    value: datetime = row[0]
    return value


def test_each_new_failure_doubles_the_hold_up_to_the_longest(
    con: duckdb.DuckDBPyConnection,
) -> None:
    holds = []
    at = T0
    for _ in range(4):
        fail(con, GONE, at)
        holds.append(not_before(con, GONE) - at)
        at = not_before(con, GONE)  # asked again as soon as the hold ended, and gone again
    assert holds == [timedelta(hours=h) for h in (24, 48, 60, 60)]
    row = con.execute("SELECT failures, first_failed_at FROM url_holds").fetchone()
    assert row is not None and row[0] == 4 and row[1] == T0


def test_a_held_url_is_skipped_until_its_hold_ends(con: duckdb.DuckDBPyConnection) -> None:
    fail(con, GONE, T0)
    other = "https://example.hk/news/fine.htm"

    assert held_urls(con, [GONE, other], T0 + timedelta(hours=23)) == {GONE}
    assert held_urls(con, [GONE, other], T0 + timedelta(hours=24)) == set()


def test_a_url_stored_after_all_is_released(con: duckdb.DuckDBPyConnection) -> None:
    fail(con, GONE, T0)
    release_urls(con, [GONE])
    assert held_urls(con, [GONE], T0) == set()
    fail(con, GONE, T0 + timedelta(days=3))  # failing again later starts from the first hold
    assert not_before(con, GONE) - (T0 + timedelta(days=3)) == timedelta(hours=24)


def test_the_latest_failure_of_a_url_in_one_batch_counts_once(
    con: duckdb.DuckDBPyConnection,
) -> None:
    earlier = UrlFailure(GONE, "too_large", None, "too big", T0)
    later = UrlFailure(GONE, "http_error", 410, "HTTP 410 Gone", T0 + timedelta(minutes=1))
    assert hold_urls(con, [later, earlier], first_h=24, longest_h=60) == 1
    assert con.execute("SELECT outcome, status, failures FROM url_holds").fetchall() == [
        ("http_error", 410, 1)
    ]
