"""The framework publisher parsers are written on (in the style of fundus).

A publisher is a `Publisher` entry: its domains and its layout versions. Each layout version is a
subclass of `ArticleParser` whose CSS selectors are named class attributes; a newer layout
subclasses the older one and overrides only what changed, and every version but the newest has a
`valid_until` date. Per-field `get_*` methods read the selectors and fall back on the page's
JSON-LD and OpenGraph metadata; override one only when a selector cannot express the rule.
See README.md in this folder for how to add a publisher.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, tzinfo
from functools import cached_property
from typing import ClassVar
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from parsers.article import elements
from parsers.article.authors import split_authors
from parsers.article.boilerplate import drop_author_bio, is_caption, split_body, strip_site_suffix
from parsers.article.language import detect_language
from parsers.article.metadata import PageMeta, parse_tree, read_meta
from parsers.dates import CHINA_TZ, parse_datetime, why_dropped
from parsers.urls import resolve
from parsers.whitespace import clean_text
from records.articles import Access, ArticleRecord, Image

_NOISE = "script, style, noscript, template, iframe, form, button, svg, nav, aside"

# Meta tags that carry the publication time, most specific first.
PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "publishdate",
    "pubdate",
    "datepublished",
    "dc.date",
    "publish-date",
)


class Page:
    """One decoded page, shared by every parser that looks at it; each view is built once, lazily.

    Everything is read from one lxml tree (`tree`): the metadata, and the publisher parsers'
    CSS selections (`parsers/article/elements.py`).
    """

    def __init__(self, url: str, html: str) -> None:
        self.url = url
        self.html = html
        self._selected: dict[str, list[HtmlElement]] = {}

    def select(self, selector: str) -> list[HtmlElement]:
        """The elements matching a CSS selector, found once per page: a parser asking for the
        same blocks from two getters (a date and a byline) does not pay twice. Parsers never
        change the shared tree (they clean copies), so what was found stays true."""
        if selector not in self._selected:
            root = self.tree  # the whole document: `<html>` itself may match
            found = elements.compiled(selector)(root) if root is not None else []
            self._selected[selector] = list(found)
        return self._selected[selector]

    def select_one(self, selector: str) -> HtmlElement | None:
        """The first element matching a CSS selector, found once per page (see `select`)."""
        return next(iter(self.select(selector)), None)

    @property
    def host(self) -> str:
        return (urlsplit(self.url).hostname or "").lower()

    @cached_property
    def tree(self) -> HtmlElement | None:
        """The lxml tree (None for a document lxml finds empty)."""
        return parse_tree(self.html)

    @cached_property
    def commented_tree(self) -> HtmlElement | None:
        """The lxml tree with the page's comments, which `tree` leaves out: for layouts that
        mark their text with them (Hanweb's content-begin comment); built only when asked."""
        return parse_tree(self.html, comments=True)

    @cached_property
    def meta(self) -> PageMeta:
        return read_meta(self.tree, self.url)


def load_page(html: str, url: str) -> Page:
    """A page for the parsers: decoded HTML and its URL."""
    return Page(url=url, html=html)


@dataclass(frozen=True, slots=True)
class Extracted:
    """What a parser read from a page; `finish` turns it into an ArticleRecord."""

    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    published_at: datetime | None = None
    updated_at: datetime | None = None
    section: str | None = None
    body: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    images: tuple[Image, ...] = ()
    access: Access = "unknown"
    external_id: str | None = None
    canonical_url: str | None = None
    problems: tuple[str, ...] = ()


def find(page: Page, selector: str | None) -> HtmlElement | None:
    """The page's first element matching a selector; None when there is no selector."""
    return page.select_one(selector) if selector else None


def element_text(element: HtmlElement) -> str:
    """An element's value: its `content` or `datetime` attribute (meta, time), else its text."""
    for attr in ("content", "datetime"):
        value = element.get(attr)
        if isinstance(value, str) and value.strip():
            return clean_text(value)
    return clean_text(elements.text(element, " "))


def image_caption(img: HtmlElement, caption_selector: str | None = None) -> str | None:
    """The figcaption of the image's figure; else the next paragraph when it is a caption (the
    layout's caption selector matches it or something in it, or it reads as a credit line:
    mainland templates centre a photo in one <p> and its caption in the next); else alt."""
    figure = next(img.iterancestors("figure"), None)
    found = elements.select_one(figure, "figcaption") if figure is not None else None
    if found is not None:
        return element_text(found) or None
    holder = next(img.iterancestors("p"), None)
    following = elements.next_element(holder) if holder is not None else None
    if following is not None and following.tag == "p" and following.find(".//img") is None:
        text = element_text(following)
        marked = caption_selector is not None and (
            elements.matches(following, caption_selector)
            or elements.select_one(following, caption_selector) is not None
        )
        if text and (marked or is_caption(text)):
            return text
    alt = img.get("alt")
    return (clean_text(alt) or None) if isinstance(alt, str) else None


class ArticleParser:
    """One layout version of one publisher's article pages.

    Selectors are CSS, as cssselect reads them (run as XPath on the page's lxml tree). `None`
    means "not on this layout": the getter then falls back on JSON-LD / OpenGraph metadata.
    `body_selector` names the article container and `paragraph_selector` the paragraphs inside
    it; `exclude_selectors` are removed from the container first (captions found by
    `caption_selector` are kept in `captions`).
    """

    valid_until: ClassVar[date | None] = None
    default_tz: ClassVar[tzinfo] = CHINA_TZ

    title_selector: ClassVar[str | None] = None
    subtitle_selector: ClassVar[str | None] = None
    author_selector: ClassVar[str | None] = None
    published_selector: ClassVar[str | None] = None
    updated_selector: ClassVar[str | None] = None
    section_selector: ClassVar[str | None] = None
    body_selector: ClassVar[str | None] = None
    paragraph_selector: ClassVar[str] = "p"
    caption_selector: ClassVar[str | None] = "figcaption"
    image_selector: ClassVar[str | None] = "img"
    exclude_selectors: ClassVar[tuple[str, ...]] = ()
    # Site names a page's <title> adds to the headline, at its end or (some sites) its start.
    title_suffixes: ClassVar[tuple[str, ...]] = ()
    # The <title> names the section too ("headline - China - site"): strip the page's section.
    title_has_section: ClassVar[bool] = False

    @classmethod
    def version(cls) -> str:
        return cls.__name__

    def matches(self, page: Page) -> bool:
        """Whether this layout's article container is on the page (used to pick a version)."""
        return find(page, self.body_selector) is not None

    # Each getter: selector first, then page metadata. Override for site-specific rules.

    def get_title(self, page: Page) -> str | None:
        found = find(page, self.title_selector)
        title = element_text(found) if found is not None else None
        meta = page.meta
        linked = meta.linked
        title = (
            title
            or (linked.headline if linked else None)
            or meta.first("og:title", "twitter:title")
            or meta.title
        )
        if not title:
            return None
        return strip_site_suffix(title, self.site_names(page)) or None

    def site_names(self, page: Page) -> list[str]:
        """Names a <title> may carry besides the headline: the layout's, og:site_name, the
        JSON-LD publisher, and the section where the layout puts it there."""
        linked = page.meta.linked
        names = [
            *self.title_suffixes,
            *(n for n in (page.meta.first("og:site_name"), linked and linked.publisher) if n),
        ]
        if self.title_has_section and (section := self.get_section(page)):
            names.append(section)
        return names

    def get_subtitle(self, page: Page) -> str | None:
        found = find(page, self.subtitle_selector)
        return (element_text(found) or None) if found is not None else None

    def get_authors(self, page: Page) -> tuple[str, ...]:
        if self.author_selector:
            found = [element_text(el) for el in page.select(self.author_selector)]
            authors = split_authors(t for t in found if t)
            if authors:
                return authors
        linked = page.meta.linked
        if linked and linked.authors:
            return split_authors(linked.authors)
        return split_authors(page.meta.first("author", "article:author", "byl", "dc.creator"))

    def _date(self, page: Page, selector: str | None, *meta_names: str) -> datetime | None:
        found = find(page, selector)
        if found is not None:
            value = parse_datetime(element_text(found), self.default_tz)
            if value is not None:
                return value
        return parse_datetime(page.meta.first(*meta_names), self.default_tz)

    def get_published(self, page: Page) -> datetime | None:
        linked = page.meta.linked
        value = self._date(page, self.published_selector, *PUBLISHED_META)
        if value is None and linked is not None:
            value = parse_datetime(linked.date_published, self.default_tz)
        return value

    def get_updated(self, page: Page) -> datetime | None:
        linked = page.meta.linked
        value = self._date(
            page, self.updated_selector, "article:modified_time", "og:updated_time", "lastmod"
        )
        if value is None and linked is not None:
            value = parse_datetime(linked.date_modified, self.default_tz)
        return value

    def get_section(self, page: Page) -> str | None:
        found = find(page, self.section_selector)
        section = element_text(found) if found is not None else None
        linked = page.meta.linked
        section = section or (linked.section if linked else None)
        section = section or page.meta.first("article:section")
        return section.strip(" >»/|·") or None if section else None

    def body_container(self, page: Page) -> HtmlElement | None:
        """A copy of the article container, so cleaning it leaves the shared page intact."""
        found = find(page, self.body_selector)
        return elements.detached_copy(found) if found is not None else None

    def get_body(self, page: Page) -> tuple[tuple[str, ...], tuple[str, ...], tuple[Image, ...]]:
        """(paragraphs, captions, images) from the article container; empty if it is absent."""
        container = self.body_container(page)
        if container is None:
            return (), (), ()
        for noise in elements.select(container, _NOISE):
            elements.remove(noise)
        for selector in self.exclude_selectors:  # share bars and related stories hold images too
            for el in elements.select(container, selector):
                if elements.inside(el, container):
                    elements.remove(el)
        images = self.get_images(page, container)
        captions: list[str] = []
        if self.caption_selector:
            for el in elements.select(container, self.caption_selector):
                if not elements.inside(el, container):  # inside a caption removed just before
                    continue
                text = element_text(el)
                if text:
                    captions.append(text)
                elements.remove(el)
        texts = [element_text(el) for el in elements.select(container, self.paragraph_selector)]
        body, found_captions = split_body(texts)
        all_captions = tuple(dict.fromkeys(clean_text(c) for c in [*captions, *found_captions]))
        return body, all_captions, images

    def get_images(self, page: Page, container: HtmlElement | None) -> tuple[Image, ...]:
        """Images in the article container with their captions; og:image when there are none."""
        images: list[Image] = []
        if self.image_selector and container is not None:
            for img in elements.select(container, self.image_selector):
                src = img.get("data-src") or img.get("src")
                if not isinstance(src, str) or not src.strip() or src.startswith("data:"):
                    continue
                caption = image_caption(img, self.caption_selector)
                url = resolve(page.url, src)
                if url:
                    images.append(Image(url=url, caption=caption))
        if not images:
            og = page.meta.first("og:image")
            url = resolve(page.url, og) if og else None
            if url:
                images.append(Image(url=url))
        return tuple(images)

    def get_access(self, page: Page) -> Access:
        linked = page.meta.linked
        if linked is None or linked.accessible_for_free is None:
            return "unknown"
        return "free" if linked.accessible_for_free else "paywalled"

    def get_external_id(self, page: Page) -> str | None:
        linked = page.meta.linked
        return linked.identifier if linked else None

    def extract(self, page: Page) -> Extracted:
        body, captions, images = self.get_body(page)
        return Extracted(
            title=self.get_title(page),
            subtitle=self.get_subtitle(page),
            authors=self.get_authors(page),
            published_at=self.get_published(page),
            updated_at=self.get_updated(page),
            section=self.get_section(page),
            body=body,
            captions=captions,
            images=images,
            access=self.get_access(page),
            external_id=self.get_external_id(page),
        )


@dataclass(frozen=True, slots=True)
class Publisher:
    """A registry entry: the domains a publisher's pages live on and its layout versions.

    `domains` match the host itself and every subdomain ("chinadaily.com.cn" matches
    "cn.chinadaily.com.cn"); the most specific domain across all publishers wins.
    `versions` run oldest first; all but the last carry a `valid_until` date.
    """

    name: str  # the record's `parser`, e.g. "chinadaily"
    label: str  # the record's `publisher`, e.g. "China Daily"
    domains: tuple[str, ...]
    versions: tuple[type[ArticleParser], ...]

    def pick(self, page: Page, published: datetime | None) -> list[ArticleParser]:
        """Versions to try, best first: the one in force at the publication date if its
        container is on the page, then the others whose container is, newest first, then the rest.
        """
        parsers = [v() for v in self.versions]
        matching = [p for p in reversed(parsers) if p.matches(page)]
        ordered: list[ArticleParser] = []
        if published is not None:
            day = published.date()
            in_force = [p for p in matching if p.valid_until is None or day <= p.valid_until]
            if in_force:
                ordered.append(min(in_force, key=lambda p: p.valid_until or date.max))
        ordered += [p for p in matching if p not in ordered]
        ordered += [p for p in reversed(parsers) if p not in ordered]
        return ordered

    def parse(self, page: Page) -> ArticleRecord:
        """The record from the first version that finds a body (or the best try if none does)."""
        candidates = self.pick(page, self.versions[-1]().get_published(page))
        first: Extracted | None = None
        for parser in candidates:
            extracted = parser.extract(page)
            if extracted.body:
                return finish(page, extracted, self.name, self.label)
            first = first or extracted
        assert first is not None
        return finish(page, first, self.name, self.label)


def finish(page: Page, extracted: Extracted, parser: str, publisher: str | None) -> ArticleRecord:
    """The ArticleRecord: canonical URL, language by script, `problems` naming what is missing;
    a closing paragraph that introduces the author is dropped, whichever parser kept it."""
    meta = page.meta
    extracted = replace(extracted, body=drop_author_bio(extracted.body, extracted.authors))
    canonical = extracted.canonical_url or meta.canonical or meta.first("og:url") or page.url
    if not canonical.startswith(("http://", "https://")):
        canonical = page.url
    hint = meta.html_lang or (meta.linked.language if meta.linked else None)
    language = detect_language(" ".join([extracted.title or "", *extracted.body[:20]]), hint)
    problems = list(extracted.problems)
    for name, value in (
        ("title", extracted.title),
        ("published_at", extracted.published_at),
        ("body", extracted.body),
        ("language", language),
    ):
        if not value:
            problems.append(f"missing {name}")
    if extracted.published_at is None:  # a date the page gives but that could not be trusted
        given = [meta.first(*PUBLISHED_META), meta.linked.date_published if meta.linked else None]
        problems += [f"published_at {why}" for text in given if (why := why_dropped(text))]
    return ArticleRecord(
        url=page.url,
        canonical_url=canonical,
        parser=parser,
        publisher=publisher,
        title=extracted.title,
        subtitle=extracted.subtitle,
        authors=extracted.authors,
        published_at=extracted.published_at,
        updated_at=extracted.updated_at,
        language=language,
        section=extracted.section,
        body=extracted.body,
        captions=extracted.captions,
        images=extracted.images,
        access=extracted.access,
        external_id=extracted.external_id,
        problems=tuple(problems),
    )
