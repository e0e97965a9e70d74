"""Shared fixtures: every test gets its own warehouse file and config folder, never the user's."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.fetch.fetch_harness import FaultServer, Reply, no_robots

# Property tests check behaviour, never speed: no per-example deadline on a busy 2-core machine.
# The example budget is a profile, chosen with HZHK_HYPOTHESIS_PROFILE: `ci` (the default, what
# CI runs) or `long` (what `python -m bench.fuzz` runs: at least 10,000 examples per test).
# Tests name no max_examples of their own, so one switch sets every budget.
settings.register_profile("hzhk", deadline=None, print_blob=True)
settings.register_profile("ci", parent=settings.get_profile("hzhk"), max_examples=60)
settings.register_profile(
    "long",
    parent=settings.get_profile("hzhk"),
    max_examples=int(os.environ.get("HZHK_FUZZ_EXAMPLES", "10000")),
    suppress_health_check=list(HealthCheck),
    database=None,  # a long run's finds are printed, not replayed in everyone's next run
)
settings.load_profile(os.environ.get("HZHK_HYPOTHESIS_PROFILE", "ci"))

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"


def missing_tool(reason: str) -> None:
    """A tool the test command installs (Chromium, PostgreSQL) is missing: skip on a developer's
    machine, but fail under CI (`CI=true`), where scripts/test.sh installed it and a skip would
    hide that the test never ran."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: the test command should have installed it)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may read the developer's own HZHK_* overrides."""
    import os

    for name in list(os.environ):
        if name.startswith("HZHK_"):
            monkeypatch.delenv(name)


@pytest.fixture
def warehouse_path(tmp_path: Path) -> Path:
    return tmp_path / "warehouse.duckdb"


@pytest.fixture
def config_dir(tmp_path: Path) -> Iterator[Path]:
    """A copy of the project's config folder that a test may edit."""
    target = tmp_path / "config"
    shutil.copytree(PROJECT_ROOT / "config", target)
    yield target


@pytest.fixture
def corpus() -> Path:
    """The shared evaluation corpus; tests that need it skip where a clone does not have it."""
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present in this clone")
    return SHARED_CORPUS


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Prefect's test API server, started once per session (12-14 s) by the tests that need it.

    Such tests are marked `prefect`, so `pytest -m "not prefect"` skips the start-up.
    """
    import os

    os.environ.setdefault("PREFECT_HOME", str(tmp_path_factory.mktemp("prefect-home")))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=60):
        yield


@pytest.fixture
def fault_server() -> Iterator[Callable[..., FaultServer]]:
    """Start a raw-socket FaultServer: `fault_server(reply)` or `fault_server(reply, robots=reply)`;
    closed after the test (fetch and ingest tests both serve faults this way)."""
    servers: list[FaultServer] = []

    def start(reply: Reply, robots: Reply = no_robots) -> FaultServer:
        server = FaultServer(reply, robots)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()
