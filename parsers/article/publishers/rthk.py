"""RTHK news: news.rthk.hk/rthk/en/component/k2/<id>-YYYYMMDD.htm and /rthk/ch/... (Chinese).

A Joomla K2 template, the same in both languages: `h2.itemTitle`, the story in `.itemFullText`
as `<br>`-separated lines, one photo whose caption sits in `.itemSlideShowCaption` (ending
"Photo: RTHK" or "File photo: RTHK"), and the time as "2025-04-24 HKT 18:35" in `.createddate`.
RTHK prints no bylines.
"""

from __future__ import annotations

import re
from datetime import datetime

from parsers.article.base import ArticleParser, Page, Publisher, element_text, find
from parsers.article.boilerplate import split_body
from parsers.article.linebreaks import br_paragraphs
from parsers.dates import CHINA_TZ, parse_datetime
from records.articles import Image

# "2025-04-24 HKT 18:35": the zone sits between date and time, where ISO readers do not look.
_CREATED = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})\s*(?:HKT)?\s*(\d{1,2}:\d{2})?")
_STORY_ID = re.compile(r"/component/k2/(\d+)-\d{8}\.htm")


class RTHKNews(ArticleParser):
    """The K2 story page used by news.rthk.hk in English and Chinese."""

    title_selector = "h2.itemTitle"
    published_selector = ".createddate"
    section_selector = ".breadcrumbs .pathway"
    body_selector = ".itemFullText"
    caption_selector = ".itemSlideShowCaption"
    image_selector = ".itemImageBlock img"
    title_suffixes = ("RTHK", "香港電台")

    def get_published(self, page: Page) -> datetime | None:
        found = find(page, self.published_selector)
        created = _CREATED.search(element_text(found)) if found is not None else None
        if created is not None:
            value = parse_datetime(" ".join(g for g in created.groups() if g), CHINA_TZ)
            if value is not None:
                return value
        return super().get_published(page)

    def get_body(self, page: Page) -> tuple[tuple[str, ...], tuple[str, ...], tuple[Image, ...]]:
        container = self.body_container(page)
        if container is None:
            return (), (), ()
        body, captions = split_body(br_paragraphs(container))
        # The photo and its caption sit beside the text in `.itemImageBlock`, not inside it.
        photo_captions = (
            [element_text(el) for el in page.select(self.caption_selector)]
            if self.caption_selector
            else []
        )
        all_captions = tuple(dict.fromkeys(c for c in [*photo_captions, *captions] if c))
        return body, all_captions, self.get_images(page, page.tree)

    def get_external_id(self, page: Page) -> str | None:
        found = _STORY_ID.search(page.url)
        return found.group(1) if found else None


PUBLISHERS = (
    Publisher(
        name="rthk",
        label="RTHK",
        domains=("news.rthk.hk",),
        versions=(RTHKNews,),
    ),
)
