"""The fault matrix in CI: every case of tests/faults/cases.py is one test here, judged by the
same code as `python -m bench.faults`. The ingest cases share one real `ingest` run (two, in
fact: the second checks nothing stays broken) over loopback sites, started once per module."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.faults.cases import (
    CLI_CASES,
    INGEST_CASES,
    KNOWN_DEFECTS,
    RUN_CASES,
    Case,
    CliCase,
    IngestCase,
    RunCase,
)
from tests.faults.matrix import (
    IngestRun,
    Verdict,
    judge_ingest,
    judge_run,
    run_cli,
    run_ingest,
)


def params(cases: list[IngestCase] | list[CliCase] | list[RunCase]) -> list[object]:
    """One param per case, named by its id; a case failing for a known, reported defect is
    expected to fail (strictly: a fix makes the test say the entry can go)."""
    found: list[object] = []
    for case in cases:
        marks: list[pytest.MarkDecorator] = []
        marks.append(pytest.mark.prefect)  # CLI cases too: they are run after the ingest run
        if case.id in KNOWN_DEFECTS:
            marks.append(pytest.mark.xfail(reason=KNOWN_DEFECTS[case.id], strict=True))
        found.append(pytest.param(case, id=case.id, marks=marks))
    return found


@pytest.fixture(scope="module")
def fault_run(
    prefect_harness: None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[IngestRun]:
    run = run_ingest(INGEST_CASES, tmp_path_factory.mktemp("fault-run"))
    try:
        yield run
    finally:
        run.close()


def explain(case: Case, observed: str) -> str:
    return f"{case.id}: expected {case.expected}; observed {observed}"


@pytest.mark.parametrize("case", params(INGEST_CASES))
def test_ingest_case(case: IngestCase, fault_run: IngestRun) -> None:
    verdict = judge_ingest(case, fault_run)
    assert verdict.handled, explain(case, verdict.observed)


@pytest.mark.parametrize("case", params(RUN_CASES))
def test_run_case(case: RunCase, fault_run: IngestRun) -> None:
    verdict = judge_run(case, fault_run)
    assert verdict.handled, explain(case, verdict.observed)


@pytest.fixture(scope="module")
def cli_verdicts(
    fault_run: IngestRun, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Verdict]:
    """Every CLI case, three subprocesses at a time (each is mostly start-up: ~0.5-1 s)."""
    root = tmp_path_factory.mktemp("cli")
    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = {
            case.id: pool.submit(run_cli, case, root / case.id, fault_run.warehouse)
            for case in CLI_CASES
        }
        return {case_id: future.result() for case_id, future in futures.items()}


@pytest.mark.parametrize("case", params(CLI_CASES))
def test_cli_case(case: CliCase, cli_verdicts: dict[str, Verdict]) -> None:
    verdict = cli_verdicts[case.id]
    assert verdict.handled, explain(case, verdict.observed)


def test_the_matrix_has_at_least_sixty_distinct_cases() -> None:
    every: list[Case] = [*INGEST_CASES, *CLI_CASES, *RUN_CASES]
    ids = [c.id for c in every]
    assert len(ids) == len(set(ids)) and len(ids) >= 60
    assert set(KNOWN_DEFECTS) <= set(ids)
