"""Every SQL statement about `runs` and `ingest_errors`: each run explains itself in SQL."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

import duckdb

from warehouse.keys import stable_id


@dataclass(frozen=True, slots=True)
class RunProblem:
    """Something a run could not do, other than an HTTP attempt (those are in `fetches`)."""

    stage: str  # discover, fetch, parse
    source_id: str | None
    url: str | None
    error_class: str | None
    error: str
    at: datetime


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, flow: str, started_at: datetime) -> None:
    """Record a run as running; a run that never finishes stays visibly 'running'."""
    con.execute(
        """
        MERGE INTO runs AS t
        USING (SELECT ?::VARCHAR AS run_id) AS s ON t.run_id = s.run_id
        WHEN NOT MATCHED THEN INSERT (run_id, flow, started_at, status)
            VALUES (s.run_id, ?, ?, 'running')
        """,
        [run_id, flow, started_at],
    )


def finish_run(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    *,
    finished_at: datetime,
    status: str,
    counts: Mapping[str, int],
    error: str | None = None,
) -> None:
    con.execute(
        "UPDATE runs SET finished_at = ?, status = ?, counts = ?::JSON, error = ? WHERE run_id = ?",
        [finished_at, status, json.dumps(dict(counts), sort_keys=True), error, run_id],
    )


def record_problems(
    con: duckdb.DuckDBPyConnection, run_id: str, problems: Sequence[RunProblem]
) -> int:
    """Store a batch of problems in one statement; the same problem twice in a run is kept once."""
    rows = {stable_id(run_id, p.stage, p.source_id, p.url): p for p in problems}
    if not rows:
        return 0
    con.execute(
        """
        MERGE INTO ingest_errors AS t
        USING (
            SELECT
                unnest(?::VARCHAR[]) AS error_id, unnest(?::VARCHAR[]) AS stage,
                unnest(?::VARCHAR[]) AS source_id, unnest(?::VARCHAR[]) AS url,
                unnest(?::VARCHAR[]) AS error_class, unnest(?::VARCHAR[]) AS error,
                unnest(?::TIMESTAMPTZ[]) AS occurred_at
        ) AS s
        ON t.error_id = s.error_id
        WHEN MATCHED THEN UPDATE SET error_class = s.error_class, error = s.error,
            occurred_at = s.occurred_at
        WHEN NOT MATCHED THEN INSERT (
            error_id, run_id, stage, source_id, url, error_class, error, occurred_at
        ) VALUES (
            s.error_id, ?, s.stage, s.source_id, s.url, s.error_class, s.error, s.occurred_at
        )
        """,
        [
            list(rows),
            [p.stage for p in rows.values()],
            [p.source_id for p in rows.values()],
            [p.url for p in rows.values()],
            [p.error_class for p in rows.values()],
            [p.error for p in rows.values()],
            [p.at for p in rows.values()],
            run_id,
        ],
    )
    return len(rows)


def run_problems(con: duckdb.DuckDBPyConnection, run_id: str) -> list[RunProblem]:
    rows = con.execute(
        "SELECT stage, source_id, url, error_class, error, occurred_at FROM ingest_errors"
        " WHERE run_id = ? ORDER BY stage, source_id, url",
        [run_id],
    ).fetchall()
    return [RunProblem(*row) for row in rows]
