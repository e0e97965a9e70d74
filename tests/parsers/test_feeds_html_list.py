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
