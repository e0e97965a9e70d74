"""The shared helpers publisher parsers are built from: dates, authors, text, language."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsers.article.authors import split_authors
from parsers.article.boilerplate import (
    cjk_ratio,
    drop_author_bio,
    is_boilerplate,
    is_caption,
    split_body,
    strip_site_suffix,
)
from parsers.article.language import detect_language, differing
from parsers.dates import CHINA_TZ, parse_datetime
from parsers.whitespace import clean_text

EIGHT = timezone(timedelta(hours=8))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-06-18 07:52", datetime(2019, 6, 18, 7, 52, tzinfo=EIGHT)),
        ("Updated: 2019-06-18 07:52", datetime(2019, 6, 18, 7, 52, tzinfo=EIGHT)),
        ("2019年6月18日 07:52", datetime(2019, 6, 18, 7, 52, tzinfo=EIGHT)),
        ("2019年06月18日07:52:30", datetime(2019, 6, 18, 7, 52, 30, tzinfo=EIGHT)),
        ("发布时间：2019-06-18", datetime(2019, 6, 18, tzinfo=EIGHT)),
        ("2019-06-18T07:52:00+08:00", datetime(2019, 6, 18, 7, 52, tzinfo=EIGHT)),
        ("2019-06-18T07:52:00Z", datetime(2019, 6, 18, 7, 52, tzinfo=UTC)),
        ("Tue, 18 Jun 2019 07:52:00 +0800", datetime(2019, 6, 18, 7, 52, tzinfo=EIGHT)),
        ("June 18, 2019 7:52 am", datetime(2019, 6, 18, 7, 52, tzinfo=EIGHT)),
        ("2019/06/18 07:52 HKT", datetime(2019, 6, 18, 7, 52, tzinfo=EIGHT)),
        # RFC 2822 with "CST": China Standard Time on our sources, not US Central
        ("Thu, 24 Apr 2025 18:30:00 CST", datetime(2025, 4, 24, 18, 30, tzinfo=EIGHT)),
        ("Thu, 24 Apr 2025 18:30:00 -0500", datetime(2025, 4, 24, 23, 30, tzinfo=UTC)),
        (
            "By A | China Daily | Updated: 2019-06-18 07:52",
            datetime(2019, 6, 18, 7, 52, tzinfo=EIGHT),
        ),
    ],
)
def test_parse_datetime_reads_the_formats_our_sources_print(text: str, expected: datetime) -> None:
    value = parse_datetime(text, CHINA_TZ)
    assert value == expected
    assert value is not None and value.tzinfo is not None


def test_naive_times_take_the_zone_the_caller_names() -> None:
    assert parse_datetime("2019-06-18 07:52", UTC) == datetime(2019, 6, 18, 7, 52, tzinfo=UTC)
    assert parse_datetime("2019-06-18 07:52") == datetime(2019, 6, 18, 7, 52, tzinfo=EIGHT)


@pytest.mark.parametrize(
    "text", [None, "", "no date here", "2019-13-45 99:99", "0000-00-00", "12345"]
)
def test_parse_datetime_returns_none_for_what_is_not_a_date(text: str | None) -> None:
    assert parse_datetime(text) is None


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Zhang Xiao and Li Ming", ("Zhang Xiao", "Li Ming")),
        ("By MA ZHENHUAN in Hong Kong | China Daily | Updated: 2019-06-18", ("Ma Zhenhuan",)),
        ("By Oswald Chan in Hong Kong and Wu Kai in Hangzhou", ("Oswald Chan", "Wu Kai")),
        ("記者 陳大文 李小明", ("陳大文", "李小明")),
        ("作者：张三、李四", ("张三", "李四")),
        ("人民网记者 周明远", ("周明远",)),  # any outlet's "记者" credit, not a fixed list
        ("浙江日报记者 张三、李四", ("张三", "李四")),
        ("Alice Wu, Staff Writer", ("Alice Wu",)),
        ("By Chen Liang (China Daily)", ("Chen Liang",)),
        ("Xinhua | Updated: 2019-06-18 07:52", ()),
        ("105092", ()),
    ],
)
def test_split_authors(byline: str, names: tuple[str, ...]) -> None:
    assert split_authors(byline) == names


def test_split_authors_merges_several_bylines_without_duplicates() -> None:
    assert split_authors(["By A Writer", "A Writer and B Writer"]) == ("A Writer", "B Writer")


def test_clean_text_removes_invisible_characters_and_odd_spaces() -> None:
    assert clean_text("\u3000\u3000Hang\u200bzhou\u00a0and  HK\ufeff \n") == "Hangzhou and HK"


@pytest.mark.parametrize(
    "line",
    [
        "Officials attend the ceremony. [Photo/Xinhua]",
        "Delegates at the meeting. (Photo by Wu Kai / China Daily)",
        "论坛现场。（中国日报记者 王明 摄）",
        "Photo: a view of West Lake",
    ],
)
def test_captions_are_recognised(line: str) -> None:
    assert is_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "Copyright 1995 - 2019. All rights reserved.",
        "Share this story",
        "分享到：微信 微博",
        "Related stories",
        "【责任编辑：李晓】",
        "By Grace Ho",
        "Facebook | Twitter | WeChat",
    ],
)
def test_boilerplate_lines_are_recognised(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "By the end of 2018, Hong Kong investors had set up about 6,400 projects in Hangzhou.",
        "Share prices rose after the agreements were signed in Hong Kong on Thursday.",
        "Related industries in Hangzhou have grown quickly, officials said.",
    ],
)
def test_article_sentences_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line) and not is_caption(line)


def test_split_body_separates_captions_and_drops_boilerplate() -> None:
    body, captions = split_body(
        ["First paragraph.", "A photo. [Photo/Xinhua]", "Share this story", " ", "Second."]
    )
    assert body == ("First paragraph.", "Second.")
    assert captions == ("A photo. [Photo/Xinhua]",)


@pytest.mark.parametrize(
    ("title", "names", "expected"),
    [
        ("香港与杭州签署协议 - 新华网", (), "香港与杭州签署协议"),
        ("Hangzhou forum opens | CBC News", (), "Hangzhou forum opens"),
        ("外国专家谈合作_中国日报网", (), "外国专家谈合作"),
        ("Title of a story--时政--人民网", (), "Title of a story"),
        ("HK - Hangzhou ties: a long road ahead", (), "HK - Hangzhou ties: a long road ahead"),
        ("Big news - The Harbour Times", ("The Harbour Times",), "Big news"),
        ("Hangzhou-Hong Kong forum", (), "Hangzhou-Hong Kong forum"),
        # known names go from either end, repeatedly, and nothing else does
        ("news.gov.hk - Liaison unit opens", ("news.gov.hk",), "Liaison unit opens"),
        ("Deals signed - China - China Daily", ("China Daily", "China"), "Deals signed"),
        ("浙江省人民政府 浙江要闻 合作会议举行", ("浙江省人民政府", "浙江要闻"), "合作会议举行"),
        ("论坛举行｜签署协议 - 中国日报网", ("中国日报网",), "论坛举行｜签署协议"),
        (
            "China Daily-sponsored forum opens",
            ("China Daily",),
            "China Daily-sponsored forum opens",
        ),
    ],
)
def test_strip_site_suffix(title: str, names: tuple[str, ...], expected: str) -> None:
    assert strip_site_suffix(title, names) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hangzhou and Hong Kong signed eight agreements on Thursday.", "en"),
        ("杭州与香港签署八项合作协议，涉及金融和人工智能领域。", "zh-Hans"),
        ("杭州與香港簽署八項合作協議，涉及金融和人工智能領域。", "zh-Hant"),
        ("行政長官李家超出席論壇並致辭。", "zh-Hant"),
        ("浙江省委书记易炼红出席论坛。", "zh-Hans"),
    ],
)
def test_language_is_detected_by_script(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_japanese_is_not_taken_for_chinese() -> None:
    assert detect_language("杭州と香港が協力協定に署名しました。") is None


def test_language_uses_the_declared_language_only_to_break_a_tie() -> None:
    neutral = "杭州西湖香港"  # the same in both scripts
    assert detect_language(neutral, "zh-HK") == "zh-Hant"
    assert detect_language(neutral, None) == "zh-Hans"
    assert detect_language("杭州與香港簽署協議", "zh-CN") == "zh-Hant"
    assert detect_language("   ") is None


ANY_CHARACTER = st.characters(exclude_categories=())  # lone surrogates too: hostile pages


@given(st.data(), st.text(ANY_CHARACTER))
def test_differing_counts_the_positions_whose_characters_differ(
    data: st.DataObject, text: str
) -> None:
    other = data.draw(st.text(ANY_CHARACTER, min_size=len(text), max_size=len(text)))
    if data.draw(st.booleans()):  # mostly the same characters, as a script conversion leaves them
        other = "".join(
            a if keep else b
            for a, b, keep in zip(
                text,
                other,
                data.draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text))),
                strict=True,
            )
        )
    assert differing(text, other) == sum(a != b for a, b in zip(text, other, strict=True))


@pytest.mark.parametrize(
    "placeholder",
    [
        "0001-01-01T00:00:00Z",  # seen in real JSON-LD: "datePublished": "0001-01-01T00:00:00Z"
        "Mon, 01 Jan 0001 00:00:00 GMT",  # email.utils would read this year as 2001
        "9999-12-31T23:59:59",
        "1970-01-01T00:00:00Z",
    ],
)
def test_placeholder_dates_are_no_date(placeholder: str) -> None:
    assert parse_datetime(placeholder) is None


def test_two_digit_rfc_years_still_read() -> None:
    assert parse_datetime("Tue, 18 Jun 19 07:52:00 +0800") == datetime(
        2019, 6, 18, 7, 52, tzinfo=EIGHT
    )


AUTHORS = ("Alice Wu",)
BIO = "Alice Wu is a political consultant and a former associate director of a media network"


@pytest.mark.parametrize(
    ("body", "authors", "kept"),
    [
        (("The argument.", BIO), AUTHORS, ("The argument.",)),
        (("The argument.", "Alice Wu is an adviser to start-ups"), AUTHORS, ("The argument.",)),
        # not the author: a sentence about someone else
        (("The argument.", "Carrie Lam is a leader under pressure"), AUTHORS, None),
        # not the last paragraph
        ((BIO, "The argument."), AUTHORS, None),
        # the author doing something, not being introduced
        (("The argument.", "Alice Wu said the city should listen."), AUTHORS, None),
        # too long to be a bio line
        (("The argument.", BIO + ", " + "and more " * 40), AUTHORS, None),
        (("The argument.", BIO), (), None),
    ],
)
def test_drop_author_bio_takes_only_a_closing_line_introducing_an_author(
    body: tuple[str, ...], authors: tuple[str, ...], kept: tuple[str, ...] | None
) -> None:
    assert drop_author_bio(body, authors) == (body if kept is None else kept)


@given(st.text())
def test_the_cjk_share_counts_ideographs_among_the_characters_that_are_not_space(
    text: str,
) -> None:
    shown = [c for c in text if not c.isspace()]
    ideographs = [c for c in shown if "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"]
    assert cjk_ratio(text) == (len(ideographs) / len(shown) if shown else 0.0)
