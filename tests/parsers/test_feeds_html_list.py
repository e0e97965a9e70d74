"""`html_list`: a list page plus a CSS selector gives the article links."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers.errors import ParseError
from parsers.feeds import parse_feed

FEEDS = Path(__file__).parents[1] / "fixtures" / "feeds"
PAGE = "https://eng.hangzhou.gov.cn/col/col1.html"


def parse(selector: str, data: bytes | None = None) -> list:  # type: ignore[type-arg]
    page = (FEEDS / "hangzhou_list.html").read_bytes() if data is None else data
    return parse_feed("html_list", page, PAGE, selector=selector, language="en")


def test_selected_links_are_resolved_against_the_pages_base_and_deduplicated() -> None:
    items = parse(".news-list li")

    assert [item.url for item in items] == [
        "https://eng.hangzhou.gov.cn/art/2025/4/25/art_1229_101.html",
        "https://eng.hangzhou.gov.cn/art/2025/4/24/art_1229_100.html",
        "https://eng.hangzhou.gov.cn/art/2025/4/20/art_1229_090.html",
    ]
    assert items[1].title == "Hangzhou hosts Hong Kong/Zhejiang conference"
    assert items[2].title is None  # an image link has no text
    assert all(item.language == "en" for item in items)


def test_the_selector_may_pick_the_anchors_themselves() -> None:
    assert len(parse("a[href*='/art_']")) == 3


def test_a_selector_that_matches_nothing_is_an_empty_list() -> None:
    assert parse(".no-such-class a") == []


def test_the_selector_option_is_required() -> None:
    with pytest.raises(ParseError, match="needs a `selector` option"):
        parse_feed("html_list", b"<html></html>", PAGE)


def test_an_invalid_selector_is_a_parse_error_naming_it() -> None:
    with pytest.raises(ParseError, match="invalid CSS selector 'li >>> a'"):
        parse("li >>> a")


def test_a_gbk_page_is_decoded_before_the_titles_are_read() -> None:
    page = (
        '<html><head><meta charset="gbk"></head><body>'
        '<ul class="l"><li><a href="/a/1.html">杭港合作</a></li></ul></body></html>'
    )

    items = parse(".l a", page.encode("gbk"))

    assert items[0].title == "杭港合作"


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02\x03binary\xff"])
def test_empty_or_binary_pages_are_parse_errors(data: bytes) -> None:
    with pytest.raises(ParseError):
        parse("a", data)


def test_deeply_nested_pages_do_not_crash() -> None:
    page = (
        b"<html><body>" + b"<div>" * 10_000 + b'<a href="/deep.html">deep</a>' + b"</div>" * 10_000
    )

    assert [item.url for item in parse("a", page)] == ["https://eng.hangzhou.gov.cn/deep.html"]


HANWEB = "https://eng.hangzhou.gov.cn/col/col811217/index.html"


def hanweb(data: bytes | None = None) -> list:  # type: ignore[type-arg]
    page = (FEEDS / "hangzhou_hanweb_column.html").read_bytes() if data is None else data
    return parse_feed("html_list", page, HANWEB, selector="a[href*='/art/']", language="en")


def test_a_dom_list_gives_each_link_the_date_printed_in_its_row() -> None:
    items = parse(".news-list li")

    assert items[0].published_at is not None
    assert items[0].published_at.date().isoformat() == "2025-04-25"
    assert items[2].published_at is None  # the image link's row prints no date


def test_hanweb_datastore_records_are_read_though_an_html_parser_sees_only_a_script() -> None:
    items = hanweb()

    assert len(items) == 4  # the banner repeats the first record: one item
    assert items[1].title == "Hong Kong/Zhejiang conference names 13 fields of co-operation"
    assert items[1].published_at is not None and items[1].published_at.day == 24


def test_a_datastore_that_is_not_well_formed_xml_is_read_from_its_cdata_sections() -> None:
    page = (FEEDS / "hangzhou_hanweb_column.html").read_bytes()
    broken = page.replace(b"<recordset>", b"<recordset><note>R&D</note>")

    assert [item.url for item in hanweb(broken)] == [item.url for item in hanweb()]


def test_a_datastore_declaring_entities_is_refused_not_expanded() -> None:
    page = (FEEDS / "hangzhou_hanweb_column.html").read_bytes()
    hostile = page.replace(
        b"<datastore>",
        b'<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><datastore>',
    ).replace(b"West Lake spring festival opens", b"&b;&b;&b;")

    with pytest.raises(ParseError, match="hostile"):
        hanweb(hostile)


def test_entities_inside_a_record_are_left_as_text() -> None:
    record = b'<li><a href="/art/2025/4/1/art_1_1.html">&lol9;&#x26;</a></li>'
    page = (
        b'<html><body><script type="text/xml"><datastore><recordset><record><![CDATA['
        + record
        + b"]]></record></recordset></datastore></script></body></html>"
    )

    (item,) = hanweb(page)

    assert item.title is not None and item.title.startswith("&lol9")  # text, never expanded


def test_a_link_back_to_the_list_page_itself_is_not_an_item() -> None:
    page = (
        b'<html><body><a href="/col/col811217/index.html">News</a>'
        b'<a href="/art/2025/4/1/art_1_1.html">Story</a></body></html>'
    )

    items = parse_feed("html_list", page, HANWEB, selector="a")

    assert [item.title for item in items] == ["Story"]


def test_a_numeric_date_that_reads_both_ways_is_not_guessed_on_other_sites() -> None:
    page = (
        b'<html><body><ul><li><a href="/a/1.html">One</a> 01.04.2026</li>'
        b'<li><a href="/a/2.html">Two</a> 24.04.2026</li></ul></body></html>'
    )

    first, second = parse_feed("html_list", page, "https://www.example.test/news/", selector="a")

    assert first.published_at is None
    assert second.published_at is not None and second.published_at.date().isoformat() == (
        "2026-04-24"
    )
