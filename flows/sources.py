"""Sources are data: `config/sources.toml` read into validated models, and the URL each one polls.

Adding a source needs no code, so a bad entry must be explained by the loader itself: every error
names the entry (its position and id) and the field that is wrong.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal
from urllib.parse import urlencode, urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from warehouse.sources import SourceRow

SourceKind = Literal[
    "rss",
    "atom",
    "google_news",
    "gdelt_doc",
    "govhk_press",
    "investhk_json",
    "sitemap",
    "html_list",
]
SourceLanguage = Literal["en", "zh-Hans", "zh-Hant"]

GOOGLE_NEWS_SEARCH = "https://news.google.com/rss/search"
GDELT_DOC_API = "https://api.gdeltproject.org/api/v2/doc/doc"
GDELT_MAX_RECORDS = 250
MINUTES_PER_YEAR = 525_600  # a source asked less often than yearly is not being followed


class Edition(BaseModel):
    """A Google News edition: `hl`, `gl` and `ceid` must agree or Google silently mixes editions."""

    model_config = ConfigDict(frozen=True)

    hl: str
    gl: str
    ceid: str
    language: SourceLanguage


GOOGLE_NEWS_EDITIONS: dict[str, Edition] = {
    "en-HK": Edition(hl="en-HK", gl="HK", ceid="HK:en", language="en"),
    "zh-HK": Edition(hl="zh-HK", gl="HK", ceid="HK:zh-Hant", language="zh-Hant"),
    "zh-TW": Edition(hl="zh-TW", gl="TW", ceid="TW:zh-Hant", language="zh-Hant"),
    "zh-CN": Edition(hl="zh-CN", gl="CN", ceid="CN:zh-Hans", language="zh-Hans"),
    "en-US": Edition(hl="en-US", gl="US", ceid="US:en", language="en"),
}


class SourcesError(Exception):
    """A sources file that cannot be used; the message names the file, entry and field."""


class Source(BaseModel):
    """One configured source. Kind-specific fields are checked against the kind."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=64)
    name: str = Field(min_length=1)
    kind: SourceKind
    url: str | None = None
    query: str | None = None
    language: SourceLanguage | None = None
    publisher: str | None = None
    official: bool = False
    poll_interval_minutes: int = Field(default=60, gt=0, le=MINUTES_PER_YEAR)
    enabled: bool = True
    # google_news: which edition to search (see GOOGLE_NEWS_EDITIONS)
    edition: str | None = None
    # gdelt_doc: the DOC API's relative window, e.g. "1d", "72h", "1w" (at most 3 months)
    timespan: str | None = Field(default=None, pattern=r"^\d+(min|h|d|w|m)$")
    # html_list: CSS selector of the article links on the list page
    selector: str | None = None
    # any feed: the zone of times the feed gives without one (default: UTC+8 for Chinese feeds)
    default_tz: str | None = None

    @model_validator(mode="after")
    def _kind_fields_agree(self) -> Source:
        if self.url is not None and urlsplit(self.url).scheme not in ("http", "https"):
            raise ValueError(f"url must be an http(s) URL, got {self.url!r}")
        searches = self.kind in ("google_news", "gdelt_doc")
        if searches and not self.query:
            raise ValueError(f"kind {self.kind!r} needs a query")
        if not searches and not self.url:
            raise ValueError(f"kind {self.kind!r} needs a url")
        if self.kind == "google_news":
            if self.edition not in GOOGLE_NEWS_EDITIONS:
                raise ValueError(
                    f"google_news needs edition, one of {sorted(GOOGLE_NEWS_EDITIONS)}; "
                    f"got {self.edition!r}"
                )
            wanted = GOOGLE_NEWS_EDITIONS[self.edition].language
            if self.language is not None and self.language != wanted:
                raise ValueError(
                    f"language {self.language!r} disagrees with edition {self.edition!r} "
                    f"({wanted!r})"
                )
        elif self.edition is not None:
            raise ValueError("edition is only for kind 'google_news'")
        if self.kind != "gdelt_doc" and self.timespan is not None:
            raise ValueError("timespan is only for kind 'gdelt_doc'")
        if self.kind == "html_list" and not self.selector:
            raise ValueError("kind 'html_list' needs a selector (CSS, for the article links)")
        if self.kind != "html_list" and self.selector is not None:
            raise ValueError("selector is only for kind 'html_list'")
        return self

    @property
    def effective_language(self) -> SourceLanguage | None:
        if self.kind == "google_news" and self.edition is not None:
            return GOOGLE_NEWS_EDITIONS[self.edition].language
        return self.language


def load_sources(path: Path) -> list[Source]:
    """Read and validate a sources file (`[[source]]` tables); ids must be unique."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError as exc:
        raise SourcesError(f"{path}: no such sources file") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SourcesError(f"{path}: not valid TOML: {exc}") from exc
    unknown = sorted(set(data) - {"source"})
    if unknown:
        raise SourcesError(f"{path}: unexpected top-level keys {unknown}; use [[source]] tables")
    entries = data.get("source", [])
    if not isinstance(entries, list):
        raise SourcesError(f"{path}: 'source' must be an array of tables ([[source]])")
    sources: list[Source] = []
    seen: dict[str, int] = {}
    for number, entry in enumerate(entries, start=1):
        label = f"source #{number}"
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            label += f" (id {entry['id']!r})"
        try:
            source = Source.model_validate(entry)
        except ValidationError as exc:
            raise SourcesError(f"{path}: {label}: {_explain(exc)}") from exc
        if source.id in seen:
            raise SourcesError(
                f"{path}: {label}: id {source.id!r} is already used by source #{seen[source.id]}"
            )
        seen[source.id] = number
        sources.append(source)
    return sources


def _explain(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"])
        message = error["msg"].removeprefix("Value error, ")
        parts.append(f"field '{where}': {message}" if where else message)
    return "; ".join(parts)


def select_sources(sources: list[Source], ids: list[str] | None) -> list[Source]:
    """The enabled sources, or exactly the named ones (enabled or not: naming one is a choice)."""
    if not ids:
        return [s for s in sources if s.enabled]
    known = {s.id: s for s in sources}
    missing = [i for i in ids if i not in known]
    if missing:
        raise SourcesError(f"unknown source id(s): {', '.join(missing)}")
    return [known[i] for i in dict.fromkeys(ids)]


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
