"""Discovery against a real server on 127.0.0.1: an unchanged feed, a feed that is an error page,
and a sitemap index followed one level deep (recent children only, at most a few)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from config.source_list import Source
from flows.discover import Discovery, discover_source
from flows.http.fetcher import Fetcher
from records.fetch import Validators
from tests.fetch.fetch_harness import LOOPBACK, quick_settings

NOW = datetime.now(UTC)
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>Hangzhou and Hong Kong</title><link>{base}/news/1.htm</link></item>
</channel></rss>"""


@pytest.fixture
def site(httpserver: HTTPServer) -> HTTPServer:
    """The test server on 127.0.0.1 with no robots.txt (a 404: every path allowed)."""
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    return httpserver


def discover(source: Source, validators: Validators | None = None, **settings: Any) -> Discovery:
    async def go() -> Discovery:
        async with Fetcher(quick_settings(**settings), LOOPBACK) as fetcher:
            return await discover_source(fetcher, source, validators=validators, now=NOW)

    return asyncio.run(go())


def feed_source(server: HTTPServer, path: str, kind: str = "rss") -> Source:
    return Source(id="src", name="Source", kind=kind, url=server.url_for(path))  # type: ignore[arg-type]


def etagged(body: str, etag: str) -> Callable[[Request], Response]:
    def handle(request: Request) -> Response:
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(body, content_type="application/rss+xml", headers={"ETag": etag})

    return handle


def test_an_unchanged_feed_is_neither_a_failure_nor_a_source_of_links(site: HTTPServer) -> None:
    base = site.url_for("").rstrip("/")
    site.expect_request("/feed.xml").respond_with_handler(etagged(RSS.format(base=base), '"v1"'))

    found = discover(feed_source(site, "/feed.xml"), Validators(etag='"v1"'))

    assert found.ok and found.error is None and found.candidates == ()
    assert found.feed is not None and found.feed.outcome == "not_modified"


def test_a_feed_that_is_an_error_page_is_a_parse_error_without_validators(
    site: HTTPServer,
) -> None:
    page = "<html><body>Service temporarily unavailable</body></html>"
    site.expect_request("/feed.xml").respond_with_data(
        page, content_type="text/html", headers={"ETag": '"err"'}
    )

    found = discover(feed_source(site, "/feed.xml"))

    assert not found.ok and found.error_class == "ParseError"
    feed = found.feed
    assert feed is not None and feed.outcome == "parse_error" and feed.status == 200
    assert not feed.validators  # the error page's ETag must not make the next poll a 304
    assert feed.body == page.encode()  # kept for the archive, to see what came
    assert feed.attempts[-1].error_class == "ParseError"


def sitemap_index(base: str, children: dict[str, datetime | None]) -> str:
    entries = []
    for name, lastmod in children.items():
        stamp = f"<lastmod>{lastmod.isoformat()}</lastmod>" if lastmod else ""
        entries.append(f"<sitemap><loc>{base}/sitemaps/{name}.xml</loc>{stamp}</sitemap>")
    return (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(entries)
        + "</sitemapindex>"
    )


def urlset(base: str, *pages: str) -> str:
    urls = "".join(f"<url><loc>{base}/news/{page}.htm</loc></url>" for page in pages)
    return f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


CHILDREN = {
    "week": NOW - timedelta(days=5),  # within the window, but the oldest of three recent ones
    "today": NOW - timedelta(hours=1),
    "archive-2019": datetime(2019, 6, 30, tzinfo=UTC),  # outside the window
    "yesterday": NOW - timedelta(days=1),
    "undated": None,  # cannot be judged: left out
}


def serve_index(site: HTTPServer) -> str:
    base = site.url_for("").rstrip("/")
    site.expect_request("/sitemap.xml").respond_with_data(
        sitemap_index(base, CHILDREN), content_type="application/xml", headers={"ETag": '"i1"'}
    )
    for name in CHILDREN:
        site.expect_request(f"/sitemaps/{name}.xml").respond_with_data(
            urlset(base, f"{name}-1", f"{name}-2"), content_type="application/xml"
        )
    return base


def test_a_sitemap_index_is_followed_to_its_newest_recent_children(site: HTTPServer) -> None:
    base = serve_index(site)

    found = discover(
        feed_source(site, "/sitemap.xml", "sitemap"),
        sitemap_index_window_days=7,
        sitemap_index_max_children=2,  # three children are recent: the oldest of them waits
    )

    assert found.ok and found.child_errors == ()
    assert children_asked(site) == ["today", "yesterday"]
    assert sorted(c.url for c in found.candidates) == [
        f"{base}/news/{page}.htm" for page in ("today-1", "today-2", "yesterday-1", "yesterday-2")
    ]
    # The child sitemaps' fetches go to the fetch log with the index's, which keeps its ETag.
    index, *children = found.fetches_to_log()
    assert index.url == site.url_for("/sitemap.xml") and index.validators.etag == '"i1"'
    assert sorted(c.url.rsplit("/", 1)[1] for c in children) == ["today.xml", "yesterday.xml"]


def test_only_children_changed_within_the_window_are_followed(site: HTTPServer) -> None:
    serve_index(site)

    found = discover(
        feed_source(site, "/sitemap.xml", "sitemap"),
        sitemap_index_window_days=2,
        sitemap_index_max_children=10,
    )

    assert found.ok and children_asked(site) == ["today", "yesterday"]


def children_asked(site: HTTPServer) -> list[str]:
    paths = [req.path for req, _ in site.log if req.path.startswith("/sitemaps/")]
    return sorted(path.removeprefix("/sitemaps/").removesuffix(".xml") for path in paths)


def test_a_child_sitemap_that_fails_is_reported_and_the_index_read_again_next_run(
    site: HTTPServer,
) -> None:
    base = site.url_for("").rstrip("/")
    children: dict[str, datetime | None] = {"today": NOW, "yesterday": NOW - timedelta(days=1)}
    site.expect_request("/sitemap.xml").respond_with_data(
        sitemap_index(base, children), content_type="application/xml", headers={"ETag": '"i1"'}
    )
    site.expect_request("/sitemaps/today.xml").respond_with_data(urlset(base, "a"))
    site.expect_request("/sitemaps/yesterday.xml").respond_with_data("gone", status=404)

    found = discover(feed_source(site, "/sitemap.xml", "sitemap"))

    assert found.ok and [c.url for c in found.candidates] == [f"{base}/news/a.htm"]
    [error] = found.child_errors
    assert error.url.endswith("/sitemaps/yesterday.xml") and "404" in error.error
    assert not found.fetches_to_log()[0].validators  # so the next run reaches that child again
