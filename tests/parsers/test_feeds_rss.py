"""RSS 2.0 and Atom feeds through `parse_feed("rss"|"atom", ...)`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from parsers.errors import ParseError
from parsers.feeds import parse_feed

FEEDS = Path(__file__).parents[1] / "fixtures" / "feeds"
HKT = timezone(timedelta(hours=8))


def read(name: str) -> bytes:
    return (FEEDS / name).read_bytes()


def test_rss_items_carry_link_title_summary_date_and_guid() -> None:
    items = parse_feed("rss", read("rthk_greater_china_en.xml"), "https://rthk.hk/rss.xml")

    first = items[0]
    assert first.url == "https://news.rthk.hk/rthk/en/component/k2/1801234-20250424.htm"
    assert first.title == "Zhejiang and HK set out 13 areas for closer ties"
    assert first.summary is not None and first.summary.startswith("Officials from Hong Kong")
    assert "<p>" not in first.summary
    assert first.published_at == datetime(2025, 4, 24, 18, 42, 10, tzinfo=HKT)
    assert first.guid == "1801234-20250424"
    assert first.language == "en"


def test_an_entry_without_any_link_is_left_out() -> None:
    items = parse_feed("rss", read("rthk_greater_china_en.xml"), "https://rthk.hk/rss.xml")

    assert [item.title for item in items] == [
        "Zhejiang and HK set out 13 areas for closer ties",
        "51 joint projects listed at Hangzhou meeting",
    ]


def test_links_are_given_as_the_feed_has_them_canonicalising_is_the_callers_step() -> None:
    items = parse_feed("rss", read("rthk_greater_china_en.xml"), "https://rthk.hk/rss.xml")

    assert items[1].url.endswith("?utm_source=rss&utm_medium=feed")


def test_updated_is_only_set_when_the_feed_gives_it() -> None:
    items = parse_feed("rss", read("rthk_greater_china_en.xml"), "https://rthk.hk/rss.xml")

    assert items[0].updated_at is None


def test_zoneless_dates_use_the_default_tz_option() -> None:
    data = read("chinadaily_china.xml")

    local = parse_feed(
        "rss", data, "http://www.chinadaily.com.cn/rss/china_rss.xml", default_tz="+08:00"
    )
    assert local[0].published_at == datetime(2019, 6, 18, 7, 52, tzinfo=HKT)
    assert local[0].published_at.astimezone(UTC).hour == 23  # 17 June, 23:52 UTC

    # An English feed without the option is read as UTC: the source config must say +08:00.
    plain = parse_feed("rss", data, "http://www.chinadaily.com.cn/rss/china_rss.xml")
    assert plain[0].published_at == datetime(2019, 6, 18, 7, 52, tzinfo=UTC)


def test_zoneless_dates_of_a_chinese_feed_are_utc_plus_8_without_any_option() -> None:
    items = parse_feed("rss", read("zhejiang_gb2312.xml"), "http://www.example-zj.test/rss.xml")

    assert items[0].published_at == datetime(2025, 4, 24, 18, 30, tzinfo=HKT)
    assert items[0].language == "zh-Hans"


def test_gb2312_declaration_is_decoded_with_its_superset_without_mojibake() -> None:
    """王镕's 镕 is outside GB2312 (the file is really GB18030, as such sites often are)."""
    items = parse_feed("rss", read("zhejiang_gb2312.xml"), "http://www.example-zj.test/rss.xml")

    assert items[0].title == "浙港合作会议在杭州召开 双方确定十三个合作领域"
    assert items[0].authors == ("记者 王镕",)
    assert items[0].summary is not None and "五十一个合作项目" in items[0].summary


def test_the_xml_declaration_beats_a_guess_utf8_and_big5() -> None:
    text = (
        '<?xml version="1.0" encoding="big5"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>港浙合作會議</title><link>https://x.test/a</link></item></channel></rss>"
    )
    items = parse_feed("rss", text.encode("big5hkscs"), "https://x.test/rss")

    assert items[0].title == "港浙合作會議"


def test_atom_entries_with_relative_links_authors_and_html_titles() -> None:
    items = parse_feed(
        "atom",
        read("atom_relative_links.xml"),
        "https://www.example-news.test/feed/atom.xml",
        default_tz="Asia/Shanghai",
    )

    first, second = items
    assert first.url == "https://www.example-news.test/2025-04/24/c_1101.htm"
    assert first.title == "Hong Kong delegation visits Hangzhou innovation hubs"
    assert first.authors == ("Li Ming", "Chan Wing")
    assert first.published_at == datetime(2025, 4, 24, 20, 15, tzinfo=HKT)
    assert first.updated_at == datetime(2025, 4, 25, 8, 0, tzinfo=HKT)
    assert first.language == "en"
    assert second.published_at is None
    assert second.updated_at is not None and second.updated_at.utcoffset() == timedelta(hours=8)
    assert second.summary == "Preparations for the conference were completed."


def test_a_feed_with_no_items_is_an_empty_list() -> None:
    data = b'<?xml version="1.0"?><rss version="2.0"><channel><title>quiet</title></channel></rss>'

    assert parse_feed("rss", data, "https://x.test/rss") == []


def test_sloppy_but_readable_feeds_are_still_read() -> None:
    """An undeclared `&nbsp;` makes the XML ill-formed; feedparser's lenient mode reads it."""
    data = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        b"<item><title>Hangzhou&nbsp;forum</title><link>https://x.test/a</link></item>"
        b"</channel></rss>"
    )

    items = parse_feed("rss", data, "https://x.test/rss")

    assert [item.url for item in items] == ["https://x.test/a"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"\x00\x01\x02\xff\xfe binary", "not well-formed"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>cut', "truncated"),
        (b"<html><body><p>Not a feed</p></body></html>", "not an RSS or Atom feed"),
        (b'{"articles": []}', "not well-formed"),
    ],
)
def test_unreadable_input_is_a_parse_error_that_says_why(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse_feed("rss", data, "https://x.test/rss")


def test_an_unknown_kind_names_the_known_ones() -> None:
    with pytest.raises(ParseError, match=r"unknown feed kind 'podcast'.*google_news"):
        parse_feed("podcast", b"", "https://x.test/")


def test_an_unknown_time_zone_option_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="Mars/Olympus"):
        parse_feed(
            "rss", read("chinadaily_china.xml"), "https://x.test/", default_tz="Mars/Olympus"
        )


def test_a_wrong_utf8_declaration_on_a_big5_feed_is_noticed() -> None:
    text = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>港浙合作會議在杭州舉行，兩地簽署五十一個合作項目</title>"
        "<link>https://x.test/a</link></item></channel></rss>"
    )

    items = parse_feed("rss", text.encode("big5hkscs"), "https://x.test/rss")

    assert items[0].title == "港浙合作會議在杭州舉行，兩地簽署五十一個合作項目"
