"""GDELT DOC 2.0 `mode=artlist&format=json` responses.

The API answers errors with a text or HTML body (the throttle notice "Please limit requests to one
every 5 seconds" comes with HTTP 200 or 429, "query too short", ...), answers no results with
`{}`, and sometimes puts raw control characters or stray backslashes (before a quote or a space:
invalid JSON escapes, a known upstream fault) into titles. Each of these is handled here so the
fetcher can stay generic: one bad title must not cost the other 249 records.

`seendate` is when GDELT's crawler saw the page, not when it was published (a page may be found
days late): it becomes `crawled_at`, and `published_at` stays empty so the page's own date wins
once it is fetched.
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
# A backslash and what follows it: a valid JSON escape (kept) or a stray one (group 1 empty).
_ESCAPE = re.compile(r'\\(["\\/bfnrt]|u[0-9a-fA-F]{4})?')
QUOTE_LIMIT = 200


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_LIMIT else text[:QUOTE_LIMIT] + "…"


def is_throttle_notice(data: bytes) -> bool:
    """Whether a body (of a 200 or a 429) is GDELT's "please limit requests" notice rather than
    an answer: for the caller that must wait `gdelt_interval_s` and ask again, not count a
    failure."""
    head = data[:2000].decode("utf-8", "replace")
    return not head.lstrip("\ufeff \t\r\n").startswith(("{", "[")) and bool(_THROTTLED.search(head))


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


def _drop_stray_backslashes(text: str) -> str:
    """Valid escapes kept (an escaped backslash as a pair, so the one after it is not misread),
    every other backslash dropped: backslash-quote in `Hangzhou's` was meant as the quote alone.
    Outside strings JSON has no backslashes, so this only ever touches string contents."""
    return _ESCAPE.sub(lambda m: m.group(0) if m.group(1) else "", text)


def _load(text: str) -> Any:
    try:
        return json.loads(text, strict=False)  # strict=False: raw control chars inside strings
    except json.JSONDecodeError:
        pass
    except RecursionError as error:
        raise ParseError(f"GDELT JSON is malformed: {error}") from error
    try:
        return json.loads(_drop_stray_backslashes(_CONTROL.sub(" ", text)), strict=False)
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
        crawled_at=parse_datetime(_text(record, "seendate"), UTC),
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
