"""Articles as the event clustering receives them, built from a title and a body the way a track
run builds them (facts extracted, text signed), for the tests of events, parts and names."""

from __future__ import annotations

from datetime import datetime

from tracking.duplicates import signature
from tracking.entities import Gazetteer
from tracking.events import TrackedArticle
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
