"""Every benchmark in one command: `python -m bench [--corpus PATH] [--only NAME ...]`.

Each benchmark prints its own figures and its ratio against a baseline measured in the same run;
this runs them one after another, each in its own process so one's imports and caches do not
flatter the next.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

BENCHMARKS = (
    "feeds",
    "fetching",
    "extraction",
    "ingest",
    "facts",
    "tracking",
    # issue 13, scale and speed (docs/benchmarks.md): each takes --quick for a smoke test
    "ingest_speed",
    "track_speed",
    "digest_speed",
    "startup",
)
TAKE_CORPUS = {"extraction", "facts"}
TAKE_QUICK = {"ingest_speed", "track_speed", "digest_speed", "startup"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="the shared evaluation corpus folder")
    parser.add_argument("--only", nargs="+", choices=BENCHMARKS, default=list(BENCHMARKS))
    parser.add_argument(
        "--quick", action="store_true", help="small sizes for the benchmarks that take --quick"
    )
    args = parser.parse_args()
    failed = []
    for name in args.only:
        command = [sys.executable, "-m", f"bench.{name}"]
        if args.corpus is not None and name in TAKE_CORPUS:
            command += ["--corpus", str(args.corpus)]
        if args.quick and name in TAKE_QUICK:
            command.append("--quick")
        print(f"\n=== bench.{name} ===", flush=True)
        if subprocess.run(command, check=False).returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
