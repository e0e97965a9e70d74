"""The fallback for any site without a publisher parser.

Metadata comes from JSON-LD / OpenGraph / `<meta>` through `ArticleParser`'s getters. The body is
trafilatura's reading of our decoded text (never its downloader); a complete JSON-LD
`articleBody` wins when trafilatura's reading is clearly worse (much shorter, or carrying script
or JSON text); the paragraphs of the densest container are the last resort. A live-blog URL that
points at one post (`#post-123`, `?post=123`) gets that post. The headline is the one the page
displays (`headlines.py`), the date the metadata's in the publisher's own offset or else the one
the page prints (`page_dates.py`).
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import trafilatura
from bs4 import Tag

from parsers.article.base import ArticleParser, Extracted, Page, finish
from parsers.article.boilerplate import cjk_ratio, split_body
from parsers.article.headlines import headline
from parsers.article.page_dates import find_published
from parsers.dates import CHINA_TZ
from parsers.feeds.fragments import soup
from parsers.urls import POST_FRAGMENT
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


def trafilatura_text(html: str, url: str, *, precise: bool, fast: bool = False) -> str:
    text = trafilatura.extract(
        html,
        url=url,
        favor_precision=precise,
        fast=fast,
        include_comments=False,
        include_tables=True,
        include_images=False,
        deduplicate=False,
    )
    return text or ""


def trafilatura_paragraphs(html: str, url: str) -> list[str]:
    """The main text as paragraphs: precision mode, default mode when that finds little.

    Precision mode is read first without trafilatura's fallback extractors (readability,
    jusText; `fast`), which it runs on every page to compare with its own reading: half of its
    time on the ingest benchmark's pages. A reading that finds little is taken again with them.
    On the 382 generic pages we have (ScrapingHub's 182, the benchmark's 200) every record is
    the same as with the fallbacks always on, and the ScrapingHub pages parse in 28.9 ms a page
    against 36.7 (bench/extraction.py, F1 0.970 both); without the second reading F1 fell to
    0.969.
    """
    text = trafilatura_text(html, url, precise=True, fast=True)
    if len(text) < SHORT_PRECISE_TEXT:
        text = trafilatura_text(html, url, precise=True)
    if len(text) < SHORT_PRECISE_TEXT:
        fuller = trafilatura_text(html, url, precise=False)
        if len(fuller) >= 2 * len(text):
            text = fuller
    return [line for line in text.split("\n") if line.strip()]


def dense_paragraphs(page: Page) -> list[str]:
    """Paragraphs of the element holding the most `<p>` text: the last resort for odd pages.

    Read from a BeautifulSoup tree, built here only: libxml2 drops what lies more than ~2,000
    elements deep, BeautifulSoup's tree keeps it, and this path is rare enough that its cost
    does not matter.
    """
    scores: dict[int, tuple[Tag, int]] = {}
    for p in soup(page.html, "lxml").find_all("p"):
        parent = p.parent
        if isinstance(parent, Tag):
            _, score = scores.get(id(parent), (parent, 0))
            scores[id(parent)] = (parent, score + len(p.get_text()))
    if not scores:
        return []
    best, _ = max(scores.values(), key=lambda entry: entry[1])
    return [clean_text(p.get_text(" ")) for p in best.find_all("p", recursive=False)]


# JSON-LD articleBody replaces trafilatura's text only when this much longer: on pages that render
# the story with JavaScript trafilatura finds a caption or nothing. Measured on ScrapingHub: 1.2
# costs 0.001 F1 (it also swaps in bodies with teasers glued on), 1.5 and above cost nothing.
LINKED_BODY_RATIO = 1.5
# A line of script or JSON that reached the text: `{"@context": …`, `var x = …;`, `window.a(…)`.
_CODE_LINE = re.compile(
    r"""^\s*([{\[]\s*"[@\w]|(var|let|const|function)\s|window\.|document\.|\w+\s*\(\s*function)"""
    r"""|[;{}]\s*$|"\s*:\s*["{\[]"""
)
_TRUNCATED = re.compile(r"(\.\.\.|…|\[\.\.\.\])\s*$")
COMPLETE_BODY_CHARS = 200  # shorter articleBody values are teasers, not the story


def looks_like_code(line: str) -> bool:
    """A paragraph that is script or JSON text, not prose."""
    return bool(_CODE_LINE.search(line)) and sum(line.count(c) for c in '{}[];="') >= 4


def complete_linked_body(page: Page) -> str | None:
    """The JSON-LD articleBody when it is the whole story (not a teaser cut with "…")."""
    linked = page.meta.linked
    body = linked.article_body if linked else None
    if not body or len(clean_text(body)) < COMPLETE_BODY_CHARS or _TRUNCATED.search(body):
        return None
    return body


def body_paragraphs(page: Page) -> list[str]:
    """trafilatura's text, or a complete JSON-LD articleBody when that reading is clearly worse
    (much shorter, or script text in it), or the densest block."""
    paragraphs = trafilatura_paragraphs(page.html, page.url)
    linked = page.meta.linked
    if linked and linked.article_body:
        found = sum(len(p) for p in paragraphs)
        linked_text = clean_text(linked.article_body)
        same = linked_text == clean_text(" ".join(paragraphs))  # trafilatura read it, flattened
        coded = any(looks_like_code(p) for p in paragraphs) and complete_linked_body(page)
        if same or coded or len(linked_text) > LINKED_BODY_RATIO * found:
            paragraphs = [p for p in linked.article_body.split("\n") if p.strip()]
    paragraphs = [p for p in paragraphs if not looks_like_code(p)]
    return paragraphs or dense_paragraphs(page)


POST_QUERY_KEYS = ("post", "postid", "post_id", "entry", "update")


def live_post_id(url: str) -> str | None:
    """The post a live-blog URL points at: `#post-123`, `?post=123`."""
    parts = urlsplit(url)
    found = POST_FRAGMENT.match(parts.fragment or "")
    if found:
        return found.group(1)
    query = {k.lower(): v for k, v in parse_qs(parts.query).items()}
    for key in POST_QUERY_KEYS:
        if query.get(key):
            return query[key][0]
    return None


def live_post_paragraphs(page: Page) -> list[str]:
    """The paragraphs of the one live-blog post the URL names, [] when the page has no such post.

    The post is the element whose id is the URL's fragment (or `post-<id>`), or that carries the
    id in a `data-post-id`-like attribute.
    """
    post = live_post_id(page.url)
    if post is None or page.tree is None:
        return []
    fragment = urlsplit(page.url).fragment
    wanted = {fragment, f"post-{post}", f"post_{post}", post} - {""}
    for element in page.tree.iter():
        if not isinstance(element.tag, str):
            continue
        ids = {element.get("id") or ""}
        ids |= {v for k, v in element.attrib.items() if k.startswith("data-") and "id" in k}
        if ids & wanted:
            blocks = element.xpath(".//p|.//h2|.//h3|.//li|.//blockquote")
            texts = [" ".join(b.text_content().split()) for b in blocks]
            return [t for t in texts if t] or [" ".join(element.text_content().split())]
    return []


class GenericParser(ArticleParser):
    """Metadata from the page's JSON-LD/OpenGraph; naive times read as UTC+8."""

    caption_selector = None

    def get_title(self, page: Page) -> str | None:
        """The headline the page displays, else its metadata title without the site's name."""
        return headline(page, list(self.title_suffixes))

    def get_body(self, page: Page) -> tuple[tuple[str, ...], tuple[str, ...], tuple[Image, ...]]:
        paragraphs = live_post_paragraphs(page) or body_paragraphs(page)
        title = clean_text(self.get_title(page) or "")
        while paragraphs and clean_text(paragraphs[0]) == title:  # trafilatura keeps the <h1>
            paragraphs = paragraphs[1:]
        body, captions = split_body(paragraphs)
        return body, captions, self.get_images(page, None)

    def get_published(self, page: Page) -> datetime | None:
        """Metadata first, in the publisher's own offset; then what the page prints, the URL's
        day and htmldate's (see page_dates)."""
        metadata = super().get_published(page)
        return find_published(page, metadata, self.default_tz, self.default_tz is CHINA_TZ)


class GenericUtcParser(GenericParser):
    """For pages neither in Chinese script nor on a Chinese/HK domain: naive times are UTC."""

    default_tz = UTC


def parse_generic(page: Page, publisher: str | None = None) -> ArticleRecord:
    """A record for any page, from its metadata and trafilatura's reading of its text."""
    chinese = bool(_CHINESE_HOSTS.search(page.host)) or cjk_ratio(page.meta.title or "") > 0.3
    parser = GenericParser() if chinese else GenericUtcParser()
    extracted: Extracted = parser.extract(page)
    return finish(page, extracted, NAME, publisher)
