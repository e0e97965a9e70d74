"""One run at a time per warehouse, and a fresh snapshot after each.

A second `hzhk run`/`ingest`/`pipeline` (or a scheduled run) against the same warehouse would
otherwise queue behind DuckDB's file lock for minutes and then interleave its batches with the
first's. Instead it waits for the first when asked to (`wait`), or stops at once with
"already running (PID n, since T)". The lock is an advisory `flock` on `<warehouse>.run-lock`:
the operating system releases it when its process ends, however it ends, so a lock left by a
killed run is never mistaken for a live one (the PID and start time written in the file are only
there to be reported). Within one process the lock is re-entrant: the pipeline flow holds it
while its ingest, track and digest subflows run.

When the outermost run of this process ends, the warehouse's read-only snapshot is published
(warehouse/snapshot.py) unless settings say otherwise.

On a DuckLake (settings' `warehouse_target`) it depends on the catalog:
- SQLite: one run at a time, as for the file (the lock sits beside the catalog file). A SQLite
  catalog takes one commit at a time, and its write lock makes other writers wait for each
  commit; a run at a time keeps the catalog free for readers and the file simple to reason
  about, and one machine gains little from two runs.
- PostgreSQL: several writers by design, so `ingest` and `backfill` take no run lock at all; two
  of them, on one machine or several, fetch and parse in parallel and commit one after another
  under the lake's writer lock (warehouse/lake.py). Tracking, digests and re-parsing still run
  one at a time per machine (the lock file is under the data folder): they rewrite derived rows
  (events, relevance) from what they read, and two at once would undo each other's work.
Snapshots are for the DuckDB file only: a lake's readers attach the lake itself, and no writer
ever locks them out.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import time
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from config.lake import Lake
from config.settings import Settings

POLL_S = 1.0  # how often a waiting run asks again
# Runs that may write a PostgreSQL-catalog lake at the same time as others (see above).
CONCURRENT_ON_SHARED_LAKE = frozenset({"ingest", "backfill"})
NO_SNAPSHOT_FOR_LAKE = (
    "no snapshot published: a DuckLake warehouse is read directly (hzhk sql, or ATTACH it "
    "READ_ONLY), and writers never lock readers out"
)

log = logging.getLogger(__name__)


class AlreadyRunning(Exception):
    """Another run holds this warehouse; the message says which and since when."""


# Lock files this process holds, with how many runs inside it are using each.
_held: dict[Path, int] = {}


def lock_path(warehouse: Path) -> Path:
    return warehouse.with_name(f"{warehouse.name}.run-lock")


def run_lock_path(settings: Settings) -> Path:
    """The lock file for the settings' warehouse: beside the DuckDB file or SQLite catalog; for
    a PostgreSQL catalog, under this machine's data folder."""
    target = settings.warehouse_path
    if isinstance(target, Path):
        return lock_path(target)
    if target.sqlite_path is not None:
        return lock_path(target.sqlite_path)
    assert target.postgres is not None
    return settings.data_path / f"{target.postgres.dbname}.lake.run-lock"


def runs_alone(target: Path | Lake, what: str) -> bool:
    """Whether a run of `what` must be the only one on this warehouse (see the module's doc)."""
    shared = isinstance(target, Lake) and target.postgres is not None
    return not (shared and what in CONCURRENT_ON_SHARED_LAKE)


@contextmanager
def exclusive_run(settings: Settings, what: str, *, wait: bool = False) -> Iterator[None]:
    """Hold the warehouse's run lock for `what` (e.g. "ingest"); publish the snapshot after.

    On a PostgreSQL-catalog lake an ingest or backfill takes no lock: several run at once.
    """
    if not runs_alone(settings.warehouse_path, what):
        yield
        return
    path = run_lock_path(settings).resolve()
    if path in _held:  # a subflow of a run this process already holds the lock for
        _held[path] += 1
        try:
            yield
        finally:
            _held[path] -= 1
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(handle, path, wait_s=settings.warehouse_wait_s if wait else 0.0)
        _write_holder(handle, what)
        _held[path] = 1
        try:
            yield
        finally:
            del _held[path]
            if settings.publish_snapshot:
                _publish(settings)
            os.ftruncate(handle, 0)
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        os.close(handle)


def _publish(settings: Settings) -> None:
    target = settings.warehouse_path
    if isinstance(target, Lake):
        log.info("%s", NO_SNAPSHOT_FOR_LAKE)
        return
    if target.exists():
        from warehouse.snapshot import publish_snapshot  # DuckDB: not on `hzhk --help`

        publish_snapshot(target, settings.warehouse_wait_s)


def _acquire(handle: int, path: Path, *, wait_s: float) -> None:
    deadline = time.monotonic() + wait_s
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() + POLL_S > deadline:
                raise AlreadyRunning(_describe(path, waited=wait_s)) from None
            time.sleep(POLL_S)


def _write_holder(handle: int, what: str) -> None:
    holder = {"pid": os.getpid(), "since": datetime.now(UTC).isoformat(timespec="seconds")}
    data = json.dumps({**holder, "run": what}).encode()
    os.ftruncate(handle, 0)
    os.pwrite(handle, data, 0)


def _describe(path: Path, *, waited: float) -> str:
    try:
        holder = json.loads(path.read_text("utf-8") or "{}")
    except (OSError, ValueError):
        holder = {}
    who = f"PID {holder.get('pid', '?')}, since {holder.get('since', '?')}"
    run = holder.get("run", "a run")
    after = f" (waited {waited:g} s)" if waited else "; run again later, or with --wait"
    return f"already running ({who}): {run} on {path.name.removesuffix('.run-lock')}{after}"


@dataclass
class RunRecord:
    """A run as our own `runs` table keeps it: history that never depends on Prefect's database."""

    run_id: str
    counts: dict[str, int] = field(default_factory=dict)


@contextmanager
def recorded_run(settings: Settings, flow: str) -> Iterator[RunRecord]:
    """Record the block as a run of `flow`: running, then completed with its counts, or failed
    with its error (re-raised). Ingest and track record theirs in their own steps."""
    from warehouse.db import open_warehouse
    from warehouse.runs import finish_run, start_run

    record = RunRecord(f"{flow}-{uuid.uuid4().hex[:12]}")
    with closing(open_warehouse(settings.warehouse_path, settings.warehouse_wait_s)) as con:
        start_run(con, record.run_id, flow, datetime.now(UTC))
    error: str | None = None
    try:
        yield record
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"
        raise
    finally:
        with closing(open_warehouse(settings.warehouse_path, settings.warehouse_wait_s)) as con:
            finish_run(
                con,
                record.run_id,
                finished_at=datetime.now(UTC),
                status="failed" if error else "completed",
                counts=record.counts,
                error=error,
            )
