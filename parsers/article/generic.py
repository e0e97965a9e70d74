"""The fallback for any site without a publisher parser.

Metadata comes from JSON-LD / OpenGraph / `<meta>` through `ArticleParser`'s getters. The body is
trafilatura's reading of our decoded text (never its downloader); the JSON-LD `articleBody` wins
when it is clearly longer; the paragraphs of the densest container are the last resort.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime

import trafilatura
from bs4 import Tag

from parsers.article.base import ArticleParser, Extracted, Page, element_text, finish
from parsers.article.boilerplate import cjk_ratio, split_body
from parsers.dates import parse_datetime
from parsers.whitespace import clean_text
from records.articles import ArticleRecord, Image

# trafilatura logs every page it finds too short at WARNING; that is our `problems`' job.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

NAME = "generic"
_CHINESE_HOSTS = re.compile(r"\.(cn|hk|mo|tw)$")


# Measured on the ScrapingHub benchmark (bench/extraction.py): precision mode scores higher
# (F1 0.959 vs 0.953) but now and then keeps only a fragment; below this many characters the
# default mode's reading is taken instead when it is at least twice as long (F1 0.964).
SHORT_PRECISE_TEXT = 1000


def trafilatura_text(html: str, url: str, *, precise: bool) -> str:
    text = trafilatura.extract(
        html,
        url=url,
        favor_precision=precise,
        include_comments=False,
        include_tables=True,
        include_images=False,
        deduplicate=False,
    )
    return text or ""


def trafilatura_paragraphs(html: str, url: str) -> list[str]:
    """The main text as paragraphs: precision mode, default mode when that finds little."""
    text = trafilatura_text(html, url, precise=True)
    if len(text) < SHORT_PRECISE_TEXT:
        fuller = trafilatura_text(html, url, precise=False)
        if len(fuller) >= 2 * len(text):
            text = fuller
    return [line for line in text.split("\n") if line.strip()]


def dense_paragraphs(page: Page) -> list[str]:
    """Paragraphs of the element holding the most `<p>` text: the last resort for odd pages.

    Read from the soup: libxml2 drops what lies more than ~2,000 elements deep, BeautifulSoup's
    tree keeps it, and this path is rare enough that its cost does not matter.
    """
    scores: dict[int, tuple[Tag, int]] = {}
    for p in page.soup.find_all("p"):
        parent = p.parent
        if isinstance(parent, Tag):
            _, score = scores.get(id(parent), (parent, 0))
            scores[id(parent)] = (parent, score + len(p.get_text()))
    if not scores:
        return []
    best, _ = max(scores.values(), key=lambda entry: entry[1])
    return [element_text(p) for p in best.find_all("p", recursive=False)]


# JSON-LD articleBody replaces trafilatura's text only when this much longer: on pages that render
# the story with JavaScript trafilatura finds a caption or nothing. Measured on ScrapingHub: 1.2
# costs 0.001 F1 (it also swaps in bodies with teasers glued on), 1.5 and above cost nothing.
LINKED_BODY_RATIO = 1.5


def body_paragraphs(page: Page) -> list[str]:
    """trafilatura's text, or JSON-LD articleBody when clearly longer, or the densest block."""
    paragraphs = trafilatura_paragraphs(page.html, page.url)
    linked = page.meta.linked
    if linked and linked.article_body:
        found = sum(len(p) for p in paragraphs)
        linked_text = clean_text(linked.article_body)
        same = linked_text == clean_text(" ".join(paragraphs))  # trafilatura read it, flattened
        if same or len(linked_text) > LINKED_BODY_RATIO * found:
            paragraphs = [p for p in linked.article_body.split("\n") if p.strip()]
    return paragraphs or dense_paragraphs(page)


# Dates in article URLs: /2019-06/14/, /201906/18/, /2019/06/14/, /20190614/.
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[-/]?(\d{2})[-/]?(\d{2})(?=[/_.-])")
DATELINE_CHARS = 300  # how far past the headline a printed date may sit


class GenericParser(ArticleParser):
    """Metadata from the page's JSON-LD/OpenGraph; naive times read as UTC+8."""

    caption_selector = None

    def get_body(self, page: Page) -> tuple[tuple[str, ...], tuple[str, ...], tuple[Image, ...]]:
        paragraphs = body_paragraphs(page)
        title = clean_text(self.get_title(page) or "")
        while paragraphs and clean_text(paragraphs[0]) == title:  # trafilatura keeps the <h1>
            paragraphs = paragraphs[1:]
        body, captions = split_body(paragraphs)
        return body, captions, self.get_images(page, None)

    def get_published(self, page: Page) -> datetime | None:
        """Metadata first; then a date printed just after the headline; then one in the URL."""
        found = super().get_published(page)
        if found is not None:
            return found
        heading = next(page.tree.iter("h1"), None) if page.tree is not None else None
        if heading is not None:
            following = heading.xpath("following::text()[position() <= 40]")
            text = " ".join(str(t) for t in following if isinstance(t, str))
            found = parse_datetime(text[:DATELINE_CHARS], self.default_tz)
            if found is not None:
                return found
        in_url = _URL_DATE.search(page.url)
        if in_url:
            return parse_datetime("-".join(in_url.groups()), self.default_tz)
        return None


class GenericUtcParser(GenericParser):
    """For pages neither in Chinese script nor on a Chinese/HK domain: naive times are UTC."""

    default_tz = UTC


def parse_generic(page: Page, publisher: str | None = None) -> ArticleRecord:
    """A record for any page, from its metadata and trafilatura's reading of its text."""
    chinese = bool(_CHINESE_HOSTS.search(page.host)) or cjk_ratio(page.meta.title or "") > 0.3
    parser = GenericParser() if chinese else GenericUtcParser()
    extracted: Extracted = parser.extract(page)
    return finish(page, extracted, NAME, publisher)
