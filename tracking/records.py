"""The typed facts tracking pulls out of one article; offsets are in the original title or body."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Mention:
    """A known gazetteer entity named in the text."""

    entity_id: str
    name: str
    entity_type: str
    surface: str
    field: str  # title, body
    start: int
    end: int


@dataclass(frozen=True)
class Candidate:
    """A name that looks like an entity but is not in the gazetteer: for review, never merged."""

    name: str
    entity_type: str | None
    surface: str
    field: str
    start: int
    end: int


@dataclass(frozen=True)
class Figure:
    """An amount or a count; `start` is its offset in the body."""

    subject: str | None
    value: float
    unit: str | None
    currency: str | None
    qualifier: str | None
    as_of: date | None
    sentence: str
    start: int


@dataclass(frozen=True)
class Agreement:
    count: int | None
    kind: str
    fields: tuple[str, ...]
    parties: tuple[str, ...]
    signed_on: date | None
    sentence: str


@dataclass(frozen=True)
class EventCue:
    """A hint that the article reports a happening, for event clustering."""

    name: str | None
    event_type: str
    place: str | None
    date: date | None
    sentence: str


@dataclass(frozen=True)
class ArticleFacts:
    mentions: tuple[Mention, ...]
    candidates: tuple[Candidate, ...]
    figures: tuple[Figure, ...]
    agreements: tuple[Agreement, ...]
    cues: tuple[EventCue, ...]
