"""While another process writes to the warehouse, commands say so plainly instead of showing
DuckDB's lock error: who holds the file, and what to do about it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app

runner = CliRunner()

HOLD = """
import sys, duckdb
con = duckdb.connect(sys.argv[1])
print("holding", flush=True)
sys.stdin.read()  # until the test closes our stdin
con.close()
"""


@pytest.fixture
def writer(warehouse_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process with the migrated warehouse open for writing."""
    assert runner.invoke(app, ["db", "migrate", "-w", str(warehouse_path)]).exit_code == 0
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(warehouse_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline() == "holding\n"
    yield process
    assert process.stdin is not None
    process.stdin.close()
    process.wait()


@pytest.mark.parametrize(
    ("command", "advice"),
    [
        (["sql", "select 1"], "is writing to"),
        (["db", "status"], "is writing to"),
        (["db", "migrate"], "has"),
    ],
)
def test_a_held_warehouse_is_explained(
    writer: subprocess.Popen[str], warehouse_path: Path, command: list[str], advice: str
) -> None:
    result = runner.invoke(app, [*command, "-w", str(warehouse_path)])
    assert result.exit_code == 1
    message = result.stderr.strip()
    assert message.startswith(f"error: another process (PID {writer.pid}) {advice}")
    assert str(warehouse_path) in message and "run again when it finishes" in message
    assert "Could not set lock" not in message


def test_the_warehouse_opens_again_once_the_writer_is_gone(
    writer: subprocess.Popen[str], warehouse_path: Path
) -> None:
    assert writer.stdin is not None
    writer.stdin.close()
    writer.wait()
    result = runner.invoke(app, ["sql", "select 1 as one", "-w", str(warehouse_path)])
    assert result.exit_code == 0
