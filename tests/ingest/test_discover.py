"""Discovery's pure parts: which links become candidates, how duplicates collapse, and how feed
metadata and declared canonical URLs are trusted."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime

from config.source_list import Source
from flows.discover import (
    Candidate,
    Discovery,
    GdeltGate,
    candidates_from,
    headline_article,
    unique_candidates,
)
from flows.page_parsing import trusted_canonical, with_feed_metadata
from records.articles import ArticleRecord, FeedItem

T0 = datetime(2025, 4, 24, 10, 30, tzinfo=UTC)
RSS = Source(id="rss", name="RSS", kind="rss", url="https://a.hk/feed.xml")
GNEWS = Source(id="gn", name="GN", kind="google_news", edition="zh-HK", query="杭州 香港")


def test_links_are_canonical_and_unfetchable_ones_are_dropped() -> None:
    items = [
        FeedItem("https://A.hk:443/news/1.html?utm_source=rss#top"),
        FeedItem("mailto:desk@a.hk"),
        FeedItem("https://a.hk/news/2/index.html"),
    ]
    found = candidates_from(RSS, items)
    assert [c.url for c in found] == ["https://a.hk/news/1.html", "https://a.hk/news/2/"]
    assert not any(c.headline_only for c in found)


def test_a_google_news_cluster_gives_every_story_as_a_headline() -> None:
    related = FeedItem("https://news.google.com/rss/articles/B?oc=5", title="Other outlet")
    lead = FeedItem("https://news.google.com/rss/articles/A?oc=5", title="Lead", related=(related,))
    found = candidates_from(GNEWS, [lead])
    assert [c.url for c in found] == [
        "https://news.google.com/rss/articles/A",
        "https://news.google.com/rss/articles/B",
    ]
    assert all(c.headline_only for c in found)


def test_the_first_source_to_list_a_link_keeps_it() -> None:
    first = Discovery("one", "u1", None, (Candidate("https://a.hk/1", "one", FeedItem("x")),))
    second = Discovery(
        "two",
        "u2",
        None,
        (
            Candidate("https://a.hk/1", "two", FeedItem("y")),
            Candidate("https://a.hk/2", "two", FeedItem("z")),
        ),
    )
    assert [(c.url, c.source_id) for c in unique_candidates([first, second])] == [
        ("https://a.hk/1", "one"),
        ("https://a.hk/2", "two"),
    ]


def test_a_headline_article_keeps_the_publisher_and_the_edition_language() -> None:
    item = FeedItem(
        "https://news.google.com/rss/articles/A?oc=5",
        title="杭港合作",
        published_at=T0,
        publisher="香港電台",
        publisher_url="https://news.rthk.hk",
    )
    version = headline_article(
        Candidate("https://news.google.com/rss/articles/A", "gn", item, True), GNEWS, T0
    )
    record = version.record
    assert (record.parser, record.title, record.publisher, record.language) == (
        "google_news",
        "杭港合作",
        "香港電台",
        "zh-Hant",
    )
    assert record.body == ()
    assert version.publisher_url == "https://news.rthk.hk"


def test_the_feed_fills_what_the_page_parser_missed_but_never_overrides_it() -> None:
    item = FeedItem("https://a.hk/1", title="Feed title", published_at=T0, authors=("Desk",))
    bare = ArticleRecord(url="https://a.hk/1", canonical_url="https://a.hk/1", parser="generic")
    filled = with_feed_metadata(bare, item)
    assert (filled.title, filled.published_at, filled.authors) == ("Feed title", T0, ("Desk",))
    parsed = ArticleRecord(
        url="https://a.hk/1", canonical_url="https://a.hk/1", parser="generic", title="Page title"
    )
    assert with_feed_metadata(parsed, item).title == "Page title"


def test_a_declared_canonical_is_trusted_only_for_an_article_on_the_same_site() -> None:
    def declared(url: str) -> ArticleRecord:
        return ArticleRecord(url="x", canonical_url=url, parser="generic")

    fetched = "https://m.example.hk/news/1.html"
    assert (
        trusted_canonical(declared("https://www.example.hk/news/1.html?utm_source=x"), fetched)
        == "https://www.example.hk/news/1.html"
    )
    assert trusted_canonical(declared("https://www.example.hk/"), fetched) == fetched
    assert trusted_canonical(declared("https://elsewhere.com/news/1.html"), fetched) == fetched
    assert trusted_canonical(declared("/news/1.html"), fetched) == fetched


def test_the_gdelt_gate_spaces_requests() -> None:
    gate = GdeltGate(interval_s=0.2)
    starts: list[float] = []

    async def request() -> None:
        async with gate:
            starts.append(time.monotonic())

    async def both() -> None:
        await asyncio.gather(request(), request())

    asyncio.run(both())
    assert starts[1] - starts[0] >= 0.2
