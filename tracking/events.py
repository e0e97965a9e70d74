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
report the evidence must agree: someone it shares with the event (a listed person, or one the
gazetteer lacks, named alike), or distinctive words of the event's name ("last week's
innovation and cooperation forum") or few other reports have; then
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
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar

from config.knowledge import EventSettings
from records.events import Event, EventPart, EventReason, Signature
from records.facts import EVENT_TYPES as EVENT_TYPES
from records.facts import ArticleFacts, EventCue, Evidence, Part
from records.ids import stable_id
from tracking.cues import is_container
from tracking.folding import fold
from tracking.names import sound
from tracking.reported import PART_WITHIN, signing_name
from tracking.text_dates import reference_date
from tracking.titles import AT_GATHERING, NAMED_TITLE

_EARLIEST = datetime.min.replace(tzinfo=UTC)
T = TypeVar("T")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
NEXT_DAY = timedelta(days=1)
_PART_DAYS = timedelta(days=7)  # a named happening this close to the reported one is of its frame


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
    people: frozenset[str] = frozenset()  # people it names that the gazetteer lacks (folded)
    venue: str | None = None  # the building or district inside `place` where it happened


def _profile(article: TrackedArticle, settings: EventSettings) -> _Profile:
    facts = article.facts
    entities = {
        m.entity_id: settings.entity_weights.get(m.entity_type, 0.0)
        for m in facts.accepted_mentions
        if m.entity_id not in settings.generic_entities
    }
    # someone the gazetteer does not know yet (a new mayor, a delegation's leader): evidence
    # for a report without a date of its own only (see `similarity`)
    people = frozenset(fold(c.name).text for c in facts.candidates if c.entity_type == "person")
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
                        published, terms, frozenset(), people)  # fmt: skip
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
                    frozenset(own_kinds), cue.place, published, terms, name_terms,
                    people, cue.place_detail)  # fmt: skip


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
    venues: set[str] = field(default_factory=set)
    name_terms: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)
    terms: set[str] = field(default_factory=set)

    def add(self, article: TrackedArticle, profile: _Profile, similarity: float) -> None:
        self.members.append((article, similarity))
        self.entities.update(profile.entities)
        self.figures.update(profile.figures)
        self.dates.update(profile.dates)
        self.names.update(profile.names)
        self.kinds.update(profile.kinds)
        self.name_terms.update(profile.name_terms)
        self.people.update(profile.people)
        self.terms.update(profile.terms)
        if profile.place is not None:
            self.places.add(profile.place)
        if profile.venue is not None:
            self.venues.add(profile.venue)
        if profile.day is not None:
            self.days.append(profile.day)

    def near(self, day: date | None, window: timedelta) -> bool:
        if day is None or not self.days:
            return True
        return min(self.days) - window <= day <= max(self.days) + window

    def spans(self, dates: frozenset[date], span: timedelta) -> bool:
        """Whether the event's reported dates and these still lie within `span` of each other.

        One happening lasts days, not months: a window around every member alone lets events
        ten days apart chain through shared officials into one event that grows with the
        warehouse (issue 13's tracking runs: 428 reports of four months in one event).
        """
        if not dates or not self.dates:
            return True
        found = self.dates | dates
        return max(found) - min(found) <= span


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
        score += settings.date_weight + _same_happening(profile, cluster, settings)
    elif any(abs(d - e) <= NEXT_DAY for d in profile.dates for e in cluster.dates):
        score += settings.date_weight / 2  # "yesterday" read across midnight, a two-day visit
    if profile.names & cluster.names:
        score += settings.name_weight
    shares_terms = (
        len(profile.terms & cluster.name_terms) >= settings.distinct_terms
        or len(profile.terms & cluster.terms & distinctive) >= settings.shared_terms
    )
    if not profile.dates:
        # a follow-up naming someone the gazetteer lacks (the new mayor who led the trip)
        # shares that person with the event as it would a listed one
        person = settings.entity_weights.get("person", 0.0)
        unlisted = person * bool(profile.people & cluster.people)
        score += min(unlisted, max(settings.entity_cap - shared_entities, 0.0))
        shared_entities += unlisted
    if not profile.dates and (shared_entities > 0 or shares_terms):
        score += _undated_evidence(profile, cluster, settings)
        score += settings.undated_terms_weight * shares_terms
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


def _same_happening(profile: _Profile, cluster: _Cluster, settings: EventSettings) -> float:
    """On the same day, the same kind of happening at the same place is the same happening; and
    what one venue holds on one day is, for this tracker's two cities, one happening, however
    differently its reports name or type it (a signing ceremony, the forum it closed)."""
    score = 0.0
    if profile.venue is not None and profile.venue in cluster.venues:
        score += settings.same_day_venue_weight
    if profile.kinds & cluster.kinds:
        score += settings.same_day_kind_weight
        if profile.place is not None and profile.place in cluster.places:
            score += settings.same_day_place_weight
    return score


