"""info.gov.hk press releases: the RSS feeds (English, Traditional Chinese) and the daily index.

Both are local Hong Kong time. The daily index is a list of links to
`/gia/general/YYYYMM/DD/P<number>.htm`; the links are found by that URL pattern rather than by
layout classes (which also works on the site's Simplified Chinese mirror), the date comes from the
URL, and the time from the same row where one is printed (else midnight, Hong Kong time).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime

from bs4 import Tag

from parsers.dates import CHINA_TZ
from parsers.feeds.fragments import fragment_text
from parsers.feeds.html_list import page_base, page_soup
from parsers.feeds.language_tags import language_tag
from parsers.feeds.rss import parse_rss
from parsers.urls import resolve
from records.articles import FeedItem

# Some release ids end in a letter (`P2025110600289p.htm`, a release issued beside the one without
# it): the letter is part of the id, or the two would share a guid.
PRESS_RELEASE = re.compile(r"/gia/general/(\d{4})(\d{2})/(\d{2})/(P\d+[a-z]?)\.htm", re.I)
_TIME = re.compile(r"(?<!\d)([01]?\d|2[0-3])\s*[:：]\s*([0-5]\d)(?!\d)")
PUBLISHER = "HKSAR Government"
_ROW = ["tr", "li", "p", "div"]
_CHINESE_URL = re.compile(r"(_c|_tc|_zh|_chi|/tc/|/zh/|/chi/|c\.htm)", re.I)


def _is_feed(data: bytes) -> bool:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf"))


def _language(options: Mapping[str, str], url: str, page_lang: str | None) -> str | None:
    if options.get("language"):
        return language_tag(options["language"])
    if page_lang:
        return language_tag(page_lang)
    return "zh-Hant" if _CHINESE_URL.search(url) else None


def _issued(anchor: Tag, href: str) -> datetime | None:
    """The release date from its URL, with the time printed in the same row where there is one."""
    found = PRESS_RELEASE.search(href)
    if found is None:
        return None
    year, month, day = (int(part) for part in found.groups()[:3])
    row = anchor.find_parent(_ROW)
    clock = _TIME.search(row.get_text(" ")) if row is not None else None
    hour, minute = (int(clock.group(1)), int(clock.group(2))) if clock else (0, 0)
    try:
        return datetime(year, month, day, hour, minute, tzinfo=CHINA_TZ)
    except ValueError:
        return None


def parse_daily_index(data: bytes, url: str, options: Mapping[str, str]) -> list[FeedItem]:
    page = page_soup(data, "info.gov.hk daily index")
    html = page.find("html")
    page_lang = str(html.get("lang") or "") if isinstance(html, Tag) else None
    language = _language(options, url, page_lang)
    base = page_base(page, url)
    items: dict[str, FeedItem] = {}
    for anchor in page.find_all("a", href=True):
        link = resolve(base, str(anchor["href"]))
        if link is None or link in items or not PRESS_RELEASE.search(link):
            continue
        items[link] = FeedItem(
            url=link,
            title=fragment_text(anchor.get_text(" ")),
            published_at=_issued(anchor, link),
            language=language,
            guid=_release_id(link),
            publisher=PUBLISHER,
        )
    return list(items.values())


def parse_govhk_press(data: bytes, url: str, options: Mapping[str, str]) -> list[FeedItem]:
    """An RSS press-release feed or the HTML daily index, told apart by the bytes."""
    if _is_feed(data):
        hints = dict(options)
        hints.setdefault("default_tz", "+08:00")
        if "language" not in hints and _CHINESE_URL.search(url):
            hints["language"] = "zh-Hant"
        items = parse_rss(data, url, hints)
        return [
            replace(
                item, guid=_release_id(item.url) or item.guid, publisher=item.publisher or PUBLISHER
            )
            for item in items
        ]
    return parse_daily_index(data, url, options)


def _release_id(url: str) -> str | None:
    """`P2025110600289`, or with its letter `P2025110600289p` (the P upper-case, the letter not)."""
    found = PRESS_RELEASE.search(url)
    return release_id(found.group(4)) if found else None


def release_id(text: str) -> str:
    """The id as the site writes it: `P`, the digits, and a trailing letter kept lower-case."""
    return "P" + text[1:-1] + text[-1].lower() if text[-1].isalpha() else "P" + text[1:]
