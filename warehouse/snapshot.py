"""A read-only copy of the warehouse beside it, for people and tools while a run writes.

DuckDB lets one process write a file and then lets no other process open it, not even to read
(measured). So after each run the warehouse is copied to `<name>.snapshot.duckdb` and swapped in
at once (a rename): `hzhk sql`, the duckdb CLI and notebooks open the snapshot without waiting,
and `hzhk sql` falls back to it, saying how old it is, when the live file is busy. The copy is
made while this process holds the file for writing and has checkpointed it, so it is a
consistent database, never a half-written one.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from warehouse.db import connect


def snapshot_path(warehouse: Path) -> Path:
    return warehouse.with_name(f"{warehouse.stem}.snapshot{warehouse.suffix}")


def publish_snapshot(warehouse: Path, wait_s: float = 0.0) -> Path:
    """Copy the warehouse to its snapshot path, atomically; returns the snapshot's path."""
    target = snapshot_path(warehouse)
    partial = target.with_name(f".{target.name}.partial")
    con = connect(warehouse, wait_s=wait_s)  # no other writer while we copy
    try:
        con.execute("CHECKPOINT")  # everything committed is in the main file, none in the WAL
        shutil.copyfile(warehouse, partial)
        with partial.open("rb") as copy:
            os.fsync(copy.fileno())
        os.replace(partial, target)
    finally:
        con.close()
        partial.unlink(missing_ok=True)
    return target


def snapshot_time(warehouse: Path) -> datetime | None:
    """When the snapshot was published, or None when there is none."""
    target = snapshot_path(warehouse)
    if not target.is_file():
        return None
    return datetime.fromtimestamp(target.stat().st_mtime, UTC)
