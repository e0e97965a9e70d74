"""Every SQL statement about the `sources` table: the configured sources, mirrored for SQL users."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import duckdb

from warehouse.batch import rows_table, to_json


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


def upsert_sources(
    con: duckdb.DuckDBPyConnection, rows: Sequence[SourceRow], *, updated_at: datetime
) -> int:
    """Insert new sources and update changed ones in one statement; returns rows written.

    Sources missing from the file are left as they are: their fetches and articles still point
    at them, and `enabled` in the file is how a source is switched off.
    """
    unique = list({r.source_id: r for r in rows}.values())
    if not unique:
        return 0
    staged = [
        {
            "source_id": r.source_id, "name": r.name, "kind": r.kind, "url": r.url,
            "query": r.query, "language": r.language, "publisher": r.publisher,
            "official": r.official, "poll_interval_minutes": r.poll_interval_minutes,
            "enabled": r.enabled, "options": dict(sorted(r.options.items())),
        }
        for r in unique
    ]  # fmt: skip
    changed = con.execute(
        f"""
        MERGE INTO sources AS t
        USING ({rows_table(SOURCE_COLUMNS)}) AS s
        ON t.source_id = s.source_id
        WHEN MATCHED AND (
            t.name, t.kind, t.url, t.query, t.language, t.publisher, t.official,
            t.poll_interval_minutes, t.enabled, t.options::VARCHAR
        ) IS DISTINCT FROM (
            s.name, s.kind, s.url, s.query, s.language, s.publisher, s.official,
            s.poll_interval_minutes, s.enabled, s.options::VARCHAR
        ) THEN UPDATE SET
            name = s.name, kind = s.kind, url = s.url, query = s.query, language = s.language,
            publisher = s.publisher, official = s.official,
            poll_interval_minutes = s.poll_interval_minutes, enabled = s.enabled,
            options = s.options, updated_at = ?
        WHEN NOT MATCHED THEN INSERT (
            source_id, name, kind, url, query, language, publisher, official,
            poll_interval_minutes, enabled, options, updated_at
        ) VALUES (
            s.source_id, s.name, s.kind, s.url, s.query, s.language, s.publisher, s.official,
            s.poll_interval_minutes, s.enabled, s.options, ?
        )
        RETURNING merge_action
        """,
        [to_json(staged), updated_at, updated_at],
    ).fetchall()
    return len(changed)
