"""What a run asks of each configured source: whether it is due, and the URL it polls.

The sources themselves are data (`config/sources.toml`, read by `config.source_list`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

from config.source_list import GOOGLE_NEWS_EDITIONS, Source
from warehouse.sources import SourceRow

GOOGLE_NEWS_SEARCH = "https://news.google.com/rss/search"
GDELT_DOC_API = "https://api.gdeltproject.org/api/v2/doc/doc"
GDELT_MAX_RECORDS = 250


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


def google_news_url(source: Source) -> str:
    """The search RSS URL; `url` (if given) replaces Google's host, which is how tests point it."""
    assert source.query is not None and source.edition is not None
    edition = GOOGLE_NEWS_EDITIONS[source.edition]
    params = {"q": source.query, "hl": edition.hl, "gl": edition.gl, "ceid": edition.ceid}
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
