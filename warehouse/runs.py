"""Every SQL statement about `runs` and `ingest_errors`: each run explains itself in SQL.

Adding a column: a migration, one line in the table's columns below and its value in the rows;
the MERGE follows from the declaration (`warehouse.merge`). `finish_run` stays a hand-written
UPDATE: it finishes a run that `start_run` inserted and must never insert one itself.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime

import duckdb

from records.ids import stable_id
from records.runs import RunProblem
from warehouse.merge import Table, merge
from warehouse.rows import rows_as

# A run is inserted once, when it starts; starting it again changes nothing.
RUN_COLUMNS = {
    "run_id": "VARCHAR", "flow": "VARCHAR", "started_at": "TIMESTAMPTZ", "status": "VARCHAR",
}  # fmt: skip
STARTED_RUNS = Table(name="runs", columns=RUN_COLUMNS, key=("run_id",), insert_only=True)


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, flow: str, started_at: datetime) -> None:
    """Record a run as running; a run that never finishes stays visibly 'running'."""
    row = {"run_id": run_id, "flow": flow, "started_at": started_at, "status": "running"}
    merge(con, STARTED_RUNS, [row])


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
    "error_id": "VARCHAR", "run_id": "VARCHAR", "stage": "VARCHAR", "source_id": "VARCHAR",
    "url": "VARCHAR", "error_class": "VARCHAR", "error": "VARCHAR",
    "occurred_at": "TIMESTAMPTZ",
}  # fmt: skip
# The same problem again in a run (same id) says what went wrong the last time; what it is about
# (the parts its id is hashed from) stays as first recorded.
PROBLEMS = Table(
    name="ingest_errors",
    columns=PROBLEM_COLUMNS,
    key=("error_id",),
    fixed=frozenset({"run_id", "stage", "source_id", "url"}),
)


def record_problems(
    con: duckdb.DuckDBPyConnection, run_id: str, problems: Sequence[RunProblem]
) -> int:
    """Store a batch of problems in one statement; the same problem twice in a run is kept once
    (the last one given wins)."""
    rows = [
        {
            "error_id": stable_id(run_id, p.stage, p.source_id, p.url),
            "run_id": run_id,
            "stage": p.stage,
            "source_id": p.source_id,
            "url": p.url,
            "error_class": p.error_class,
            "error": p.error,
            "occurred_at": p.at,
        }
        for p in problems
    ]
    return merge(con, PROBLEMS, rows).staged


def run_problems(con: duckdb.DuckDBPyConnection, run_id: str) -> list[RunProblem]:
    result = con.execute(
        "SELECT stage, source_id, url, error_class, error, occurred_at AS at FROM ingest_errors"
        " WHERE run_id = ? ORDER BY stage, source_id, url",
        [run_id],
    )
    return rows_as(RunProblem, result)
