"""The `backfill` flow end to end, through a real socket: one 127.0.0.1 server stands in for
GDELT, Google News, a news sitemap, a list page with two older pages linked by rel="next", an RSS
feed, and the article pages they list, inside and outside the window asked for. The links of
the window, and only those, go through ingest's fetch, parse and store path; the run is
recorded as `backfill`."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from config.settings import Settings
from flows.backfill import backfill
from flows.polling import Window
from flows.reports import BackfillReport
from tests.flows.conftest import loopback_config, read_rows
from tests.flows.standins import (
    GdeltStandIn,
    GoogleNewsStandIn,
    article_page,
    days_ago,
    list_page,
    noon,
    urlset,
)

pytestmark = pytest.mark.prefect

FIRST, LAST = days_ago(20), days_ago(10)

SOURCES = """
[[source]]
id = "gdelt"
name = "GDELT DOC"
kind = "gdelt_doc"
query = '(Hangzhou OR Zhejiang) "Hong Kong"'
url = "{base}/api/v2/doc/doc"

[[source]]
id = "gnews"
name = "Google News"
kind = "google_news"
edition = "en-HK"
query = 'Hangzhou "Hong Kong" when:7d'
url = "{base}/rss/search"

[[source]]
id = "sitemap"
name = "News sitemap"
kind = "sitemap"
url = "{base}/sitemap.xml"

[[source]]
id = "list"
name = "News list"
kind = "html_list"
url = "{base}/news/"
selector = "ul.news a"
language = "en"

