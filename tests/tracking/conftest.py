"""Fixtures for tracking tests: the project's own name lists and event settings, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.knowledge import EventSettings
from tests.tracking.config_helpers import events_from, gazetteer_from
from tracking.entities import Gazetteer

PROJECT_CONFIG = Path(__file__).resolve().parents[2] / "config"


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return gazetteer_from(PROJECT_CONFIG)


@pytest.fixture(scope="session")
def settings() -> EventSettings:
    """config/events.toml's clustering settings, as a track run reads them."""
    return events_from(PROJECT_CONFIG)
