"""Links from a list page: the elements a CSS selector picks, resolved against the page URL."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from bs4 import BeautifulSoup, Tag
from soupsieve import SelectorSyntaxError

from parsers.charset import decode_html
from parsers.errors import ParseError
from parsers.feeds.fragments import fragment_text, soup
from parsers.feeds.language_tags import language_tag
from parsers.urls import canonicalize, resolve
from records.articles import FeedItem


def page_soup(data: bytes, what: str) -> BeautifulSoup:
    """The parsed page; empty or binary input is a ParseError, not an empty list."""
    if not data.strip():
        raise ParseError(f"{what}: empty page")
    text = decode_html(data).text
    if "\x00" in text[:4096] or "<" not in text:
        raise ParseError(f"{what}: not an HTML page")
    try:
        return soup(text, "lxml")
    except RecursionError as error:
        raise ParseError(f"{what}: page nested too deeply to parse") from error


def page_base(page: BeautifulSoup, url: str) -> str:
    """Where relative links point: the page's `<base href>` if it has one, else its URL."""
    base = page.find("base", href=True)
    if isinstance(base, Tag):
        return resolve(url, str(base["href"])) or url
    return url


def _anchor_of(element: Tag) -> Tag | None:
    if element.name == "a" and element.has_attr("href"):
        return element
    found = element.find("a", href=True)
    return found if isinstance(found, Tag) else None


def _link_items(anchors: Iterable[Tag], base: str, language: str | None) -> list[FeedItem]:
    """One item per distinct page (canonical URL), first occurrence kept, titled by its text."""
    items: dict[str, FeedItem] = {}
    for anchor in anchors:
        url = resolve(base, str(anchor["href"]))
        if url is None or canonicalize(url) in items:
            continue
        title = fragment_text(anchor.get_text(" ")) or fragment_text(str(anchor.get("title") or ""))
        items[canonicalize(url)] = FeedItem(url=url, title=title, language=language)
    return list(items.values())


def parse_html_list(data: bytes, url: str, options: Mapping[str, str]) -> list[FeedItem]:
    selector = options.get("selector")
    if not selector:
        raise ParseError("html_list: the source needs a `selector` option (a CSS selector)")
    page = page_soup(data, "html_list")
    try:
        selected = page.select(selector)
    except SelectorSyntaxError as error:
        raise ParseError(f"html_list: invalid CSS selector {selector!r}: {error}") from error
    except RecursionError as error:
        raise ParseError("html_list: page nested too deeply to search") from error
    anchors = (anchor for anchor in map(_anchor_of, selected) if anchor is not None)
    return _link_items(anchors, page_base(page, url), language_tag(options.get("language")))
