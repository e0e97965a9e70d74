"""Every SQL statement about fetching: the fetch log, the raw page index and conditional-GET state.

A batch of results is written in one transaction with one MERGE per table, its rows handed over
as one JSON parameter (`warehouse.batch`). Bodies go to the
archive files before the transaction, so a crash leaves at most an unreferenced file, which the
next fetch of the same content simply reuses.

Each MERGE is built from its table's declaration (`warehouse.merge`): adding a column is a
migration, one line in the table's columns below and its value in the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from records.fetch import FetchResult, Validators
from records.ids import stable_id
from warehouse.archive import store_body
from warehouse.batch import to_json, values_table
from warehouse.db import transaction
from warehouse.merge import Table, merge

# The fetch log says "stored" where the result said "ok": the body is now in the archive.
LOG_OUTCOME = {"ok": "stored"}
# An attempt followed by another one was retried; its own status and error say why.
RETRIED = "retried"


@dataclass(frozen=True, slots=True)
class RecordSummary:
    stored: int  # results with a body, now archived
    new_bodies: int  # of those, bodies the archive did not hold before
    not_modified: int
    failed: int
    attempts: int  # fetch log rows written


def validators_for(con: duckdb.DuckDBPyConnection, urls: Sequence[str]) -> dict[str, Validators]:
    """The ETag / Last-Modified remembered for each URL that has any."""
    if not urls:
        return {}
    rows = con.execute(
        f"SELECT url, etag, last_modified FROM url_state WHERE url IN ({values_table()})"
        " AND (etag IS NOT NULL OR last_modified IS NOT NULL)",
        [to_json(dict.fromkeys(urls))],
    ).fetchall()
    return {str(url): Validators(etag, last_modified) for url, etag, last_modified in rows}


FETCH_COLUMNS = {
    "fetch_id": "VARCHAR",
    "run_id": "VARCHAR",
    "url": "VARCHAR",
    "final_url": "VARCHAR",
    "source_id": "VARCHAR",
    "attempt": "INTEGER",
    "status": "INTEGER",
    "outcome": "VARCHAR",
    "error_class": "VARCHAR",
    "error": "VARCHAR",
    "bytes": "BIGINT",
    "elapsed_ms": "DOUBLE",
    "content_sha256": "VARCHAR",
    "fetched_at": "TIMESTAMPTZ",
}
# An attempt is logged once; the same attempt again (a retried store) changes nothing.
FETCHES = Table(name="fetches", columns=FETCH_COLUMNS, key=("fetch_id",), insert_only=True)

RAW_PAGE_COLUMNS = {
    "content_sha256": "VARCHAR",
    "url": "VARCHAR",
    "final_url": "VARCHAR",
    "status": "INTEGER",
    "content_type": "VARCHAR",
    "charset": "VARCHAR",
    "headers": "JSON",
    "bytes": "BIGINT",
    "stored_bytes": "BIGINT",
    "archive_key": "VARCHAR",
    "fetched_at": "TIMESTAMPTZ",
}
# A body already archived keeps its first row: the archive is immutable, like the file.
RAW_PAGES = Table(
    name="raw_pages", columns=RAW_PAGE_COLUMNS, key=("content_sha256",), insert_only=True
)

# url_state follows what a URL last answered: a body (its validators, none for an unusable body,
# so the next request is unconditional) or a 304.
URL_STATE_OUTCOMES = frozenset({"ok", "not_modified", "parse_error"})
URL_STATE_COLUMNS = {
    "url": "VARCHAR",
    "etag": "VARCHAR",
    "last_modified": "VARCHAR",
    "last_status": "INTEGER",
    "content_sha256": "VARCHAR",
    "last_fetched_at": "TIMESTAMPTZ",
    "changed": "BOOLEAN",
}
# A new body (`changed`, staged only to say so) replaces the URL's validators; a 304 only says
# when we last asked.
URL_STATE = Table(
    name="url_state",
    columns=URL_STATE_COLUMNS,
    key=("url",),
    staged_only=frozenset({"changed"}),
    when="s.changed",
    otherwise=("last_fetched_at",),
)


def _fetch_rows(results: Sequence[FetchResult], run_id: str | None) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for result in results:
        last = len(result.attempts) - 1
        for index, attempt in enumerate(result.attempts):
            final = index == last
            fetch_id = stable_id(run_id, result.url, attempt.number, attempt.at.isoformat())
            rows.setdefault(
                fetch_id,
                {
                    "fetch_id": fetch_id,
                    "run_id": run_id,
                    "url": result.url,
                    "final_url": result.final_url if final else None,
                    "source_id": result.source_id,
                    "attempt": attempt.number,
                    "status": attempt.status,
                    "outcome": LOG_OUTCOME.get(result.outcome, result.outcome)
                    if final
                    else RETRIED,
                    "error_class": attempt.error_class,
                    "error": attempt.error,
                    "bytes": attempt.bytes,
                    "elapsed_ms": attempt.elapsed_ms,
                    "content_sha256": result.content_sha256 if final else None,
                    "fetched_at": attempt.at,
                },
            )
    return list(rows.values())


def last_answered(con: duckdb.DuckDBPyConnection, urls: Sequence[str]) -> dict[str, datetime]:
    """When each URL last answered with content or a 304: a feed's last successful poll.

    A `parse_error` (an error page served with status 200) is not an answer: that source is due
    again on the next run.
    """
    if not urls:
        return {}
    rows = con.execute(
        f"SELECT url, max(fetched_at) FROM fetches WHERE url IN ({values_table()})"
        " AND outcome IN ('stored', 'not_modified') GROUP BY url",
        [to_json(dict.fromkeys(urls))],
    ).fetchall()
    return {str(url): at for url, at in rows}


def record_results(
    con: duckdb.DuckDBPyConnection,
    results: Sequence[FetchResult],
    *,
    run_id: str | None,
    archive_dir: Path,
) -> RecordSummary:
    """Store a batch: bodies into the archive, then fetch log, raw_pages and url_state at once."""
    pages: dict[str, dict[str, Any]] = {}
    states: dict[str, dict[str, Any]] = {}
    for result in results:
        if not result.attempts:
            continue
        at = result.attempts[-1].at
        if result.body is not None:  # a body we used, or one we could not (kept to look at)
            sha, key, stored_bytes = store_body(archive_dir, result.body)
            pages.setdefault(
                sha,
                {
                    "content_sha256": sha,
                    "url": result.url,
                    "final_url": result.final_url or result.url,
                    "status": result.status,
                    "content_type": result.content_type,
                    "charset": result.decoded.charset if result.decoded else None,
                    "headers": dict(sorted(result.headers.items())),
                    "bytes": len(result.body),
                    "stored_bytes": stored_bytes,
                    "archive_key": key,
                    "fetched_at": at,
                },
            )
        if result.outcome in URL_STATE_OUTCOMES:
            # The latest result per URL wins, whatever order the batch came in.
            previous = states.get(result.url)
            if previous is None or previous["last_fetched_at"] <= at:
                states[result.url] = {
                    "url": result.url,
                    "etag": result.validators.etag,
                    "last_modified": result.validators.last_modified,
                    "last_status": result.status,
                    "content_sha256": result.content_sha256,
                    "last_fetched_at": at,
                    "changed": result.body is not None,
                }
    fetch_rows = _fetch_rows(results, run_id)

    with transaction(con):
        known = {
            str(row[0])
            for row in con.execute(
                f"SELECT content_sha256 FROM raw_pages WHERE content_sha256 IN ({values_table()})",
                [to_json(pages)],
            ).fetchall()
        }
        merge(con, FETCHES, fetch_rows)
        merge(con, RAW_PAGES, pages.values())
        merge(con, URL_STATE, states.values())
    return RecordSummary(
        stored=sum(1 for r in results if r.ok),
        new_bodies=len(set(pages) - known),
        not_modified=sum(1 for r in results if r.outcome == "not_modified"),
        failed=sum(1 for r in results if r.outcome not in ("ok", "not_modified")),
        attempts=len(fetch_rows),
    )
