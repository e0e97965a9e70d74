"""eZhejiang, the Zhejiang government's English portal (www.ezhejiang.gov.cn), run by China Daily.

Article URLs: `/YYYY-MM/DD/c_<id>.htm`, or under a city channel (`/hangzhou/YYYY-MM/DD/c_<id>.htm`).
The visible date is the day only ("Updated: 2023-06-27"); the `publishdate` meta has the time,
so it is read first.
"""

from __future__ import annotations

import re
from datetime import datetime

from parsers.article.base import ArticleParser, Page, Publisher
from parsers.article.captions import CENTRED_AFTER_IMAGE, pair_captions
from parsers.article.url_dates import day_in_url
from records.articles import Image

_ID_IN_URL = re.compile(r"/(c_\d+)\.htm")


class EZhejiang(ArticleParser):
    title_selector = ".detail-title h1"
    author_selector = ".detail-info .info-author"
    published_selector = 'meta[name="publishdate"], .detail-info .info-time'
    section_selector = ".crumbs a:last-of-type"
    body_selector = "#Content"
    caption_selector = f"figcaption, {CENTRED_AFTER_IMAGE}"
    exclude_selectors = (".detail-share", ".detail-related")
    title_suffixes = ("eZhejiang",)

    def get_published(self, page: Page) -> datetime | None:
        return super().get_published(page) or day_in_url(page.url)

    def get_body(self, page: Page) -> tuple[tuple[str, ...], tuple[str, ...], tuple[Image, ...]]:
        body, captions, images = super().get_body(page)
        return body, captions, pair_captions(images, captions)

    def get_external_id(self, page: Page) -> str | None:
        found = _ID_IN_URL.search(page.url)
        return found.group(1) if found else page.meta.first("contentid")


PUBLISHERS = (
    Publisher(
        name="ezhejiang",
        label="eZhejiang",
        domains=("ezhejiang.gov.cn",),
        versions=(EZhejiang,),
    ),
)
