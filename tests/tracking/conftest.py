"""Fixtures for tracking tests: the project's own name lists, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracking.entities import Gazetteer, load_gazetteer

PROJECT_CONFIG = Path(__file__).resolve().parents[2] / "config"


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer(PROJECT_CONFIG)
