"""The Hanweb-built Zhejiang government sites (eng.hangzhou.gov.cn, www.zj.gov.cn) and the
China Daily-built English portal eZhejiang: where dates, authors and the address come from."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from parsers.article import parse_article
from parsers.article.url_dates import day_in_url
from records.articles import ArticleRecord

HANGZHOU_2018 = "https://eng.hangzhou.gov.cn/art/2018/9/17/art_1229538083_58012456.html"
HANGZHOU_2025 = "https://eng.hangzhou.gov.cn/art/2025/4/25/art_1229538083_59106612.html"
ZJ_2025 = "https://www.zj.gov.cn/art/2025/4/24/art_1554467_60248815.html"
EZJ_2023 = "https://www.ezhejiang.gov.cn/2023-06/27/c_894215.htm"


Parse = Callable[..., ArticleRecord]


def test_pubdate_meta_without_a_zone_is_china_time(article_page: Parse) -> None:
    record = article_page("zj_gov/2025_zhe_gang_hezuo_huiyi.html", ZJ_2025)
    assert record.published_at is not None
    assert record.published_at.astimezone(UTC) == datetime(2025, 4, 24, 13, 8, tzinfo=UTC)


def test_author_meta_that_only_repeats_the_source_outlet_is_not_an_author(
    article_page: Parse,
) -> None:
    assert article_page("hangzhou_gov/2018_investment_promotion.html", HANGZHOU_2018).authors == ()


def test_author_meta_naming_a_person_is_used(article_page: Parse) -> None:
    record = article_page(
        "hangzhou_gov/2018_investment_promotion.html",
        HANGZHOU_2018,
        (
            '<meta name="Author" content="Hangzhou Daily" />',
            '<meta name="Author" content="Li Ming" />',
        ),
    )
    assert record.authors == ("Li Ming",)


def test_by_line_in_the_text_gives_the_author_and_leaves_the_body(article_page: Parse) -> None:
    record = article_page("hangzhou_gov/2025_cooperation_conference.html", HANGZHOU_2025)
    assert record.authors == ("Zhou Wenjing",)
    assert record.body[0].startswith("Hangzhou hosted")


def test_closing_chinese_reporter_credit_gives_reporters_and_correspondents(
    article_page: Parse,
) -> None:
    record = article_page("zj_gov/2025_zhe_gang_hezuo_huiyi.html", ZJ_2025)
    assert record.authors == ("黄宏伟", "林可")
    assert not any("记者" in p or "通讯员" in p for p in record.body)
    assert record.captions == ("会议现场。（记者 周晓燕 摄）",)


def test_canonical_url_is_the_url_the_site_publishes_in_its_meta(article_page: Parse) -> None:
    record = article_page("zj_gov/2025_zhe_gang_hezuo_huiyi.html", ZJ_2025 + "?from=timeline")
    assert record.url == ZJ_2025 + "?from=timeline"
    assert record.canonical_url == ZJ_2025


def test_headline_comes_from_the_article_title_meta_not_the_title_tag(article_page: Parse) -> None:
    record = article_page("zj_gov/2025_zhe_gang_hezuo_huiyi.html", ZJ_2025)
    assert record.title == "浙港合作会议第一次全体会议在杭州举行"
    assert record.section == "浙江要闻"


def test_ezhejiang_prefers_the_timed_meta_over_the_day_only_visible_date(
    article_page: Parse,
) -> None:
    record = article_page("ezhejiang/2023_zhejiang_week.html", EZJ_2023)
    assert record.published_at == datetime.fromisoformat("2023-06-27T09:41:05+08:00")
    without_meta = article_page(
        "ezhejiang/2023_zhejiang_week.html",
        EZJ_2023,
        ('<meta name="publishdate" content="2023-06-27 09:41:05" />', ""),
    )
    assert without_meta.published_at == datetime.fromisoformat("2023-06-27T00:00:00+08:00")


def test_ezhejiang_byline_drops_the_dateline_place(article_page: Parse) -> None:
    record = article_page("ezhejiang/2023_zhejiang_week.html", EZJ_2023)
    assert record.authors == ("Ma Zhenhuan",)
    assert not any("Related" in p or "Facebook" in p for p in record.body)


def test_without_date_markup_the_day_in_the_url_is_the_publication_day(
    article_page: Parse,
) -> None:
    record = article_page(
        "zj_gov/2025_zhe_gang_hezuo_huiyi.html",
        ZJ_2025,
        ('<meta name="PubDate" content="2025-04-24 21:08" />', ""),
        ("<span>发布日期：2025-04-24 21:08</span>", ""),
    )
    assert record.published_at == datetime.fromisoformat("2025-04-24T00:00:00+08:00")


def test_day_in_url_reads_each_sites_pattern_and_rejects_impossible_days() -> None:
    assert day_in_url(HANGZHOU_2018) == datetime.fromisoformat("2018-09-17T00:00:00+08:00")
    assert day_in_url(EZJ_2023) == datetime.fromisoformat("2023-06-27T00:00:00+08:00")
    assert day_in_url(
        "https://www.news.cn/gangao/20230626/a1b2c3d4e5f60718293a4b5c6d7e8f90/c.html"
    ) == datetime.fromisoformat("2023-06-26T00:00:00+08:00")
    assert day_in_url("https://www.ezhejiang.gov.cn/2023-02/30/c_1.htm") is None
    assert day_in_url("https://www.zj.gov.cn/col/col1554467/index.html") is None


OLD_HANWEB_PAGE = """<html><head><meta charset="utf-8">
<meta name="ArticleTitle" content="杭州代表团赴港开展投资推介">
<meta name="Maketime" content="2018-09-16 09:30:12">
<meta name="ColumnName" content="杭州要闻"></head>
<body><div class="bt_content">
<table align="center"><tr><td><img src="/picture/0/180916.jpg" border="0"></td></tr></table>
<!--ZJEG_RSS.content.begin--><meta name="ContentStart">
<p align="center">图为推介会现场。王明 摄</p>
　　杭州市代表团15日在香港举办投资推介会。<br /><br />
　　截至2017年底，港资在杭州累计设立项目约6000个。<br />
<meta name="ContentEnd"><!--ZJEG_RSS.content.end-->
</div></body></html>"""


def test_old_hanweb_page_without_zoom_or_paragraphs_is_read_between_the_markers() -> None:
    url = "https://www.hangzhou.gov.cn/art/2018/9/16/art_812262_1.html"
    record = parse_article(OLD_HANWEB_PAGE.encode("utf-8"), url)
    assert record.parser == "hangzhou_gov"
    assert record.title == "杭州代表团赴港开展投资推介"
    assert record.published_at == datetime.fromisoformat("2018-09-16T09:30:12+08:00")
    assert record.body == (
        "杭州市代表团15日在香港举办投资推介会。",
        "截至2017年底，港资在杭州累计设立项目约6000个。",
    )
    assert record.captions == ("图为推介会现场。王明 摄",)


def test_the_page_is_parsed_with_its_comments_once_however_often_the_marker_is_sought(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The authors and the body both look for the container; the second look reuses the tree."""
    import parsers.article.base
    from parsers.article.metadata import parse_tree as parse

    asked: list[bool] = []

    def counted(html: str, *, comments: bool = False) -> object:
        asked.append(comments)
        return parse(html, comments=comments)

    monkeypatch.setattr(parsers.article.base, "parse_tree", counted)
    url = "https://www.hangzhou.gov.cn/art/2018/9/16/art_812262_1.html"
    assert parse_article(OLD_HANWEB_PAGE.encode("utf-8"), url).body
    assert asked.count(True) == 1


def test_visible_chinese_date_is_read_when_the_date_metas_are_missing(
    article_page: Parse,
) -> None:
    record = article_page(
        "zj_gov/2025_zhe_gang_hezuo_huiyi.html",
        ZJ_2025,
        ('<meta name="PubDate" content="2025-04-24 21:08" />', ""),
        ("发布日期：2025-04-24 21:08", "发布日期：2025年4月24日 21时08分"),
    )
    assert record.published_at == datetime.fromisoformat("2025-04-24T21:08:00+08:00")
