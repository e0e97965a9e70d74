"""The Hanweb template Zhejiang's government sites share (zj.gov.cn, hangzhou.gov.cn and its
English site): no publisher here, only the layout the publisher modules subclass.

These pages carry the national government-website `<meta>` set (ArticleTitle, PubDate in local
time without a zone, ColumnName, ContentSource, Author) and put the text between
`ZJEG_RSS.content` comment markers, usually inside `div#zoom`; older pages have no `<p>` at all,
only `<br>`-separated lines. `Author` often names the source outlet rather than a person, and the
reporters appear instead as a "By …" line or a closing "（本报记者 … 通讯员 …）" credit in the text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from lxml.etree import Comment
from lxml.html import HtmlElement

from parsers.article import elements
from parsers.article.authors import split_authors
from parsers.article.base import ArticleParser, Extracted, Page, element_text
from parsers.article.boilerplate import split_body
from parsers.article.captions import CENTRED_AFTER_IMAGE, pair_captions
from parsers.article.linebreaks import br_paragraphs
from parsers.article.url_dates import day_in_url
from records.articles import Image

# "By Zhou Wenjing", "（本报记者 黄宏伟 通讯员 林可）", "(记者 王明)": a credit line, not text.
_CREDIT_LINE = re.compile(
    r"^(?:by\s+[\w.'’\- ]{2,60}"
    r"|[（(]\s*(?:本报|本報)?(?:记者|記者|通讯员|通訊員)[^（()）]{1,60}[）)])$",
    re.I,
)
_CAPTIONS = f"figcaption, {CENTRED_AFTER_IMAGE}"
_NOT_TEXT = "script, style, noscript, iframe, form, button"
_CORRESPONDENT = re.compile(r"(?:本报|本報)?(?:记者|記者|通讯员|通訊員)")


_BEGIN_MARKER = "ZJEG_RSS.content.begin"


class HanwebArticle(ArticleParser):
    title_selector = 'meta[name="ArticleTitle"], .article-title, td.title'
    published_selector = 'meta[name="PubDate"], meta[name="Maketime"], .article-info'
    section_selector = 'meta[name="ColumnName"]'
    body_selector = "#zoom"
    caption_selector = _CAPTIONS
    title_has_section = True  # "浙江省人民政府 浙江要闻 headline": site and column open it

    def extract(self, page: Page) -> Extracted:
        """The `Url` meta is the address the site itself publishes the article under."""
        return replace(super().extract(page), canonical_url=page.meta.first("url"))

    def body_container(self, page: Page) -> HtmlElement | None:
        """`#zoom`, else whatever element holds the content-begin marker (a comment, so read
        from the page's tree with comments)."""
        found = super().body_container(page)
        if found is not None or _BEGIN_MARKER not in page.html:
            return found
        commented = page.commented_tree
        markers = commented.iter(Comment) if commented is not None else iter(())
        marker = next((m for m in markers if _BEGIN_MARKER in (m.text or "")), None)
        parent = marker.getparent() if marker is not None else None
        return elements.detached_copy(parent) if parent is not None else None

    def get_published(self, page: Page) -> datetime | None:
        return super().get_published(page) or day_in_url(page.url)

    def get_authors(self, page: Page) -> tuple[str, ...]:
        """Names from a credit line in the text; the Author meta only if it is not the source."""
        container = self.body_container(page)
        if container is not None:
            for line in br_paragraphs(container):
                if _CREDIT_LINE.match(line):
                    return split_authors(_CORRESPONDENT.sub(",", line.strip("（）()")))
        author = page.meta.first("author")
        if author and author != page.meta.first("contentsource"):
            return split_authors(author)
        return ()

    def get_body(self, page: Page) -> tuple[tuple[str, ...], tuple[str, ...], tuple[Image, ...]]:
        """Lines split at `<br>` as well as blocks, since older pages have no `<p>`; captions
        are taken out first, credit lines dropped."""
        container = self.body_container(page)
        if container is None:
            return (), (), ()
        images = self.get_images(page, container)
        captions = [element_text(el) for el in elements.select(container, _CAPTIONS)]
        for el in elements.select(container, f"{_CAPTIONS}, {_NOT_TEXT}"):
            if elements.inside(el, container):
                elements.remove(el)
        body, found = split_body(br_paragraphs(container))
        all_captions = tuple(dict.fromkeys(c for c in (*captions, *found) if c))
        kept = tuple(p for p in body if not _CREDIT_LINE.match(p))
        return kept, all_captions, pair_captions(images, all_captions)
