"""The fault matrix: every hostile value and misbehaving server in tests/faults/cases.py, run
through the real hzhk paths, as a table of case, expected, observed and verdict.

    python -m bench.faults                 # everything (about a minute and a half)
    python -m bench.faults --only sql      # cases whose id or group matches a regex
    python -m bench.faults --list          # the cases, without running them

Ingest cases run in this process through the real `ingest` flow, under Prefect's test API
(started once: ~15 s), each behind its own loopback site; CLI cases run the `hzhk` console
script. Exit code 1 when any case is not handled.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from tests.faults.cases import CliCase, IngestCase, RunCase, select
from tests.faults.matrix import IngestRun, Verdict, judge_ingest, judge_run, run_cli, run_ingest


@contextmanager
def prefect_api(home: Path) -> Iterator[None]:
    """Prefect's test API for this process: one start-up for every ingest case."""
    os.environ["PREFECT_HOME"] = str(home)
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield


def run_matrix(
    cases: Sequence[IngestCase | CliCase | RunCase], root: Path, workers: int = 3
) -> list[Verdict]:
    """Every case's verdict, in the order given."""
    ingest = [c for c in cases if isinstance(c, IngestCase)]
    runs = [c for c in cases if isinstance(c, RunCase)]
    cli = [c for c in cases if isinstance(c, CliCase)]
    verdicts: dict[str, Verdict] = {}
    run: IngestRun | None = None
    needs_run = bool(ingest or runs or any(c.needs_run for c in cli))
    if needs_run:
        from tests.faults.cases import INGEST_CASES

        with prefect_api(root / "prefect"):
            run = run_ingest(ingest or INGEST_CASES, root / "ingest")
            try:
                for case in ingest:
                    verdicts[case.id] = judge_ingest(case, run)
                for run_case in runs:
                    verdicts[run_case.id] = judge_run(run_case, run)
            finally:
                run.close()
    filled = run.warehouse if run is not None else None
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {
            case.id: pool.submit(run_cli, case, root / "cli" / case.id, filled) for case in cli
        }
        for case_id, future in futures.items():
            verdicts[case_id] = future.result()
    return [verdicts[c.id] for c in cases]


def table(verdicts: Sequence[Verdict]) -> str:
    """The matrix as a fixed-width table, one case per line."""
    widths = (
        max([len("case"), *(len(v.case_id) for v in verdicts)]),
        60,
    )
    lines = [f"{'case':<{widths[0]}}  {'expected':<{widths[1]}}  verdict  observed"]
    for v in verdicts:
        expected = v.expected if len(v.expected) <= widths[1] else v.expected[:59] + "…"
        mark = "handled" if v.handled else "FAILED "
        lines.append(f"{v.case_id:<{widths[0]}}  {expected:<{widths[1]}}  {mark}  {v.observed}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.faults", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--only", metavar="PATTERN", help="cases whose id or group matches")
    parser.add_argument("--list", action="store_true", help="list the cases and stop")
    parser.add_argument("--workers", type=int, default=3, help="CLI cases run at once")
    args = parser.parse_args(argv)
    cases = select(args.only)
    if not cases:
        print(f"no case matches {args.only!r}", file=sys.stderr)
        return 2
    if args.list:
        for case in cases:
            print(f"{case.id:<36} {case.group:<8} {case.expected}")
        print(f"{len(cases)} cases")
        return 0
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="hzhk-faults-") as tmp:
        verdicts = run_matrix(cases, Path(tmp), args.workers)
    print(table(verdicts))
    handled = sum(v.handled for v in verdicts)
    print(f"\n{handled} handled / {len(verdicts)} cases  ({time.monotonic() - started:.0f} s)")
    return 0 if handled == len(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
