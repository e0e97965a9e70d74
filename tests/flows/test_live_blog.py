"""Two posts of one live blog are two articles: a feed lists `#post-1` and `#post-2` of the same
page (served on 127.0.0.1), each is fetched and read as its own post by the generic parser, and
neither the links' canonical form nor the page's declared canonical URL (the blog, without a
post) merges them into one row."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from flows.ingest import ingest
from tests.flows.conftest import loopback_config, read_rows

pytestmark = pytest.mark.prefect

SOURCES = """
[[source]]
id = "live"
name = "A live blog's feed"
kind = "rss"
url = "{base}/feed.xml"
language = "en"
"""

POSTS = {
    "post-1": "Hangzhou's mayor arrived at the Hong Kong Convention Centre for the forum.",
    "post-2": "Seven agreements on innovation were signed between the two cities' officials.",
}


def live_blog(base: str) -> str:
    posts = "".join(
        f'<article id="{post}"><h2>Update</h2><p>{text}</p><p>{text} More soon.</p></article>'
        for post, text in POSTS.items()
    )
    return (
        '<html lang="en"><head><title>Live: Hangzhou-Hong Kong forum</title>'
        f'<link rel="canonical" href="{base}/live/forum.htm">'
        '<meta property="article:published_time" content="2025-04-24T09:00:00+08:00"></head>'
        f"<body><h1>Live: Hangzhou-Hong Kong forum</h1>{posts}</body></html>"
    )


def test_each_post_of_a_live_blog_is_an_article_of_its_own(
    prefect_harness: None, httpserver: HTTPServer, tmp_path: Path
) -> None:
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    items = "".join(
        f"<item><title>Update</title><link>{base}/live/forum.htm#{post}</link></item>"
        for post in POSTS
    )
    httpserver.expect_request("/feed.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>L</title>{items}</channel></rss>'
    )
    httpserver.expect_request("/live/forum.htm").respond_with_data(
        live_blog(base), content_type="text/html"
    )
    settings = loopback_config(tmp_path, SOURCES.replace("{base}", base))

    report = asyncio.run(ingest(settings=settings, force=True))

    assert report.counts.articles_new == 2
    rows = read_rows(
        settings, "SELECT canonical_url, body FROM articles WHERE url LIKE '%/live/%' ORDER BY 1"
    )
    assert [url for url, _ in rows] == [f"{base}/live/forum.htm#{post}" for post in POSTS]
    for (_, body), text in zip(rows, POSTS.values(), strict=True):
        assert text in str(body) and all(t not in str(body) for t in POSTS.values() if t != text)
