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
"""

from __future__ import annotations

import fcntl
import json
import os
import time
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from config.settings import Settings

POLL_S = 1.0  # how often a waiting run asks again


class AlreadyRunning(Exception):
    """Another run holds this warehouse; the message says which and since when."""


# Lock files this process holds, with how many runs inside it are using each.
_held: dict[Path, int] = {}


def lock_path(warehouse: Path) -> Path:
    return warehouse.with_name(f"{warehouse.name}.run-lock")


@contextmanager
def exclusive_run(settings: Settings, what: str, *, wait: bool = False) -> Iterator[None]:
    """Hold the warehouse's run lock for `what` (e.g. "ingest"); publish the snapshot after."""
    path = lock_path(settings.warehouse_path).resolve()
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
            if settings.publish_snapshot and settings.warehouse_path.exists():
                from warehouse.snapshot import publish_snapshot  # DuckDB: not on `hzhk --help`

                publish_snapshot(settings.warehouse_path, settings.warehouse_wait_s)
            os.ftruncate(handle, 0)
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        os.close(handle)


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