def _undated_evidence(profile: _Profile, cluster: _Cluster, settings: EventSettings) -> float:
    """What agrees between a report without a date and an event it shares someone with."""
    score = 0.0
    if profile.kinds & cluster.kinds:
        score += settings.undated_kind_weight
    if profile.place is not None and profile.place in cluster.places:
        score += settings.undated_place_weight
    if profile.published is not None and cluster.dates:
        first = min(cluster.dates)
        if first <= profile.published <= first + timedelta(days=settings.undated_days):
            score += settings.undated_days_weight
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
    distinctive = _distinctive(profiles.values(), settings.rare_share)
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


def _distinctive(profiles: Iterable[_Profile], rare_share: float) -> frozenset[str]:
    """The words few articles of the batch share: what tells one happening's reports apart."""
    found = list(profiles)
    counts = Counter(t for p in found for t in p.terms)
    limit = max(3, int(len(found) * rare_share))
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
    span = timedelta(days=settings.span_days)
    for index, cluster in enumerate(clusters):
        if not cluster.near(profile.day, window) or not cluster.spans(profile.dates, span):
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
    chosen["type"] = _gathering_type(articles, chosen["type"])
    chosen["date"] = _date_vote([v for v in votes if v.evidence.attribute == "date"])
    voted_date = chosen["date"]
    event_date = date.fromisoformat(voted_date) if voted_date else None
    if event_date is None and cluster.days:
        event_date = min(cluster.days)
    # a member reporting another happening (a follow-up meeting, a signing of the week) names
    # that one, not the event: titles come from the members reporting the event's own
    naming = {a.article_id for a in articles if _reports(a, chosen["type"], event_date)
              or _reports_week(a)}  # fmt: skip
    votes = _at_own_gathering(votes, articles, chosen["type"])
    where = (chosen["place"], event_date.year if event_date else None)
    english = _title_vote(_naming_votes(votes, "title", naming), votes, where)
    chinese = _title_vote(_naming_votes(votes, "title_zh", naming), votes, where)
    chosen["title"], chosen["title_zh"] = english or chinese, chinese
    published = [d for a in articles if (d := reference_date(a.published_at)) is not None]
    first_seen = min(published) if published else None
    status = "new" if first_seen is None or first_seen >= week_start else "continuing"
    title = chosen["title"] or _fallback_title(articles)
    parts, part_reasons = _parts(articles, (title, chosen["title_zh"]), chosen["type"], event_date)
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
        parts=parts,
        reasons=_reasons(votes, chosen, part_reasons),
    )


def _gathering_type(articles: Sequence[TrackedArticle], voted: str | None) -> str | None:
    """A signing its reports place at a named gathering ("signed ... at the X Forum") that
    another member reports as its own happening ("CE attends X Forum") makes the event that
    gathering, the signing one of its parts: the gathering's kind, not the signing's, even when
    most reports lead with the signing. A signing no member reports beyond its venue stays one."""
    if voted != "agreement_signing":
        return voted
    cues = [a.facts.happening.cue for a in articles if a.facts.happening is not None]
    venues = {fold(c.name).text for c in cues if c.venue and c.name}
    held = [c.event_type for c in cues
            if not c.venue and c.name and fold(c.name).text in venues
            and c.event_type != "agreement_signing"]  # fmt: skip
    return held[0] if held else voted


def _at_own_gathering(
    votes: list[_Vote], articles: Sequence[TrackedArticle], event_type: str | None
) -> list[_Vote]:
    """A member reporting what was done at a named gathering of the event's own kind (signed
    "at the X Forum", in an event its other members report as that forum) names the event after
    the gathering; done at a gathering of another kind ("on the sidelines of the Belt and Road
    Summit", in a signing event), it names it after what was done."""
    at_own = {
        a.article_id
        for a in articles
        if a.facts.happening is not None
        and a.facts.happening.cue.venue
        and a.facts.happening.cue.gathering == event_type
    }
    return [
        replace(v, own=True, evidence=replace(v.evidence, reason=NAMED_TITLE))
        if v.article_id in at_own and v.evidence.reason == AT_GATHERING
        else v
        for v in votes
    ]


def _reports(article: TrackedArticle, event_type: str | None, event_date: date | None) -> bool:
    """Whether a member's happening is the event's own: its kind (or the gathering a signing
    took place at), within its days."""
    happening = article.facts.happening
    if happening is None or not (happening.cue.event_type == event_type or happening.cue.venue):
        return False
    day = happening.cue.date
    return day is None or event_date is None or abs(day - event_date) <= PART_WITHIN


