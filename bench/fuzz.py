"""The property tests on a long budget: every parser and helper test of the fuzz suite, run with
the Hypothesis profile `long` (10,000 examples each) instead of CI's short one, as a table of
examples run and failures per target.

    python -m bench.fuzz                        # every target, 10,000 examples each (long)
    python -m bench.fuzz --only dates           # targets whose test name matches a regex
    python -m bench.fuzz --examples 2000        # another budget

These are the same tests CI runs (tests/faults/test_properties.py, tests/parsers/
test_feeds_fuzz.py, test_article_robustness.py, test_urls.py): only the profile differs. A target
whose test is expected to fail (a known defect, marked xfail) still counts its failure here.
Exit code 1 on any failure.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from typing import Any

import pytest

TEST_FILES = (
    "tests/faults/test_properties.py",
    "tests/parsers/test_feeds_fuzz.py",
    "tests/parsers/test_article_robustness.py",
    "tests/parsers/test_urls.py",
)
_PHASE = re.compile(r"during (\w+) phase")
_COUNTS = re.compile(r"(\d+) passing, (\d+) failing")
_DISTINCT = re.compile(r"Found (\d+) (?:more )?distinct error")


@dataclass
class Row:
    """One target: a property test (one parametrisation of it)."""

    target: str
    examples: int = 0
    failures: int = 0
    outcome: str = ""
    seconds: float = 0.0


def examples_in(statistics: str) -> tuple[int, int]:
    """(examples run, distinct failures) from Hypothesis's statistics text: passing plus failing
    test cases of every phase but shrinking (whose cases are attempts to shrink one failure)."""
    examples = failures = 0
    phase = ""
    for line in statistics.splitlines():
        if found := _PHASE.search(line):
            phase = found.group(1)
        elif (found := _COUNTS.search(line)) and phase != "shrink":
            examples += int(found.group(1)) + int(found.group(2))
        if found := _DISTINCT.search(line):
            failures += int(found.group(1))
    return examples, failures


class Collector:
    """A pytest plugin keeping each Hypothesis test's statistics and outcome."""

    def __init__(self) -> None:
        self.rows: dict[str, Row] = {}

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: Any) -> Generator[None, Any, None]:
        outcome = yield
        report = outcome.get_result()
        if report.when != "call":
            return
        statistics = getattr(item, "hypothesis_statistics", None)
        if statistics is None and not hasattr(getattr(item, "obj", None), "hypothesis"):
            return  # not a property test
        examples, failures = examples_in(statistics or "")
        xfailed = hasattr(report, "wasxfail")
        if (report.failed or xfailed) and not failures:
            failures = 1
        name = item.nodeid.split("::", 1)[1]
        label = "known defect" if xfailed and report.skipped else report.outcome
        self.rows[name] = Row(name, examples, failures, label, report.duration)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.fuzz", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--only", metavar="PATTERN", help="targets whose test name matches")
    parser.add_argument("--examples", type=int, default=10_000, help="examples per target")
    args = parser.parse_args(argv)
    os.environ["HZHK_HYPOTHESIS_PROFILE"] = "long"
    os.environ["HZHK_FUZZ_EXAMPLES"] = str(args.examples)
    collector = Collector()
    command = [
        *TEST_FILES,
        "-q",
        "-p",
        "no:cacheprovider",
        "--no-header",
        "-o",
        "console_output_style=classic",
    ]
    if args.only:
        command += ["-k", args.only]
    started = time.monotonic()
    pytest.main(command, plugins=[collector])
    rows = sorted(collector.rows.values(), key=lambda r: r.target)
    width = max([len("target"), *(len(r.target) for r in rows)])
    print(f"\n{'target':<{width}}  {'examples':>9}  {'failures':>8}  {'seconds':>7}  outcome")
    for r in rows:
        counts = f"{r.examples:>9,}  {r.failures:>8}  {r.seconds:>7.0f}"
        print(f"{r.target:<{width}}  {counts}  {r.outcome}")
    failed = sum(r.failures for r in rows)
    total = sum(r.examples for r in rows)
    print(
        f"\n{len(rows)} targets, {total:,} examples, {failed} failures "
        f"({time.monotonic() - started:.0f} s, budget {args.examples:,} per target)"
    )
    return 1 if failed or not rows else 0


if __name__ == "__main__":
    sys.exit(main())
