"""China Daily: the English site and its regional subsites, the Chinese edition, and China Daily HK.

English pages since about 2018 live at `chinadaily.com.cn/a/YYYYMM/DD/WS<24 hex>.html` with the
headline in `.lft_art h1` and "By … | China Daily | Updated: …" in `.info_l`; earlier pages
(`…/content_<n>.htm`) used `#Title_e` and a grey info line. The Chinese edition (cn., china. and
other Chinese subdomains) shares the `#Content` container but heads it with `h1.dabiaoti` and
puts source and time in separate `.xinf-le` blocks; its `<meta name=author>` names the editor, not
a writer, so it is ignored. China Daily HK (chinadailyhk.com) is JSON-LD first.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import ClassVar

from parsers.article.authors import split_authors
from parsers.article.base import ArticleParser, Page, Publisher, element_text
from parsers.dates import parse_datetime

_ID_IN_URL = re.compile(r"/(WS[0-9a-f]{24})\.html|/content_(\d+)\.htm|/article/(\d+)")
SITE_NAMES = ("Chinadaily.com.cn", "chinadaily.com.cn", "China Daily", "中国日报网", "中国日报")


def id_from_url(url: str) -> str | None:
    """China Daily's own article id: `WS…` on current pages, the content number on old ones."""
    found = _ID_IN_URL.search(url)
    return next((g for g in found.groups() if g), None) if found else None


class ChinaDailyLegacy(ArticleParser):
    """English pages before the move to `/a/YYYYMM/DD/WS….html` (approximate end date)."""

    valid_until: ClassVar[date | None] = date(2017, 12, 31)

    title_selector = "#Title_e h1"
    author_selector = None
    published_selector = "#Title_e .greyText, .greyText"
    section_selector = "#Nav .cur, .w980 .Now a:last-of-type"
    body_selector = "#Content"
    caption_selector = "figcaption, .picIntro, p[align=center] > font, p.pictext"
    # Pagination: links only, so defensive (no fixture can show it leaking into the text).
    exclude_selectors: ClassVar[tuple[str, ...]] = ("#div_currpage", ".selectpage", "#page")
    title_suffixes = SITE_NAMES
    title_has_section = True  # "Headline - China - Chinadaily.com.cn"

    def matches(self, page: Page) -> bool:
        return page.select_one("#Title_e") is not None and super().matches(page)

    def info_line(self, page: Page) -> str:
        found = page.select_one(self.published_selector or "")
        return element_text(found) if found is not None else ""

    def get_authors(self, page: Page) -> tuple[str, ...]:
        """The first "|" field of the info line when it is a byline ("By A and B in Hangzhou")."""
        first = self.info_line(page).split("|")[0].strip()
        if first.lower().startswith("by "):
            return split_authors(first)
        return ()

    def get_external_id(self, page: Page) -> str | None:
        return id_from_url(page.meta.canonical or page.url)


class ChinaDailyEnglish(ChinaDailyLegacy):
    """The current English article layout, on www. and the regional English subsites."""

    valid_until = None

    title_selector = ".lft_art h1, .main_art h1"
    published_selector = ".info_l"
    section_selector = ".breadcrumb a:last-of-type, .da-bre a:last-of-type"
    body_selector = "#Content"
    caption_selector = "figcaption, .picIntro"
    exclude_selectors = ("#div_currpage", ".selectpage", ".mb10", ".share")
    title_has_section = False  # "Headline - Chinadaily.com.cn"

    def matches(self, page: Page) -> bool:
        return page.select_one(".lft_art, .main_art") is not None and ArticleParser.matches(
            self, page
        )

    def get_published(self, page: Page) -> datetime | None:
        """The "Updated:" time of the info line: China Daily's own publication time."""
        info = self.info_line(page)
        marker = info.find("Updated")
        value = parse_datetime(info[marker:] if marker >= 0 else info, self.default_tz)
        return value or super().get_published(page)


class ChinaDailyChinese(ArticleParser):
    """The Chinese edition: `h1.dabiaoti`, source and time in `.fenx .xinf-le` blocks."""

    title_selector = "h1.dabiaoti, .container-left2 h1"
    section_selector = ".da-bre a:last-of-type"
    body_selector = "#Content"
    caption_selector = "figcaption, .picIntro, p[style*='center'] > span.caption"
    exclude_selectors = ("#div_currpage", ".selectpage", ".xiangguan", ".fenx_phone")
    title_suffixes = SITE_NAMES

    def matches(self, page: Page) -> bool:
        return page.select_one(self.title_selector or "") is not None and super().matches(page)

    def info_blocks(self, page: Page) -> list[str]:
        return [element_text(el) for el in page.select(".xinf-le")]  # in .fenx or not

    def get_published(self, page: Page) -> datetime | None:
        for block in self.info_blocks(page):
            value = parse_datetime(block, self.default_tz)
            if value is not None:
                return value
        return super().get_published(page)

    def get_authors(self, page: Page) -> tuple[str, ...]:
        """Only an explicit 作者/记者 credit: the page's author meta tag names the editor."""
        for block in self.info_blocks(page):
            if block.startswith(("作者", "记者", "文/")):
                return split_authors(block)
        return ()

    def get_external_id(self, page: Page) -> str | None:
        return page.meta.first("contentid") or id_from_url(page.meta.canonical or page.url)


class ChinaDailyHK(ArticleParser):
    """chinadailyhk.com: JSON-LD NewsArticle for metadata, the story in `.news-content`."""

    title_selector = "h1.news-title, article h1"
    subtitle_selector = ".news-summary"
    author_selector = ".news-info .author"
    published_selector = ".news-info time"
    section_selector = ".news-channel a:last-of-type"
    body_selector = ".news-content"
    caption_selector = "figcaption, .img-desc"
    exclude_selectors = (".news-share", ".related-news", ".news-tags")
    title_suffixes = ("China Daily HK", "chinadailyhk", *SITE_NAMES)

    def get_external_id(self, page: Page) -> str | None:
        return id_from_url(page.meta.canonical or page.url)


PUBLISHERS = (
    Publisher(
        name="chinadaily",
        label="China Daily",
        domains=("chinadaily.com.cn", "chinadaily.cn", "chinaservicesinfo.com"),
        versions=(ChinaDailyLegacy, ChinaDailyEnglish),
    ),
    Publisher(
        name="chinadaily-cn",
        label="China Daily",
        domains=(
            "cn.chinadaily.com.cn",
            "china.chinadaily.com.cn",
            "world.chinadaily.com.cn",
            "caijing.chinadaily.com.cn",
            "tech.chinadaily.com.cn",
            "cnews.chinadaily.com.cn",
            "column.chinadaily.com.cn",
            "ex.chinadaily.com.cn",
            "zj.chinadaily.com.cn",
            "hk.chinadaily.com.cn",
        ),
        versions=(ChinaDailyChinese,),
    ),
    Publisher(
        name="chinadailyhk",
        label="China Daily Hong Kong",
        domains=("chinadailyhk.com", "chinadailyasia.com"),
        versions=(ChinaDailyHK,),
    ),
)
