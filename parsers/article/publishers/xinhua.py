"""Xinhua: english.news.cn, www.news.cn and the older www.xinhuanet.com, in English and Chinese.

Until about 2020 articles lived at `xinhuanet.com/<channel>/YYYY-MM/DD/c_<id>.htm` on a template
with `.Btitle`/`.h-title` headlines and `#content`/`#p-detail` bodies. The current template
(`news.cn/<channel>/YYYYMMDD/<32 hex>/c.html`) puts the text in `span#detailContent` inside
`div#detail` and, on Chinese pages, splits the publication time over three spans. Some of its
pages (picture stories, channel specials) have no `#detailContent`: their paragraphs sit in
`#detail` itself and the headline in `.head-line h1` without its `.title` span, so those are the
fallbacks (tried only when the usual element is missing: each is an ancestor of the usual one).
Without them such a page went to the generic parser and kept "-新华网" in its title. English and
Chinese pages share each template's body markup, so one class per layout serves both languages;
every host under news.cn and xinhuanet.com (english., big5., www., channel hosts) is Xinhua's.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import ClassVar

from lxml.html import HtmlElement

from parsers.article import elements
from parsers.article.authors import split_authors
from parsers.article.base import ArticleParser, Page, Publisher, element_text, find
from parsers.article.boilerplate import strip_site_suffix
from parsers.article.captions import CENTRED_AFTER_IMAGE, pair_captions
from parsers.article.url_dates import day_in_url
from parsers.dates import parse_datetime
from records.articles import Image

# "新华社香港6月26日电（记者 陈晓明 林小芸）": the reporters' credit after a Chinese dateline.
_CHINESE_DATELINE_CREDIT = re.compile(
    r"^(\S{0,30}?电)\s*[（(]\s*((?:新华社)?记者[^）)]{1,40})[）)]"
)
# The wire's end-of-story marker, glued to the last paragraph of English copy.
_ENDITEM = re.compile(r"\s*\bEnditem\s*$", re.I)
_ID_IN_URL = re.compile(r"/(c_\d+)\.htm|/(\d{8}/[0-9a-f]{32})/c\.html")


def _without_credit(paragraph: str) -> str:
    return _CHINESE_DATELINE_CREDIT.sub(r"\1 ", paragraph, count=1)


class XinhuaLegacy(ArticleParser):
    """xinhuanet.com pages until the move to the news.cn template."""

    # Approximate: channels moved to news.cn one by one in 2020-2021, so a page served the other
    # layout is still read by the version whose body container it has. Annotated so the news.cn
    # version below may override these with None / longer tuples.
    valid_until: ClassVar[date | None] = date(2020, 12, 31)

    title_selector = ".Btitle, .h-title"
    published_selector = ".wzzy .time, .h-info .h-time, .h-time"
    section_selector: ClassVar[str | None] = (
        ".curPosition a:last-of-type, .news-position a:last-of-type"
    )
    body_selector = "#p-detail, #content"
    caption_selector = f"figcaption, {CENTRED_AFTER_IMAGE}"
    exclude_selectors: ClassVar[tuple[str, ...]] = (".p-jc", ".fenxiang", ".relatedNews", ".bai13")
    title_suffixes = ("Xinhua | English.news.cn", "新华网", "Xinhua")

    def get_published(self, page: Page) -> datetime | None:
        return super().get_published(page) or day_in_url(page.url)

    def get_authors(self, page: Page) -> tuple[str, ...]:
        return _dateline_authors(self, page) or super().get_authors(page)

    def get_body(self, page: Page) -> tuple[tuple[str, ...], tuple[str, ...], tuple[Image, ...]]:
        body, captions, images = super().get_body(page)
        return _tidy(body), captions, pair_captions(images, captions)

    def get_external_id(self, page: Page) -> str | None:
        return _external_id(page.url)


class XinhuaNews(XinhuaLegacy):
    """The news.cn template (www.news.cn, english.news.cn)."""

    valid_until = None

    title_selector = ".head-line .title, .conTop h1"
    title_fallback_selector = ".head-line h1"
    published_selector = ".infoBox .time, .header-time"
    section_selector = None
    body_selector = "#detailContent"
    body_fallback_selector = "#detail"
    exclude_selectors = (
        ".editor",
        "#articleEdit",
        ".pageShare",
        ".share",
        ".relatedNews",
        ".xglj",
        ".ewm",
    )

    def matches(self, page: Page) -> bool:
        return self._container(page) is not None

    def _container(self, page: Page) -> HtmlElement | None:
        """`#detailContent`, else the `#detail` that holds it on other pages."""
        found = find(page, self.body_selector)
        return found if found is not None else find(page, self.body_fallback_selector)

    def body_container(self, page: Page) -> HtmlElement | None:
        found = self._container(page)
        return elements.detached_copy(found) if found is not None else None

    def get_title(self, page: Page) -> str | None:
        if find(page, self.title_selector) is None:
            found = find(page, self.title_fallback_selector)
            if found is not None and element_text(found):
                return strip_site_suffix(element_text(found), self.site_names(page)) or None
        return super().get_title(page)

    def get_published(self, page: Page) -> datetime | None:
        """Chinese pages print "<em>2023</em> <em>06</em>/<em>26</em> 20:47:13" in three spans."""
        header = page.select_one(".header-time")
        if header is not None:
            year = elements.select_one(header, ".year")
            day = elements.select_one(header, ".day")
            clock = elements.select_one(header, ".time")
            if year is not None and day is not None:
                month_day = element_text(day).replace(" ", "").replace("/", "-")
                time = element_text(clock) if clock is not None else ""
                text = f"{element_text(year)}-{month_day} {time}"
                found = parse_datetime(text, self.default_tz)
                if found is not None:
                    return found
        return super().get_published(page)


def _dateline_authors(parser: ArticleParser, page: Page) -> tuple[str, ...]:
    """Reporters named in the first paragraph's Chinese dateline, if any."""
    container = parser.body_container(page)
    first = elements.select_one(container, "p") if container is not None else None
    if first is None:
        return ()
    found = _CHINESE_DATELINE_CREDIT.match(element_text(first))
    return split_authors(found.group(2)) if found else ()


def _tidy(body: tuple[str, ...]) -> tuple[str, ...]:
    cleaned = (_ENDITEM.sub("", _without_credit(p)) for p in body)
    return tuple(p for p in cleaned if p)


def _external_id(url: str) -> str | None:
    found = _ID_IN_URL.search(url)
    if found is None:
        return None
    return found.group(1) or found.group(2).split("/")[1]


PUBLISHERS = (
    Publisher(
        name="xinhua",
        label="Xinhua",
        domains=("news.cn", "xinhuanet.com"),
        versions=(XinhuaLegacy, XinhuaNews),
    ),
)
