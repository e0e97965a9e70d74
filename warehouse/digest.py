"""Every query a weekly digest needs, turning the warehouse into a `records.digest.Digest`.

Days are local days in the digest's time zone (`timezone(tz, appeared_at)`), so a story published
at 07:00 in Hong Kong on a Monday belongs to that Monday whatever the session's zone. The period
before is the same number of days just before, which is what "week over week" compares. Every
ordering ends on an id, so the same warehouse gives the same digest, row for row.

Coverage is `v_coverage` (one row per article: outlet, official, event, when it appeared);
figures are `v_measures`. Nothing here writes, except `record_digest`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

import duckdb

from records.digest import (
    AgreementEntry,
    AppendixGroup,
    Change,
    DayCount,
    Digest,
    Disagreement,
    EntityEntry,
    EventEntry,
    Health,
    KeyNumbers,
    Link,
    MeasurePoint,
    NearMiss,
    Period,
    SourceCount,
    SourceHealth,
    Timeline,
    WeekCount,
)
from warehouse.batch import to_json, values_table
from warehouse.merge import Table, merge
from warehouse.rows import named_rows

LANGUAGES = ("en", "zh-Hans", "zh-Hant")
TOP_EVENTS = 10
LINKS_PER_EVENT = 5
PEOPLE_PER_EVENT = 5
TOP_ENTITIES = 10
NEAR_THRESHOLD_BELOW = 1.0  # scores this far below the threshold are worth a human look ...
NEAR_THRESHOLD_ABOVE = 0.5  # ... and this far above it
NEAR_THRESHOLD_SHOWN = 10
TREND_WEEKS = 12
USUAL_PERIODS = 4  # the daily chart's "usual" is the average over this many periods before
NO_EVENT = "Not tied to an event"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“])|(?<=[。！？])")


@dataclass(frozen=True)
class MeasureLabel:
    label: str
    label_zh: str | None
    kind: str


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: Any = None) -> list[dict[str, Any]]:
    return named_rows(con.execute(sql, params) if params is not None else con.execute(sql))


# --- periods -------------------------------------------------------------------------------


def iso_week(label: str, timezone: str) -> Period:
    """The period of an ISO week label such as "2019-W25" (Monday to Sunday)."""
    found = re.fullmatch(r"(\d{4})-W(\d{2})", label)
    if found is None:
        raise ValueError(f"{label!r} is not an ISO week such as 2019-W25")
    year, week = int(found.group(1)), int(found.group(2))
    start = date.fromisocalendar(year, week, 1)
    return Period(f"{year}-W{week:02d}", start, start + timedelta(days=6), timezone)


def week_of(day: date, timezone: str) -> Period:
    year, week, _ = day.isocalendar()
    return iso_week(f"{year}-W{week:02d}", timezone)


def span(start: date, end: date, timezone: str) -> Period:
    """A period of days that is not an ISO week: labelled by its dates."""
    if end < start:
        raise ValueError(f"the period ends ({end}) before it starts ({start})")
    return Period(f"{start.isoformat()}..{end.isoformat()}", start, end, timezone)


def before(period: Period) -> Period:
    """The period of the same length just before: what week-over-week compares with."""
    end = period.start - timedelta(days=1)
    start = end - timedelta(days=period.days - 1)
    if re.fullmatch(r"\d{4}-W\d{2}", period.label):
        return week_of(start, period.timezone)
    return span(start, end, period.timezone)


def weeks_with_coverage(con: duckdb.DuckDBPyConnection, timezone: str) -> list[Period]:
    """Every ISO week with relevant coverage, oldest first (what `hzhk digest --all` writes)."""
    found = rows(
        con,
        """
        SELECT DISTINCT isoyear(day) AS y, week(day) AS w FROM (
            SELECT timezone($tz, appeared_at)::DATE AS day FROM v_coverage
            WHERE is_relevant AND appeared_at IS NOT NULL)
        ORDER BY y, w
        """,
        {"tz": timezone},
    )
    return [iso_week(f"{r['y']}-W{r['w']:02d}", timezone) for r in found]


# --- the digest ----------------------------------------------------------------------------


def build_digest(
    con: duckdb.DuckDBPyConnection,
    period: Period,
    *,
    generated_at: datetime,
    threshold: float,
    measures: dict[str, MeasureLabel],
    demo: bool = False,
) -> Digest:
    """The digest of `period`, compared with the period just before it."""
    previous = before(period)
    coverage = _coverage(con, period, previous)
    now = [c for c in coverage if c["current"]]
    then = [c for c in coverage if not c["current"]]
    events = _events(con, period, previous, now, then)
    named = _named_entities(con, period, previous)
    return Digest(
        period=period,
        previous=previous,
        generated_at=generated_at,
        key_numbers=_key_numbers(now, then, events),
        top_events=tuple(events[:TOP_EVENTS]),
        events_total=len(events),
        agreements=_agreements(con, period),
        timelines=_timelines(con, period, measures),
        new_entities=_pick_entities(named, period, new=True),
        top_entities=_pick_entities(named, period, new=False),
        sources=_sources(now),
        daily=_daily(con, period),
        trend=_trend(con, period),
        health=_health(con, period, now, threshold),
        appendix=_appendix(now, events),
        demo=demo,
    )


def _window(period: Period) -> dict[str, Any]:
    return {"tz": period.timezone, "start": period.start, "end": period.end}


def _coverage(
    con: duckdb.DuckDBPyConnection, period: Period, previous: Period
) -> list[dict[str, Any]]:
    """Relevant articles of this period and the one before, each marked `current` or not."""
    return rows(
        con,
        """
        SELECT *, day >= $start AS current FROM (
            SELECT c.*, timezone($tz, c.appeared_at)::DATE AS day FROM v_coverage AS c
            WHERE c.is_relevant)
        WHERE day BETWEEN $previous AND $end
        ORDER BY appeared_at, article_id
        """,
        {**_window(period), "previous": previous.start},
    )


def _change(now: Sequence[Any], then: Sequence[Any]) -> Change:
    return Change(len(set(now)), len(set(then)))


def _key_numbers(
    now: list[dict[str, Any]], then: list[dict[str, Any]], events: list[EventEntry]
) -> KeyNumbers:
    def ids(items: list[dict[str, Any]], keep: Any = lambda c: True) -> list[str]:
        return [c["article_id"] for c in items if keep(c)]

    return KeyNumbers(
        relevant_articles=_change(ids(now), ids(then)),
        events=_change(
            [c["event_id"] for c in now if c["event_id"]],
            [c["event_id"] for c in then if c["event_id"]],
        ),
        events_new=sum(1 for e in events if e.status == "new"),
        events_continuing=sum(1 for e in events if e.status != "new"),
        outlets=_change([c["outlet"] for c in now], [c["outlet"] for c in then]),
        by_language=tuple(
            (
                language,
                _change(
                    ids(now, lambda c, lang=language: c["language"] == lang),
                    ids(then, lambda c, lang=language: c["language"] == lang),
                ),
            )
            for language in LANGUAGES
        ),
        official=_change(ids(now, lambda c: c["official"]), ids(then, lambda c: c["official"])),
        media=_change(
            ids(now, lambda c: not c["official"]), ids(then, lambda c: not c["official"])
        ),
    )


def _official(c: dict[str, Any]) -> bool:
    return bool(c["official"])


def _media(c: dict[str, Any]) -> bool:
    return not c["official"]


def _link(c: dict[str, Any]) -> Link:
    return Link(
        title=str(c["title"]),
        url=str(c["url"]),
        outlet=str(c["outlet"]),
        language=c["language"],
        published_at=c["appeared_at"],
        official=bool(c["official"]),
        duplicate=c["duplicate_of"] is not None,
    )


def _events(
    con: duckdb.DuckDBPyConnection,
    period: Period,
    previous: Period,
    now: list[dict[str, Any]],
    then: list[dict[str, Any]],
) -> list[EventEntry]:
    """Events with coverage in the period, ranked: outlets, articles, official coverage, recency."""
    by_event: dict[str, list[dict[str, Any]]] = {}
    for c in now:
        if c["event_id"]:
            by_event.setdefault(c["event_id"], []).append(c)
    if not by_event:
        return []
    before_counts: dict[str, int] = {}
    for c in then:
        if c["event_id"]:
            before_counts[c["event_id"]] = before_counts.get(c["event_id"], 0) + 1
    described = {
        r["event_id"]: r
        for r in rows(
            con,
            f"""
            SELECT e.event_id, e.title, e.title_zh, e.event_type, e.event_date, e.place,
                   e.place_detail,
                   min(timezone($tz, c.appeared_at)::DATE) AS first_day
            FROM events AS e JOIN v_coverage AS c USING (event_id)
            WHERE e.event_id IN ({values_table("$ids")})
            GROUP BY ALL
            """,
            {"tz": period.timezone, "ids": to_json(sorted(by_event))},
        )
    }
    named = _event_entities(con, sorted(by_event), [c["article_id"] for c in now])
    bodies = _bodies(con, [c["article_id"] for items in by_event.values() for c in items])
    entries = []
    for event_id, items in by_event.items():
        row = described.get(event_id)
        if row is None:
            continue
        people, organisations = named.get(event_id, ((), ()))
        entries.append(
            EventEntry(
                event_id=event_id,
                title=str(row["title"]),
                title_zh=row["title_zh"],
                event_type=row["event_type"],
                event_date=row["event_date"],
                place=row["place"],
                status="new" if row["first_day"] >= period.start else "continuing",
                people=people,
                organisations=organisations,
                lead=_lead(items, bodies),
                links=_best_links(items),
                outlets=len({c["outlet"] for c in items}),
                articles=len(items),
                official_articles=sum(1 for c in items if c["official"]),
                coverage=Change(len(items), before_counts.get(event_id, 0)),
                place_detail=row["place_detail"],
            )
        )
    latest = {e: max(c["appeared_at"] for c in items).timestamp() for e, items in by_event.items()}
    entries.sort(
        key=lambda e: (
            -e.outlets,
            -e.articles,
            -e.official_articles,
            -latest[e.event_id],
            e.event_id,
        )
    )
    return entries


def _best_links(items: list[dict[str, Any]]) -> tuple[Link, ...]:
    """Up to five links, one per outlet: originals before copies, official first, earliest."""
    ordered = sorted(
        items,
        key=lambda c: (
            c["duplicate_of"] is not None,
            not c["official"],
            c["appeared_at"],
            c["article_id"],
        ),
    )
    chosen: list[dict[str, Any]] = []
    outlets: set[str] = set()
    for c in ordered:
        if c["outlet"] not in outlets:
            chosen.append(c)
            outlets.add(c["outlet"])
    for c in ordered:  # fewer outlets than five: more of their articles
        if len(chosen) >= LINKS_PER_EVENT:
            break
        if c not in chosen:
            chosen.append(c)
    return tuple(_link(c) for c in chosen[:LINKS_PER_EVENT])


def _bodies(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> dict[str, str]:
    """The bodies of these articles (those that have one), read in one query for every event's
    lead: a query per event read the articles table once per event (36 reads, ≈ 1.5 s on a
    million articles), and the ids go as one JSON parameter (warehouse/batch.py says why)."""
    if not article_ids:
        return {}
    found = rows(
        con,
        f"SELECT article_id, body FROM articles WHERE article_id IN ({values_table('$ids')})"
        " AND body IS NOT NULL",
        {"ids": to_json(sorted(set(article_ids)))},
    )
    return {str(r["article_id"]): str(r["body"]) for r in found}


def _lead(items: list[dict[str, Any]], bodies: dict[str, str]) -> str | None:
    """The first sentence of the event's earliest original English report (else any report)."""
    ordered = sorted(
        items,
        key=lambda c: (
            c["language"] != "en",
            c["duplicate_of"] is not None,
            c["appeared_at"],
            c["article_id"],
        ),
    )
    for c in ordered:
        body = bodies.get(c["article_id"])
        if body:
            first = body.strip().split("\n\n", 1)[0]
            sentence = _SENTENCE_END.split(first, maxsplit=1)[0].strip()
            return sentence[:400]
    return None


