"""The router: bytes and URL in, one ArticleRecord out, or a ParseError saying why not.

Publisher parsers are chosen by domain; the generic parser takes over when no publisher matches
or the publisher's parser finds no body. Whatever goes wrong inside parsing surfaces as a
ParseError, never as another exception, so one bad page cannot stop a batch. What the decoding
noticed (a page cut off inside a character) is added to the record's `problems`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from urllib.parse import urlsplit

from parsers.article.base import Page, load_page
from parsers.article.generic import parse_generic
from parsers.article.registry import publisher_for
from parsers.charset import decode_html
from parsers.dates import checked_record
from parsers.errors import ParseError
from records.articles import ArticleRecord

MAX_BYTES = 24_000_000  # bigger "pages" are archives or media dumps, not articles
_BINARY_SAMPLE = 2048
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # below space, but not \t \n \f \r


def _check_bytes(data: bytes) -> None:
    if not data or not data.strip():
        raise ParseError("empty page: no bytes to parse")
    if len(data) > MAX_BYTES:
        raise ParseError(f"page too large: {len(data):,} bytes (limit {MAX_BYTES:,})")
    head = data[:_BINARY_SAMPLE]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ParseError("binary data, not HTML: NUL bytes in the first 2 KB")


def _check_text(text: str) -> None:
    head = text[:_BINARY_SAMPLE]
    controls = len(_CONTROLS.findall(head))
    replaced = head.count("\ufffd")
    if head and (controls + replaced) / len(head) > 0.1:
        raise ParseError("binary data, not HTML: mostly control or undecodable characters")
    if "<" not in text:
        raise ParseError("not HTML: no markup at all")


def routing_host(page: Page) -> str:
    """The URL's host; for a URL without one (a saved file) the page's own canonical host."""
    if page.host:
        return page.host
    # Hanweb-built government sites (Hangzhou, Zhejiang) give their address in <meta name="Url">.
    own = page.meta.canonical or page.meta.first("og:url", "url") or ""
    return (urlsplit(own).hostname or "").lower()


def parse_page(page: Page) -> ArticleRecord:
    """The record for an already loaded page: publisher parser first, generic as fallback."""
    publisher = publisher_for(routing_host(page))
    if publisher is None:
        return parse_generic(page)
    record = publisher.parse(page)
    if record.body:
        return record
    return parse_generic(page, publisher.label)


def parse_article(
    data: bytes, url: str, content_type: str | None = None, *, now: datetime | None = None
) -> ArticleRecord:
    """Parse one article page. Raises ParseError (only) when no record can be made at all.

    `now` is the caller's clock: a date more than a year after it is dropped (and noted in the
    record's problems) like any other date the rest of the tool could not trust.
    """
    _check_bytes(data)
    decoded = decode_html(data, content_type)
    _check_text(decoded.text)
    try:
        record = parse_page(load_page(decoded.text, url))
    except RecursionError as exc:
        raise ParseError("page nested too deeply to parse") from exc
    except Exception as exc:  # a parser bug must cost one page, not the batch; the type is kept
        raise ParseError(f"could not parse {url}: {type(exc).__name__}: {exc}") from exc
    if decoded.problems:
        record = replace(record, problems=(*record.problems, *decoded.problems))
    return checked_record(record, now)
    return record
