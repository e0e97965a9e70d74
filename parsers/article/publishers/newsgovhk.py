"""news.gov.hk, the Hong Kong Government's news site, in English (/eng/, /en/) and Chinese.

Two layouts. Until the 2018 relaunch stories lived at
`/en/categories/<section>/html/YYYY/MM/YYYYMMDD_HHMMSS.shtml` (Chinese under `/tc/`) on a table
template; since then at `/eng/YYYY/MM/YYYYMMDD/YYYYMMDD_HHMMSS_NNN.html` (Chinese under `/chi/`).
Both print only a date ("April 24, 2025", "2023年6月26日"), but both URLs carry the time the story
was filed in Hong Kong time, which is the better publication time. Captions lead with a few
words and a colon ("Closer ties: ..."), so they are taken by element, not by wording.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import ClassVar

from parsers.article.base import ArticleParser, Page, Publisher
from parsers.dates import CHINA_TZ
from records.articles import Image

_URL_TIME = re.compile(r"/(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})(?:_\d+)?\.s?html?$")
_URL_ID = re.compile(r"/(\d{8}_\d{6}(?:_\d+)?)\.s?html?$")


def _filed_at(url: str) -> datetime | None:
    found = _URL_TIME.search(url.split("?")[0])
    if found is None:
        return None
    year, month, day, hour, minute, second = (int(g) for g in found.groups())
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=CHINA_TZ)
    except ValueError:
        return None


class NewsGovHKLegacy(ArticleParser):
    """The .shtml table layout before the 2018 relaunch. The exact switch date is not known to
    us: links to this layout run through 2017 and the new URLs appear from April 2018; pages on
    the wrong side of the date still parse, since the version whose container matches is next."""

    valid_until: ClassVar[date | None] = date(2018, 3, 31)

    title_selector = "#newsTitle"
    published_selector = "#newsDate"
    section_selector = "#categoryName"
    body_selector = "#content"
    paragraph_selector = "#newsContent p"
    caption_selector = ".photoCaption"
    image_selector = ".photoTable img"
    title_suffixes = ("news.gov.hk", "香港政府新聞網")

    def get_published(self, page: Page) -> datetime | None:
        return _filed_at(page.url) or super().get_published(page)

    def get_external_id(self, page: Page) -> str | None:
        found = _URL_ID.search(page.url.split("?")[0])
        return found.group(1) if found else None


class NewsGovHK(NewsGovHKLegacy):
    """The current layout: `article.news-detail` with the text in `.newsdetail-content` and more
    photos in a gallery after it, still inside the article."""

    valid_until = None

    title_selector = "h1.news-title"
    published_selector = ".news-info .news-date"
    section_selector = ".news-info .news-category"
    body_selector = "article.news-detail"
    paragraph_selector = ".newsdetail-content p"
    caption_selector = "figcaption"
    image_selector = "figure img"

    def get_body(self, page: Page) -> tuple[tuple[str, ...], tuple[str, ...], tuple[Image, ...]]:
        """Images are read from a fresh copy of the article, where each figure still holds its
        figcaption (the inherited reader sees them after captions are taken out, alt text only)."""
        body, captions, _ = super().get_body(page)
        return body, captions, self.get_images(page, self.body_container(page))


PUBLISHERS = (
    Publisher(
        name="newsgovhk",
        label="news.gov.hk",
        domains=("news.gov.hk",),
        versions=(NewsGovHKLegacy, NewsGovHK),
    ),
)