def _event_entities(
    con: duckdb.DuckDBPyConnection, event_ids: list[str], article_ids: list[str]
) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Per event, its most named people and organisations in the period's coverage."""
    found = rows(
        con,
        f"""
        SELECT ea.event_id, e.entity_type, e.name, count(*) AS n
        FROM mentions AS m
        JOIN event_articles AS ea USING (article_id)
        JOIN entities AS e USING (entity_id)
        WHERE ea.event_id IN ({values_table("$events")})
          AND m.article_id IN ({values_table("$articles")})
          AND coalesce(m.status, 'accepted') = 'accepted'
          AND e.status = 'known' AND e.entity_type IN ('person', 'organization')
        GROUP BY ALL
        ORDER BY ea.event_id, n DESC, e.name
        """,
        {"events": to_json(event_ids), "articles": to_json(article_ids)},
    )
    named: dict[str, tuple[list[str], list[str]]] = {}
    for r in found:
        people, organisations = named.setdefault(r["event_id"], ([], []))
        target = people if r["entity_type"] == "person" else organisations
        if len(target) < PEOPLE_PER_EVENT:
            target.append(str(r["name"]))
    return {e: (tuple(p), tuple(o)) for e, (p, o) in named.items()}


def _agreements(con: duckdb.DuckDBPyConnection, period: Period) -> tuple[AgreementEntry, ...]:
    """Agreements reported in the period: one entry per event (or article) and status, gathering
    what its reports say (the largest count, every field and party, the earliest date) and
    citing the first report, so three outlets' accounts of one signing are one line."""
    found = rows(
        con,
        """
        SELECT g.*, c.title, c.url, c.outlet, c.language, c.appeared_at, c.official,
               c.duplicate_of, e.title AS event_title
        FROM v_agreements AS g
        JOIN v_coverage AS c USING (article_id)
        LEFT JOIN events AS e ON e.event_id = g.event_id
        WHERE c.is_relevant AND timezone($tz, c.appeared_at)::DATE BETWEEN $start AND $end
        ORDER BY c.official DESC, c.appeared_at, g.article_id, g.sentence
        """,
        _window(period),
    )
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in found:
        groups.setdefault((r["event_id"] or r["article_id"], str(r["status"])), []).append(r)
    entries = []
    for reports in groups.values():
        first = reports[0]
        counts = [r["agreement_count"] for r in reports if r["agreement_count"]]
        days = [d for r in reports if (d := _agreed_on(r)) is not None]
        most = max(counts, default=None)
        counted = next((r for r in reports if r["agreement_count"] == most), first)
        entries.append(
            AgreementEntry(
                parties=_union(r["parties"] for r in reports),
                fields=_union(r["fields"] for r in reports),
                count=most,
                kind=str(counted["kind"] or "agreement"),
                status=str(first["status"]),
                on=min(days) if days else None,
                event_title=first["event_title"],
                source=_link(first),
                sentence=str(counted["sentence"] or ""),
            )
        )
    entries.sort(key=lambda a: (a.on or date.max, a.event_title or "", a.source.url))
    return tuple(entries)


