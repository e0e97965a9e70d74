"""Stand-ins for the sources a backfill asks, served by a test's 127.0.0.1 server: GDELT's DOC API
and Google News search (both check the window they are asked for and answer accordingly), dated
sitemaps, a list page with older pages linked by rel="next", and article pages to fetch.

Dates are relative to today, as a backfill's window may not lie in the future and GDELT keeps only
about three months.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from html import escape

from werkzeug import Request, Response

TODAY = datetime.now(UTC).date()


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def gdelt_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%d%H%M%S")


@dataclass
class GdeltStandIn:
    """GDELT DOC's artlist: the records seen within the asked start and end, newest first, at
    most `maxrecords`. A request without an explicit window is refused, as a backfill must not
    send one."""

    records: Sequence[tuple[datetime, str]]  # (seendate, url)
    asked: list[tuple[datetime, datetime]] = field(default_factory=list)

    def __call__(self, request: Request) -> Response:
        args = request.args
        if "timespan" in args or "startdatetime" not in args or "enddatetime" not in args:
            return Response("a backfill asks with startdatetime/enddatetime", status=400)
        start, end = (
            datetime.strptime(args[k], "%Y%m%d%H%M%S").replace(tzinfo=UTC)
            for k in ("startdatetime", "enddatetime")
        )
        self.asked.append((start, end))
        hits = sorted((r for r in self.records if start <= r[0] <= end), reverse=True)
        articles = [
            {
                "url": url,
                "title": f"Hangzhou and Hong Kong, {seen:%Y-%m-%d %H:%M}",
                "seendate": seen.strftime("%Y%m%dT%H%M%SZ"),
                "domain": "example-news.test",
                "language": "English",
                "sourcecountry": "Hong Kong",
            }
            for seen, url in hits[: int(args.get("maxrecords", "75"))]
        ]
        return Response(json.dumps({"articles": articles}), content_type="application/json")


_AFTER = re.compile(r"\bafter:(\d{4}-\d{2}-\d{2})\b")
_BEFORE = re.compile(r"\bbefore:(\d{4}-\d{2}-\d{2})\b")


@dataclass
class GoogleNewsStandIn:
    """Google News search RSS: answers the items from the query's `after:` day up to its
    `before:` day (whether Google counts the named days in is not documented, so the caller
    must filter by date). A query with `when:` or without both dates is refused."""

    items: Sequence[tuple[datetime, str]]  # (published, headline)
    queries: list[str] = field(default_factory=list)

    def __call__(self, request: Request) -> Response:
        query = request.args.get("q", "")
        self.queries.append(query)
        after, before = _AFTER.search(query), _BEFORE.search(query)
        if "when:" in query or after is None or before is None:
            return Response("a backfill asks with after:/before:", status=400)
        first = date.fromisoformat(after.group(1))
        last = date.fromisoformat(before.group(1))
        chosen = [(p, h) for p, h in self.items if first <= p.date() < last]
        entries = "".join(
            f"<item><title>{escape(h)} - Example Post</title>"
            f"<link>https://news.google.com/rss/articles/{abs(hash(h))}?oc=5</link>"
            f"<pubDate>{format_datetime(p)}</pubDate>"
            f'<source url="https://www.example-post.test">Example Post</source></item>'
            for p, h in chosen
        )
        body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>GN</title>{entries}'
        return Response(body + "</channel></rss>", content_type="application/rss+xml")


def urlset(base: str, pages: Sequence[tuple[str, date | None]]) -> str:
    """A sitemap of pages with their lastmod (None: an entry without one)."""
    entries = "".join(
        f"<url><loc>{base}{path}</loc>{f'<lastmod>{day}</lastmod>' if day else ''}</url>"
        for path, day in pages
    )
    ns = "http://www.sitemaps.org/schemas/sitemap/0.9"
    return f'<?xml version="1.0"?><urlset xmlns="{ns}">{entries}</urlset>'


def sitemap_index(base: str, children: Sequence[tuple[str, date]]) -> str:
    entries = "".join(
        f"<sitemap><loc>{base}{path}</loc><lastmod>{day}</lastmod></sitemap>"
        for path, day in children
    )
    ns = "http://www.sitemaps.org/schemas/sitemap/0.9"
    return f'<?xml version="1.0"?><sitemapindex xmlns="{ns}">{entries}</sitemapindex>'


def list_page(items: Sequence[tuple[str, date]], older: str | None, *, rel: bool = True) -> str:
    """A news list: one row per item with its date, and a link to the older page (rel="next", or
    a plain "Older" link when `rel` is False)."""
    rows = "".join(
        f'<li><a href="{path}">News of {day}</a> <span class="date">{day}</span></li>'
        for path, day in items
    )
    more = ""
    if older is not None:
        more = f'<a rel="next" href="{older}">Next</a>' if rel else f'<a href="{older}">Older</a>'
    return f'<html><body><ul class="news">{rows}</ul><div class="pager">{more}</div></body></html>'


def article_page(
    title: str, published: date, base: str, path: str, text: Sequence[str] = ()
) -> str:
    """An article page as the generic parser reads it: headline, date, paragraphs (`text`, or
    three of a template: pages that share it are near-duplicates of each other)."""
    text = text or [
        f"Officials from Hangzhou and Hong Kong met to discuss part {n} of the co-operation "
        "plan, which covers trade, finance, innovation and culture."
        for n in (1, 2, 3)
    ]
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in text)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)} | Test News</title>"
        f'<meta property="og:title" content="{escape(title)}">'
        f'<meta property="article:published_time" content="{published}T10:00:00+08:00">'
        f'<link rel="canonical" href="{base}{path}"></head>'
        f"<body><article><h1>{escape(title)}</h1><div class='body'>{paragraphs}</div>"
        "</article></body></html>"
    )
