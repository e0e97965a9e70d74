"""info.gov.hk press releases: the English and Chinese RSS feeds and the HTML daily index."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from parsers.errors import ParseError
from parsers.feeds import parse_feed

FEEDS = Path(__file__).parents[1] / "fixtures" / "feeds"
HKT = timezone(timedelta(hours=8))
INDEX_URL = "https://www.info.gov.hk/gia/general/202504/24.htm"


def parse(name: str, url: str, **options: str) -> list:  # type: ignore[type-arg]
    return parse_feed("govhk_press", (FEEDS / name).read_bytes(), url, now=None, **options)


def test_english_feed_items_have_the_release_id_as_guid_and_local_times() -> None:
    items = parse("govhk_press_en.xml", "https://www.info.gov.hk/gia/rss/general_en.xml")

    first = items[0]
    assert first.url == "https://www.info.gov.hk/gia/general/202504/24/P2025042400612.htm"
    assert first.guid == "P2025042400612"
    assert first.published_at == datetime(2025, 4, 24, 20, 30, tzinfo=HKT)
    assert first.language == "en"
    assert first.publisher == "HKSAR Government"
    assert first.summary is not None and "13 areas" in first.summary


def test_chinese_feed_times_without_a_zone_are_hong_kong_time() -> None:
    items = parse("govhk_press_tc.xml", "https://www.info.gov.hk/gia/rss/general_tc.xml")

    assert items[0].title == "行政長官出席港浙合作會議高層會晤（附圖）"
    assert items[0].published_at == datetime(2025, 4, 24, 20, 30, tzinfo=HKT)
    assert items[0].language == "zh-Hant"


def test_daily_index_lists_each_release_once_dated_by_its_url() -> None:
    items = parse("govhk_daily_index.html", INDEX_URL)

    assert [(item.guid, item.published_at) for item in items] == [
        ("P2025042400612", datetime(2025, 4, 24, tzinfo=HKT)),
        ("P2025042400598", datetime(2025, 4, 24, tzinfo=HKT)),
        ("P2025042400101", datetime(2025, 4, 24, tzinfo=HKT)),
    ]
    assert items[0].title == (
        "CE attends High-Level Meeting of Hong Kong/Zhejiang Co-operation Conference (with photos)"
    )
    assert items[0].publisher == "HKSAR Government"


def test_daily_index_takes_a_time_printed_in_the_same_row() -> None:
    page = (
        b"<html><body><table><tr><td><a href='/gia/general/202504/24/P2025042400612.htm'>"
        b"CE attends meeting</a></td><td>20:30</td></tr></table></body></html>"
    )

    (item,) = parse_feed("govhk_press", page, INDEX_URL)

    assert item.published_at == datetime(2025, 4, 24, 20, 30, tzinfo=HKT)


def test_daily_index_resolves_relative_links_and_ignores_navigation() -> None:
    urls = [item.url for item in parse("govhk_daily_index.html", INDEX_URL)]

    assert "https://www.info.gov.hk/gia/general/202504/24/P2025042400598.htm" in urls
    assert all("/P20" in url for url in urls)


def test_a_chinese_feed_url_implies_traditional_chinese_when_nothing_else_says() -> None:
    data = (FEEDS / "govhk_press_tc.xml").read_bytes().replace(b"<language>zh-hk</language>", b"")

    items = parse_feed("govhk_press", data, "https://www.info.gov.hk/gia/rss/general_zh.xml")

    assert items[0].language == "zh-Hant"


def test_daily_index_language_comes_from_the_page_or_the_option() -> None:
    assert parse("govhk_daily_index.html", INDEX_URL)[0].language == "en"
    assert parse("govhk_daily_index.html", INDEX_URL, language="zh-Hant")[0].language == "zh-Hant"


@pytest.mark.parametrize("data", [b"", b"\x89PNG\r\n\x1a\n\x00\x00binary"])
def test_empty_or_binary_input_is_a_parse_error(data: bytes) -> None:
    with pytest.raises(ParseError):
        parse_feed("govhk_press", data, INDEX_URL)


def test_an_index_page_without_releases_is_an_empty_list() -> None:
    page = b"<html><body><p>No press releases today.</p></body></html>"

    assert parse_feed("govhk_press", page, INDEX_URL) == []


def test_a_release_id_ending_in_a_letter_keeps_it_so_two_releases_keep_two_ids() -> None:
    items = parse("govhk_press_en_letter_ids.xml", "https://www.info.gov.hk/gia/rss/general_en.xml")

    assert [item.guid for item in items] == ["P2025110600289p", "P2025110600289"]


def test_the_daily_index_lists_a_release_whose_id_ends_in_a_letter() -> None:
    page = (
        b"<html><body><ul><li><a href='/gia/general/202511/06/P2025110600289p.htm'>Youth"
        b" delegation returns</a> 18:20</li></ul></body></html>"
    )

    (item,) = parse_feed("govhk_press", page, "https://www.info.gov.hk/gia/general/202511/06.htm")

    assert item.guid == "P2025110600289p"
    assert item.published_at == datetime(2025, 11, 6, 18, 20, tzinfo=HKT)
