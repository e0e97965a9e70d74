"""One URL through the whole fetch path and into the warehouse: what `hzhk fetch` runs.

The warehouse is opened twice, briefly, around the network work (to read the URL's validators,
then to record the result), because DuckDB locks the file against every other process while a
write connection is open.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from flows.http.fetcher import Fetcher
from flows.http.results import FetchResult, Validators
from flows.settings import Settings
from warehouse.archive import archive_key
from warehouse.db import open_warehouse
from warehouse.fetchlog import RecordSummary, record_results, validators_for


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
        con = open_warehouse(settings.warehouse_path)
        try:
            validators = validators_for(con, [url]).get(url, Validators())
        finally:
            con.close()

    async def fetch() -> FetchResult:
        async with Fetcher(settings.fetch, settings.allow_hosts) as fetcher:
            return await fetcher.fetch(url, source_id=source_id, validators=validators)

    result = asyncio.run(fetch())
    con = open_warehouse(settings.warehouse_path)
    try:
        summary = record_results(
            con, [result], run_id=None, archive_dir=settings.data_path / "archive"
        )
    finally:
        con.close()
    key = archive_key(result.content_sha256) if result.content_sha256 else None
    return StoredFetch(result, summary, key)
