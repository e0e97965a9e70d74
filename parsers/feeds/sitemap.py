"""XML sitemaps, sitemap indexes and Google News sitemaps.

An index yields its child sitemaps as items (the caller decides whether to follow them, which is
why `read_sitemap` says which of the two a document is); a news sitemap carries title,
publication date and language per URL. Parsed with ElementTree through
defusedxml: sitemaps must be well-formed, and hostile ones are refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from xml.etree.ElementTree import Element

from parsers.compression import gunzip
from parsers.dates import checked_item, parse_datetime, why_dropped
from parsers.errors import ParseError
from parsers.feeds.fragments import fragment_text
from parsers.feeds.language_tags import language_tag
from parsers.feeds.safexml import local_name, parse_xml
from parsers.feeds.zones import zone
from parsers.urls import resolve
from records.articles import FeedItem

SITEMAP_ROOTS = frozenset({"urlset", "sitemapindex"})
GZIP_MAGIC = b"\x1f\x8b"
MAX_UNCOMPRESSED = 50 * 1024 * 1024  # the sitemap protocol's own limit per file


def _child(element: Element, name: str) -> Element | None:
    for child in element:
        if local_name(child.tag) == name:
            return child
    return None


def _text(element: Element | None, name: str) -> str | None:
    child = _child(element, name) if element is not None else None
    return fragment_text(child.text) if child is not None and child.text else None


def _entry(
    element: Element, base: str, default_tz: tzinfo, language: str | None
) -> FeedItem | None:
    url = resolve(base, _text(element, "loc"))
    if url is None:
        return None
    news = _child(element, "news")
    publication = _child(news, "publication") if news is not None else None
    problems: list[str] = []
    return FeedItem(
        url=url,
        title=_text(news, "title"),
        published_at=_date(_text(news, "publication_date"), "published_at", default_tz, problems),
        updated_at=_date(_text(element, "lastmod"), "updated_at", default_tz, problems),
        publisher=_text(publication, "name"),
        language=language_tag(_text(publication, "language")) or language,
        problems=tuple(problems),
    )


def _date(text: str | None, name: str, default_tz: tzinfo, problems: list[str]) -> datetime | None:
    """The date, or None with the reason noted when the sitemap gives one that cannot be
    trusted (so the article says why it has no date)."""
    value = parse_datetime(text, default_tz)
    if value is None and (why := why_dropped(text, default_tz)):
        problems.append(f"sitemap {name} {why}")
    return value


@dataclass(frozen=True, slots=True)
class Sitemap:
    """A parsed sitemap: page URLs (`urlset`), or child sitemaps with their lastmod (an index)."""

    is_index: bool
    items: list[FeedItem]


def parse_sitemap(data: bytes, url: str, options: Mapping[str, str]) -> list[FeedItem]:
    """URLs of a sitemap, or the child sitemaps of a sitemap index, with what they carry."""
    return read_sitemap(data, url, options).items


def read_sitemap(
    data: bytes, url: str, options: Mapping[str, str], now: datetime | None = None
) -> Sitemap:
    """Like parse_sitemap, saying whether the items are pages or child sitemaps; dates pass
    `parsers.dates.checked_item` (with the caller's clock, when it gives one)."""
    if data.startswith(GZIP_MAGIC):
        data = gunzip(data, MAX_UNCOMPRESSED, "sitemap")  # a .xml.gz file, bounded
    root = parse_xml(data, "sitemap")
    kind = local_name(root.tag)
    if kind not in SITEMAP_ROOTS:
        raise ParseError(f"sitemap: root element is <{kind}>, not <urlset> or <sitemapindex>")
    language = language_tag(options.get("language"))
    default_tz = zone(options.get("default_tz"), language)
    child = "url" if kind == "urlset" else "sitemap"
    entries = (
        _entry(node, url, default_tz, language) for node in root if local_name(node.tag) == child
    )
    return Sitemap(
        kind == "sitemapindex", [checked_item(entry, now) for entry in entries if entry is not None]
    )