def _agreed_on(r: dict[str, Any]) -> date | None:
    value = r["signed_on"] if r["status"] == "signed" else r["planned_on"]
    return value if isinstance(value, date) else None


def _union(lists: Any) -> tuple[str, ...]:
    """Every item once, in the order first met."""
    return tuple(dict.fromkeys(item for items in lists for item in (items or ())))


def _timelines(
    con: duckdb.DuckDBPyConnection, period: Period, measures: dict[str, MeasureLabel]
) -> tuple[Timeline, ...]:
    """Each measure reported in the period, with every earlier value up to the period's end."""
    found = rows(
        con,
        """
        SELECT m.*, c.outlet, c.language, c.official, c.duplicate_of, e.event_date,
               c.appeared_at, timezone($tz, c.appeared_at)::DATE AS day
        FROM v_measures AS m JOIN v_coverage AS c ON c.article_id = m.article
        LEFT JOIN events AS e ON e.event_id = c.event_id
        WHERE c.is_relevant AND timezone($tz, c.appeared_at)::DATE <= $end
        ORDER BY m.measure, coalesce(m.as_of, day), c.appeared_at, m.article, m.value
        """,
        {"tz": period.timezone, "end": period.end},
    )
    by_measure: dict[str, list[MeasurePoint]] = {}
    undated_day: dict[int, date] = {}  # a point without a stated date: its event's, else its own
    for r in found:
        point = MeasurePoint(
            as_of=r["as_of"],
            value=float(r["value"]),
            unit=r["unit"] if r["unit"] not in ("count", "money") else None,
            currency=r["unit"] if r["unit"] not in ("count", "money", None) else None,
            qualifier=r["qualifier"],
            source=_link({**r, "article_id": r["article"]}),
            reported_on=r["day"],
            sentence=str(r["sentence"] or ""),
        )
        by_measure.setdefault(str(r["measure"]), []).append(point)
        undated_day[id(point)] = r["event_date"] or r["day"]
    timelines = []
    for key, points in sorted(by_measure.items()):
        current = tuple(p for p in points if p.reported_on and p.reported_on >= period.start)
        if not current:
            continue
        history = _history(points, undated_day)
        label = measures.get(key, MeasureLabel(key.replace("_", " "), None, "count"))
        change = percent = None
        if len(history) >= 2:
            change = history[-1].value - history[-2].value
            if history[-2].value:
                percent = 100.0 * change / history[-2].value
        timelines.append(
            Timeline(
                measure=key,
                label=label.label,
                label_zh=label.label_zh,
                kind=label.kind,
                history=history,
                this_period=current,
                change=change,
                change_percent=percent,
                disagreements=_disagreements(points),
            )
        )
    return tuple(timelines)


