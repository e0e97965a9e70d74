"""Links from a list page: the elements a CSS selector picks, resolved against the page URL.

Two shapes of list page are read:

- a plain DOM list: the selector picks the links (or their rows) in the page itself;
- a Hanweb column page (the CMS of the Hangzhou and Zhejiang government sites, `/col/col…/
  index.html`): the list is not in the DOM at all but in `<script type="text/xml"><datastore>
  <recordset><record><![CDATA[<li><a href=…>title</a><span>2025-04-24</span></li>]]></record>…`,
  rendered by the browser's `jpage` script. An HTML parser sees one opaque script; here each
  record's CDATA is unwrapped and parsed as an HTML fragment, and the selector applies to the
  records as it does to the DOM (so name the links, `a[href*='/art/']`, not a layout container).

The datastore is read with the project's safe XML parser (no DTD entities, no external
references; a hostile one fails the page) and, when it is not well-formed XML, by scanning for
its CDATA sections as plain text; either way nothing in it is ever expanded.

Each link's date is read from its row (the largest element around it that holds no other listed
link, or its datastore record), as the row prints it; publishers that print dates day first
(`01.04.2026`) are named in `parsers.article.shown_dates`. A list page does not list itself: a
link back to the page's own address (a breadcrumb, a "News" tab) is dropped.

`next_page_url` finds the list's next (older) page, which a backfill follows back in time: the
element a source's `next_selector` picks, else the page's `rel="next"` link (`<link>` or `<a>`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element, tostring

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString
from soupsieve import SelectorSyntaxError

from parsers.article.shown_dates import reads_day_first, shown_date
from parsers.charset import decode_html
from parsers.dates import CHINA_TZ
from parsers.errors import ParseError
from parsers.feeds.fragments import fragment_text, soup
from parsers.feeds.language_tags import language_tag
from parsers.feeds.safexml import Checked, check_xml, local_name
from parsers.feeds.zones import zone
from parsers.urls import canonicalize, resolve
from records.articles import FeedItem

# A Hanweb record's CDATA, for datastores that are not well-formed XML (read as text, not parsed).
_CDATA_RECORD = re.compile(r"<record[^>]*>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S | re.I)
_DATASTORE = re.compile(r"<datastore[\s>]", re.I)
_CHINESE_HOSTS = re.compile(r"\.(cn|hk|mo)$")
ROW_LEVELS = 6  # how far above a link its row may be


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


@dataclass(frozen=True, slots=True)
class Listed:
    """One selected link and the row it sits in (for its date)."""

    anchor: Tag
    row: Tag


def _select(root: BeautifulSoup | Tag, selector: str) -> list[Tag]:
    try:
        return [el for el in root.select(selector) if isinstance(el, Tag)]
    except SelectorSyntaxError as error:
        raise ParseError(f"html_list: invalid CSS selector {selector!r}: {error}") from error
    except RecursionError as error:
        raise ParseError("html_list: page nested too deeply to search") from error


def _row_of(element: Tag, anchor: Tag, hrefs: dict[int, str]) -> Tag:
    """The largest element around the link (up to ROW_LEVELS up) that links to no other listed
    page (a headline and its "Read more" are one page): a `<li>`, a table row, a card. The
    selected element itself when it is not the link."""
    if element is not anchor:
        return element
    row = anchor
    for parent in list(anchor.parents)[:ROW_LEVELS]:
        if parent.name in ("body", "html", "[document]"):
            break
        pages = {hrefs[id(a)] for a in parent.find_all("a", href=True) if id(a) in hrefs}
        if len(pages) > 1:
            break
        row = parent
    return row


def dom_links(page: BeautifulSoup, selector: str) -> list[Listed]:
    """The selected links of the page's own markup, each with its row."""
    selected = _select(page, selector)
    pairs = [(el, a) for el in selected if (a := _anchor_of(el)) is not None]
    hrefs = {id(a): str(a["href"]).strip() for _, a in pairs}
    return [Listed(anchor, _row_of(el, anchor, hrefs)) for el, anchor in pairs]


def _record_markup(record: Element) -> str:
    """A well-formed record's content: its CDATA text, or markup written without CDATA."""
    parts = [record.text or ""]
    for child in record:
        parts.append(tostring(child, encoding="unicode"))
    return "".join(parts)


