"""A weekly digest as data: what the warehouse's digest queries produce and the renderer prints.

Everything the Markdown, HTML and JSON show is in these records, in the order a reader meets it,
so the JSON carries everything the page shows and the same warehouse gives the same bytes
(`generated_at` aside). Dates are local days in the digest's time zone; times are tz-aware.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Period:
    """The days a digest covers, start and end included. `label` is the ISO week ("2019-W25")
    for a week digest, else "2019-06-10..2019-06-30"."""

    label: str
    start: date
    end: date
    timezone: str  # IANA name the days are counted in, e.g. "Asia/Hong_Kong"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class Change:
    """A count this period beside the period before (same length, just before it)."""

    current: int
    previous: int

    @property
    def delta(self) -> int:
        return self.current - self.previous

    @property
    def percent(self) -> float | None:
        """Relative change in percent; None when the previous period had none ("new")."""
        return None if self.previous == 0 else 100.0 * self.delta / self.previous


@dataclass(frozen=True)
class KeyNumbers:
    relevant_articles: Change
    events: Change  # events with coverage in the period
    events_new: int  # of those, first seen in the period
    events_continuing: int  # of those, seen before too
    outlets: Change
    by_language: tuple[tuple[str, Change], ...]  # ("en", ...), ("zh-Hans", ...), ("zh-Hant", ...)
    official: Change  # relevant articles from official (government) sources
    media: Change  # relevant articles from other sources


@dataclass(frozen=True)
class Link:
    """One article as a reader follows it."""

    title: str
    url: str
    outlet: str  # the publisher's name, else the source's
    language: str | None
    published_at: datetime | None
    official: bool = False
    duplicate: bool = False  # a syndicated copy of another article listed


@dataclass(frozen=True)
class EventEntry:
    event_id: str
    title: str
    title_zh: str | None  # a Chinese title when the event has Chinese coverage
    event_type: str | None
    event_date: date | None
    place: str | None
    status: str  # "new" (first seen in this period) or "continuing"
    people: tuple[str, ...]
    organisations: tuple[str, ...]
    lead: str | None  # a sentence from the coverage saying what happened
    links: tuple[Link, ...]  # 3-5, best first, one per outlet where possible
    outlets: int  # outlets covering it in the period
    articles: int  # articles in the period
    official_articles: int
    coverage: Change  # articles this period against the period before
    place_detail: str | None = None  # the district, park or venue inside `place`


@dataclass(frozen=True)
class AgreementEntry:
    parties: tuple[str, ...]
    fields: tuple[str, ...]
    count: int | None
    kind: str  # "MoU", "agreement", ...
    status: str  # "signed" or "planned"
    on: date | None  # signed_on, or planned_on when planned
    event_title: str | None
    source: Link  # the article reporting it
    sentence: str


@dataclass(frozen=True)
class MeasurePoint:
    """One reported value of a measure."""

    as_of: date | None
    value: float
    unit: str | None  # "projects", "areas", ...
    currency: str | None  # "USD", "CNY", ... for amounts
    qualifier: str | None  # about, more than, ...
    source: Link  # the article that reported it
    reported_on: date | None  # the article's publication day
    sentence: str


@dataclass(frozen=True)
class Disagreement:
    """Two or more values reported for one measure and one as-of date."""

    as_of: date | None
    values: tuple[MeasurePoint, ...]


@dataclass(frozen=True)
class Timeline:
    """A measure reported in the period, set against its earlier values."""

    measure: str  # the key, e.g. "hk_projects_in_hangzhou"
    label: str  # English label, e.g. "Hong Kong-invested projects in Hangzhou"
    label_zh: str | None
    kind: str  # "count" or "amount"
    history: tuple[MeasurePoint, ...]  # one point per as-of date, oldest first, to period end
    this_period: tuple[MeasurePoint, ...]  # the points reported in the period
    change: float | None  # latest value minus the one before it (None with one value)
    change_percent: float | None
    disagreements: tuple[Disagreement, ...]


@dataclass(frozen=True)
class EntityEntry:
    entity_id: str
    name: str
    name_zh: str | None
    entity_type: str  # person, organization, place
    mentions: Change
    first_seen: date | None


@dataclass(frozen=True)
class SourceCount:
    outlet: str
    official: bool
    language: str | None
    articles: int


@dataclass(frozen=True)
class DayCount:
    day: date
    articles: int
    usual: float  # the average for this weekday over the four periods before


@dataclass(frozen=True)
class WeekCount:
    label: str  # ISO week, e.g. "2019-W25"
    start: date
    articles: int


@dataclass(frozen=True)
class SourceHealth:
    source_id: str
    stage: str  # discover, fetch, parse, store
    failures: int
    last_error: str


@dataclass(frozen=True)
class NearMiss:
    """An article scored just below (or just above) the relevance threshold: worth a look."""

    link: Link
    score: float
    threshold: float


@dataclass(frozen=True)
class Health:
    sources_polled: int
    sources_failed: int
    failures: tuple[SourceHealth, ...]
    duplicates_folded: int
    near_threshold: tuple[NearMiss, ...]


@dataclass(frozen=True)
class AppendixGroup:
    """Every relevant article of the period about one event (or about none)."""

    event_id: str | None
    title: str  # the event's title, or "Not tied to an event"
    links: tuple[Link, ...]


@dataclass(frozen=True)
class Digest:
    period: Period
    previous: Period  # the period compared against
    generated_at: datetime
    key_numbers: KeyNumbers
    top_events: tuple[EventEntry, ...]  # ranked: outlets, articles, official, recency
    events_total: int  # events with coverage in the period (top_events may show fewer)
    agreements: tuple[AgreementEntry, ...]
    timelines: tuple[Timeline, ...]
    new_entities: tuple[EntityEntry, ...]  # first seen in the period
    top_entities: tuple[EntityEntry, ...]  # most mentioned in the period
    sources: tuple[SourceCount, ...]
    daily: tuple[DayCount, ...]
    trend: tuple[WeekCount, ...]  # the 12 weeks ending with the period's last week
    health: Health
    appendix: tuple[AppendixGroup, ...]
    demo: bool = False  # built from the bundled demo corpus, not real coverage
