"""XML sitemaps, sitemap indexes (gzip too) and Google News sitemaps."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from parsers.errors import ParseError
from parsers.feeds import parse_feed

FEEDS = Path(__file__).parents[1] / "fixtures" / "feeds"
SITE = "https://www.example-news.test/sitemap.xml"
HKT = timezone(timedelta(hours=8))


def test_a_sitemap_index_lists_its_child_sitemaps_resolved_against_its_url() -> None:
    items = parse_feed("sitemap", (FEEDS / "sitemap_index.xml").read_bytes(), SITE)

    assert [item.url for item in items] == [
        "https://www.example-news.test/sitemaps/news.xml",
        "https://www.example-news.test/sitemaps/2025-04.xml.gz",
        "https://www.example-news.test/sitemaps/2025-03.xml",
    ]
    assert items[0].updated_at == datetime(2025, 4, 24, 12, 0, tzinfo=HKT)


def test_a_news_sitemap_carries_title_publication_date_publisher_and_language() -> None:
    items = parse_feed("sitemap", (FEEDS / "news_sitemap.xml").read_bytes(), SITE)

    first, second, plain = items
    assert first.title == "Hong Kong and Zhejiang agree on 13 areas of co-operation"
    assert first.published_at == datetime(2025, 4, 24, 18, 30, tzinfo=HKT)
    assert first.updated_at == datetime(2025, 4, 24, 21, 0, tzinfo=HKT)
    assert first.publisher == "Example News"
    assert first.language == "en"
    assert second.language == "zh-Hant"
    assert second.title == "杭港簽署合作項目"
    assert plain.title is None
    assert plain.updated_at == datetime(2024, 1, 1, tzinfo=UTC)


def test_a_gzipped_sitemap_file_is_read() -> None:
    data = gzip.compress((FEEDS / "news_sitemap.xml").read_bytes())

    assert len(parse_feed("sitemap", data, SITE)) == 3


def test_a_gzip_bomb_is_refused() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * (60 * 1024 * 1024))

    with pytest.raises(ParseError, match="once decompressed"):
        parse_feed("sitemap", bomb, SITE)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"\x1f\x8bnot really gzip", "broken gzip"),
        (b'<?xml version="1.0"?><urlset><url><loc>https://x.test/a', "truncated"),
        (b"<rss><channel/></rss>", "not <urlset> or <sitemapindex>"),
        (b"<html><body>Not found<br></body></html>", "not well-formed"),
    ],
)
def test_unusable_sitemaps_are_parse_errors(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse_feed("sitemap", data, SITE)
