"""South China Morning Post: JSON driven, as the site itself is.

SCMP pages carry a NewsArticle (or OpinionNewsArticle) JSON-LD object with the full
`articleBody`, `isAccessibleForFree` (the paywall flag, as a boolean or the string "False") and a
`hasPart` naming the paywalled CSS selector. The body itself comes, best first, from:

- today's site (Next.js, since about 2022): `script#__NEXT_DATA__`, whose article lies at
  `props.pageProps.payload.data.article` with the headline, authors, times (epoch milliseconds),
  sections and the body as a node tree under `body.json` (paragraphs apart, related-story links
  and widgets as their own nodes);
- server-rendered article HTML, on the layouts that have it;
- the 2019-21 site's `window.__APOLLO_STATE__`, the same node tree inside the Apollo cache;
- `articleBody`, a flat string that runs related-story headlines into the text.

The JSON-LD headline is sometimes cut short with "...", so the `<h1>` (or the state's headline)
wins. Article ids come from the URL, tracking parameters or not (`/article/3114757?utm_…`).
"""

from __future__ import annotations

import json
import re
import weakref
from datetime import date, datetime
from typing import Any, ClassVar

from parsers.article.authors import split_authors
from parsers.article.base import ArticleParser, Page, Publisher, find
from parsers.article.boilerplate import split_body
from parsers.dates import CHINA_TZ
from parsers.whitespace import clean_text
from records.articles import Image

_ID_IN_URL = re.compile(r"/article/(\d+)(?=[/?#]|$)")
_PARAGRAPH_BREAKS = re.compile(r"\n+|\s{2,}(?=[A-Z“\"‘])")
_STATE = "window.__APOLLO_STATE__="
_TEXT_NODES = {"p", "h2", "h3", "blockquote"}
_NEXT_ARTICLE_PATH = ("props", "pageProps", "payload", "data", "article")
_MS_PER_S = 1000


def _node_text(node: Any) -> str:
    if not isinstance(node, dict):
        return ""
    if node.get("type") == "text":
        return str(node.get("data") or "")
    return "".join(_node_text(child) for child in node.get("children") or ())


def _only_a_link(node: dict[str, Any]) -> bool:
    """A heading that is nothing but a link: SCMP's inline "related story" teaser."""
    children = [c for c in node.get("children") or () if _node_text(c).strip()]
    return bool(children) and all(c.get("type") == "a" for c in children)


def tree_paragraphs(nodes: Any) -> list[str]:
    """The text paragraphs of a body node tree (`body.json`), related-story links left out."""
    if not isinstance(nodes, list):
        return []
    return [
        _node_text(n)
        for n in nodes
        if isinstance(n, dict) and n.get("type") in _TEXT_NODES and not _only_a_link(n)
    ]


def state_paragraphs(html: str, article_id: str | None) -> list[str]:
    """The article's paragraphs from the Apollo state tree; [] when the page has none."""
    start = html.find(_STATE)
    if start < 0 or article_id is None:
        return []
    try:
        state, _ = json.JSONDecoder().raw_decode(html, start + len(_STATE))
    except (ValueError, RecursionError):
        return []
    services = state.values() if isinstance(state, dict) else ()
    for service in services:
        if not isinstance(service, dict):
            continue
        for content in service.values():
            if not isinstance(content, dict) or str(content.get("entityId")) != article_id:
                continue
            for key, body in content.items():
                if key.startswith("body(") and isinstance(body, dict):
                    nodes = body.get("json")
                    if isinstance(nodes, list):
                        return tree_paragraphs(nodes)
    return []


_NEXT_CACHE: weakref.WeakKeyDictionary[Page, dict[str, Any] | None] = weakref.WeakKeyDictionary()


def next_article(page: Page) -> dict[str, Any] | None:
    """The article object of the page's `__NEXT_DATA__` (read once per page), or None."""
    if page in _NEXT_CACHE:
        return _NEXT_CACHE[page]
    found: dict[str, Any] | None = None
    if "__NEXT_DATA__" in page.html:
        script = page.select_one("script#__NEXT_DATA__")
        try:
            node: Any = json.loads(script.text or "") if script is not None else None
        except (ValueError, RecursionError):
            node = None
        for key in _NEXT_ARTICLE_PATH:
            node = node.get(key) if isinstance(node, dict) else None
        found = node if isinstance(node, dict) else None
    _NEXT_CACHE[page] = found
    return found


def _text_of(value: Any) -> str | None:
    """A headline or subheadline given as a string or as a node tree."""
    if isinstance(value, str):
        return clean_text(value) or None
    if isinstance(value, dict) and isinstance(value.get("json"), list):
        return clean_text(" ".join(_node_text(n) for n in value["json"])) or None
    return None


