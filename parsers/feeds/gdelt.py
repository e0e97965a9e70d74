"""GDELT DOC 2.0 `mode=artlist&format=json` responses.

The API answers errors with HTTP 200 and a text or HTML body (the throttle notice "Please limit
requests to one every 5 seconds", "query too short", ...), answers no results with `{}`, and
sometimes puts raw control characters into titles. Each of these is handled here so the fetcher
can stay generic.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import UTC
from typing import Any

from parsers.dates import parse_datetime
from parsers.errors import ParseError
from parsers.feeds.fragments import fragment_text, soup
from parsers.feeds.language_tags import gdelt_language
from parsers.urls import is_fetchable
from records.articles import FeedItem

# Control characters JSON forbids even inside strings (tab, newline and CR excepted).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_THROTTLED = re.compile(r"limit\s+requests", re.I)
QUOTE_LIMIT = 200


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_LIMIT else text[:QUOTE_LIMIT] + "…"


def _not_json(text: str) -> ParseError:
    if _THROTTLED.search(text):
        return ParseError(f"GDELT throttled the request (one request per 5 s): {_excerpt(text)}")
    if text.lstrip().startswith("<"):
        page = soup(text)
        title = page.title.get_text(" ") if page.title else page.get_text(" ")
        return ParseError(f"GDELT returned an HTML error page, not JSON: {_excerpt(title)}")
    if not text.strip():
        return ParseError("GDELT returned an empty response")
    return ParseError(f"GDELT returned a message instead of JSON: {_excerpt(text)}")


def _load(text: str) -> Any:
    try:
        return json.loads(text, strict=False)  # strict=False: raw control chars inside strings
    except json.JSONDecodeError:
        pass
    try:
        return json.loads(_CONTROL.sub(" ", text), strict=False)
    except (json.JSONDecodeError, RecursionError) as error:
        raise ParseError(f"GDELT JSON is malformed: {error}") from error


def _text(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    return fragment_text(_CONTROL.sub(" ", value)) if isinstance(value, str) else None


def _item(record: Mapping[str, Any]) -> FeedItem | None:
    url = _text(record, "url")
    if url is None or not is_fetchable(url):
        return None
    country = _text(record, "sourcecountry")
    return FeedItem(
        url=url,
        title=_text(record, "title"),
        published_at=parse_datetime(_text(record, "seendate"), UTC),
        publisher=_text(record, "domain"),
        language=gdelt_language(_text(record, "language"), country),
        country=country,
    )


def parse_gdelt(data: bytes, url: str, options: Mapping[str, str]) -> list[FeedItem]:
    """Items of an artlist response; `{}` (no results) is an empty list, not an error."""
    text = data.decode("utf-8", "replace").lstrip("\ufeff")
    if not text.lstrip().startswith(("{", "[")):
        raise _not_json(text)
    document = _load(text)
    if not isinstance(document, dict):
        raise ParseError(f"GDELT JSON is not an object but {type(document).__name__}")
    articles = document.get("articles", [])
    if not isinstance(articles, list):
        raise ParseError("GDELT JSON: `articles` is not a list")
    items = (_item(record) for record in articles if isinstance(record, dict))
    return [item for item in items if item is not None]
