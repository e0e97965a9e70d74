"""Grouping coverage into events: one happening, reported by several outlets and languages.

Clustering is incremental and deterministic: articles are taken in publication order (ties by
id) and each joins the most similar open event within the time window, or founds a new one.
Similarity counts what survives translation (named people and organisations, figures, the date
of the happening, the happening's name) plus, within one language, shared text.

What an article contributes is the happening it reports (tracking/reported.py), never one it
recalls or names in passing: its date places the article in time, its name joins coverage, and
its type, date, place and titles are the article's votes for the event's. Only an article that
reports a dated happening as news founds an event. A report without a date of its own (an
opinion piece, an explainer, a follow-up that says "this week") joins the event it is close to
in a second pass, and otherwise belongs to none: it is coverage, not a happening. For such a
report the evidence must agree: someone it shares with the event, or distinctive words of the
event's name ("last week's innovation and cooperation forum") or few other reports have; then
the same kind of happening, the same place and publication within days of the event all count.
On one day, the same kind of happening at the same place is the same happening; the names of
the happenings an article reports within its frame (the week a forum belongs to) join the
coverage of a week reported day by day.

An event's title, type, date and place are chosen by vote across its members, one vote per
story (a syndicated copy votes through its original; a report that founds nothing counts
half), each member's candidates scored with reasons (`Event.reasons`, the table behind
`v_event_reasons`). Its date is the first day two members report (a week's opening), else the
most reported. A new event's provisional id is a hash of its earliest article;
tracking/event_ids.py carries stored ids over, so an event keeps its id when earlier coverage
arrives later.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar

from config.knowledge import EventSettings
from records.events import Event, EventReason, Signature
from records.facts import EVENT_TYPES as EVENT_TYPES
from records.facts import ArticleFacts, Evidence
from records.ids import stable_id
from tracking.folding import fold
from tracking.text_dates import reference_date

_EARLIEST = datetime.min.replace(tzinfo=UTC)
T = TypeVar("T")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# What an undated report adds when it shares someone with an event (see the module docstring);
# belongs in events.toml [clustering] once its model takes more keys.
UNDATED_KIND_WEIGHT = 0.5  # it reports the same kind of happening
UNDATED_PLACE_WEIGHT = 0.5  # at the same place
UNDATED_DAYS_WEIGHT = 0.5  # published within `UNDATED_DAYS` after the event's date
UNDATED_DAYS = timedelta(days=7)
UNDATED_TERMS_WEIGHT = 1.0  # it names the event's happening in other words ("last week's
DISTINCT_TERMS = 2  # innovation and cooperation forum"): this many distinctive words of its name
SHARED_TERMS = 3  # or this many words few articles of the batch have, shared with its reports
RARE_SHARE = 0.1  # a word is rare in a batch held by at most this share of its articles (or 3)
SAME_DAY_KIND_WEIGHT = 0.5  # dated the same day: the same kind of happening,
SAME_DAY_PLACE_WEIGHT = 0.5  # and at the same place
NEXT_DAY = timedelta(days=1)
_PART_DAYS = timedelta(days=7)  # a named happening this close to the reported one is of its frame
NAMED_TITLE = "the happening's name"  # the reason titles.py gives a name it proposes


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
    kinds: frozenset[str]  # the kinds of happening it reports (its own and its parts')
    place: str | None
    published: date | None
    terms: frozenset[str]  # distinctive words of the sentences reporting its happenings
    name_terms: frozenset[str]  # distinctive words of its happening's name


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
    happening = facts.happening
    published = reference_date(article.published_at)
    reported = [c for c in facts.cues if not (c.recalled or c.listed)]
    terms = _terms(" ".join([article.title or "", *(c.sentence for c in reported)]), bigrams=True)
    if happening is None:
        kinds = frozenset(c.event_type for c in reported)
        return _Profile(entities, figures, frozenset(), frozenset(), published, kinds, None,
                        published, terms, frozenset())  # fmt: skip
    cue = happening.cue
    dates = {cue.date} if cue.date is not None else set()
    dates |= {
        d
        for a in facts.agreements
        if (d := a.signed_on or a.planned_on) is not None
        and (cue.date is None or abs(d - cue.date) <= timedelta(days=3))
    }
    # its own name and those of the named happenings it reports within its frame (a forum of
    # a week, the week itself): coverage of a week's days joins through the week's name
    parts = [
        c.name
        for c in facts.cues
        if c.name
        and c is not cue
        and not (c.recalled or c.listed or c.generic)
        and (c.date is None or cue.date is None or abs(c.date - cue.date) <= _PART_DAYS)
    ]
    names = {fold(n).text for n in (cue.name, cue.within, *parts) if n} - {
        fold(cue.name).text if cue.generic and cue.name else ""
    }
    own_kinds = {cue.event_type} | {
        c.event_type for c in facts.cues if not (c.recalled or c.listed) and c is not cue
    }
    day = cue.date or (min(dates) if dates else published)
    name_terms = _terms(" ".join(n for n in (cue.name, cue.within) if n and not cue.generic))
    return _Profile(entities, figures, frozenset(dates), frozenset(names), day,
                    frozenset(own_kinds), cue.place, published, terms, name_terms)  # fmt: skip


_WORD = re.compile(r"[a-z][a-z\-]{3,}")
_COMMON = frozenset(
    [
        "hong", "kong", "hangzhou", "zhejiang", "forum", "conference", "summit", "week", "expo",
        "meeting", "session", "ceremony", "exhibition", "fair", "with", "from", "that", "this",
        "their", "were", "have", "will", "said", "city", "cities", "both", "sides", "year",
    ]
)  # fmt: skip


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def _terms(text: str, *, bigrams: bool = False) -> frozenset[str]:
    """The words of a text (a happening's name, the sentences reporting it) that may tell one
    happening from another: English words but the cities every relevant article names and the
    words every happening's name has, and (`bigrams`) pairs of Chinese characters."""
    folded = fold(text).text
    words = {w.replace("-", "") for w in _WORD.findall(folded)}
    found = {w for w in words if w not in _COMMON and len(w) > 3}
    if bigrams:
        found |= {run[i : i + 2] for run in _CJK_RUN.findall(folded) for i in range(len(run) - 1)}
    return frozenset(found)


@dataclass
class _Cluster:
    members: list[tuple[TrackedArticle, float]] = field(default_factory=list)
    entities: dict[str, float] = field(default_factory=dict)
    figures: dict[tuple[float, str | None], float] = field(default_factory=dict)
    dates: set[date] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    days: list[date] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    name_terms: set[str] = field(default_factory=set)
    terms: set[str] = field(default_factory=set)

    def add(self, article: TrackedArticle, profile: _Profile, similarity: float) -> None:
        self.members.append((article, similarity))
        self.entities.update(profile.entities)
        self.figures.update(profile.figures)
        self.dates.update(profile.dates)
        self.names.update(profile.names)
        self.kinds.update(profile.kinds)
        self.name_terms.update(profile.name_terms)
        self.terms.update(profile.terms)
        if profile.place is not None:
            self.places.add(profile.place)
        if profile.day is not None:
            self.days.append(profile.day)

    def near(self, day: date | None, window: timedelta) -> bool:
        if day is None or not self.days:
            return True
        return min(self.days) - window <= day <= max(self.days) + window


def similarity(
    profile: _Profile,
    article: TrackedArticle,
    cluster: _Cluster,
    settings: EventSettings,
    distinctive: frozenset[str] = frozenset(),
) -> float:
    """How strongly the article's overlap with the event says it reports the same happening.

    `distinctive` holds the words of the batch few of its articles share (see `_distinctive`).
    """
    if article.duplicate_of is not None and any(
        m.article_id == article.duplicate_of for m, _ in cluster.members
    ):
        return float("inf")
    shared_entities = sum(w for e, w in profile.entities.items() if e in cluster.entities)
    shared_figures = sum(w for f, w in profile.figures.items() if f in cluster.figures)
    score = min(shared_entities, settings.entity_cap) + min(shared_figures, settings.figure_cap)
    if profile.dates & cluster.dates:
        score += settings.date_weight + _same_happening(profile, cluster)
    elif any(abs(d - e) <= NEXT_DAY for d in profile.dates for e in cluster.dates):
        score += settings.date_weight / 2  # "yesterday" read across midnight, a two-day visit
    if profile.names & cluster.names:
        score += settings.name_weight
    shares_terms = (
        len(profile.terms & cluster.name_terms) >= DISTINCT_TERMS
        or len(profile.terms & cluster.terms & distinctive) >= SHARED_TERMS
    )
    if not profile.dates and (shared_entities > 0 or shares_terms):
        score += _undated_evidence(profile, cluster) + (UNDATED_TERMS_WEIGHT * shares_terms)
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


def _same_happening(profile: _Profile, cluster: _Cluster) -> float:
    """On the same day, the same kind of happening at the same place is the same happening."""
    score = 0.0
    if profile.kinds & cluster.kinds:
        score += SAME_DAY_KIND_WEIGHT
        if profile.place is not None and profile.place in cluster.places:
            score += SAME_DAY_PLACE_WEIGHT
    return score


def _undated_evidence(profile: _Profile, cluster: _Cluster) -> float:
    """What agrees between a report without a date and an event it shares someone with."""
    score = 0.0
    if profile.kinds & cluster.kinds:
        score += UNDATED_KIND_WEIGHT
    if profile.place is not None and profile.place in cluster.places:
        score += UNDATED_PLACE_WEIGHT
    if profile.published is not None and cluster.dates:
        first = min(cluster.dates)
        if first <= profile.published <= first + UNDATED_DAYS:
            score += UNDATED_DAYS_WEIGHT
    return score


def _order(article: TrackedArticle) -> tuple[datetime, str]:
    return (article.published_at or _EARLIEST, article.article_id)


def founds_events(facts: ArticleFacts) -> bool:
    """Whether an article reports a dated happening as news (tracking/reported.py), and so may
    found an event on its own."""
    return facts.happening is not None and facts.happening.founding


def cluster_events(
    articles: Iterable[TrackedArticle], settings: EventSettings, reference: date
) -> list[Event]:
    """Cluster relevant articles into events; `reference` is the run's day (status is relative).

    First the articles reporting a dated happening, in publication order, each joining the most
    similar event or founding one; then the others, each joining the most similar event or none.
    """
    window = timedelta(days=settings.window_days)
    ordered = sorted(articles, key=_order)
    profiles = {a.article_id: _profile(a, settings) for a in ordered}
    distinctive = _distinctive(profiles.values())
    clusters: list[_Cluster] = []
    for founding in (True, False):
        for article in ordered:
            if founds_events(article.facts) != founding:
                continue
            profile = profiles[article.article_id]
            best = _closest(profile, article, clusters, settings, window, distinctive)
            if best is not None:
                clusters[best[1]].add(article, profile, min(best[0], 99.0))
            elif founding:
                cluster = _Cluster()
                cluster.add(article, profile, 1.0)
                clusters.append(cluster)
    week_start = reference - timedelta(days=reference.weekday())
    return [_describe(c, week_start) for c in clusters]


def _distinctive(profiles: Iterable[_Profile]) -> frozenset[str]:
    """The words few articles of the batch share: what tells one happening's reports apart."""
    found = list(profiles)
    counts = Counter(t for p in found for t in p.terms)
    limit = max(3, int(len(found) * RARE_SHARE))
    return frozenset(t for t, n in counts.items() if 1 < n <= limit)


def _closest(
    profile: _Profile,
    article: TrackedArticle,
    clusters: list[_Cluster],
    settings: EventSettings,
    window: timedelta,
    distinctive: frozenset[str],
) -> tuple[float, int] | None:
    best: tuple[float, int] | None = None
    for index, cluster in enumerate(clusters):
        if not cluster.near(profile.day, window):
            continue
        score = similarity(profile, article, cluster, settings, distinctive)
        if score >= settings.threshold and (best is None or score > best[0]):
            best = (score, index)
    return best


@dataclass(frozen=True)
class _Vote:
    """One member's candidate value for an attribute, with its evidence."""

    value: str
    article_id: str
    evidence: Evidence
    own: bool  # the member's reported happening's own value (not a passed-over cue's)
    weight: float = 1.0  # a copy of a story votes with it once; a follow-up counts half


def _describe(cluster: _Cluster, week_start: date) -> Event:
    """Title, type, date and place chosen by vote across the members' reported happenings.

    Each member votes once per attribute, for its own happening's value; ties go to the value
    with more evidence score, then to the earlier kind of EVENT_TYPES, then to the smaller value.
    Every candidate is kept as a reason, chosen or not.
    """
    members = sorted(cluster.members, key=lambda m: _order(m[0]))
    articles = [a for a, _ in members]
    ids = {a.article_id for a in articles}
    votes = [v for a in articles for v in _votes(a, _weight(a, ids))]
    chosen: dict[str, str | None] = {}
    for attribute in ("type", "place", "detail"):
        chosen[attribute] = _vote_on([v for v in votes if v.evidence.attribute == attribute],
                                     order=EVENT_TYPES if attribute == "type" else ())  # fmt: skip
    chosen["date"] = _date_vote([v for v in votes if v.evidence.attribute == "date"])
    english = _title_vote([v for v in votes if v.evidence.attribute == "title"])
    chinese = _title_vote([v for v in votes if v.evidence.attribute == "title_zh"])
    chosen["title"], chosen["title_zh"] = english or chinese, chinese
    voted_date = chosen["date"]
    event_date = date.fromisoformat(voted_date) if voted_date else None
    if event_date is None and cluster.days:
        event_date = min(cluster.days)
    published = [d for a in articles if (d := reference_date(a.published_at)) is not None]
    first_seen = min(published) if published else None
    status = "new" if first_seen is None or first_seen >= week_start else "continuing"
    title = chosen["title"] or _fallback_title(articles)
    return Event(
        event_id=stable_id("event", articles[0].article_id),
        title=title,
        event_type=chosen["type"],
        event_date=event_date,
        place=chosen["place"],
        status=status,
        first_seen=first_seen,
        members=tuple((a.article_id, round(s, 4)) for a, s in members),
        title_zh=chosen["title_zh"],
        place_detail=chosen["detail"],
        parts=_parts(articles, {title, chosen["title_zh"] or ""}, chosen["type"], event_date),
        reasons=_reasons(votes, chosen),
    )


def _weight(article: TrackedArticle, members: set[str]) -> float:
    """How much a member's votes count: a syndicated copy of another member is the same story
    and votes through it; a report that founds nothing (a follow-up, an undated piece) counts
    half of one reporting the happening as news."""
    if article.duplicate_of is not None and article.duplicate_of in members:
        return 0.0
    happening = article.facts.happening
    return 1.0 if happening is not None and happening.founding else 0.5


def _votes(article: TrackedArticle, weight: float = 1.0) -> list[_Vote]:
    """A member's candidate values: its happening's own, and those of the cues it passed over."""
    happening = article.facts.happening
    if happening is None:
        return []
    cue = happening.cue
    found = [_Vote(e.value, article.article_id, e, True, weight)
             for e in (*happening.titles, *happening.chosen)]  # fmt: skip
    found += [_Vote(e.value, article.article_id, e, False, weight) for e in happening.evidence]
    if cue.place_detail:
        detail = Evidence("detail", cue.place_detail, f"the place inside {cue.place}",
                          cue.sentence, happening.score)  # fmt: skip
        found.append(_Vote(cue.place_detail, article.article_id, detail, True, weight))
    return found


def _vote_on(votes: Sequence[_Vote], order: Sequence[str] = ()) -> str | None:
    """The value most members' own happenings give; ties by evidence score, `order`, value."""
    counts: dict[str, float] = {}
    scores: dict[str, float] = {}
    seen: set[tuple[str, str]] = set()
    for v in votes:
        if not v.own or (v.article_id, v.value) in seen:
            continue
        seen.add((v.article_id, v.value))
        counts[v.value] = counts.get(v.value, 0.0) + v.weight
        scores[v.value] = scores.get(v.value, 0.0) + v.evidence.score
    if not counts:
        return None

    def key(value: str) -> tuple[float, float, int, str]:
        rank = order.index(value) if value in order else len(order)
        return (-counts[value], -scores[value], rank, value)

    return min(counts, key=key)


def _date_vote(votes: Sequence[_Vote]) -> str | None:
    """When it began: the earliest day two members report (a week's coverage reports its days
    one by one, and its previews and opening reports name the first), else the most reported."""
    own = {(v.article_id, v.value) for v in votes if v.own}
    support = Counter(value for _, value in own)
    shared = sorted(value for value, n in support.items() if n >= 2)
    return shared[0] if shared else _vote_on(votes)


def _title_vote(votes: Sequence[_Vote]) -> str | None:
    """A name the coverage gives beats a made-up title; then the most proposed, the surest."""
    own = [v for v in votes if v.own]
    if not own:
        return None
    named = [v for v in own if v.evidence.reason == NAMED_TITLE]
    return _vote_on(named or own)


def _fallback_title(articles: Sequence[TrackedArticle]) -> str:
    """An English headline, else any headline, when no member proposed a title."""
    titled = [a for a in articles if a.title]
    english = [a for a in titled if a.language == "en"]
    for a in english or titled:
        if a.title:
            return a.title
    return articles[0].article_id


def _parts(
    articles: Sequence[TrackedArticle],
    titles: set[str],
    event_type: str | None,
    event_date: date | None,
) -> tuple[str, ...]:
    """The parts its members report, most reported first (ties in order of first report): the
    happenings each reports inside its own, and a member's own happening when it is another
    kind or day than the event's (the signing on the fourth day of a week)."""
    counts: Counter[str] = Counter()
    for a in articles:
        happening = a.facts.happening
        if happening is None:
            continue
        found = list(happening.parts)
        cue = happening.cue
        if cue.event_type != event_type or (cue.date and event_date and cue.date != event_date):
            kind = cue.event_type.replace("_", " ")
            what = cue.name if cue.name and cue.name not in titles and not cue.generic else kind
            found.append(f"{what}, {cue.date.isoformat()}" if cue.date else what)
        counts.update(p for p in dict.fromkeys(found) if p not in titles)
    return tuple(sorted(counts, key=lambda p: -counts[p]))


def _reasons(votes: Sequence[_Vote], chosen: dict[str, str | None]) -> tuple[EventReason, ...]:
    """Every candidate value of every attribute, from every member, marked chosen or not."""
    reasons = [
        EventReason(
            attribute=v.evidence.attribute,
            value=v.value,
            reason=v.evidence.reason,
            article_id=v.article_id,
            sentence=v.evidence.sentence,
            score=v.evidence.score,
            chosen=v.own and chosen.get(v.evidence.attribute) == v.value,
        )
        for v in votes
    ]
    unique = dict.fromkeys(reasons)
    return tuple(
        sorted(unique, key=lambda r: (r.attribute, not r.chosen, -r.score, r.value, r.article_id))
    )
