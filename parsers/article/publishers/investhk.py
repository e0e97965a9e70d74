"""InvestHK news and press releases: www.investhk.gov.hk/<en|zh-hk|zh-cn>/news/<slug>/.

A WordPress site: the page shows only a date ("24 April 2025", "2025年4月24日", and on the news
listing and newer pages "24.04.2025", day first), while the Yoast SEO JSON-LD graph carries the
exact times in UTC on a `WebPage` node (not an Article, so the shared JSON-LD reader does not pick
it up). Releases end with "About Invest Hong Kong" and a
media-enquiries line inside the content block.
"""

from __future__ import annotations

import json
from datetime import datetime

from parsers.article.base import ArticleParser, Page, Publisher, element_text, find
from parsers.article.shown_dates import shown_date
from parsers.article.trailers import cut_trailer
from parsers.dates import parse_datetime
from records.articles import Image


def _webpage_dates(page: Page) -> tuple[str | None, str | None]:
    """(datePublished, dateModified) of the Yoast graph's WebPage node, if the page has one."""
    for script in page.select('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue
        nodes = data.get("@graph", [data]) if isinstance(data, dict) else data
        for node in nodes if isinstance(nodes, list) else []:
            if not isinstance(node, dict):
                continue
            kinds = node.get("@type")
            if "WebPage" not in (kinds if isinstance(kinds, list) else [kinds]):
                continue
            published, modified = node.get("datePublished"), node.get("dateModified")
            return (
                published if isinstance(published, str) else None,
                modified if isinstance(modified, str) else None,
            )
    return None, None


class InvestHKNews(ArticleParser):
    """The news/press-release post template."""

    title_selector = "h1.news-detail__title"
    published_selector = ".news-detail__date time"
    section_selector = ".news-detail__type"
    body_selector = ".news-detail__content"
    paragraph_selector = "p, h2, h3, li"
    title_suffixes = ("InvestHK", "投資推廣署", "投资推广署")

    def get_published(self, page: Page) -> datetime | None:
        exact = parse_datetime(_webpage_dates(page)[0], self.default_tz)
        return exact or self._shown(page) or super().get_published(page)

    def _shown(self, page: Page) -> datetime | None:
        """The printed date read day first ("01.04.2026" is 1 April, not 4 January)."""
        found = find(page, self.published_selector)
        if found is None:
            return None
        return shown_date(element_text(found), self.default_tz, day_first=True)

    def get_updated(self, page: Page) -> datetime | None:
        exact = parse_datetime(_webpage_dates(page)[1], self.default_tz)
        return exact or super().get_updated(page)

    def get_body(self, page: Page) -> tuple[tuple[str, ...], tuple[str, ...], tuple[Image, ...]]:
        body, captions, _ = super().get_body(page)
        # Images from a fresh copy, where each figure still holds its figcaption.
        return cut_trailer(body), captions, self.get_images(page, self.body_container(page))


PUBLISHERS = (
    Publisher(
        name="investhk",
        label="InvestHK",
        domains=("investhk.gov.hk",),
        versions=(InvestHKNews,),
    ),
)
