"""Articles as parsers read them and as flows hand them to the warehouse."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from records.ids import article_id

Language = Literal["en", "zh-Hans", "zh-Hant"]
Access = Literal["free", "paywalled", "unknown"]


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
    # When an aggregator's crawler saw the page (GDELT seendate): not a publication time, so the
    # page's own date wins and this only says "published no later than".
    crawled_at: datetime | None = None
    problems: tuple[str, ...] = ()  # what the feed gave that could not be trusted (a date dropped)


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


@dataclass(frozen=True, slots=True)
class ArticleVersion:
    """A parsed article with where and when it was found, ready to be stored."""

    record: ArticleRecord
    source_id: str | None
    seen_at: datetime  # becomes first_seen_at when the article is new
    content_sha256: str | None = None  # the raw page it was parsed from
    publisher_url: str | None = None  # the publisher's address, for aggregator items
    crawled_at: datetime | None = None  # when an aggregator's crawler saw it (GDELT seendate)

    @property
    def article_id(self) -> str:
        return article_id(self.record.canonical_url)

    @property
    def body(self) -> str | None:
        return self.record.text or None

    @property
    def body_sha256(self) -> str | None:
        body = self.body
        return hashlib.sha256(body.encode("utf-8")).hexdigest() if body else None
