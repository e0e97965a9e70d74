"""One URL through the whole fetch path and into the warehouse: what `hzhk fetch` runs.

The warehouse is opened twice, briefly, around the network work (to read the URL's validators,
then to record the result), because DuckDB locks the file against every other process while a
write connection is open.

A URL held back from discovery after failing for good is fetched all the same: asking for one URL
by name is a person's choice. Its hold is released if it is stored now, renewed if it fails again.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import duckdb

from config.settings import Settings
from flows.http.fetcher import Fetcher
from records.fetch import FetchResult, UrlFailure, Validators, permanent_failure
from warehouse.archive import archive_key
from warehouse.db import open_warehouse, transaction
from warehouse.fetchlog import RecordSummary, record_results, validators_for
from warehouse.holds import hold_urls, release_urls


@dataclass(frozen=True, slots=True)
class StoredFetch:
    result: FetchResult
    summary: RecordSummary
    archive_key: str | None  # where the body sits under <data>/archive, when there is one


def fetch_and_store(
    settings: Settings,
    url: str,
    *,
    source_id: str | None = None,
    conditional: bool = True,
) -> StoredFetch:
    """Fetch url (conditionally, from the remembered ETag/Last-Modified) and record the result."""
    validators = Validators()
    if conditional:
        con = open_warehouse(settings.warehouse_path, settings.warehouse_wait_s)
        try:
            validators = validators_for(con, [url]).get(url, Validators())
        finally:
            con.close()

    async def fetch() -> tuple[FetchResult, list[FetchResult]]:
        async with Fetcher(settings.fetch, settings.allow_hosts) as fetcher:
            result = await fetcher.fetch(url, source_id=source_id, validators=validators)
            return result, fetcher.take_robots_fetches()

    result, robots = asyncio.run(fetch())
    archive = settings.data_path / "archive"
    con = open_warehouse(settings.warehouse_path, settings.warehouse_wait_s)
    try:
        with transaction(con):
            summary = record_results(con, [result], run_id=None, archive_dir=archive)
            record_results(con, robots, run_id=None, archive_dir=archive)
            _update_hold(con, settings, result)
    finally:
        con.close()
    key = archive_key(result.content_sha256) if result.content_sha256 else None
    return StoredFetch(result, summary, key)


def _update_hold(con: duckdb.DuckDBPyConnection, settings: Settings, result: FetchResult) -> None:
    """Release the URL's hold when it answered, renew it when it failed for good again."""
    if result.ok or result.outcome == "not_modified":
        release_urls(con, [result.url])
    elif permanent_failure(result):
        at = result.attempts[-1].at
        failure = UrlFailure(result.url, result.outcome, result.status, result.error, at)
        hold_urls(
            con,
            [failure],
            first_h=settings.fetch.hold_failed_url_h,
            longest_h=settings.fetch.hold_failed_url_max_h,
        )
