"""InvestHK's news endpoint, which may answer with several JSON documents back to back.

Each document is read with `raw_decode` in turn; the news entries are found by shape (a dict with
a title and a link), because the wrapper keys differ between the site's endpoints. Dates come as
ISO text, as the site prints them (day first: "01.04.2026" is 1 April), or as Unix seconds.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime, tzinfo
from typing import Any
from urllib.parse import urlsplit

from parsers.article.shown_dates import reads_day_first, shown_date
from parsers.dates import CHINA_TZ, parse_datetime
from parsers.errors import ParseError
from parsers.feeds.fragments import fragment_text
from parsers.feeds.language_tags import language_tag
from parsers.feeds.zones import zone
from parsers.urls import resolve
from records.articles import FeedItem

TITLE_KEYS = ("title", "headline", "name")
LINK_KEYS = ("url", "link", "href", "path", "detailUrl")
DATE_KEYS = ("date", "publishDate", "publishedDate", "releaseDate", "pubDate", "created")
UPDATED_KEYS = ("updated", "modified", "lastModified", "updatedDate")
SUMMARY_KEYS = ("summary", "description", "excerpt", "abstract", "teaser")
LANGUAGE_KEYS = ("language", "lang", "locale")
MAX_DEPTH = 12


def documents(text: str) -> list[Any]:
    """Every JSON document in `text`, in order; junk between or after them is an error."""
    decoder = json.JSONDecoder(strict=False)
    found: list[Any] = []
    position = 0
    while True:
        while position < len(text) and text[position] in " \t\r\n\ufeff,;":
            position += 1
        if position >= len(text):
            return found
        try:
            document, position = decoder.raw_decode(text, position)
        except (json.JSONDecodeError, RecursionError) as error:
            raise ParseError(
                f"InvestHK JSON: document {len(found) + 1} is malformed at character "
                f"{position}: {error}"
            ) from error
        found.append(document)


def _first(record: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
    return None


def _when(value: str | None, default_tz: tzinfo, day_first: bool | None) -> datetime | None:
    """Dates come as text or, from Drupal's `created`, as Unix seconds (or milliseconds)."""
    if value is not None and value.isdigit() and len(value) in (10, 13):
        return datetime.fromtimestamp(int(value[:10]), UTC)
    return shown_date(value, default_tz, day_first=day_first) or parse_datetime(value, default_tz)


def _records(node: Any, depth: int = 0) -> Iterator[Mapping[str, Any]]:
    """Dicts that look like news entries, wherever the wrapper nests them."""
    if depth > MAX_DEPTH:
        return
    if isinstance(node, dict):
        if _first(node, TITLE_KEYS) and _first(node, LINK_KEYS):
            yield node
            return
        for value in node.values():
            yield from _records(value, depth + 1)
    elif isinstance(node, list):
        for value in node:
            yield from _records(value, depth + 1)


def parse_investhk(data: bytes, url: str, options: Mapping[str, str]) -> list[FeedItem]:
    text = data.decode("utf-8", "replace")
    if not text.strip():
        raise ParseError("InvestHK JSON: empty response")
    if not text.lstrip("\ufeff \t\r\n").startswith(("{", "[")):
        raise ParseError(f"InvestHK JSON: not JSON (starts with {text.strip()[:40]!r})")
    default_language = language_tag(options.get("language"))
    default_tz = zone(options.get("default_tz")) if options.get("default_tz") else CHINA_TZ
    day_first = True if reads_day_first(urlsplit(url).hostname or "") else None
    items: dict[str, FeedItem] = {}
    for document in documents(text):
        for record in _records(document):
            link = resolve(url, _first(record, LINK_KEYS))
            if link is None or link in items:
                continue
            items[link] = FeedItem(
                url=link,
                title=fragment_text(_first(record, TITLE_KEYS)),
                published_at=_when(_first(record, DATE_KEYS), default_tz, day_first),
                updated_at=_when(_first(record, UPDATED_KEYS), default_tz, day_first),
                summary=fragment_text(_first(record, SUMMARY_KEYS)),
                language=language_tag(_first(record, LANGUAGE_KEYS)) or default_language,
                guid=_first(record, ("id", "nid", "uuid")),
                publisher="InvestHK",
            )
    return list(items.values())
