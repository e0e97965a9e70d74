"""What tracking works with, compiled once per run from the checked configuration.

`config.knowledge.load_knowledge` reads and checks the files; this turns the models into the
matchers tracking runs (Aho-Corasick over every term and name). Flows, benchmarks and tests all
come through here, so what is measured and tested is what runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from config.knowledge import EventSettings, Knowledge
from tracking.entities import Gazetteer, build_gazetteer, side_terms
from tracking.relevance import RelevanceGazetteer, compile_relevance


@dataclass(frozen=True)
class TrackingKnowledge:
    relevance: RelevanceGazetteer
    entities: Gazetteer
    events: EventSettings


def prepare(knowledge: Knowledge) -> TrackingKnowledge:
    return TrackingKnowledge(
        compile_relevance(knowledge.relevance),
        build_gazetteer(
            knowledge.entities,
            knowledge.fields,
            knowledge.events.happening,
            knowledge.measures.measure,
            side_terms(knowledge.relevance),
        ),
        knowledge.events.clustering,
    )
