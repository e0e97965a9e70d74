"""info.gov.hk press releases: the closing "Ends/... Issued at HKT" line is the publication time,
the text is `<br>`-separated lines, and old Chinese releases are Big5."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from parsers.article import parse_article
from parsers.article.linebreaks import br_paragraphs
from parsers.article.metadata import parse_tree
from records.articles import ArticleRecord

Parse = Callable[..., ArticleRecord]

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "infogovhk"
EN = "https://www.info.gov.hk/gia/general/202504/24/P2025042400731.htm"
TC = "https://www.info.gov.hk/gia/general/201809/15/P2018091500458.htm"


def test_big5_release_reads_without_mojibake_as_traditional_chinese() -> None:
    record = parse_article((PAGES / "tc_2018_hangzhou_promotion.html").read_bytes(), TC)
    assert record.title == "行政長官會見杭州市委書記"
    assert record.language == "zh-Hant"
    assert "林鄭月娥" in record.body[0] and "\ufffd" not in record.text


def test_chinese_closing_inside_the_text_gives_the_time_and_leaves_the_body() -> None:
    record = parse_article((PAGES / "tc_2018_hangzhou_promotion.html").read_bytes(), TC)
    assert record.published_at is not None
    assert record.published_at.astimezone(UTC) == datetime(2018, 9, 15, 9, 5, tzinfo=UTC)
    assert record.body[-1].endswith("加強合作。")
    assert not any(p in ("完", "NNNN") or "香港時間" in p for p in record.body)


def test_english_closing_line_gives_the_issue_time_in_hong_kong_time(article_page: Parse) -> None:
    record = article_page("infogovhk/en_2025_zhejiang_conference.html", EN)
    assert record.published_at == datetime.fromisoformat("2025-04-24T20:45:00+08:00")
    assert record.external_id == "P2025042400731"


def test_asterisk_rule_and_attachment_note_are_not_part_of_the_release(article_page: Parse) -> None:
    record = article_page("infogovhk/en_2025_zhejiang_conference.html", EN)
    assert record.title is not None and not record.title.endswith("(with photos)")
    assert record.body[0].startswith("The Chief Executive, Mr John Lee, arrived")
    assert not any(p.startswith("*") for p in record.body)


def test_photo_captions_are_kept_apart_with_their_images(article_page: Parse) -> None:
    record = article_page("infogovhk/en_2025_zhejiang_conference.html", EN)
    assert len(record.captions) == 2
    assert [image.caption for image in record.images] == list(record.captions)
    assert not any(caption in record.body for caption in record.captions)


def test_a_release_without_an_issue_time_is_dated_by_its_closing_day(article_page: Parse) -> None:
    record = article_page(
        "infogovhk/en_2025_zhejiang_conference.html", EN, ("Issued at HKT 20:45", "")
    )
    assert record.published_at == datetime.fromisoformat("2025-04-24T00:00:00+08:00")


def test_a_release_without_a_closing_line_is_dated_by_its_url(article_page: Parse) -> None:
    record = article_page(
        "infogovhk/en_2025_zhejiang_conference.html",
        EN,
        ("Ends/Thursday, April 24, 2025<br />\nIssued at HKT 20:45", ""),
    )
    assert record.published_at == datetime.fromisoformat("2025-04-24T00:00:00+08:00")
    assert "missing published_at" not in record.problems


def test_br_lines_keep_inline_markup_and_source_line_wraps_inside_one_paragraph() -> None:
    tree = parse_tree(
        "<span>First <b>bold</b> and\nwrapped line.<br /><br />Second line<!-- note --><br />"
        "<script>var x = 1;</script></span>",
        comments=True,
    )
    assert tree is not None
    span = tree.find(".//span")
    assert span is not None
    assert br_paragraphs(span) == ["First bold and wrapped line.", "Second line"]


def test_big5_release_served_with_a_wrong_charset_header_still_reads() -> None:
    data = (PAGES / "tc_2018_hangzhou_promotion.html").read_bytes()
    for header in ("text/html; charset=utf-8", "text/html; charset=iso-8859-1"):
        record = parse_article(data, TC, header)
        assert record.title == "行政長官會見杭州市委書記", header


def test_a_release_id_ending_in_a_letter_is_the_external_id_with_its_letter() -> None:
    page = PAGES / "en_2025_letter_suffix_release.html"
    url = "https://www.info.gov.hk/gia/general/202511/06/P2025110600289p.htm"

    record = parse_article(page.read_bytes(), url)

    assert record.external_id == "P2025110600289p"
    assert record.published_at == datetime.fromisoformat("2025-11-06T18:20:00+08:00")


def test_br_lines_of_a_container_nested_deeper_than_pythons_recursion_limit_are_read() -> None:
    tree = parse_tree("<html><body>" + "<span>" * 1500 + "a<br>b" + "</span>" * 1500)
    assert tree is not None
    body = tree.find(".//body")
    assert body is not None
    assert br_paragraphs(body) == ["a", "b"]


def test_a_block_inside_a_template_still_breaks_the_line_though_its_text_is_left_out() -> None:
    tree = parse_tree("<div>first<template><p>hidden</p></template>second</div>")
    assert tree is not None
    div = tree.find(".//div")
    assert div is not None
    assert br_paragraphs(div) == ["first", "second"]
