"""Google News search RSS: headline, publisher and the story cluster from each item.

Item links are opaque `news.google.com/rss/articles/...` ids that no longer lead to the publisher,
so the item keeps that link as `url` and carries the publisher's `<source url>` separately. Titles
end in " - Publisher"; descriptions are escaped HTML, either one link or an `<ol>` of the top
stories in the same cluster (returned as `related`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from bs4 import Tag

from parsers.feeds.fragments import fragment_text, soup
from parsers.feeds.rss import entry_item, feed_context, read_feed
from parsers.urls import resolve
from records.articles import FeedItem

TITLE_SEPARATOR = " - "
GOOGLE_NEWS_HOST = "news.google.com"


def split_title(title: str | None, publisher: str | None) -> tuple[str | None, str | None]:
    """("Headline", "Publisher") from "Headline - Publisher", split at the LAST separator
    (headlines contain " - " themselves); the `<source>` name wins when the item has one."""
    if not title:
        return title, publisher
    if publisher and title.endswith(TITLE_SEPARATOR + publisher):
        return title[: -len(TITLE_SEPARATOR + publisher)].strip() or None, publisher
    head, separator, tail = title.rpartition(TITLE_SEPARATOR)
    if not separator or not head.strip():
        return title, publisher
    return head.strip(), publisher or tail.strip() or None


def _is_full_coverage(href: str) -> bool:
    """The cluster's last line links to Google's own story page, not to an article."""
    return "/stories/" in href


def cluster(description: str | None, base: str, own_url: str) -> tuple[FeedItem, ...]:
    """The other stories listed in an item's description (each `<li>`: link, then publisher)."""
    if not description or "<li" not in description:
        return ()
    related: list[FeedItem] = []
    for line in soup(description).find_all("li"):
        anchor = line.find("a", href=True)
        if not isinstance(anchor, Tag):
            continue
        url = resolve(base, str(anchor["href"]))
        if url is None or url == own_url or _is_full_coverage(url):
            continue
        font = line.find("font")
        related.append(
            FeedItem(
                url=url,
                title=fragment_text(anchor.get_text(" ")),
                publisher=fragment_text(font.get_text(" ")) if isinstance(font, Tag) else None,
            )
        )
    return tuple(related)


def parse_google_news(data: bytes, url: str, options: Mapping[str, str]) -> list[FeedItem]:
    parsed = read_feed(data, url, "Google News RSS")
    context = feed_context(parsed, options)
    items: list[FeedItem] = []
    for entry in parsed.entries:
        item = entry_item(entry, url, context)
        if item is None:
            continue
        title, publisher = split_title(item.title, item.publisher)
        related = tuple(
            replace(other, language=item.language)
            for other in cluster(entry.get("summary"), url, item.url)
        )
        items.append(
            replace(
                item,
                title=title,
                publisher=publisher,
                summary=None if related else _summary(item.summary, title, publisher),
                related=related,
            )
        )
    return items


def _summary(summary: str | None, title: str | None, publisher: str | None) -> str | None:
    """A single-story description only repeats headline and publisher: not worth keeping."""
    if summary is None:
        return None
    rest = summary
    for known in (title, publisher):
        if known:
            rest = rest.replace(known, "")
    return summary if rest.strip() else None
