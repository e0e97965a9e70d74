"""Grouping coverage into events: one happening, reported by several outlets and languages.

Clustering is incremental and deterministic: articles are taken in publication order and each
joins the most similar open event within the time window, or founds a new one. Similarity counts
what survives translation (named people and organisations, figures, the date of the happening,
the happening's name) plus, within one language, shared text.

Only an article that reports a dated happening (an event cue with a date its text gives:
"on Thursday", "4月15日", "today") founds an event. An opinion piece or an explainer that
reports no happening of its own joins the event it is close to, if any, in a second pass, and
otherwise belongs to none: it is coverage, not a happening. So every event has a type, from its
members' cues.

A new event's provisional id is a hash of its earliest article; tracking/event_ids.py carries
stored ids over, so an event keeps its id when earlier coverage arrives later.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar

from config.knowledge import EventSettings
from records.events import Event, Signature
from records.facts import EVENT_TYPES as EVENT_TYPES
from records.facts import ArticleFacts, EventCue
from records.ids import stable_id
from tracking.folding import fold
from tracking.text_dates import reference_date

_EARLIEST = datetime.min.replace(tzinfo=UTC)
T = TypeVar("T")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class TrackedArticle:
    """A relevant article with what clustering needs to know about it."""

    article_id: str
    published_at: datetime | None
    language: str | None
    title: str | None
    facts: ArticleFacts
    signature: Signature | None = None
    duplicate_of: str | None = None


@dataclass(frozen=True)
class _Profile:
    entities: dict[str, float]
    figures: dict[tuple[float, str | None], float]
    dates: frozenset[date]
    names: frozenset[str]
    day: date | None  # the happening's date if the article says it, else its publication day


def _profile(article: TrackedArticle, settings: EventSettings) -> _Profile:
    facts = article.facts
    entities = {
        m.entity_id: settings.entity_weights.get(m.entity_type, 0.0)
        for m in facts.accepted_mentions
        if m.entity_id not in settings.generic_entities
    }
    figures: dict[tuple[float, str | None], float] = {}
    for f in facts.figures:
        big = f.currency is not None or f.value >= settings.small_count
        weight = settings.figure_weight if big else settings.small_figure_weight
        figures[(round(f.value, 6), f.currency)] = weight
    dates = frozenset(
        [c.date for c in facts.cues if c.date is not None]
        + [d for a in facts.agreements if (d := a.signed_on or a.planned_on) is not None]
    )
    names = frozenset(fold(c.name).text for c in facts.cues if c.name)
    published = reference_date(article.published_at)
    day = min(dates) if dates else published
    return _Profile(entities, figures, dates, names, day)


@dataclass
class _Cluster:
    members: list[tuple[TrackedArticle, float]] = field(default_factory=list)
    entities: dict[str, float] = field(default_factory=dict)
    figures: dict[tuple[float, str | None], float] = field(default_factory=dict)
    dates: set[date] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    days: list[date] = field(default_factory=list)

    def add(self, article: TrackedArticle, profile: _Profile, similarity: float) -> None:
        self.members.append((article, similarity))
        self.entities.update(profile.entities)
        self.figures.update(profile.figures)
        self.dates.update(profile.dates)
        self.names.update(profile.names)
        if profile.day is not None:
            self.days.append(profile.day)

    def near(self, day: date | None, window: timedelta) -> bool:
        if day is None or not self.days:
            return True
        return min(self.days) - window <= day <= max(self.days) + window


def similarity(
    profile: _Profile, article: TrackedArticle, cluster: _Cluster, settings: EventSettings
) -> float:
    """How strongly the article's overlap with the event says it reports the same happening."""
    if article.duplicate_of is not None and any(
        m.article_id == article.duplicate_of for m, _ in cluster.members
    ):
        return float("inf")
    shared_entities = sum(w for e, w in profile.entities.items() if e in cluster.entities)
    shared_figures = sum(w for f, w in profile.figures.items() if f in cluster.figures)
    score = min(shared_entities, settings.entity_cap) + min(shared_figures, settings.figure_cap)
    if profile.dates & cluster.dates:
        score += settings.date_weight
    if profile.names & cluster.names:
        score += settings.name_weight
    if article.signature is not None:
        closest = max(
            (
                article.signature.similarity(m.signature)
                for m, _ in cluster.members
                if m.signature is not None
            ),
            default=0.0,
        )
        score += settings.text_weight * closest
    return score


def _order(article: TrackedArticle) -> tuple[datetime, str]:
    return (article.published_at or _EARLIEST, article.article_id)


