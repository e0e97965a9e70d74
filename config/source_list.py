"""Sources are data: `config/sources.toml` read into validated models.

Adding a source needs no code, so a bad entry must be explained by the loader itself: every error
names the file, the entry (its position and id) and the field that is wrong.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from config.errors import ConfigError, explain_one

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
    # html_list: CSS selector of the link to the next (older) page, which `hzhk backfill` follows
    # back through the list (default: the page's rel="next" link)
    next_selector: str | None = None
    # any feed: the zone of times the feed gives without one (default: UTC+8 for Chinese feeds)
    default_tz: str | None = None

    @field_validator("default_tz")
    @classmethod
    def _real_zone(cls, value: str | None) -> str | None:
        """An IANA name or an offset the Earth has (feeds' zone-less times are read in it)."""
        if value is None or value.strip().upper() in {"UTC", "GMT", "Z"}:
            return value
        offset = re.fullmatch(r"(?:UTC|GMT)?\s*[+-](\d{1,2}):?(\d{2})?", value.strip(), re.I)
        if offset:
            hours, minutes = int(offset.group(1)), int(offset.group(2) or 0)
            if minutes >= 60 or hours * 60 + minutes > 14 * 60:
                raise ValueError(f"default_tz {value!r} is no offset in use (within ±14:00)")
            return value
        try:
            ZoneInfo(value.strip())
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"default_tz {value!r} is neither an IANA zone nor an offset") from exc
        return value

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
        if self.kind != "html_list" and self.next_selector is not None:
            raise ValueError("next_selector is only for kind 'html_list'")
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
        raise ConfigError(f"{path}: no such sources file") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    unknown = sorted(set(data) - {"source"})
    if unknown:
        raise ConfigError(f"{path}: unexpected top-level keys {unknown}; use [[source]] tables")
    entries = data.get("source", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: 'source' must be an array of tables ([[source]])")
    sources: list[Source] = []
    seen: dict[str, int] = {}
    for number, entry in enumerate(entries, start=1):
        label = f"source #{number}"
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            label += f" (id {entry['id']!r})"
        try:
            source = Source.model_validate(entry)
        except ValidationError as exc:
            raise ConfigError(f"{path}: {label}: {_explain(exc)}") from exc
        if source.id in seen:
            raise ConfigError(
                f"{path}: {label}: id {source.id!r} is already used by source #{seen[source.id]}"
            )
        seen[source.id] = number
        sources.append(source)
    return sources


def _explain(exc: ValidationError) -> str:
    """`field 'url': reason`: the entry is already named, so the field is quoted beside it."""
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"])
        message = explain_one(error)
        parts.append(f"field '{where}': {message}" if where else message)
    return "; ".join(parts)


def select_sources(sources: list[Source], ids: list[str] | None) -> list[Source]:
    """The enabled sources, or exactly the named ones (enabled or not: naming one is a choice)."""
    if not ids:
        return [s for s in sources if s.enabled]
    known = {s.id: s for s in sources}
    missing = [i for i in ids if i not in known]
    if missing:
        raise ConfigError(f"unknown source id(s): {', '.join(missing)}")
    return [known[i] for i in dict.fromkeys(ids)]
