"""Page-level metadata every parser can fall back on: JSON-LD, OpenGraph/`<meta>`, canonical link.

JSON-LD comes in many shapes (one object, a list, an `@graph`, authors as strings, objects or
lists, booleans as strings); `LinkedData` is the one shape the rest of the package reads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from lxml.etree import ParserError
from lxml.html import HtmlElement, HTMLParser, document_fromstring

from parsers.urls import resolve
from parsers.whitespace import clean_text

_PARSER = HTMLParser(encoding="utf-8", remove_comments=True, huge_tree=True)
_COMMENTED = HTMLParser(encoding="utf-8", huge_tree=True)

ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "blogposting",
    "liveblogposting",
    "report",
    "scholarlyarticle",
}


@dataclass(frozen=True, slots=True)
class LinkedData:
    """The fields we use from a page's schema.org Article/NewsArticle JSON-LD object."""

    type: str
    headline: str | None = None
    description: str | None = None
    authors: tuple[str, ...] = ()
    date_published: str | None = None
    date_modified: str | None = None
    section: str | None = None
    article_body: str | None = None
    accessible_for_free: bool | None = None
    images: tuple[str, ...] = ()
    publisher: str | None = None
    url: str | None = None
    identifier: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class PageMeta:
    """Metadata read once per page; `meta` maps lower-cased meta name/property to its content."""

    title: str | None
    canonical: str | None
    html_lang: str | None
    meta: dict[str, str] = field(default_factory=dict)
    linked: LinkedData | None = None

    def first(self, *names: str) -> str | None:
        """The content of the first of these `<meta>` names/properties the page has."""
        for name in names:
            value = self.meta.get(name)
            if value:
                return value
        return None


def _text(value: object) -> str | None:
    if isinstance(value, str):
        return clean_text(value) or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        for key in ("name", "@value", "url", "@id"):
            found = _text(value.get(key))
            if found:
                return found
    if isinstance(value, list) and value:
        return _text(value[0])
    return None


def _texts(value: object) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    found = (_text(item) for item in items)
    return tuple(dict.fromkeys(t for t in found if t))


def _bool(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def _types(obj: dict[str, object]) -> list[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return [k for k in kinds if isinstance(k, str)]


def _objects(value: object, depth: int = 0) -> list[dict[str, object]]:
    """Every JSON-LD object in a parsed script, flattening lists and @graph (bounded depth)."""
    if depth > 5:
        return []
    if isinstance(value, list):
        return [o for item in value for o in _objects(item, depth + 1)]
    if isinstance(value, dict):
        found = [value]
        graph = value.get("@graph")
        if graph is not None:
            found += _objects(graph, depth + 1)
        return found
    return []


def _linked(obj: dict[str, object]) -> LinkedData:
    kinds = _types(obj)
    return LinkedData(
        type=kinds[0] if kinds else "",
        headline=_text(obj.get("headline")) or _text(obj.get("name")),
        description=_text(obj.get("description")),
        authors=_texts(obj.get("author")) if obj.get("author") else (),
        date_published=_text(obj.get("datePublished")) or _text(obj.get("dateCreated")),
        date_modified=_text(obj.get("dateModified")),
        section=_text(obj.get("articleSection")),
        article_body=body if isinstance(body := obj.get("articleBody"), str) else None,
        accessible_for_free=_bool(obj.get("isAccessibleForFree")),
        images=_texts(obj.get("image")) if obj.get("image") else (),
        publisher=_text(obj.get("publisher")),
        url=_text(obj.get("url")) or _text(obj.get("mainEntityOfPage")),
        identifier=_text(obj.get("identifier")),
        language=_text(obj.get("inLanguage")),
    )


def parse_tree(html: str, *, comments: bool = False) -> HtmlElement | None:
    """An lxml tree of the page, or None when lxml finds no document in it. Comments are left
    out unless asked for: text around one then reads as one string."""
    try:
        parser = _COMMENTED if comments else _PARSER
        return document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (ParserError, ValueError):
        return None


def read_linked_data(tree: HtmlElement) -> LinkedData | None:
    """The page's article object from JSON-LD; broken scripts are skipped, not fatal."""
    fallback: dict[str, object] | None = None
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = script.text or ""
        try:
            data = json.loads(raw.strip().rstrip(";"), strict=False)
        except (ValueError, RecursionError):
            continue
        for obj in _objects(data):
            kinds = {k.lower() for k in _types(obj)}
            if kinds & ARTICLE_TYPES:
                return _linked(obj)
            # A WebPage (Yoast's graph on WordPress sites) when no Article is given: its
            # headline, or at least its publication date.
            if (
                fallback is None
                and "webpage" in kinds
                and (obj.get("headline") or obj.get("datePublished"))
            ):
                fallback = obj
    return _linked(fallback) if fallback is not None else None


def read_meta(tree: HtmlElement | None, url: str) -> PageMeta:
    """<title>, canonical link, html lang, every <meta name/property> and the JSON-LD article."""
    if tree is None:
        return PageMeta(title=None, canonical=None, html_lang=None)
    meta: dict[str, str] = {}
    for tag in tree.iter("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        content = tag.get("content")
        if key and content:
            key = key.strip().lower()
            value = clean_text(content)
            if key and value and key not in meta:
                meta[key] = value
    title_tag = next(tree.iter("title"), None)
    title = clean_text(title_tag.text_content()) if title_tag is not None else None
    canonical = None
    for link in tree.iter("link"):
        rels = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rels and href:
            canonical = resolve(url, href)
            break
    lang = tree.get("lang") or ""
    return PageMeta(
        title=title or None,
        canonical=canonical,
        html_lang=lang.strip() or None,
        meta=meta,
        linked=read_linked_data(tree),
    )