def datastore_records(page: BeautifulSoup) -> Iterator[str]:
    """The HTML fragments inside the page's Hanweb datastores, in order."""
    for script in page.find_all("script"):
        text = script.string if isinstance(script.string, NavigableString) else None
        if text is None or not _DATASTORE.search(text):
            continue
        document = text.strip()
        if not document.startswith("<"):  # a datastore inside a JavaScript string
            start = _DATASTORE.search(document)
            assert start is not None
            document = document[start.start() :]
        try:
            checked = check_xml(document.encode("utf-8"), "html_list: Hanweb datastore")
        except ParseError as error:
            if "hostile" in str(error):  # entity declarations: the page is refused, not read
                raise
            checked = Checked(None, str(error))  # cut short: what is there is still read
        if checked.root is not None:
            for element in checked.root.iter():
                if local_name(str(element.tag)) == "record":
                    yield _record_markup(element)
        else:  # not well-formed (a stray `&` in a title): the CDATA sections as text
            yield from (found.group(1) for found in _CDATA_RECORD.finditer(document))


def datastore_links(page: BeautifulSoup, selector: str) -> list[Listed]:
    """The selected links inside datastore records; each record is its links' row."""
    listed: list[Listed] = []
    for markup in datastore_records(page):
        record = soup(f"<div>{markup}</div>")
        row = record.find("div")
        if not isinstance(row, Tag):
            continue
        for element in _select(row, selector):
            anchor = _anchor_of(element)
            if anchor is not None:
                listed.append(Listed(anchor, row))
    return listed


def _row_text(listed: Listed) -> str:
    """The row's text without the link's own (a headline may hold a year or a number)."""
    if listed.row is listed.anchor:
        return ""
    inside = set(map(id, listed.anchor.descendants))
    return " ".join(str(t) for t in listed.row.find_all(string=True) if id(t) not in inside)


def list_zone(options: Mapping[str, str], language: str | None, url: str) -> tzinfo:
    """The zone of dates a list prints without one: the source's `default_tz`; else China time
    for Chinese-language lists and lists on Chinese and Hong Kong sites; else UTC."""
    if options.get("default_tz"):
        return zone(options["default_tz"])
    host = (urlsplit(url).hostname or "").lower()
    if _CHINESE_HOSTS.search(host):
        return CHINA_TZ
    return zone(None, language)


def _link_items(
    listed: Iterable[Listed],
    base: str,
    page_url: str,
    language: str | None,
    tz: tzinfo,
    day_first: bool | None,
) -> list[FeedItem]:
    """One item per distinct page (canonical URL), first occurrence kept, titled by its text; a
    later link to the same page fills in a title or date the first one lacked."""
    items: dict[str, FeedItem] = {}
    own = canonicalize(page_url)
    for one in listed:
        anchor = one.anchor
        url = resolve(base, str(anchor["href"]))
        if url is None or (key := canonicalize(url)) == own:
            continue
        title = fragment_text(anchor.get_text(" ")) or fragment_text(str(anchor.get("title") or ""))
        published: datetime | None = shown_date(_row_text(one), tz, day_first=day_first)
        seen = items.get(key)
        if seen is not None:
            items[key] = replace(
                seen, title=seen.title or title, published_at=seen.published_at or published
            )
            continue
        items[key] = FeedItem(url=url, title=title, published_at=published, language=language)
    return list(items.values())


def parse_html_list(data: bytes, url: str, options: Mapping[str, str]) -> list[FeedItem]:
    selector = options.get("selector")
    if not selector:
        raise ParseError("html_list: the source needs a `selector` option (a CSS selector)")
    page = page_soup(data, "html_list")
    listed = [*dom_links(page, selector), *datastore_links(page, selector)]
    language = language_tag(options.get("language"))
    host = urlsplit(url).hostname or ""
    day_first = True if reads_day_first(host) else None
    return _link_items(
        listed, page_base(page, url), url, language, list_zone(options, language, url), day_first
    )


def _rel_next(page: BeautifulSoup) -> Tag | None:
    """The first `<link>` or `<a>` whose rel names `next` (rel is a list of tokens)."""
    for element in page.find_all(["link", "a"], href=True):
        rel = element.get("rel") if isinstance(element, Tag) else None
        tokens = rel if isinstance(rel, list) else str(rel or "").split()
        if isinstance(element, Tag) and "next" in (t.lower() for t in tokens):
            return element
    return None


def next_page_url(data: bytes, url: str, next_selector: str | None = None) -> str | None:
    """The absolute URL of the list's next page, or None on the last one.

    `next_selector` (a CSS selector for the "older"/"next" link, or an element around it) wins
    when given; else the page's `rel="next"`. A link back to the page itself is no next page.
    """
    page = page_soup(data, "html_list")
    found: Tag | None = None
    if next_selector:
        found = next((a for el in _select(page, next_selector) if (a := _anchor_of(el))), None)
    else:
        found = _rel_next(page)
    if found is None:
        return None
    target = resolve(page_base(page, url), str(found["href"]))
    if target is None or canonicalize(target) == canonicalize(url):
        return None
    return target
