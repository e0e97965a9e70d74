"""HKTDC media room: mediaroom.hktdc.com/<en|tc|sc>/pressrelease/detail/<id>/.

Releases come in English, Traditional and Simplified Chinese on one template: a headline and a
sub-headline, the date alone ("15 Apr 2019", "2025年4月25日", read as Hong Kong time), and a
content block that runs on into photo captions ("Photo 1: ..."), a photo-download link, media
contacts and "About HKTDC"; those last parts are end matter, not the story.
"""

from __future__ import annotations

import re
from dataclasses import replace

from parsers.article.base import ArticleParser, Page, Publisher
from parsers.article.trailers import cut_trailer
from records.articles import Image

_RELEASE_ID = re.compile(r"/pressrelease/detail/(\d+)")


class HKTDCPressRelease(ArticleParser):
    """The media-room release page."""

    title_selector = "h1.pr-detail__title"
    subtitle_selector = "h2.pr-detail__subtitle"
    published_selector = ".pr-detail__date"
    section_selector = ".pr-detail__category"
    body_selector = ".pr-detail__content"
    paragraph_selector = "p, li"
    caption_selector = ".pr-detail__caption, figcaption"
    title_suffixes = ("HKTDC Media Room", "香港貿發局新聞中心", "香港贸发局新闻中心")

    def get_body(self, page: Page) -> tuple[tuple[str, ...], tuple[str, ...], tuple[Image, ...]]:
        """Each photo's caption is the paragraph after it ("Photo 1: ..."), its alt only a label:
        when there is one caption per photo, they pair up in order."""
        body, captions, images = super().get_body(page)
        if len(images) == len(captions):
            images = tuple(replace(i, caption=c) for i, c in zip(images, captions, strict=True))
        return cut_trailer(body), captions, images

    def get_external_id(self, page: Page) -> str | None:
        found = _RELEASE_ID.search(page.url)
        return found.group(1) if found else None


PUBLISHERS = (
    Publisher(
        name="hktdc",
        label="HKTDC",
        domains=("mediaroom.hktdc.com",),
        versions=(HKTDCPressRelease,),
    ),
)