def _epoch_ms(value: Any) -> datetime | None:
    """SCMP's epoch milliseconds, in Hong Kong time (the publisher's own day)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        return None
    try:
        return datetime.fromtimestamp(value / _MS_PER_S, CHINA_TZ)
    except (ValueError, OverflowError, OSError):
        return None


class SCMPApollo(ArticleParser):
    """The 2019-21 site: article HTML on some layouts, the Apollo state tree on the others."""

    # The Next.js site replaced it during 2022; annotated so the newer version may set None.
    valid_until: ClassVar[date | None] = date(2021, 12, 31)
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
        """HTML paragraphs when rendered, else the state's paragraph tree, else articleBody."""
        body, captions, images = super().get_body(page)
        if body:
            return body, captions, images
        linked = page.meta.linked
        texts = state_paragraphs(page.html, self.get_external_id(page))
        if not texts and linked is not None and linked.article_body:
            texts = _PARAGRAPH_BREAKS.split(linked.article_body)
        if not texts:
            return body, captions, images
        paragraphs, found_captions = split_body(texts)
        if not images and linked is not None:
            images = tuple(Image(url=url) for url in linked.images)
        return paragraphs, (*captions, *found_captions), images

    def matches(self, page: Page) -> bool:
        linked = page.meta.linked
        return find(page, self.body_selector) is not None or bool(linked and linked.article_body)

    def get_external_id(self, page: Page) -> str | None:
        for url in (page.meta.canonical, page.url):
            found = _ID_IN_URL.search(url or "")
            if found:
                return found.group(1)
        return None


class SCMPNext(SCMPApollo):
    """Today's Next.js site: `__NEXT_DATA__` first, then what the older layouts read."""

    valid_until = None

    def matches(self, page: Page) -> bool:
        return next_article(page) is not None or super().matches(page)

    def get_title(self, page: Page) -> str | None:
        if find(page, self.title_selector) is None:
            article = next_article(page)
            headline = _text_of(article.get("headline")) if article else None
            if headline:
                return headline
        return super().get_title(page)

    def get_subtitle(self, page: Page) -> str | None:
        article = next_article(page)
        shown = super().get_subtitle(page)
        if shown or article is None:
            return shown
        return _text_of(article.get("subHeadline")) or _text_of(article.get("summary"))

    def get_authors(self, page: Page) -> tuple[str, ...]:
        article = next_article(page)
        people = article.get("authors") if article else None
        if isinstance(people, list):
            names = [p.get("name") for p in people if isinstance(p, dict)]
            authors = split_authors([n for n in names if isinstance(n, str)])
            if authors:
                return authors
        return super().get_authors(page)

    def get_published(self, page: Page) -> datetime | None:
        article = next_article(page)
        found = _epoch_ms(article.get("publishedDate")) if article else None
        return found or super().get_published(page)

    def get_updated(self, page: Page) -> datetime | None:
        article = next_article(page)
        found = _epoch_ms(article.get("updatedDate")) if article else None
        return found or super().get_updated(page)

    def get_section(self, page: Page) -> str | None:
        article = next_article(page)
        sections = article.get("sections") if article else None
        if isinstance(sections, list) and sections and isinstance(sections[0], dict):
            name = sections[0].get("name")
            if isinstance(name, str) and name.strip():
                return clean_text(name)
        return super().get_section(page)

    def get_body(self, page: Page) -> tuple[tuple[str, ...], tuple[str, ...], tuple[Image, ...]]:
        """The state's node tree, else what the older layouts read (HTML, Apollo, JSON-LD)."""
        article = next_article(page)
        tree = article.get("body") if article else None
        texts = tree_paragraphs(tree.get("json")) if isinstance(tree, dict) else []
        if not texts:
            return super().get_body(page)
        paragraphs, captions = split_body(texts)
        images = self._images(page, article)
        shown = tuple(dict.fromkeys([*captions, *(i.caption for i in images if i.caption)]))
        return paragraphs, shown, images

    def _images(self, page: Page, article: dict[str, Any] | None) -> tuple[Image, ...]:
        """The state's images with their titles as captions; else og:image / JSON-LD."""
        found = article.get("images") if article else None
        images = [
            Image(url=i["url"], caption=_text_of(i.get("title")))
            for i in (found if isinstance(found, list) else [])
            if isinstance(i, dict) and isinstance(i.get("url"), str)
        ]
        return tuple(images) or self.get_images(page, None)

    def get_external_id(self, page: Page) -> str | None:
        article = next_article(page)
        entity = article.get("entityId") if article else None
        if isinstance(entity, str | int) and not isinstance(entity, bool) and str(entity).isdigit():
            return str(entity)
        return super().get_external_id(page)


PUBLISHERS = (
    Publisher(
        name="scmp",
        label="South China Morning Post",
        domains=("scmp.com",),
        versions=(SCMPApollo, SCMPNext),
    ),
)
