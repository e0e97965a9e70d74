"""Fixtures for tracking tests: the project's own name lists, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tracking.config_helpers import gazetteer_from
from tracking.entities import Gazetteer

PROJECT_CONFIG = Path(__file__).resolve().parents[2] / "config"


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return gazetteer_from(PROJECT_CONFIG)
