"""Every SQL statement about `url_holds`: pages held back from discovery after failing for good.

A page that is gone, cannot be parsed, is too large or points somewhere refused would otherwise be
fetched again every time a feed listing it changes. Its row says until when discovery leaves it
alone; each new permanent failure doubles the hold, up to a longest one, and a page that is
fetched and stored again is released.

Adding a column: a migration, one line in `HOLD_COLUMNS` and its value in `hold_urls`'s rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

import duckdb

from records.fetch import UrlFailure
from warehouse.batch import to_json, values_table
from warehouse.merge import Table, merge

HOLD_COLUMNS = {
    "url": "VARCHAR", "outcome": "VARCHAR", "status": "INTEGER", "error": "VARCHAR",
    "at": "TIMESTAMPTZ",
}  # fmt: skip
# The hold after n earlier failures is first * 2^n, never more than longest (both in seconds,
# the parameters `$first` and `$longest`).
HOLDS = Table(
    name="url_holds",
    columns=HOLD_COLUMNS,
    key=("url",),
    staged_only=frozenset({"at"}),  # when this failure happened
    on_update={
        "failures": "t.failures + 1",
        "last_failed_at": "s.at",
        "not_before": "s.at + to_seconds(least($longest, $first * pow(2, t.failures)))",
    },
    on_insert={
        "failures": "1",
        "first_failed_at": "s.at",
        "last_failed_at": "s.at",
        "not_before": "s.at + to_seconds(least($longest, $first))",
    },
)


def hold_urls(
    con: duckdb.DuckDBPyConnection,
    failures: Sequence[UrlFailure],
    *,
    first_h: float,
    longest_h: float,
) -> int:
    """Record a batch of permanent failures (the latest per URL); returns the URLs held.

    The first hold lasts first_h hours; each further failure doubles it, up to longest_h.
    """
    latest: dict[str, UrlFailure] = {}
    for failure in failures:
        if failure.url not in latest or latest[failure.url].at <= failure.at:
            latest[failure.url] = failure
    rows = [
        {"url": f.url, "outcome": f.outcome, "status": f.status, "error": f.error, "at": f.at}
        for f in latest.values()
    ]
    return merge(con, HOLDS, rows, {"first": first_h * 3600, "longest": longest_h * 3600}).staged


def release_urls(con: duckdb.DuckDBPyConnection, urls: Iterable[str]) -> None:
    """Forget the holds of URLs that were fetched and stored after all."""
    wanted = list(dict.fromkeys(urls))
    if wanted:
        con.execute(f"DELETE FROM url_holds WHERE url IN ({values_table()})", [to_json(wanted)])


def held_urls(con: duckdb.DuckDBPyConnection, urls: Iterable[str], at: datetime) -> set[str]:
    """Which of these URLs discovery must still leave alone at `at`."""
    wanted = list(dict.fromkeys(urls))
    if not wanted:
        return set()
    rows = con.execute(
        f"SELECT url FROM url_holds WHERE url IN ({values_table('$urls')}) AND not_before > $at",
        {"urls": to_json(wanted), "at": at},
    ).fetchall()
    return {str(url) for (url,) in rows}
