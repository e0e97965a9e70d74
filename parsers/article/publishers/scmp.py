"""South China Morning Post: JSON-LD driven, as the site itself is.

SCMP pages carry a NewsArticle (or OpinionNewsArticle) JSON-LD object with the full
`articleBody`, `isAccessibleForFree` (the paywall flag, as a boolean or the string "False") and a
`hasPart` naming the paywalled CSS selector. Server-rendered article HTML exists only on some
layouts, so the body comes from the HTML paragraphs when they are there, else from the
paragraph tree in the page's `window.__APOLLO_STATE__` (which keeps paragraphs apart and marks
related-story links and widgets as their own nodes), else from `articleBody`, a flat string that
runs related-story headlines into the text. The JSON-LD headline is sometimes cut short with
"...", so the `<h1>` wins.
"""

from __future__ import annotations

import json
import re
from typing import Any

from parsers.article.base import ArticleParser, Page, Publisher, find
from parsers.article.boilerplate import split_body
from records.articles import Image

_ID_IN_URL = re.compile(r"/article/(\d+)/")
_PARAGRAPH_BREAKS = re.compile(r"\n+|\s{2,}(?=[A-Z“\"‘])")
_STATE = "window.__APOLLO_STATE__="
_TEXT_NODES = {"p", "h2", "h3", "blockquote"}


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


def state_paragraphs(html: str, article_id: str | None) -> list[str]:
    """The article's paragraphs from the Apollo state tree; [] when the page has none."""
    start = html.find(_STATE)
    if start < 0 or article_id is None:
        return []
    try:
        state, _ = json.JSONDecoder().raw_decode(html, start + len(_STATE))
    except ValueError:
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
                        return [
                            _node_text(n)
                            for n in nodes
                            if isinstance(n, dict)
                            and n.get("type") in _TEXT_NODES
                            and not _only_a_link(n)
                        ]
    return []


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
