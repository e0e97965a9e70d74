"""People's Daily Online (people.com.cn): the national site and its channels, among them the
Zhejiang (zj.) and Hong Kong/Macao (hm.) channels that report Hangzhou–Hong Kong meetings.

Articles live at `<channel>.people.com.cn/n1/YYYY/MMDD/c<column>-<id>.html`. Until the 2020-21
redesign the page put the headline in `.text_title h1`, the time and source in `.box01 .fl` and
the text in `#rwb_zw`; the current template uses `.rm_txt` with the text in `.rm_txt_con`. Both
leave the byline box empty on most wire copy and credit the page's editors at the foot,
"(责编：甲、乙)": those are the people the page names as responsible, so they stand as its
authors when no byline is given. The `<title>` reads "headline--section--人民网".
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import ClassVar

from parsers.article.authors import split_authors
from parsers.article.base import ArticleParser, Page, Publisher, element_text, find
from parsers.article.captions import CENTRED_AFTER_IMAGE, pair_captions
from parsers.dates import parse_datetime
from records.articles import Image

_EDITORS = re.compile(r"[（(]\s*责任?编辑?\s*[:：]\s*([^）)]+)[）)]")
# "2024年04月24日23:52 | 来源：…": the time before the source.
_TIME_BEFORE_SOURCE = re.compile(r"^\s*(\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2})")
_ID_IN_URL = re.compile(r"/(c\d+-\d+)\.html")


class People2012(ArticleParser):
    """The template before the 2020-21 redesign (`.text_title`, `#rwb_zw`)."""

    # Approximate: channels moved to the new template one by one, so a page on the other layout
    # is still read by the version whose container it has. Annotated so the current version may
    # set None.
    valid_until: ClassVar[date | None] = date(2020, 12, 31)

    title_selector = ".text_title h1, h1#p_title"
    subtitle_selector: ClassVar[str | None] = ".text_title h4.sub, .text_title h2"
    author_selector: ClassVar[str | None] = ".text_title .author"
    published_selector: ClassVar[str | None] = ".box01 .fl, #p_publishtime"
    section_selector = None
    body_selector = "#rwb_zw, .box_con"
    caption_selector = f"figcaption, .pictext, {CENTRED_AFTER_IMAGE}"
    exclude_selectors: ClassVar[tuple[str, ...]] = (".edit", ".zdfy", ".box_pic", ".otitle")
    title_suffixes = ("人民网",)
    title_has_section = True  # "headline--section--人民网"

    def get_published(self, page: Page) -> datetime | None:
        found = find(page, self.published_selector)
        if found is not None:
            clock = _TIME_BEFORE_SOURCE.match(element_text(found))
            if clock is not None:
                value = parse_datetime(clock.group(1), self.default_tz)
                if value is not None:
                    return value
        return super().get_published(page)

    def get_authors(self, page: Page) -> tuple[str, ...]:
        byline = find(page, self.author_selector)
        if byline is not None and element_text(byline):
            authors = split_authors(element_text(byline))
            if authors:
                return authors
        editors = find(page, ".edit")
        if editors is not None:
            credited = _EDITORS.search(element_text(editors))
            if credited is not None:
                return split_authors(credited.group(1))
        return ()

    def get_body(self, page: Page) -> tuple[tuple[str, ...], tuple[str, ...], tuple[Image, ...]]:
        body, captions, images = super().get_body(page)
        return body, captions, pair_captions(images, captions)

    def get_section(self, page: Page) -> str | None:
        """The middle part of "headline--section--人民网"."""
        parts = [p.strip() for p in (page.meta.title or "").split("--")]
        return parts[-2] or None if len(parts) >= 3 else None

    def get_external_id(self, page: Page) -> str | None:
        found = _ID_IN_URL.search(page.url)
        return found.group(1) if found else None


class PeopleRmTxt(People2012):
    """The current template (`.rm_txt`, text in `.rm_txt_con`)."""

    valid_until = None

    title_selector = ".rm_txt .col-1 h1"
    subtitle_selector = ".rm_txt .col-1 h4.sub"
    author_selector = ".rm_txt .col-1 .author"
    published_selector = ".rm_txt .channel .col-1-1"
    body_selector = ".rm_txt_con"
    exclude_selectors = (".edit", ".zdfy", ".box_pic", ".bza", ".paper_num", "center")


PUBLISHERS = (
    Publisher(
        name="people",
        label="People's Daily",
        domains=("people.com.cn", "people.cn"),
        versions=(People2012, PeopleRmTxt),
    ),
)