def founds_events(facts: ArticleFacts) -> bool:
    """Whether an article reports a dated happening, and so may found an event on its own."""
    return any(c.date is not None for c in facts.cues)


def cluster_events(
    articles: Iterable[TrackedArticle], settings: EventSettings, reference: date
) -> list[Event]:
    """Cluster relevant articles into events; `reference` is the run's day (status is relative).

    First the articles reporting a dated happening, in publication order, each joining the most
    similar event or founding one; then the others, each joining the most similar event or none.
    """
    window = timedelta(days=settings.window_days)
    ordered = sorted(articles, key=_order)
    clusters: list[_Cluster] = []
    for founding in (True, False):
        for article in ordered:
            if founds_events(article.facts) != founding:
                continue
            profile = _profile(article, settings)
            best = _closest(profile, article, clusters, settings, window)
            if best is not None:
                clusters[best[1]].add(article, profile, min(best[0], 99.0))
            elif founding:
                cluster = _Cluster()
                cluster.add(article, profile, 1.0)
                clusters.append(cluster)
    week_start = reference - timedelta(days=reference.weekday())
    return [_describe(c, week_start) for c in clusters]


def _closest(
    profile: _Profile,
    article: TrackedArticle,
    clusters: list[_Cluster],
    settings: EventSettings,
    window: timedelta,
) -> tuple[float, int] | None:
    best: tuple[float, int] | None = None
    for index, cluster in enumerate(clusters):
        if not cluster.near(profile.day, window):
            continue
        score = similarity(profile, article, cluster, settings)
        if score >= settings.threshold and (best is None or score > best[0]):
            best = (score, index)
    return best


def _describe(cluster: _Cluster, week_start: date) -> Event:
    """Title, type, date and place chosen by vote across the members.

    Each member votes once for a type (its lead cue's: the first happening its text reports)
    and once for a place (its surest cue's), so an article listing many side events does not
    outvote the others.
    """
    members = sorted(cluster.members, key=lambda m: _order(m[0]))
    articles = [a for a, _ in members]
    cues = [c for a in articles for c in a.facts.cues]
    names = Counter(c.name for c in cues if c.name)
    title = _title(names, articles)
    types = Counter(a.facts.cues[0].event_type for a in articles if a.facts.cues)
    event_type = _vote(types, order=EVENT_TYPES)
    dates = Counter(c.date for c in cues if c.date is not None)
    dates.update(g.signed_on for a in articles for g in a.facts.agreements if g.signed_on)
    event_date = _vote(dates) or (min(cluster.days) if cluster.days else None)
    places = Counter(p for a in articles if (p := _surest_place(a.facts.cues)) is not None)
    published = [d for a in articles if (d := reference_date(a.published_at)) is not None]
    first_seen = min(published) if published else None
    status = "new" if first_seen is None or first_seen >= week_start else "continuing"
    return Event(
        event_id=stable_id("event", articles[0].article_id),
        title=title,
        event_type=event_type,
        event_date=event_date,
        place=_vote(places, prefer_latin=True),
        status=status,
        first_seen=first_seen,
        members=tuple((a.article_id, round(s, 4)) for a, s in members),
    )


def _surest_place(cues: Sequence[EventCue]) -> str | None:
    """The place of the cue most sure of it (the first such cue on a tie)."""
    placed = [c for c in cues if c.place is not None and c.place_strength > 0]
    if not placed:
        return None
    return max(placed, key=lambda c: c.place_strength).place


def _vote(counts: Counter[T], *, prefer_latin: bool = False, order: Sequence[T] = ()) -> T | None:
    """The most frequent value (in Latin script first, if asked); ties by `order`, then sort."""
    if not counts:
        return None

    def key(item: tuple[T, int]) -> tuple[int, int, int, str]:
        value, count = item
        latin = 0 if prefer_latin and _is_latin(str(value)) else 1
        rank = order.index(value) if value in order else len(order)
        return (latin, -count, rank, str(value))

    return min(counts.items(), key=key)[0]


def _is_latin(text: str) -> bool:
    return _CJK.search(text) is None


def _title(names: Counter[str], articles: Sequence[TrackedArticle]) -> str:
    """The happening's name in English, else an English headline, else a Chinese name or headline.

    English first because the warehouse's readers and reports are in English; the earliest
    headline, because later ones drift to follow-up angles.
    """
    english_name = _vote(Counter({n: c for n, c in names.items() if _is_latin(n)}))
    if english_name:
        return english_name
    titled = [a for a in articles if a.title]
    english = [a for a in titled if a.language == "en"]
    if english and english[0].title:
        return english[0].title
    return _vote(names) or (
        titled[0].title if titled and titled[0].title else articles[0].article_id
    )
