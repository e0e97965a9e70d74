"""A run's held write connection: opened once for many steps, dropped when a step fails, and let
go once held `hold_s`, after which another process can open the file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from warehouse.db import HeldConnection, open_warehouse

OPEN_READ_ONLY = "import duckdb, sys; duckdb.connect(sys.argv[1], read_only=True).close()"


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    path = tmp_path / "w.duckdb"
    open_warehouse(path).close()
    return path


def another_process_opens(path: Path) -> bool:
    done = subprocess.run(
        [sys.executable, "-c", OPEN_READ_ONLY, str(path)], capture_output=True, timeout=60
    )
    return done.returncode == 0


def test_steps_share_the_connection_until_it_is_let_go(warehouse: Path) -> None:
    held = HeldConnection(warehouse, hold_s=600.0)
    with held.use() as first:
        first.execute("CREATE TABLE t (x INTEGER)")
    with held.use() as second:
        second.execute("INSERT INTO t VALUES (1)")
    held.let_go_if_due()  # held for less than 600 s: kept
    with held.use() as third:
        assert third is first and third.execute("SELECT x FROM t").fetchall() == [(1,)]
    assert held.opened == 1
    held.close()


def test_a_connection_held_long_enough_is_let_go_and_the_file_opens_elsewhere(
    warehouse: Path,
) -> None:
    held = HeldConnection(warehouse, hold_s=0.0)
    with held.use() as con:
        con.execute("CREATE TABLE t (x INTEGER)")
    assert not another_process_opens(warehouse)  # DuckDB: a writer locks the file
    held.let_go_if_due()
    assert another_process_opens(warehouse)
    with held.use():
        pass
    assert held.opened == 2
    held.close()


def test_a_failed_step_drops_the_connection_and_its_retry_opens_a_fresh_one(
    warehouse: Path,
) -> None:
    held = HeldConnection(warehouse, hold_s=600.0)
    with pytest.raises(RuntimeError), held.use() as con:
        con.execute("CREATE TABLE t (x INTEGER)")
        raise RuntimeError("the step failed")
    assert another_process_opens(warehouse)  # dropped at once, not at the run's end
    with held.use() as con:
        assert con.execute("SELECT count(*) FROM t").fetchall() == [(0,)]
    assert held.opened == 2
    held.close()


def test_a_held_connection_keeps_duckdb_within_the_memory_it_is_given(warehouse: Path) -> None:
    """Held for a whole run, DuckDB's block cache would grow with the warehouse: the connection
    carries settings' `warehouse_cache_mb` as DuckDB's memory limit, each time it is opened."""
    held = HeldConnection(warehouse, hold_s=0.0, memory_mb=64)
    for _ in range(2):
        with held.use() as con:
            [(limit,)] = con.execute("SELECT current_setting('memory_limit')").fetchall()
            assert limit == "61.0 MiB"  # 64 MB, in DuckDB's units
        held.let_go_if_due()
    assert held.opened == 2


def test_a_step_out_of_memory_is_retried_with_twice_the_limit_until_it_fits(
    warehouse: Path,
) -> None:
    """Indexes and unwritten rows cannot spill, and they grow with the warehouse: a limit too
    small for it would stop every run. Each step that runs out doubles the held limit; the
    retry (the flow's steps have retries) gets it, and so does the rest of the run."""
    held = HeldConnection(warehouse, hold_s=600.0, memory_mb=16)
    needs_40_mb = "SELECT length(string_agg(range::VARCHAR, ',')) FROM range(5000000)"
    limits = []
    for _attempt in range(5):
        try:
            with held.use() as con:
                [(limit,)] = con.execute("SELECT current_setting('memory_limit')").fetchall()
                limits.append(limit)
                [(length,)] = con.execute(needs_40_mb).fetchall()
            break
        except duckdb.OutOfMemoryException:
            continue
    assert length > 30_000_000
    assert limits[0] == "15.2 MiB" and len(limits) > 1  # 16 MB was too little
    assert held.memory_mb == 16 * 2 ** (len(limits) - 1)
    with held.use() as con:  # later steps keep the limit that sufficed
        assert con.execute("SELECT current_setting('memory_limit')").fetchall() == [(limits[-1],)]
    held.close()


def test_other_failures_leave_the_limit_as_it_was(warehouse: Path) -> None:
    held = HeldConnection(warehouse, hold_s=600.0, memory_mb=64)
    with pytest.raises(duckdb.CatalogException), held.use() as con:
        con.execute("SELECT * FROM no_such_table")
    assert held.memory_mb == 64
