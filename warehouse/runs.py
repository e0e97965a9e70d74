"""Every SQL statement about `runs` and `ingest_errors`: each run explains itself in SQL."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime

import duckdb

from records.ids import stable_id
from records.runs import RunProblem
from warehouse.batch import rows_table, to_json


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


PROBLEM_COLUMNS = {
    "error_id": "VARCHAR", "stage": "VARCHAR", "source_id": "VARCHAR", "url": "VARCHAR",
    "error_class": "VARCHAR", "error": "VARCHAR", "occurred_at": "TIMESTAMPTZ",
}  # fmt: skip


def record_problems(
    con: duckdb.DuckDBPyConnection, run_id: str, problems: Sequence[RunProblem]
) -> int:
    """Store a batch of problems in one statement; the same problem twice in a run is kept once."""
    rows = {stable_id(run_id, p.stage, p.source_id, p.url): p for p in problems}
    if not rows:
        return 0
    con.execute(
        f"""
        MERGE INTO ingest_errors AS t
        USING ({rows_table(PROBLEM_COLUMNS)}) AS s
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
            to_json(
                {
                    "error_id": key,
                    "stage": p.stage,
                    "source_id": p.source_id,
                    "url": p.url,
                    "error_class": p.error_class,
                    "error": p.error,
                    "occurred_at": p.at,
                }
                for key, p in rows.items()
            ),
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
