"""What a run asks of each configured source: whether it is due, and the URL it polls.

The sources themselves are data (`config/sources.toml`, read by `config.source_list`).

A backfill asks for a `Window` of time instead of "what is new": GDELT with its start and end
times (within the ~3 months it keeps, `gdelt_span`), Google News with `after:`/`before:` in the
query in place of a relative `when:7d`; other sources are asked as usual and their items
filtered to the window by discovery.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Self
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, ValidationInfo, model_validator

from config.source_list import GOOGLE_NEWS_EDITIONS, Source
from warehouse.sources import SourceRow

GOOGLE_NEWS_SEARCH = "https://news.google.com/rss/search"
GDELT_DOC_API = "https://api.gdeltproject.org/api/v2/doc/doc"
GDELT_MAX_RECORDS = 250
# How far back the DOC API searches ("the last 3 months"): an older window is clamped to it.
GDELT_HISTORY = timedelta(days=90)
# Google News' relative time operator (`when:7d`, `when:1y`), replaced by a backfill's dates.
_WHEN = re.compile(r"(?<!\S)when:\S+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Window:
    """A span of time a backfill asks the sources for: from `start` up to, not including, `end`
    (timezone-aware)."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError("window times must be timezone-aware")
        if self.end <= self.start:
            raise ValueError(f"window ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def of_days(cls, first: date, last: date, zone: tzinfo) -> Window:
        """Whole days, first to last inclusive, as they are in `zone` (the display zone)."""
        start = datetime.combine(first, time(), zone)
        return cls(start, datetime.combine(last + timedelta(days=1), time(), zone))

    def __contains__(self, moment: datetime) -> bool:
        return self.start <= moment < self.end

    def halves(self) -> tuple[Window, Window]:
        """The earlier and the later half, split on a whole second (GDELT's precision)."""
        middle = self.start + timedelta(seconds=(self.end - self.start).total_seconds() // 2)
        return Window(self.start, middle), Window(middle, self.end)

    def label(self) -> str:
        """`2025-04-01..2025-04-07`: its first and last day, in the zone its start is given in."""
        last = (self.end - timedelta(microseconds=1)).astimezone(self.start.tzinfo).date()
        return f"{self.start.date()}..{last}"


class BackfillDays(BaseModel):
    """The days a backfill asks for, first to last inclusive: a span that has happened. Validate
    with the day it is where the user is as `context={"today": ...}` (else UTC's today)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    first: date
    last: date

    @model_validator(mode="after")
    def _a_past_span(self, info: ValidationInfo) -> Self:
        context = info.context if isinstance(info.context, dict) else {}
        today = context.get("today") or datetime.now(UTC).date()
        if self.first > self.last:
            raise ValueError(f"--from {self.first} is after --to {self.last}")
        if self.last > today:
            raise ValueError(f"--to {self.last} is in the future (today is {today})")
        return self


def backfill_days(first: date, last: date, timezone: str) -> BackfillDays:
    """The days, checked against today in `timezone` (the display zone, whose days the user
    means); raises pydantic's ValidationError, whose first error says which rule failed."""
    today = datetime.now(ZoneInfo(timezone)).date()
    return BackfillDays.model_validate({"first": first, "last": last}, context={"today": today})


def gdelt_span(window: Window, now: datetime) -> Window | None:
    """The part of the window GDELT can answer: within GDELT_HISTORY before now (from the next
    whole second, GDELT's precision), not after now; None when none of it is."""
    reach = (now - GDELT_HISTORY).replace(microsecond=0) + timedelta(seconds=1)
    start, end = max(window.start, reach), min(window.end, now)
    return Window(start, end) if start < end else None


def due_sources(
    sources: Sequence[Source], last_polled: Mapping[str, datetime], at: datetime
) -> list[Source]:
    """The sources whose poll interval has passed since their feed last answered (or never did).

    A feed that failed does not count as polled, so a failing source is tried on every run.
    """
    return [
        s
        for s in sources
        if s.id not in last_polled
        or at - last_polled[s.id] >= timedelta(minutes=s.poll_interval_minutes)
    ]


def google_news_url(source: Source, window: Window | None = None) -> str:
    """The search RSS URL; `url` (if given) replaces Google's host, which is how tests point it.

    With a window, the query's `when:` goes and `after:`/`before:` dates come in its place. Both
    are taken a day wide (after the day before the window, before the day after it), since
    whether Google counts the named day in is not documented; discovery drops items outside the
    window by their dates.
    """
    assert source.query is not None and source.edition is not None
    edition = GOOGLE_NEWS_EDITIONS[source.edition]
    query = source.query
    if window is not None:
        after = window.start.date() - timedelta(days=1)
        before = (window.end - timedelta(microseconds=1)).date() + timedelta(days=1)
        query = " ".join([*_WHEN.sub(" ", query).split(), f"after:{after}", f"before:{before}"])
    params = {"q": query, "hl": edition.hl, "gl": edition.gl, "ceid": edition.ceid}
    return f"{source.url or GOOGLE_NEWS_SEARCH}?{urlencode(params)}"


def gdelt_url(source: Source, *, start: datetime | None = None, end: datetime | None = None) -> str:
    """The DOC 2.0 artlist URL: an explicit UTC window if given, else the source's timespan."""
    assert source.query is not None
    params = {
        "query": source.query,
        "mode": "artlist",
        "format": "json",
        "maxrecords": str(GDELT_MAX_RECORDS),
        "sort": "datedesc",
    }
    if start is not None and end is not None:
        params["startdatetime"] = _gdelt_time(start)
        params["enddatetime"] = _gdelt_time(end)
    else:
        params["timespan"] = source.timespan or "1d"
    return f"{source.url or GDELT_DOC_API}?{urlencode(params)}"


def _gdelt_time(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("GDELT window times must be timezone-aware")
    return moment.astimezone(UTC).strftime("%Y%m%d%H%M%S")


def parse_options(source: Source) -> dict[str, str]:
    """The keyword options `parsers.feeds.parse_feed` takes for this source."""
    options = {
        "language": source.effective_language,
        "selector": source.selector,
        "default_tz": source.default_tz,
    }
    return {name: value for name, value in options.items() if value is not None}


def request_url(source: Source) -> str:
    """The URL to poll for this source."""
    if source.kind == "google_news":
        return google_news_url(source)
    if source.kind == "gdelt_doc":
        return gdelt_url(source)
    assert source.url is not None
    return source.url


def source_row(source: Source) -> SourceRow:
    """The warehouse's view of a source: the kind-specific fields go into `options`."""
    options = {
        name: value
        for name, value in (
            ("edition", source.edition),
            ("timespan", source.timespan),
            ("selector", source.selector),
            ("next_selector", source.next_selector),
            ("default_tz", source.default_tz),
        )
        if value is not None
    }
    return SourceRow(
        source_id=source.id,
        name=source.name,
        kind=source.kind,
        url=source.url,
        query=source.query,
        language=source.effective_language,
        publisher=source.publisher,
        official=source.official,
        poll_interval_minutes=source.poll_interval_minutes,
        enabled=source.enabled,
        options=options,
    )
