"""One article through every per-article step of tracking: relevance, facts, signature.

The track flow and the benchmark both call this, so what is measured is what runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tracking.duplicates import Signature, signature
from tracking.entities import Gazetteer
from tracking.facts import extract_facts
from tracking.records import ArticleFacts
from tracking.relevance import Relevance, RelevanceGazetteer, score_article


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
