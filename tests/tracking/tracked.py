"""Articles as the event clustering receives them, built from a title and a body the way a track
run builds them (facts extracted, text signed), for the tests of events, parts and names."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from config.knowledge import EventSettings
from records.events import Event
from tracking.duplicates import signature
from tracking.entities import Gazetteer
from tracking.events import TrackedArticle, cluster_events
from tracking.extraction import extract_facts


def article(
    gazetteer: Gazetteer,
    article_id: str,
    published: datetime,
    title: str,
    body: str,
    language: str = "en",
    duplicate_of: str | None = None,
) -> TrackedArticle:
    facts = extract_facts(title, body, language, published, gazetteer)
    return TrackedArticle(
        article_id, published, language, title, facts, signature(title, body), duplicate_of
    )


def events_of(articles: Sequence[TrackedArticle], settings: EventSettings) -> list[Event]:
    """The events these articles make, on a run day after all of them (status is not looked at)."""
    return cluster_events(articles, settings, date(2026, 1, 1))
