"""HKSAR Government press releases: www.info.gov.hk/gia/general/YYYYMM/DD/P<digits>.htm.

English and Traditional Chinese releases share the template: the headline in `#PRHeadline`, the
text in `span#pressrelease` as `<br>`-separated lines under a row of asterisks, and a closing
"Ends/Thursday, April 24, 2025 / Issued at HKT 20:45" (Chinese: "完 / 2018年9月15日（星期六） /
香港時間17時05分") that is the only publication time on the page. Older releases put that closing
inside the span and are served as Big5; the charset layer decodes them. The Simplified Chinese
copies on sc.isd.gov.hk are machine conversions of the Traditional pages.
"""

from __future__ import annotations

import re
from datetime import datetime

from parsers.article import elements
from parsers.article.base import ArticleParser, Page, Publisher, find
from parsers.article.boilerplate import split_body
from parsers.article.linebreaks import br_paragraphs
from parsers.dates import CHINA_TZ, parse_datetime
from parsers.whitespace import clean_text
from records.articles import Image

_ENDS_EN = re.compile(
    r"\bEnds?\s*/\s*(?:[A-Za-z]+day\s*,?\s*)?([A-Z][a-z]+\.?\s+\d{1,2}\s*,?\s*\d{4})"
)
_ENDS_ZH = re.compile(r"完\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISSUED = re.compile(
    r"(?:Issued\s+at\s+HKT\s*|香港[時时][間间]\s*)(\d{1,2})\s*[:時时]\s*(\d{2})", re.I
)
# "(with photos)", "(with photo/video)", "（附圖）", "（附圖／短片）": a note on attachments.
_ATTACHMENT_NOTE = re.compile(
    r"\s*[（(]\s*(with\s+(photos?|videos?)[^()（）]{0,20}|附[圖图片短視视][^()（）]{0,12})[)）]\s*$",
    re.I,
)
_URL_DAY = re.compile(r"/gia/general/(\d{4})(\d{2})/(\d{2})/")
# `P2025042400612.htm`; some ids end in a letter (`P2025110600289p.htm`), which is part of the id.
_RELEASE_ID = re.compile(r"/(P\d{10,})([a-z]?)\.htm", re.I)

# Lines of the closing block, which older releases keep inside the text span.
_CLOSING_LINE = re.compile(
    r"^(\*{5,}|Ends?\s*/.*|Issued\s+at\s+HKT.*|NNNN|完|\d{4}年\d{1,2}月\d{1,2}日\s*[（(].{1,4}[）)]|"
    r"香港[時时][間间]\s*\d{1,2}[時时]\d{2}分)$",
    re.I,
)


def _day(year: str, month: str, day: str) -> datetime | None:
    try:
        return datetime(int(year), int(month), int(day), tzinfo=CHINA_TZ)
    except ValueError:
        return None


def _closing_day(text: str) -> datetime | None:
    found = _ENDS_ZH.search(text)
    if found:
        return _day(*found.groups())
    found = _ENDS_EN.search(text)
    return parse_datetime(found.group(1), CHINA_TZ) if found else None


def _url_day(url: str) -> datetime | None:
    found = _URL_DAY.search(url)
    return _day(*found.groups()) if found else None


class InfoGovHKPressRelease(ArticleParser):
    """The press-release template, in use (with cosmetic changes) since the early 2000s."""

    title_selector = "#PRHeadline, #PRHeadlineSpan"
    body_selector = "#pressrelease"
    caption_selector = ".photoCaption"
    photos_selector = "#photoBlock, .photoBlock"  # the photos sit after the text, not in it
    # No title_suffixes: the <title> is the headline alone (with the attachment note).

    def get_title(self, page: Page) -> str | None:
        """The headline without the attachment note, which is not part of what happened."""
        title = super().get_title(page)
        if not title:
            return None
        return _ATTACHMENT_NOTE.sub("", title) or title

    def get_published(self, page: Page) -> datetime | None:
        """The closing line's date and "Issued at HKT" time; the URL's day if the page has none."""
        text = clean_text(elements.text(page.tree, " ")) if page.tree is not None else ""
        day = _closing_day(text) or _url_day(page.url)
        if day is None:
            return None
        issued = _ISSUED.search(text)
        if issued is None:
            return day
        hour, minute = int(issued.group(1)), int(issued.group(2))
        if hour > 23 or minute > 59:
            return day
        return day.replace(hour=hour, minute=minute)

    def get_body(self, page: Page) -> tuple[tuple[str, ...], tuple[str, ...], tuple[Image, ...]]:
        container = self.body_container(page)
        if container is None:
            return (), (), ()
        lines = [line for line in br_paragraphs(container) if not _CLOSING_LINE.match(line)]
        body, captions = split_body(lines)
        photos = find(page, self.photos_selector)
        if photos is None or not self.caption_selector:
            return body, captions, ()
        photo_captions = [
            clean_text(elements.text(el, " "))
            for el in elements.select(photos, self.caption_selector)
        ]
        all_captions = tuple(dict.fromkeys(c for c in [*photo_captions, *captions] if c))
        return body, all_captions, self.get_images(page, photos)

    def get_external_id(self, page: Page) -> str | None:
        found = _RELEASE_ID.search(page.url)
        return found.group(1).upper() + found.group(2).lower() if found else None


PUBLISHERS = (
    Publisher(
        name="infogovhk",
        label="HKSAR Government press releases",
        domains=("info.gov.hk",),
        versions=(InfoGovHKPressRelease,),
    ),
)