def _history(points: list[MeasurePoint], undated_day: dict[int, date]) -> tuple[MeasurePoint, ...]:
    """One point per as-of date: the value most sources give (ties: the first reported).

    A value reported without a stated date that some report does date is that same fact
    restated, not a point of its own ("more than US$140 billion" beside "... by the end of
    2018"); any other undated value stands at its event's date, else at the day it was reported.
    """
    dated = {p.value for p in points if p.as_of is not None}
    by_day: dict[date, list[MeasurePoint]] = {}
    for p in points:
        if p.as_of is None and p.value in dated:
            continue
        by_day.setdefault(p.as_of or undated_day[id(p)], []).append(p)
    chosen = []
    for day in sorted(by_day):
        group = by_day[day]
        votes: dict[float, int] = {}
        for p in group:
            votes[p.value] = votes.get(p.value, 0) + 1
        best = max(votes.values())
        chosen.append(next(p for p in group if votes[p.value] == best))
    return tuple(chosen)


def _disagreements(points: list[MeasurePoint]) -> tuple[Disagreement, ...]:
    """As-of dates (stated, not guessed) for which sources give different values."""
    by_day: dict[date, list[MeasurePoint]] = {}
    for p in points:
        if p.as_of is not None:
            by_day.setdefault(p.as_of, []).append(p)
    found = []
    for day in sorted(by_day):
        group = by_day[day]
        if len({p.value for p in group}) > 1:
            distinct: dict[float, MeasurePoint] = {}
            for p in group:
                distinct.setdefault(p.value, p)
            found.append(Disagreement(day, tuple(distinct[v] for v in sorted(distinct))))
    return tuple(found)


