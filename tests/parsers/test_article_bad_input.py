"""Bad pages give a ParseError with a clear message or a record naming what is missing."""

from __future__ import annotations

import pytest

from parsers.article import parse_article
from parsers.article.router import MAX_BYTES
from parsers.errors import ParseError

URL = "https://www.example.com/news/1.html"
CD_URL = "https://www.chinadaily.com.cn/a/201906/18/WS5d0ae264498e12256565e36a.html"

PARAGRAPH = "<p>Hangzhou and Hong Kong signed eight agreements at a forum held on Thursday.</p>"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty page"),
        (b"   \n\t ", "empty page"),
        (bytes(range(256)) * 20, "binary data"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02" * 500, "binary data"),
        (b"just some words without any markup", "not HTML"),
        (b"<p>" + bytes(range(1, 32)) * 40, "mostly control"),  # no NUL for the byte check
    ],
)
def test_unusable_input_raises_a_parse_error_saying_why(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse_article(data, URL)


def test_tabs_line_and_form_feeds_are_not_control_noise() -> None:
    spaced = b"\t\n\f\r" * 400 + b"<html><body><article>" + PARAGRAPH.encode() * 3
    record = parse_article(spaced + b"</article></body></html>", URL)
    assert record.body


def test_a_ten_megabyte_page_is_parsed() -> None:
    script = b"<script>" + b"var x = 1;" * 1_000_000 + b"</script>"
    page = b"<html><head><title>Big page</title>" + script + b"</head><body><article>"
    record = parse_article(page + PARAGRAPH.encode() * 3 + b"</article></body></html>", URL)
    assert record.title == "Big page"
    assert record.body


def test_a_page_over_the_size_limit_is_refused_before_parsing() -> None:
    huge = b"<html><body><p>" + b"x" * (MAX_BYTES + 1) + b"</p></body></html>"
    with pytest.raises(ParseError, match="too large"):
        parse_article(huge, URL)


@pytest.mark.parametrize("url", [URL, CD_URL])
def test_ten_thousand_nested_divs_still_yield_the_paragraph_inside(url: str) -> None:
    page = b"<html><body>" + b"<div>" * 10_000 + PARAGRAPH.encode() + b"</div>" * 10_000
    record = parse_article(page + b"</body></html>", url)
    assert record.body == (
        "Hangzhou and Hong Kong signed eight agreements at a forum held on Thursday.",
    )
    assert "missing title" in record.problems


def test_truncated_html_still_yields_what_is_there() -> None:
    page = f"<html><head><title>Forum opens in Hong Kong</title></head><body>{PARAGRAPH * 4}"
    record = parse_article(page.encode()[:-40], URL)
    assert record.title == "Forum opens in Hong Kong"
    assert record.body


def test_a_page_without_title_or_date_lists_them_as_problems() -> None:
    record = parse_article(f"<html><body><div>{PARAGRAPH * 3}</div></body></html>".encode(), URL)
    assert record.title is None
    assert "missing title" in record.problems
    assert "missing published_at" in record.problems
    assert record.body


def test_a_page_without_an_article_lists_the_missing_body() -> None:
    record = parse_article(b"<html><head><title>Index</title></head><body></body></html>", URL)
    assert record.body == ()
    assert "missing body" in record.problems


def test_a_wrong_declared_charset_does_not_produce_mojibake() -> None:
    text = "<html><head><meta charset='iso-8859-1'><title>杭州与香港签署合作协议</title></head>"
    page = text + "<body><p>杭州与香港签署八项合作协议，涉及金融和人工智能。</p></body></html>"
    record = parse_article(page.encode("utf-8"), URL)
    assert record.title == "杭州与香港签署合作协议"
    assert record.language == "zh-Hans"


def test_gb2312_declared_page_with_characters_outside_gb2312_decodes_cleanly() -> None:
    text = "<html><head><meta charset='gb2312'><title>镕基与香港</title></head><body>"
    page = (text + "<p>喆镕两地合作深化，签署多项协议，涉及金融领域。</p></body></html>").encode(
        "gb18030"
    )
    record = parse_article(page, URL)
    assert record.title == "镕基与香港"
    assert "\ufffd" not in record.text


def test_broken_json_ld_is_ignored_not_fatal() -> None:
    page = (
        '<html><head><title>A story</title><script type="application/ld+json">{"@type": '
        "NewsArticle, broken</script></head><body>" + PARAGRAPH * 3 + "</body></html>"
    )
    record = parse_article(page.encode(), URL)
    assert record.title == "A story"
