"""Every SQL statement about the `sources` table: the configured sources, mirrored for SQL users."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import duckdb


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
    columns = {
        "source_id": [r.source_id for r in unique],
        "name": [r.name for r in unique],
        "kind": [r.kind for r in unique],
        "url": [r.url for r in unique],
        "query": [r.query for r in unique],
        "language": [r.language for r in unique],
        "publisher": [r.publisher for r in unique],
        "official": [r.official for r in unique],
        "poll_interval_minutes": [r.poll_interval_minutes for r in unique],
        "enabled": [r.enabled for r in unique],
        "options": [json.dumps(dict(r.options), sort_keys=True) for r in unique],
    }
    changed = con.execute(
        """
        MERGE INTO sources AS t
        USING (
            SELECT
                unnest(?::VARCHAR[]) AS source_id, unnest(?::VARCHAR[]) AS name,
                unnest(?::VARCHAR[]) AS kind, unnest(?::VARCHAR[]) AS url,
                unnest(?::VARCHAR[]) AS query, unnest(?::VARCHAR[]) AS language,
                unnest(?::VARCHAR[]) AS publisher, unnest(?::BOOLEAN[]) AS official,
                unnest(?::INTEGER[]) AS poll_interval_minutes, unnest(?::BOOLEAN[]) AS enabled,
                unnest(?::VARCHAR[])::JSON AS options
        ) AS s
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
        [*columns.values(), updated_at, updated_at],
    ).fetchall()
    return len(changed)
