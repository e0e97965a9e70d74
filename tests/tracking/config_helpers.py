"""Tracking's compiled knowledge from one config folder, for tests that edit a file of it.

Flows load every file at once (`config.knowledge.load_knowledge` + `tracking.knowledge.prepare`);
a test that breaks or trims one file wants just the part built from it.
"""

from __future__ import annotations

from pathlib import Path

from config.knowledge import (
    EventSettings,
    load_entities,
    load_events,
    load_fields,
    load_measures,
    load_relevance_config,
)
from tracking.entities import Gazetteer, build_gazetteer, side_terms
from tracking.relevance import RelevanceGazetteer, compile_relevance


def relevance_from(config_dir: Path, threshold: float | None = None) -> RelevanceGazetteer:
    return compile_relevance(load_relevance_config(config_dir, threshold))


def gazetteer_from(config_dir: Path) -> Gazetteer:
    """Entities, fields and measures, the kinds of happening when the folder has events.toml,
    and the sides' terms when it has relevance.toml."""
    events = load_events(config_dir).happening if (config_dir / "events.toml").exists() else ()
    measures = load_measures(config_dir).measure
    sides = (
        side_terms(load_relevance_config(config_dir))
        if (config_dir / "relevance.toml").exists()
        else []
    )
    entities, fields = load_entities(config_dir), load_fields(config_dir)
    return build_gazetteer(entities, fields, events, measures, sides)


def events_from(config_dir: Path) -> EventSettings:
    return load_events(config_dir).clustering
