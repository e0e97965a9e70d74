"""Each scale-and-speed benchmark (issue 13, docs/benchmarks.md) runs with `--quick` and prints
its table. Only that it runs and reports is checked: speed is never asserted in a test, on a busy
2-core machine a timed assertion would only measure the neighbours."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent.parent

# benchmark -> lines its output must hold (a table's header and its verdict on the targets)
EXPECTED = {
    "bench.ingest_speed": ("| run ", "rerun (feeds 304)", "P1 ratio", "P2 re-parses: 0"),
    "bench.track_speed": ("| stored ", "last run ms/article", "targets: ≤ 20 ms/article"),
    "bench.digest_speed": ("| step ", "build_digest (whole)", "target: build + render"),
    "bench.startup": ("| command ", "hzhk --help", "running prefect server"),
}


@pytest.mark.slow
@pytest.mark.parametrize("module", sorted(EXPECTED))
def test_benchmark_runs_quick_and_prints_its_table(module: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", module, "--quick"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    for line in EXPECTED[module]:
        assert line in done.stdout, f"{module} printed no {line!r}:\n{done.stdout[-3000:]}"


def test_benchmarks_are_registered() -> None:
    from bench.__main__ import BENCHMARKS, TAKE_QUICK

    for module in EXPECTED:
        name = module.removeprefix("bench.")
        assert name in BENCHMARKS and name in TAKE_QUICK
