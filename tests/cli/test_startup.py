"""`hzhk --help` stays fast: loading the command line imports neither Prefect nor DuckDB."""

from __future__ import annotations

import subprocess
import sys

from config.settings import PROJECT_ROOT

PROBE = """
import sys
import flows.cli
heavy = sorted({name.split(".")[0] for name in sys.modules} & {"prefect", "duckdb"})
print(",".join(heavy))
"""


def test_importing_the_command_line_loads_neither_prefect_nor_duckdb() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=PROJECT_ROOT, check=True
    )
    assert done.stdout.strip() == ""
