"""Start-up stays fast: loading the command line imports neither Prefect nor DuckDB (`hzhk --help`),
and loading the track flow imports neither scipy, which only signing articles needs, nor the
tracking modules, which only a batch needs."""

from __future__ import annotations

import subprocess
import sys

from config.settings import PROJECT_ROOT

PROBE = """
import sys
import {module}
heavy = sorted({{name.split(".")[0] for name in sys.modules}} & {heavy!r})
print(",".join(heavy))
"""


def loaded(module: str, heavy: set[str]) -> list[str]:
    """Which of `heavy` a fresh interpreter has imported once it has imported `module`."""
    probe = PROBE.format(module=module, heavy=heavy)
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=PROJECT_ROOT, check=True
    )
    return [name for name in done.stdout.strip().split(",") if name]


def test_importing_the_command_line_loads_neither_prefect_nor_duckdb() -> None:
    assert loaded("flows.cli", {"prefect", "duckdb"}) == []


def test_signing_articles_loads_neither_numpy_nor_scipy() -> None:
    """datasketch's MinHash brought both: 64 MB of a tracking process (issue 13, P4)."""
    assert loaded("tracking.duplicates", {"numpy", "scipy", "datasketch"}) == []


def test_a_track_run_with_nothing_to_track_loads_no_tracking_module() -> None:
    """~0.25 s of patterns and tables at import, paid only by a run with articles to track."""
    assert loaded("flows.track", {"tracking"}) == []
