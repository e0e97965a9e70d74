"""South China Morning Post: JSON-LD driven, as the site itself is.

SCMP pages carry a NewsArticle (or OpinionNewsArticle) JSON-LD object with the full
`articleBody`, `isAccessibleForFree` (the paywall flag, as a boolean or the string "False") and a
`hasPart` naming the paywalled CSS selector. Server-rendered article HTML exists only on some
layouts, so the body comes from the HTML paragraphs when they are there and from `articleBody`
otherwise. The JSON-LD headline is sometimes cut short with "...", so the `<h1>` wins.
"""

from __future__ import annotations

import re

from parsers.article.base import ArticleParser, Page, Publisher, find
from parsers.article.text import split_body
from parsers.records import Image

_ID_IN_URL = re.compile(r"/article/(\d+)/")
_PARAGRAPH_BREAKS = re.compile(r"\n+|\s{2,}(?=[A-Z“\"‘])")


class SCMP(ArticleParser):
    title_selector = "h1.main-headline, h1[data-qa='ContentHeadline-Headline'], article h1"
    subtitle_selector = ".sub-headline li, .inner__subheadline, [data-qa='ContentSubHeadline']"
    author_selector = None  # JSON-LD author objects are exact; the page repeats them in bios
    section_selector = None
    body_selector = ".article-body, [data-qa='GenericArticle-Content'], .print-article"
    exclude_selectors = (
        ".article-inline-widget",
        ".more-on-this",
        ".related-articles",
        "[data-qa='ContentBody-RelatedArticles']",
        ".author-bio",
    )
    title_suffixes = ("South China Morning Post", "SCMP")

    def get_body(self, page: Page) -> tuple[tuple[str, ...], tuple[str, ...], tuple[Image, ...]]:
        """The HTML paragraphs when the layout renders them, else the JSON-LD articleBody."""
        body, captions, images = super().get_body(page)
        linked = page.meta.linked
        if body or linked is None or not linked.article_body:
            return body, captions, images
        paragraphs, found_captions = split_body(_PARAGRAPH_BREAKS.split(linked.article_body))
        if not images:
            images = tuple(Image(url=url) for url in linked.images)
        return paragraphs, (*captions, *found_captions), images

    def matches(self, page: Page) -> bool:
        linked = page.meta.linked
        return find(page, self.body_selector) is not None or bool(linked and linked.article_body)

    def get_external_id(self, page: Page) -> str | None:
        found = _ID_IN_URL.search(page.meta.canonical or page.url)
        return found.group(1) if found else None


PUBLISHERS = (
    Publisher(
        name="scmp",
        label="South China Morning Post",
        domains=("scmp.com",),
        versions=(SCMP,),
    ),
)
