"""Feeds and article pages for the fault cases, built as text so each case shows what it serves.

A good page is plain enough for the generic parser (a title, a date in `<meta>`, four paragraphs
of prose) and carries a title unique to its case, so the warehouse rows of one case are found
by source and URL without guessing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

GOOD_DATE = "2025-04-21T10:00:00+08:00"
GOOD_INSTANT = "2025-04-21T02:00:00+00:00"  # GOOD_DATE in UTC, as the warehouse returns it

PROSE = (
    "Officials from Hangzhou and Hong Kong met on Monday to sign a memorandum on trade, "
    "innovation and talent exchange, the city government said in a statement.",
    "The agreement covers joint laboratories, financing for start-ups and a programme that "
    "will let graduates from both cities work in each other's technology parks.",
    "Business groups welcomed the move, saying closer ties would help companies in Zhejiang "
    "province reach investors through Hong Kong's capital markets.",
    "Further meetings are planned for later in the year, when both sides will review the "
    "first projects and agree on the next steps of the co-operation.",
)


def page(
    title: str,
    *,
    head: str = "",
    before_body: str = "",
    title_html: str | None = None,
    charset: str | None = "utf-8",
) -> str:
    """An article page; `head` adds to <head>, `before_body` opens the article text."""
    meta = f'<meta charset="{charset}">' if charset else ""
    shown = title_html if title_html is not None else escape(title)
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in PROSE)
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>{shown}</title>{head}</head>"
        f"<body><article><h1>{shown}</h1>{before_body}{paragraphs}</article></body></html>"
    )


def dated_page(title: str, published: str = GOOD_DATE) -> str:
    """A page whose date sits where most news sites put it: article:published_time."""
    return page(title, head=f'<meta property="article:published_time" content="{published}">')


def jsonld_page(title: str, published: str) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title}
    data["datePublished"] = published
    script = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    return page(title, head=script)


def text_dated_page(title: str, published: str) -> str:
    """A page that gives its date only in the visible text, as a byline line."""
    return page(title, before_body=f'<p class="date">Published: {escape(published)}</p>')


@dataclass(frozen=True)
class Item:
    """One feed item: its title, link, and (when given) pubDate and guid, as raw text."""

    title: str
    link: str
    pub_date: str | None = None
    guid: str | None = None


def rss(items: Sequence[Item], *, title: str = "Fault feed") -> str:
    parts = []
    for item in items:
        extra = f"<pubDate>{escape(item.pub_date)}</pubDate>" if item.pub_date is not None else ""
        if item.guid is not None:
            extra += f'<guid isPermaLink="false">{escape(item.guid)}</guid>'
        parts.append(
            f"<item><title>{escape(item.title)}</title><link>{escape(item.link)}</link>"
            f"{extra}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://127.0.0.1/</link>{''.join(parts)}"
        "</channel></rss>"
    )


def sitemap(urls: Sequence[tuple[str, str | None]]) -> str:
    """A Google News sitemap: (loc, publication_date or None) per URL."""
    parts = []
    for loc, published in urls:
        news = ""
        if published is not None:
            news = (
                "<news:news><news:publication><news:name>Fault</news:name>"
                "<news:language>en</news:language></news:publication>"
                f"<news:publication_date>{escape(published)}</news:publication_date>"
                f"<news:title>{escape(loc)}</news:title></news:news>"
            )
        parts.append(f"<url><loc>{escape(loc)}</loc>{news}</url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"{''.join(parts)}</urlset>"
    )
