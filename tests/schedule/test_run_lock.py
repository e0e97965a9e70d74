"""One run at a time per warehouse: a second run stops at once naming the first (or waits for it
with --wait), and a lock left by a killed run is never in the way."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from typer.testing import CliRunner

from config.settings import load_settings
from flows.cli import app
from flows.run_guard import exclusive_run, lock_path

HOLD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from config.settings import load_settings
    from flows.run_guard import exclusive_run
    settings = load_settings(warehouse=Path(sys.argv[1]))
    settings = settings.model_copy(update={"publish_snapshot": False})
    with exclusive_run(settings, "ingest"):
        print("holding", flush=True)
        time.sleep(float(sys.argv[2]))
    """
)


def hold(warehouse: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process running on this warehouse for a while; returns once it holds the lock."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(warehouse), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "holding"
    return process


def test_a_second_run_stops_at_once_naming_the_first(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    first = hold(warehouse, 30)
    try:
        result = CliRunner().invoke(app, ["ingest", "-w", str(warehouse)])
        assert first.poll() is None  # it did not wait for the first run to end
        assert result.exit_code == 1
        message = " ".join(result.stderr.split())
        assert f"already running (PID {first.pid}, since" in message
        assert "Traceback" not in result.output
        assert not warehouse.exists()  # nothing was done
    finally:
        first.kill()
        first.wait()


def test_a_waiting_run_starts_when_the_first_ends(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    settings = load_settings(warehouse=warehouse).model_copy(update={"publish_snapshot": False})
    first = hold(warehouse, 3)
    started = time.monotonic()
    with exclusive_run(settings, "ingest", wait=True):
        waited = time.monotonic() - started
    first.wait()
    assert 1.5 < waited < 30


def test_a_lock_left_by_a_killed_run_is_not_in_the_way(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    settings = load_settings(warehouse=warehouse).model_copy(update={"publish_snapshot": False})
    first = hold(warehouse, 60)
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    assert str(first.pid) in lock_path(warehouse).read_text("utf-8")  # its note stays behind
    with exclusive_run(settings, "ingest"):
        assert str(os.getpid()) in lock_path(warehouse).read_text("utf-8")


def test_runs_nested_in_one_process_share_the_lock(tmp_path: Path) -> None:
    settings = load_settings(warehouse=tmp_path / "w.duckdb")
    settings = settings.model_copy(update={"publish_snapshot": False})
    with exclusive_run(settings, "pipeline"), exclusive_run(settings, "ingest"):
        pass  # the pipeline's subflows run inside its lock
    with exclusive_run(settings, "track"):
        pass  # and it is free again once they are done