def _reports_week(article: TrackedArticle) -> bool:
    """Whether a member reports a week or festival by its name: the frame the event's other
    happenings were held in, whose name a reader knows the whole by."""
    happening = article.facts.happening
    cue = happening.cue if happening is not None else None
    return cue is not None and bool(cue.name) and is_container(cue.name or "") and not cue.venue


def _naming_votes(votes: Sequence[_Vote], attribute: str, naming: set[str]) -> list[_Vote]:
    """The title votes of the members reporting the event's own happening, when any of them
    proposes one; else every member's."""
    found = [v for v in votes if v.evidence.attribute == attribute]
    own = [v for v in found if v.article_id in naming]
    return own if any(v.own for v in own) else found


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


def _title_vote(
    votes: Sequence[_Vote], every: Sequence[_Vote], where: tuple[str | None, int | None]
) -> str | None:
    """A name the coverage gives beats a made-up title; then the most proposed, the surest;
    then its fullest form ("Hangzhou Week" → "Hangzhou Week in Hong Kong 2024"): one a member
    names its own happening by, or, from any sentence of any member (`every` vote), one whose
    added place and year are the event's (`where`), so no recalled edition lends its year."""
    own = [v for v in votes if v.own]
    if not own:
        return None
    named = [v for v in own if v.evidence.reason == NAMED_TITLE]
    if not named:
        return _vote_on(own)
    attribute = named[0].evidence.attribute
    passed = [
        v for v in every if v.evidence.attribute == attribute and v.evidence.reason == NAMED_TITLE
    ]
    chosen = _vote_on(named)
    while chosen is not None:
        fuller = [v for v in named if _extends(v.value, chosen)]
        fuller = fuller or [
            replace(v, own=True) for v in passed if _held_there(v.value, chosen, *where)
        ]
        if not fuller:
            break
        chosen = _vote_on(fuller)
    return chosen


_HELD_THERE = re.compile(
    r"(?: (?P<year>(?:19|20)\d\d))?(?: in (?P<place>[^\d]+?))?(?: (?P<later>(?:19|20)\d\d))?"
)


def _held_there(longer: str, name: str, place: str | None, year: int | None) -> bool:
    """Whether a name is another followed by the event's own year or place, nothing else."""
    outer, inner = fold(longer).text, fold(name).text
    tail = _HELD_THERE.fullmatch(outer[len(inner) :]) if outer.startswith(inner) else None
    if tail is None or len(outer) == len(inner):
        return False
    years = {int(y) for y in (tail["year"], tail["later"]) if y}
    return years <= {year} and tail["place"] in (None, fold(place or "").text)


