"""The one entry point of fact extraction: an article's title and body in, typed facts out.

Pure: no clock, no database. Relative dates ("on Thursday", "as of the end of last year") are
resolved against `published_at`; without it they stay unknown rather than guessed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from records.facts import (
    ArticleFacts,
    Candidate,
    Mention,
)
from tracking.agreements import extract_agreements
from tracking.candidates import find_candidates
from tracking.cues import extract_cues
from tracking.entities import Gazetteer, find_mentions, review_weak
from tracking.figures import extract_figures
from tracking.folding import Folded, fold, sentences
from tracking.roles import find_role
from tracking.text_dates import reference_date


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
    Only accepted mentions feed agreements and cues: a weak alias awaiting review names no party.
    """
    del language  # every rule below is script-aware on its own
    reference = reference_date(published_at)
    texts = {"title": title or "", "body": body}
    seen: set[str] = set()
    mentions: list[Mention] = []
    candidates: list[Candidate] = []
    inside_names: list[Mention] = []
    for field_name, text in texts.items():
        folded = fold(text)
        found = find_mentions(text, folded, field_name, gazetteer, seen)
        proposals = find_candidates(text, folded, field_name, gazetteer, found)
        gone = {(m.start, m.end) for m in proposals.superseded}
        found = [m for m in found if (m.start, m.end) not in gone]
        found, proposed = _with_roles(text, folded, found, proposals.candidates)
        mentions += found
        candidates += proposed
        inside_names += [m for m in proposals.superseded if m.field == "body"]
    mentions = review_weak(mentions, texts, gazetteer)
    body_mentions = [m for m in mentions if m.field == "body" and m.accepted]
    # A city inside a longer name still says where ("held at the Hong Kong Convention Centre")
    places = sorted(
        body_mentions + [m for m in inside_names if m.entity_type == "place"],
        key=lambda m: m.start,
    )
    body_sentences = sentences(body)
    return ArticleFacts(
        mentions=tuple(mentions),
        candidates=tuple(candidates),
        figures=tuple(
            extract_figures(body_sentences, reference, body_mentions, gazetteer.measures)
        ),
        agreements=tuple(extract_agreements(body_sentences, body_mentions, gazetteer, reference)),
        cues=tuple(extract_cues(body_sentences, places, body, reference, gazetteer)),
    )


def _with_roles(
    text: str, folded: Folded, mentions: list[Mention], candidates: list[Candidate]
) -> tuple[list[Mention], list[Candidate]]:
    """Each person named, with the title the text gives them there."""
    people = sorted(
        [(m.start, m.end) for m in mentions if m.entity_type == "person"]
        + [(c.start, c.end) for c in candidates if c.entity_type == "person"]
    )

    def role(start: int, end: int) -> str | None:
        others = [p for p in people if p != (start, end)]
        return find_role(text, folded, start, end, others)

    return (
        [
            replace(m, role=role(m.start, m.end)) if m.entity_type == "person" else m
            for m in mentions
        ],
        [
            replace(c, role=role(c.start, c.end)) if c.entity_type == "person" else c
            for c in candidates
        ],
    )
