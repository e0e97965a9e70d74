"""The typed records that cross from parsers into flows and the warehouse."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

Language = Literal["en", "zh-Hans", "zh-Hant"]
Access = Literal["free", "paywalled", "unknown"]


class ParseError(Exception):
    """Input that cannot yield a record at all; the message says what was wrong with it."""


@dataclass(frozen=True, slots=True)
class FeedItem:
    """A candidate link found by a feed, search API, sitemap or list page, with what it carried.

    `url` is the link as given (for Google News, the aggregator's link); `publisher_url` is the
    publisher's own address where the feed names one (Google News `<source url>`).
    """

    url: str
    title: str | None = None
    published_at: datetime | None = None
    updated_at: datetime | None = None
    summary: str | None = None
    publisher: str | None = None
    publisher_url: str | None = None
    language: str | None = None
    guid: str | None = None
    authors: tuple[str, ...] = ()
    related: tuple[FeedItem, ...] = ()  # e.g. the other stories of a Google News top-story cluster
    country: str | None = None  # the publisher's country where the feed says (GDELT sourcecountry)


@dataclass(frozen=True, slots=True)
class Image:
    url: str | None
    caption: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """One article as a parser read it. Missing fields are None/empty and named in `problems`."""

    url: str
    canonical_url: str
    parser: str  # which parser produced it, e.g. "chinadaily" or "generic"
    publisher: str | None = None
    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    published_at: datetime | None = None  # tz-aware
    updated_at: datetime | None = None  # tz-aware
    language: Language | None = None
    section: str | None = None
    body: tuple[str, ...] = ()  # paragraphs, without captions, bylines, share bars, copyright
    captions: tuple[str, ...] = ()
    images: tuple[Image, ...] = ()
    access: Access = "unknown"
    external_id: str | None = None
    problems: tuple[str, ...] = field(default=())

    @property
    def text(self) -> str:
        return "\n\n".join(self.body)
