"""One article through every per-article step of tracking: relevance, facts, signature.

The track flow and the benchmark both call this, so what is measured is what runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from records.events import Signature
from records.facts import ArticleFacts
from records.relevance import Relevance
from tracking.duplicates import signature
from tracking.entities import Gazetteer
from tracking.extraction import extract_facts
from tracking.relevance import RelevanceGazetteer, score_article


@dataclass(frozen=True)
class ArticleText:
    article_id: str
    title: str | None
    body: str
    language: str | None
    published_at: datetime | None


@dataclass(frozen=True)
class Assessment:
    article_id: str
    relevance: Relevance
    facts: ArticleFacts | None  # only for relevant articles: facts of off-topic news are noise
    signature: Signature | None


def assess(article: ArticleText, relevance: RelevanceGazetteer, entities: Gazetteer) -> Assessment:
    scored = score_article(article.title, article.body, relevance)
    facts = (
        extract_facts(article.title, article.body, article.language, article.published_at, entities)
        if scored.is_relevant
        else None
    )
    return Assessment(article.article_id, scored, facts, signature(article.title, article.body))