def _entities(
    con: duckdb.DuckDBPyConnection, period: Period, previous: Period, *, new: bool
) -> tuple[EntityEntry, ...]:
    """People and organisations: first seen in the period (`new`), or the most mentioned."""
    return _pick_entities(_named_entities(con, period, previous), period, new=new)


def _pick_entities(
    entries: list[EntityEntry], period: Period, *, new: bool
) -> tuple[EntityEntry, ...]:
    """From the period's named people and organisations (most mentioned first): those first
    seen in the period (`new`), or the most mentioned."""
    if new:
        return tuple(e for e in entries if e.first_seen and e.first_seen >= period.start)
    return tuple(entries[:TOP_ENTITIES])


def _named_entities(
    con: duckdb.DuckDBPyConnection, period: Period, previous: Period
) -> list[EntityEntry]:
    """The people and organisations named in the period, most mentioned first: one query for
    both of the digest's lists (it reads every mention of relevant coverage, ≈ 0.1 s on a
    million articles)."""
    found = rows(
        con,
        """
        WITH named AS (
            SELECT m.entity_id, timezone($tz, c.appeared_at)::DATE AS day
            FROM mentions AS m JOIN v_coverage AS c USING (article_id)
            WHERE c.is_relevant AND coalesce(m.status, 'accepted') = 'accepted'
        )
        SELECT e.entity_id, e.name, coalesce(e.name_zh_hans, e.name_zh_hant) AS name_zh,
               e.entity_type, min(n.day) AS first_seen,
               count(*) FILTER (WHERE n.day BETWEEN $start AND $end) AS now,
               count(*) FILTER (WHERE n.day BETWEEN $previous AND $start - 1) AS before
        FROM named AS n JOIN entities AS e USING (entity_id)
        WHERE e.status = 'known' AND e.entity_type IN ('person', 'organization')
        GROUP BY ALL
        HAVING now > 0
        ORDER BY now DESC, e.name, e.entity_id
        """,
        {**_window(period), "previous": previous.start},
    )
    entries = [
        EntityEntry(
            entity_id=str(r["entity_id"]),
            name=str(r["name"]),
            name_zh=r["name_zh"],
            entity_type=str(r["entity_type"]),
            mentions=Change(int(r["now"]), int(r["before"])),
            first_seen=r["first_seen"],
        )
        for r in found
    ]
    return entries


