"""Ad hoc SQL while flows write: each run leaves a read-only snapshot that queries open without
waiting, `hzhk sql` falls back to it when the live file is busy, and a reader holding the live
file only delays a run, never fails it."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from config.settings import load_settings
from flows.cli import app
from tests.ingest.conftest import read_rows
from tests.schedule.conftest import Site
from warehouse.snapshot import snapshot_path

pytestmark = pytest.mark.prefect
HOLD_FILE = textwrap.dedent(
    """
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == "read")
    print("holding", flush=True)
    time.sleep(float(sys.argv[3]))
    con.close()
    """
)


def hold_file(path: Path, mode: str, seconds: float) -> subprocess.Popen[str]:
    """Another process with the warehouse file open (a notebook, the duckdb CLI, a writer)."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD_FILE, str(path), mode, str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "holding"
    return process


def ingest(site: Site) -> None:
    result = CliRunner().invoke(app, [*site.cli(), "ingest", "--force"])
    assert result.exit_code == 0, result.output


def test_each_run_leaves_a_snapshot_that_opens_while_the_live_file_is_written(
    prefect_harness: None, site: Site
) -> None:
    ingest(site)
    snapshot = snapshot_path(site.warehouse)
    writer = hold_file(site.warehouse, "write", 20)
    try:
        con = duckdb.connect(str(snapshot), read_only=True)  # a notebook, the duckdb CLI
        try:
            (count,) = con.execute("SELECT count(*) FROM articles").fetchone() or (0,)
        finally:
            con.close()
        assert count == 4  # the seed and the site's three stories
        result = CliRunner().invoke(
            app, [*site.cli(), "sql", "select count(*) as n from articles", "-f", "csv"]
        )
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines() == ["n", "4"]
        note = " ".join(result.stderr.split())
        assert f"(PID {writer.pid})" in note and "answered from the snapshot of" in note
    finally:
        writer.kill()
        writer.wait()


@pytest.mark.slow
def test_a_reader_holding_the_live_file_for_30_s_delays_a_run_but_does_not_fail_it(
    prefect_harness: None, site: Site
) -> None:
    from flows.ingest import ingest as ingest_flow

    ingest(site)
    settings = load_settings(config_dir=site.config, warehouse=site.warehouse, data_dir=site.data)
    reader = hold_file(site.warehouse, "read", 30)
    started = time.monotonic()
    report = asyncio.run(ingest_flow(settings=settings, force=True))
    elapsed = time.monotonic() - started
    reader.wait()
    assert report.status == "completed"
    assert elapsed > 20  # it waited for the reader instead of failing
    statuses = read_rows(site.warehouse, "SELECT status FROM runs WHERE flow = 'ingest'")
    assert statuses == [("completed",), ("completed",)]
