"""Every SQL statement about the `sources` table: the configured sources, mirrored for SQL users.

Adding a column: a migration, one line in `SOURCE_COLUMNS` and its value in `upsert_sources`'s
rows; the MERGE follows from `SOURCES` (`warehouse.merge`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import duckdb

from warehouse.merge import Table, merge


@dataclass(frozen=True, slots=True)
class SourceRow:
    source_id: str
    name: str
    kind: str
    url: str | None
    query: str | None
    language: str | None
    publisher: str | None
    official: bool
    poll_interval_minutes: int
    enabled: bool
    options: Mapping[str, str] = field(default_factory=dict)


SOURCE_COLUMNS = {
    "source_id": "VARCHAR", "name": "VARCHAR", "kind": "VARCHAR", "url": "VARCHAR",
    "query": "VARCHAR", "language": "VARCHAR", "publisher": "VARCHAR", "official": "BOOLEAN",
    "poll_interval_minutes": "INTEGER", "enabled": "BOOLEAN", "options": "JSON",
}  # fmt: skip
# A source is rewritten (and stamped `$updated_at`) only when something in the file changed.
SOURCES = Table(
    name="sources",
    columns=SOURCE_COLUMNS,
    key=("source_id",),
    values={"updated_at": "$updated_at"},
    compare="all",
    returning=True,
)


def upsert_sources(
    con: duckdb.DuckDBPyConnection, rows: Sequence[SourceRow], *, updated_at: datetime
) -> int:
    """Insert new sources and update changed ones in one statement; returns rows written.

    Sources missing from the file are left as they are: their fetches and articles still point
    at them, and `enabled` in the file is how a source is switched off.
    """
    staged = [
        {
            "source_id": r.source_id, "name": r.name, "kind": r.kind, "url": r.url,
            "query": r.query, "language": r.language, "publisher": r.publisher,
            "official": r.official, "poll_interval_minutes": r.poll_interval_minutes,
            "enabled": r.enabled, "options": dict(sorted(r.options.items())),
        }
        for r in rows
    ]  # fmt: skip
    # The last row of a source id wins (`merge` deduplicates).
    merged = merge(con, SOURCES, staged, {"updated_at": updated_at})
    return len(merged.actions)