def _sources(now: list[dict[str, Any]]) -> tuple[SourceCount, ...]:
    counts: dict[tuple[str, bool, str | None], int] = {}
    for c in now:
        key = (str(c["outlet"]), bool(c["official"]), c["language"])
        counts[key] = counts.get(key, 0) + 1
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0], str(kv[0][2])))
    return tuple(SourceCount(o, off, lang, n) for (o, off, lang), n in ordered)


def _daily(con: duckdb.DuckDBPyConnection, period: Period) -> tuple[DayCount, ...]:
    """Articles per day, beside the same weekday's average over the periods before."""
    first = period.start - timedelta(days=period.days * USUAL_PERIODS)
    found = rows(
        con,
        """
        SELECT timezone($tz, appeared_at)::DATE AS day, count(*) AS n FROM v_coverage
        WHERE is_relevant AND timezone($tz, appeared_at)::DATE BETWEEN $first AND $end
        GROUP BY ALL
        """,
        {"tz": period.timezone, "end": period.end, "first": first},
    )
    per_day = {r["day"]: int(r["n"]) for r in found}
    days = []
    for offset in range(period.days):
        day = period.start + timedelta(days=offset)
        earlier = [
            per_day.get(day - timedelta(days=period.days * k), 0)
            for k in range(1, USUAL_PERIODS + 1)
        ]
        days.append(DayCount(day, per_day.get(day, 0), sum(earlier) / USUAL_PERIODS))
    return tuple(days)


def _trend(con: duckdb.DuckDBPyConnection, period: Period) -> tuple[WeekCount, ...]:
    """Relevant articles per ISO week, the twelve weeks ending with the period's last week."""
    last = week_of(period.end, period.timezone)
    weeks = [week_of(last.start - timedelta(weeks=k), period.timezone) for k in range(TREND_WEEKS)]
    weeks.reverse()
    found = rows(
        con,
        """
        SELECT date_trunc('week', timezone($tz, appeared_at)::DATE)::DATE AS monday, count(*) AS n
        FROM v_coverage
        WHERE is_relevant AND timezone($tz, appeared_at)::DATE BETWEEN $first AND $end
        GROUP BY ALL
        """,
        {"tz": period.timezone, "first": weeks[0].start, "end": last.end},
    )
    per_week = {r["monday"]: int(r["n"]) for r in found}
    return tuple(WeekCount(w.label, w.start, per_week.get(w.start, 0)) for w in weeks)


