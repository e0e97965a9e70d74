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
from tracking.cues import extract_cues, headline_place, main_kind
from tracking.entities import Gazetteer, find_mentions, review_weak
from tracking.figures import extract_figures
from tracking.folding import Folded, fold, sentences
from tracking.reported import choose_happening, score_cues
from tracking.roles import find_role
from tracking.text_dates import reference_date
from tracking.titles import propose_titles


def extract_facts(
    title: str | None,
    body: str,
    language: str | None,
    published_at: datetime | None,
    gazetteer: Gazetteer,
) -> ArticleFacts:
    """Mentions and candidates come from title and body; figures, agreements and cues from the body.

    The rules work on whatever script each sentence is in, since articles mix English names into
    Chinese text and the reverse; `language` (else the body's script) only says in which script
    the article proposes a title for the happening it reports.
    Only accepted mentions feed agreements and cues: a weak alias awaiting review names no party.
    """
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
    agreements = extract_agreements(body_sentences, body_mentions, gazetteer, reference)
    headline = main_kind(fold(title).text, gazetteer) if title else None
    title_kind = headline[0] if headline else None
    cues = extract_cues(body_sentences, places, body, reference, gazetteer, title_kind)
    title_mentions = [m for m in mentions if m.field == "title" and m.accepted]
    where = headline_place(title, title_mentions, gazetteer)
    happening = choose_happening(cues, title, reference, agreements, title_kind, where)
    if happening is not None:
        others = score_cues(cues, title, reference, title_kind)
        chinese = _is_chinese(language, body)
        titles, passed = propose_titles(
            happening, others, body_sentences, places, agreements, chinese, gazetteer
        )
        happening = replace(happening, titles=titles, evidence=happening.evidence + passed)
    return ArticleFacts(
        mentions=tuple(mentions),
        candidates=tuple(candidates),
        figures=tuple(
            extract_figures(body_sentences, reference, body_mentions, gazetteer.measures)
        ),
        agreements=tuple(agreements),
        cues=tuple(cues),
        happening=happening,
    )


def _is_chinese(language: str | None, body: str) -> bool:
    """Chinese coverage proposes Chinese titles: by its language tag, else by its script."""
    if language:
        return language.startswith("zh")
    cjk = sum(1 for ch in body if "\u3400" <= ch <= "\u9fff")
    return cjk * 2 > len(body.replace(" ", ""))


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
