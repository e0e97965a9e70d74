"""Command start-up: `python -m bench.startup [--repeat R] [--quick]`.

Issue 13 (P5) asks that `hzhk --help` answer within 0.5 s and that a flow command's fixed
start-up be at most 2 s against a running Prefect server. Measured, each command a fresh process
timed from launch to exit, median [min-max]:

- the floors, as baselines measured in the same run: the interpreter alone (`python -c pass`)
  and `import prefect` (what any flow command pays before doing anything);
- `hzhk --help` (10 runs, `--quick` 3), `hzhk sql "select 1"` on a migrated warehouse;
- a flow command's fixed start-up: `hzhk track` on an empty warehouse (nothing to track, so all of
  its time is fixed cost), with Prefect's temporary server (a server started inside the command,
  the default without `PREFECT_API_URL`; its PREFECT_HOME is fresh for the first run only) and
  against a running `prefect server start` (started here on a free loopback port, its state in a
  temporary PREFECT_HOME).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from bench import speedkit

HELP_TARGET_S = 0.5
FLOW_TARGET_S = 2.0
HZHK = str(Path(speedkit.PYTHON).parent / "hzhk")


def timed_runs(
    command: Sequence[str], repeat: int, env: Mapping[str, str] | None = None
) -> list[float]:
    """Wall seconds of `repeat` runs of the command, each a fresh process; it must succeed."""
    seconds = []
    for _ in range(repeat):
        began = time.perf_counter()
        done = subprocess.run(
            list(command),
            cwd=speedkit.PROJECT,
            env={**os.environ, **(env or {})},
            capture_output=True,
            text=True,
            check=False,
        )
        seconds.append(time.perf_counter() - began)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed: {done.stderr[-2000:]}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each flow command")
    parser.add_argument("--quick", action="store_true", help="fewer runs: a smoke test")
    args = parser.parse_args(argv)
    help_runs = 3 if args.quick else 10
    repeat = 1 if args.quick else args.repeat
    print(f"machine load before: {speedkit.load()}", flush=True)
    rows: list[tuple[str, list[float], str]] = []
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as folder:
        root = Path(folder)
        env = {
            "HZHK_WAREHOUSE": str(root / "w.duckdb"),
            "HZHK_DATA_DIR": str(root / "data"),
            **speedkit.prefect_env(root / "prefect-temporary"),
        }
        env_no_api = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
        os.environ.clear()
        os.environ.update(env_no_api)
        rows.append(
            (
                "python -c pass (interpreter floor)",
                timed_runs([speedkit.PYTHON, "-c", "pass"], help_runs),
                "",
            )
        )
        rows.append(
            (
                "python -c 'import prefect'",
                timed_runs([speedkit.PYTHON, "-c", "import prefect"], repeat, env),
                "",
            )
        )
        rows.append(
            ("hzhk --help", timed_runs([HZHK, "--help"], help_runs, env), f"≤ {HELP_TARGET_S:g} s")
        )
        timed_runs([HZHK, "db", "migrate"], 1, env)
        rows.append(('hzhk sql "select 1"', timed_runs([HZHK, "sql", "select 1"], repeat, env), ""))
        temporary = timed_runs([HZHK, "track"], repeat + 1, env)
        rows.append(("hzhk track, temporary server (fresh PREFECT_HOME)", temporary[:1], ""))
        rows.append(("hzhk track, temporary server (warm PREFECT_HOME)", temporary[1:], ""))
        with speedkit.prefect_server() as (api, server_s):
            served = {**env, "PREFECT_API_URL": api}
            timed_runs([HZHK, "track"], 1, served)  # the server's first flow registers it
            rows.append(
                (
                    "hzhk track, running prefect server",
                    timed_runs([HZHK, "track"], repeat, served),
                    f"≤ {FLOW_TARGET_S:g} s",
                )
            )
        rows.append(("prefect server start, until healthy", [server_s], ""))
    floor = min(rows[0][1])
    lines = []
    for label, seconds, target in rows:
        middle = speedkit.spread(seconds)[0]
        limit = float(target.split()[1]) if target else None
        verdict = speedkit.verdict(middle, limit) if limit is not None else ""
        lines.append(
            (label, speedkit.fmt_spread(seconds), f"{middle / floor:.1f}", target, verdict)
        )
    print(
        f"\ncommand start-up, each a fresh process, median [min–max]; load after: {speedkit.load()}"
    )
    print(speedkit.table(("command", "seconds", "x interpreter", "target", "verdict"), lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
