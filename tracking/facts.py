"""The one entry point of fact extraction: an article's title and body in, typed facts out.

Pure: no clock, no database. Relative dates ("on Thursday", "as of the end of last year") are
resolved against `published_at`; without it they stay unknown rather than guessed.
"""

from __future__ import annotations

from datetime import datetime

from tracking.agreements import extract_agreements
from tracking.cues import extract_cues
from tracking.dates import reference_date
from tracking.entities import Gazetteer, find_candidates, find_mentions, load_gazetteer
from tracking.figures import extract_figures
from tracking.records import (
    Agreement,
    ArticleFacts,
    Candidate,
    EventCue,
    Figure,
    Mention,
)
from tracking.text import Span, fold, sentences

__all__ = [
    "Agreement",
    "ArticleFacts",
    "Candidate",
    "EventCue",
    "Figure",
    "Gazetteer",
    "Mention",
    "extract_facts",
    "load_gazetteer",
]


def extract_facts(
    title: str | None,
    body: str,
    language: str | None,
    published_at: datetime | None,
    gazetteer: Gazetteer,
) -> ArticleFacts:
    """Mentions and candidates come from title and body; figures, agreements and cues from the body.

    `language` is accepted for callers that know it; the rules themselves work on whatever script
    each sentence is in, since articles mix English names into Chinese text and the reverse.
    """
    del language  # every rule below is script-aware on its own
    reference = reference_date(published_at)
    seen: set[str] = set()
    mentions: list[Mention] = []
    candidates: list[Candidate] = []
    for field_name, text in (("title", title or ""), ("body", body)):
        folded = fold(text)
        found = find_mentions(text, folded, field_name, gazetteer, seen)
        taken = [Span(m.start, m.end) for m in found]
        candidates += find_candidates(text, folded, field_name, gazetteer, taken)
        mentions += found
    body_mentions = [m for m in mentions if m.field == "body"]
    body_sentences = sentences(body)
    return ArticleFacts(
        mentions=tuple(mentions),
        candidates=tuple(candidates),
        figures=tuple(extract_figures(body_sentences, reference)),
        agreements=tuple(extract_agreements(body_sentences, body_mentions, gazetteer, reference)),
        cues=tuple(extract_cues(body_sentences, body_mentions, body, reference)),
    )
