"""The typed facts tracking pulls out of one article; offsets are in the original title or body."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

EVENT_TYPES = ("agreement_signing", "forum_expo", "visit", "investment_project", "policy")


@dataclass(frozen=True)
class Mention:
    """A known gazetteer entity named in the text.

    `status` is `accepted`, or `needs_review` for a weak alias nothing in the article confirms
    (`review_reason` says why); only accepted mentions count as the entity's. `role` is the
    title the text gives a person there.
    """

    entity_id: str
    name: str
    entity_type: str
    surface: str
    field: str  # title, body
    start: int
    end: int
    weak: bool = False  # matched through a weak alias
    status: str = "accepted"
    review_reason: str | None = None
    role: str | None = None

    @property
    def accepted(self) -> bool:
        return self.status == "accepted"


@dataclass(frozen=True)
class Candidate:
    """A name that looks like an entity but is not in the gazetteer: for review, never merged."""

    name: str
    entity_type: str | None
    surface: str
    field: str
    start: int
    end: int
    role: str | None = None


@dataclass(frozen=True)
class Figure:
    """An amount or a count; `start` is its offset in the body; `source` whom the text credits."""

    subject: str | None
    value: float
    unit: str | None
    currency: str | None
    qualifier: str | None
    as_of: date | None
    sentence: str
    start: int
    source: str | None = None
    measure: str | None = None  # the measure key (config/measures.toml) it reports, if any


@dataclass(frozen=True)
class Agreement:
    """A signing reported (`signed`, on `signed_on`) or announced (`planned`, for `planned_on`)."""

    count: int | None
    kind: str
    fields: tuple[str, ...]
    parties: tuple[str, ...]
    signed_on: date | None
    sentence: str
    status: str = "signed"
    planned_on: date | None = None


@dataclass(frozen=True)
class EventCue:
    """A hint that the article reports a happening, for event clustering.

    `place_strength` says how sure the place is (0 none, 1 "at/to X", 2 "in X"/在X or a
    dateline, 3 "held in X"/在X举行); an article's place is its surest cue's.
    """

    name: str | None
    event_type: str
    place: str | None
    date: date | None
    sentence: str
    place_strength: int = 0


@dataclass(frozen=True)
class ArticleFacts:
    mentions: tuple[Mention, ...]
    candidates: tuple[Candidate, ...]
    figures: tuple[Figure, ...]
    agreements: tuple[Agreement, ...]
    cues: tuple[EventCue, ...]

    @property
    def accepted_mentions(self) -> tuple[Mention, ...]:
        """The mentions attributed to their entity (not those awaiting review)."""
        return tuple(m for m in self.mentions if m.accepted)
