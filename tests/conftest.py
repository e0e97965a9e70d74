"""Shared fixtures: every test gets its own warehouse file and config folder, never the user's."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"


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
