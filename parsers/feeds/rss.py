"""RSS 0.9x/1.0/2.0 and Atom through feedparser, given bytes so the XML declaration's encoding wins.

feedparser is lenient where feeds are sloppy (undeclared `&nbsp;`, stray `&`), which is why it
reads them rather than ElementTree; safexml checks every document for hostile declarations first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

import feedparser

from parsers.charset import decode_html, normalise, sniff_declared
from parsers.dates import parse_datetime, why_dropped
from parsers.errors import ParseError
from parsers.feeds.fragments import fragment_text
from parsers.feeds.language_tags import language_tag
from parsers.feeds.safexml import check_xml
from parsers.feeds.zones import zone
from parsers.urls import is_fetchable, resolve
from records.articles import FeedItem

_DECLARATION = re.compile(rb"""(<\?xml[^>]*encoding\s*=\s*["'])([A-Za-z0-9_.\-]+)(["'])""")


@dataclass(frozen=True, slots=True)
class FeedContext:
    """What applies to every entry: the feed's language and the zone for zone-less times."""

    language: str | None
    default_tz: tzinfo


def as_utf8(data: bytes) -> bytes:
    """The feed re-encoded as UTF-8 unless it already is, decoded the way pages are.

    feedparser would decode a GB2312/Big5 feed with the narrow codec, and a feed whose
    declaration is wrong with cp1252, and give mojibake at the first character outside it;
    `decode_html` uses the supersets (gb18030, big5hkscs) and notices wrong declarations.
    """
    declared = normalise(sniff_declared(data))
    if declared in (None, "utf-8"):
        try:
            data.decode("utf-8")
            return data
        except UnicodeDecodeError:
            pass
    text = decode_html(data).text.encode("utf-8")
    if _DECLARATION.search(text[:512]):
        return _DECLARATION.sub(rb"\g<1>utf-8\g<3>", text, count=1)
    return text


def read_feed(data: bytes, url: str, what: str) -> Any:
    """The feedparser result for a harmless document that is recognisably a feed."""
    data = as_utf8(data)
    checked = check_xml(data, what)
    try:
        parsed = feedparser.parse(data, response_headers={"content-location": url})
    except Exception as error:  # feedparser has no documented exception contract
        raise ParseError(f"{what}: feedparser failed ({type(error).__name__}: {error})") from error
    if not parsed.entries:
        if checked.root is None:
            raise ParseError(f"{what}: {checked.problem}")
        if not parsed.get("version"):
            raise ParseError(f"{what}: not an RSS or Atom feed (root <{checked.root.tag}>)")
    return parsed


def feed_context(parsed: Any, options: Mapping[str, str]) -> FeedContext:
    language = language_tag(parsed.feed.get("language")) or language_tag(options.get("language"))
    return FeedContext(language, zone(options.get("default_tz"), language))


def _date(entry: Any, key: str, default_tz: tzinfo, problems: list[str]) -> datetime | None:
    """Read the raw text ourselves, and only that: feedparser's parsed tuple is UTC and forgets
    whether the feed gave a zone at all (which decides UTC+8 for Chinese feeds), turns 30 Feb
    into 2 Mar, and bypasses the plausibility check (a `9999-12-31` once stopped tracking on
    every run; `0000-01-01` made `timegm` raise and lost the whole feed). `dict.get` because
    feedparser's own `get("updated")` quietly answers with the published date.

    A date the feed gives but that cannot be trusted is noted in `problems`, so the article
    says why it has no date instead of silently missing one."""
    text = dict.get(entry, key)
    value = parse_datetime(text, default_tz)
    if value is None and isinstance(text, str) and (why := why_dropped(text, default_tz)):
        problems.append(f"feed {key}_at {why}")
    return value


def _authors(entry: Any) -> tuple[str, ...]:
    names = [fragment_text(author.get("name")) for author in entry.get("authors") or ()]
    if not any(names):
        names = [fragment_text(entry.get("author"))]
    return tuple(dict.fromkeys(name for name in names if name))


def _link(entry: Any, base: str) -> str | None:
    link = resolve(base, entry.get("link"))
    if link is None and entry.get("guidislink"):
        link = resolve(base, entry.get("id"))
    if link is None and is_fetchable(entry.get("id") or ""):
        link = entry.get("id")
    return link


def entry_item(entry: Any, base: str, context: FeedContext) -> FeedItem | None:
    """One entry as a FeedItem; None for an entry without any link (nothing to discover)."""
    url = _link(entry, base)
    if url is None:
        return None
    source = entry.get("source") or {}
    problems: list[str] = []
    return FeedItem(
        url=url,
        title=fragment_text(entry.get("title")),
        published_at=_date(entry, "published", context.default_tz, problems),
        updated_at=_date(entry, "updated", context.default_tz, problems),
        summary=fragment_text(entry.get("summary")),
        publisher=fragment_text(source.get("title")),
        publisher_url=source.get("href") or None,
        language=language_tag(entry.get("language")) or context.language,
        guid=entry.get("id") or None,
        authors=_authors(entry),
        problems=tuple(problems),
    )


def parse_rss(data: bytes, url: str, options: Mapping[str, str]) -> list[FeedItem]:
    parsed = read_feed(data, url, "RSS/Atom feed")
    context = feed_context(parsed, options)
    items = (entry_item(entry, url, context) for entry in parsed.entries)
    return [item for item in items if item is not None]