def _extends(longer: str, name: str) -> bool:
    """Whether an English name is another with more of it said ("Second ...", "... in Hong Kong
    2024"): the same happening, and the fuller form tells a reader which edition it was. A
    Chinese name has no such words to add (第二届 is inside it already), and a longer one that
    holds it is another happening's (杭港论坛 inside 杭港论坛签约仪式)."""
    outer, inner = fold(longer).text, fold(name).text
    if _CJK.search(inner) or len(outer) <= len(inner):
        return False
    return f" {inner} " in f" {outer} "


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
    titles: Iterable[str | None],
    event_type: str | None,
    event_date: date | None,
) -> tuple[tuple[EventPart, ...], list[EventReason]]:
    """The happenings the event holds besides its own, one per kind and day, in order of day,
    and a reason for every candidate (attribute `part`), kept or not.

    Its members report them: the parts each one's happening holds (tracking/reported.py), and a
    member's own happening when it is another kind or day inside the event's frame (the signing
    on the fourth day of a week). The frame is the event's days (`PART_WITHIN` either side of its
    date), or the happening a member says it belongs to ("during the Zhejiang Week"). Left out:
    the event's own happening under any of its names, in either script; the week or festival it
    belongs to; a member's happening outside the frame (a follow-up meeting a week later) with
    everything it holds; a syndicated copy (its original speaks for it). A part without a day
    is the one of its kind the event holds, or none. Each is named by the name most of its
    reports give (in English, and in Chinese when the Chinese coverage names it), a signing by
    what was signed, counted."""
    own_names: set[str] = {fold(t).text for t in titles if t}
    for a in articles:
        happening = a.facts.happening
        if happening is not None and _is_own(happening.cue, event_type, event_date):
            cue = happening.cue
            own_names |= {fold(n).text for n in (cue.name, cue.within) if n}

    def in_frame(day: date | None) -> bool:
        return day is None or event_date is None or abs(day - event_date) <= PART_WITHIN

    def verdict(part: Part) -> str | None:
        if part.name and fold(part.name).text in own_names:
            return "the event's own happening, under one of its names"
        if part.kind == event_type and part.day in (None, event_date):
            return "the event's own happening: its kind, on its day"
        return None

    found: list[tuple[Part, str, float, str | None]] = []  # part, article, score, why left out
    ids = {a.article_id for a in articles}
    for a in articles:
        happening = a.facts.happening
        if happening is None or a.duplicate_of in ids:
            continue  # a syndicated copy holds what its original holds
        cue, score = happening.cue, happening.score
        # its name is the event's (a day of the week), or it happened at or during the event
        named = cue.name is not None and fold(cue.name).text in own_names
        inside = named or (cue.within is not None and fold(cue.within).text in own_names)
        own = (named and not cue.venue) or _is_own(cue, event_type, event_date)
        name = cue.name if cue.name and not cue.generic and sound(cue.name) else None
        if cue.venue or cue.event_type == "agreement_signing":  # named by what was signed
            name = signing_name(a.facts.agreements, cue.date)
        itself = Part(cue.event_type, cue.date, name, cue.sentence)
        if not (own or inside or (cue.date is not None and in_frame(cue.date))):
            found.append((itself, a.article_id, score, "another happening, on other days"))
            continue
        for part in happening.parts:
            late = not (inside or in_frame(part.day))
            why = "outside the event's days" if late else verdict(part)
            found.append((part, a.article_id, score, why))
        if own:
            continue
        if cue.name and not cue.venue and is_container(cue.name):
            found.append((itself, a.article_id, score, "the week or festival that holds the event"))
            continue
        found.append((itself, a.article_id, score, verdict(itself)))
    parts = _merged([p for p, _, _, why in found if why is None])
    reasons = [
        EventReason(
            attribute="part",
            value=_part_words(p),
            reason=why or "reported inside the event's days",
            article_id=article_id,
            sentence=p.sentence,
            score=score,
            chosen=why is None,
        )
        for p, article_id, score, why in found
    ]
    return parts, reasons


def _part_words(part: Part) -> str:
    """A part as `v_event_reasons` shows it: "agreement signing, 2019-06-13: signing of 8 ..."."""
    words = part.kind.replace("_", " ")
    when = f", {part.day.isoformat()}" if part.day else ""
    return f"{words}{when}: {part.name}" if part.name else f"{words}{when}"


def _is_own(cue: EventCue, event_type: str | None, event_date: date | None) -> bool:
    """Whether a member's happening is the event's own: its kind, on its day (or undated)."""
    return cue.event_type == event_type and (cue.date is None or cue.date == event_date)


def _merged(parts: Sequence[Part]) -> tuple[EventPart, ...]:
    """One part per kind and day; one without a day joins the earliest dated one of its kind,
    or stands alone when named."""
    days: dict[str, set[date]] = {}
    for p in parts:
        if p.day is not None:
            days.setdefault(p.kind, set()).add(p.day)
    groups: dict[tuple[str, date | None], list[Part]] = {}
    for p in parts:
        day = p.day
        if day is None and p.kind in days:
            day = min(days[p.kind])
        elif day is None and p.name is None:
            continue  # a kind without a day or a name tells a reader nothing
        groups.setdefault((p.kind, day), []).append(p)
    merged = [
        EventPart(kind, day, _best_name(g, chinese=False) or _best_name(g, chinese=True),
                  _best_name(g, chinese=True))
        for (kind, day), g in groups.items()
    ]  # fmt: skip
    order = {kind: i for i, kind in enumerate(EVENT_TYPES)}
    return tuple(
        sorted(merged, key=lambda p: (p.day or date.max, order.get(p.kind, 99), p.name or ""))
    )


def _best_name(parts: Sequence[Part], *, chinese: bool) -> str | None:
    """The name most of a part's reports give in one script: a counted signing before an
    uncounted one, then the most given, the longest, the first in text order."""
    names = [p.name for p in parts if p.name and bool(_CJK.search(p.name)) == chinese]
    if not names:
        return None
    counts = Counter(names)
    return max(dict.fromkeys(names), key=lambda n: (bool(_DIGIT.search(n)), counts[n], len(n)))


_DIGIT = re.compile(r"\d")


def _reasons(
    votes: Sequence[_Vote], chosen: dict[str, str | None], parts: Sequence[EventReason] = ()
) -> tuple[EventReason, ...]:
    """Every candidate value of every attribute, from every member, marked chosen or not (and
    every candidate part, kept or not)."""
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
    unique = dict.fromkeys([*reasons, *parts])
    return tuple(
        sorted(unique, key=lambda r: (r.attribute, not r.chosen, -r.score, r.value, r.article_id))
    )
