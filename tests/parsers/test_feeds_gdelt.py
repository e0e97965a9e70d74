"""GDELT DOC 2.0 artlist JSON, including the ways the API answers with errors in a 200."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from parsers.errors import ParseError
from parsers.feeds import parse_feed
from parsers.feeds.gdelt import is_throttle_notice

FEEDS = Path(__file__).parents[1] / "fixtures" / "feeds"
API = "https://api.gdeltproject.org/api/v2/doc/doc?query=Hangzhou&mode=artlist&format=json"


def parse(name: str) -> list:  # type: ignore[type-arg]
    return parse_feed("gdelt_doc", (FEEDS / name).read_bytes(), API)


def test_articles_carry_url_title_crawl_time_domain_language_and_country() -> None:
    first = parse("gdelt_artlist.json")[0]

    assert first.url == "https://www.news.gov.hk/eng/2025/04/20250424/20250424_180000_123.html"
    assert first.title == "CE attends Hong Kong/Zhejiang co-operation meeting"
    assert first.crawled_at == datetime(2025, 4, 24, 10, 30, tzinfo=UTC)
    assert first.publisher == "news.gov.hk"
    assert first.language == "en"
    assert first.country == "Hong Kong"


def test_gdelt_chinese_becomes_a_script_tag_by_source_country() -> None:
    items = parse("gdelt_artlist.json")
    by_domain = {item.publisher: item.language for item in items}

    assert by_domain["zjol.com.cn"] == "zh-Hans"
    assert by_domain["on.cc"] == "zh-Hant"


def test_records_without_a_fetchable_url_are_skipped() -> None:
    assert len(parse("gdelt_artlist.json")) == 4


def test_an_empty_object_means_no_results_not_an_error() -> None:
    assert parse("gdelt_empty.json") == []


def test_seendate_is_when_gdelt_crawled_the_page_not_when_it_was_published() -> None:
    """The page's own date is preferred once it is fetched: the feed leaves published_at empty."""
    items = parse("gdelt_artlist.json")

    assert all(item.published_at is None for item in items)
    assert all(item.crawled_at is not None for item in items)


def test_the_throttle_notice_in_a_200_response_is_a_clear_error() -> None:
    with pytest.raises(ParseError, match="GDELT throttled the request"):
        parse("gdelt_throttle.txt")


def test_the_throttle_notice_is_recognised_whatever_status_brought_it() -> None:
    """GDELT now sends the notice with HTTP 429 as often as with 200: the caller reads the body."""
    notice = (FEEDS / "gdelt_throttle.txt").read_bytes()

    assert is_throttle_notice(notice)
    assert not is_throttle_notice((FEEDS / "gdelt_artlist.json").read_bytes())
    assert not is_throttle_notice(b'{"articles": [{"title": "Please limit requests, says mayor"}]}')


def test_a_stray_backslash_in_one_title_does_not_fail_the_whole_answer() -> None:
    """A known upstream fault: `\\'` and `\\ ` are invalid JSON escapes; valid ones stay."""
    items = parse("gdelt_invalid_escape.json")

    assert [item.title for item in items] == [
        "Hangzhou's start-ups court Hong Kong investors",
        'Zhejiang week: "joint lab" opens \\ a path \u2014 and C:\\ stays',
        "Trade fair in Hangzhou draws Hong Kong firms",
    ]
    assert items[0].crawled_at == datetime(2025, 4, 25, 2, 15, tzinfo=UTC)


def test_an_html_error_page_is_a_clear_error_naming_the_page() -> None:
    with pytest.raises(ParseError, match=r"HTML error page.*502 Bad Gateway"):
        parse("gdelt_error.html")


def test_a_plain_text_message_is_quoted_in_the_error() -> None:
    with pytest.raises(
        ParseError, match="message instead of JSON: The specified phrase is too short"
    ):
        parse_feed("gdelt_doc", b"The specified phrase is too short.", API)


def test_raw_control_characters_do_not_break_parsing_and_are_removed_from_titles() -> None:
    (item,) = parse("gdelt_control_chars.json")

    assert item.title == "Hangzhou and Hong Kong sign deals"
    assert item.crawled_at == datetime(2025, 4, 24, 5, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty response"),
        (b'{"articles": [{"url": "https://x.test/a"', "malformed"),
        (b'["not", "an", "object"]', "not an object"),
        (b'{"articles": "none"}', "not a list"),
    ],
)
def test_broken_json_is_a_parse_error(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse_feed("gdelt_doc", data, API)