def _health(
    con: duckdb.DuckDBPyConnection,
    period: Period,
    now: list[dict[str, Any]],
    threshold: float,
) -> Health:
    """The pipeline as of the latest ingest run, the period's folded copies, and the articles
    of the period scored near the relevance threshold."""
    last = rows(
        con,
        "SELECT run_id, counts FROM runs WHERE flow = 'ingest' AND status <> 'running'"
        " ORDER BY started_at DESC, run_id LIMIT 1",
    )
    polled = failed = 0
    failures: tuple[SourceHealth, ...] = ()
    if last:
        counts = json.loads(last[0]["counts"] or "{}")
        polled, failed = int(counts.get("sources", 0)), int(counts.get("sources_failed", 0))
        failures = tuple(
            SourceHealth(str(r["source_id"]), str(r["stage"]), int(r["n"]), str(r["last_error"]))
            for r in rows(
                con,
                """
                SELECT coalesce(source_id, '-') AS source_id, stage, count(*) AS n,
                       arg_max(error, occurred_at) AS last_error
                FROM ingest_errors WHERE run_id = $run GROUP BY ALL
                ORDER BY n DESC, source_id, stage
                """,
                {"run": last[0]["run_id"]},
            )
        )
    near = rows(
        con,
        """
        SELECT * FROM v_coverage
        WHERE relevance BETWEEN $low AND $high
          AND timezone($tz, appeared_at)::DATE BETWEEN $start AND $end
        ORDER BY abs(relevance - $threshold), article_id
        LIMIT $shown
        """,
        {
            **_window(period),
            "low": threshold - NEAR_THRESHOLD_BELOW,
            "high": threshold + NEAR_THRESHOLD_ABOVE,
            "threshold": threshold,
            "shown": NEAR_THRESHOLD_SHOWN,
        },
    )
    return Health(
        sources_polled=polled,
        sources_failed=failed,
        failures=failures,
        duplicates_folded=sum(1 for c in now if c["duplicate_of"] is not None),
        near_threshold=tuple(NearMiss(_link(r), float(r["relevance"]), threshold) for r in near),
    )


def _appendix(now: list[dict[str, Any]], events: list[EventEntry]) -> tuple[AppendixGroup, ...]:
    """Every relevant article of the period, grouped by event in ranking order, then the rest."""
    titles = {e.event_id: e.title for e in events}
    groups = [
        AppendixGroup(
            e.event_id, e.title, tuple(_link(c) for c in now if c["event_id"] == e.event_id)
        )
        for e in events
    ]
    loose = tuple(_link(c) for c in now if c["event_id"] not in titles)
    if loose:
        groups.append(AppendixGroup(None, NO_EVENT, loose))
    return tuple(groups)


# --- the digests table ---------------------------------------------------------------------


@dataclass(frozen=True)
class RecordedDigest:
    period: str
    period_start: date
    period_end: date
    generated_at: datetime
    path_md: str
    path_html: str
    path_json: str
    figures: dict[str, Any]


DIGEST_COLUMNS = {
    "period": "VARCHAR", "period_start": "DATE", "period_end": "DATE",
    "generated_at": "TIMESTAMPTZ", "path_md": "VARCHAR", "path_html": "VARCHAR",
    "path_json": "VARCHAR", "figures": "JSON",
}  # fmt: skip
DIGESTS = Table(name="digests", columns=DIGEST_COLUMNS, key=("period",))


def record_digest(con: duckdb.DuckDBPyConnection, digest: RecordedDigest) -> None:
    """One row per period: producing a period's digest again replaces its row."""
    merge(con, DIGESTS, [asdict(digest)])


def recorded_digests(con: duckdb.DuckDBPyConnection) -> list[RecordedDigest]:
    """Every digest produced, oldest period first."""
    found = rows(
        con,
        "SELECT period, period_start, period_end, generated_at, path_md, path_html, path_json,"
        " figures FROM digests ORDER BY period_start, period",
    )
    return [
        replace(
            RecordedDigest(**{**r, "figures": {}}),
            figures=json.loads(r["figures"]) if r["figures"] else {},
        )
        for r in found
    ]