[[source]]
id = "rss"
name = "RSS feed"
kind = "rss"
url = "{base}/feed.xml"
"""

# Every article page the sources list: path -> the day it was published (and shown as).
PAGES = {
    "/gd/in.htm": days_ago(14),
    "/sm/in.htm": days_ago(12),
    "/sm/before.htm": days_ago(30),
    "/sm/after.htm": days_ago(3),
    "/a/1.htm": days_ago(4),
    "/a/2.htm": days_ago(11),
    "/a/3.htm": days_ago(16),
    "/a/4.htm": days_ago(24),
    "/a/5.htm": days_ago(33),
    "/n/in.htm": days_ago(19),
    "/n/new.htm": days_ago(1),
}
IN_WINDOW = sorted(p for p, day in PAGES.items() if FIRST <= day <= LAST)


@dataclass
class Backfilled:
    report: BackfillReport
    settings: Settings
    requests: list[tuple[str, str]]  # path, query string
    gdelt: GdeltStandIn
    news: GoogleNewsStandIn

    def query(self, sql: str, *params: object) -> list[tuple[object, ...]]:
        return read_rows(self.settings, sql, *params)


def serve(server: HTTPServer, gdelt: GdeltStandIn, news: GoogleNewsStandIn) -> None:
    base = server.url_for("").rstrip("/")
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    server.expect_request("/api/v2/doc/doc").respond_with_handler(gdelt)
    server.expect_request("/rss/search").respond_with_handler(news)
    sitemap = urlset(
        base, [(p, PAGES[p]) for p in ("/sm/in.htm", "/sm/before.htm", "/sm/after.htm")]
    )
    server.expect_request("/sitemap.xml").respond_with_data(sitemap, content_type="application/xml")
    lists = {
        "/news/": (["/a/1.htm", "/a/2.htm"], "/news/p2.html"),
        "/news/p2.html": (["/a/3.htm", "/a/4.htm"], "/news/p3.html"),
        "/news/p3.html": (["/a/5.htm"], None),
    }
    for path, (items, older) in lists.items():
        page = list_page([(p, PAGES[p]) for p in items], older)
        server.expect_request(path).respond_with_data(page, content_type="text/html")
    feed = "".join(
        f"<item><title>{p}</title><link>{base}{p}</link>"
        f"<pubDate>{noon(PAGES[p]):%a, %d %b %Y %H:%M:%S} +0000</pubDate></item>"
        for p in ("/n/new.htm", "/n/in.htm")
    )
    server.expect_request("/feed.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{feed}</channel></rss>',
        content_type="application/rss+xml",
        headers={"ETag": '"feed-1"'},
    )

    def article(request: Request) -> Response:
        day = PAGES[request.path]
        title = f"Hangzhou and Hong Kong story {request.path}"
        return Response(article_page(title, day, base, request.path), content_type="text/html")

    server.expect_request(re.compile(r"^/(gd|sm|a|n)/.*\.htm$")).respond_with_handler(article)


@pytest.fixture(scope="module")
def backfilled(
    prefect_harness: None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Backfilled]:
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        base = server.url_for("").rstrip("/")
        gdelt = GdeltStandIn(
            [(noon(PAGES["/gd/in.htm"]), f"{base}/gd/in.htm"), (noon(days_ago(2)), f"{base}/x")]
        )
        news = GoogleNewsStandIn(
            [(noon(days_ago(13)), "Hangzhou delegation in Hong Kong"), (noon(days_ago(2)), "Later")]
        )
        serve(server, gdelt, news)
        settings = loopback_config(
            tmp_path_factory.mktemp("backfill"), SOURCES.replace("{base}", base)
        )
        report = asyncio.run(backfill(FIRST, LAST, settings=settings))
        requests = [(r.path, r.query_string.decode()) for r, _ in server.log]
        yield Backfilled(report, settings, requests, gdelt, news)
    finally:
        server.clear()
        server.stop()


def test_the_run_completes_and_is_recorded_as_a_backfill(backfilled: Backfilled) -> None:
    ingest = backfilled.report.ingest
    assert ingest.status == "completed" and ingest.counts.sources_failed == 0
    assert (backfilled.report.first_day, backfilled.report.last_day) == (FIRST, LAST)
    assert backfilled.query("SELECT flow, status FROM runs WHERE run_id = ?", ingest.run_id) == [
        ("backfill", "completed")
    ]


def test_exactly_the_pages_of_the_window_are_fetched_and_stored(backfilled: Backfilled) -> None:
    fetched = sorted({path for path, _ in backfilled.requests if path.endswith(".htm")})
    assert fetched == IN_WINDOW
    stored = backfilled.query(
        "SELECT regexp_extract(url, '^https?://[^/]+(/.*)$', 1) FROM articles"
        " WHERE parser = 'generic' ORDER BY 1"
    )
    assert [path for (path,) in stored] == IN_WINDOW
    assert backfilled.report.ingest.counts.articles_new == len(IN_WINDOW)


def test_the_list_is_followed_back_only_as_far_as_the_window_reaches(
    backfilled: Backfilled,
) -> None:
    listed = [path for path, _ in backfilled.requests if path.startswith("/news/")]
    assert listed == ["/news/", "/news/p2.html"]  # the third page is older than the window


def test_gdelt_and_google_news_are_asked_for_the_window(backfilled: Backfilled) -> None:
    [asked] = backfilled.gdelt.asked
    # The days are Hong Kong's (settings' timezone): from its midnight to the next one's after LAST.
    window = Window.of_days(FIRST, LAST, ZoneInfo("Asia/Hong_Kong"))
    assert asked == (window.start, window.end)
    [query] = backfilled.news.queries
    assert query == f'Hangzhou "Hong Kong" after:{days_ago(21)} before:{days_ago(9)}'
    headlines = backfilled.query("SELECT title FROM articles WHERE parser = 'google_news'")
    assert headlines == [("Hangzhou delegation in Hong Kong",)]


def test_feeds_read_for_a_window_keep_no_validators(backfilled: Backfilled) -> None:
    # The feed was filtered to the window: its ETag must not make the next ingest skip the rest.
    rows = backfilled.query("SELECT etag FROM url_state WHERE url LIKE '%/feed.xml'")
    assert rows == [(None,)]
