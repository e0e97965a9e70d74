"""Xinhua: both page templates (xinhuanet.com until about 2020, news.cn since), in English and
Chinese, and the rules a selector alone cannot express."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import opencc

from parsers.article import parse_article
from records.articles import ArticleRecord

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "xinhua"
LEGACY_EN = "http://www.xinhuanet.com/english/2019-04/15/c_137979412.htm"
LEGACY_ZH = "http://www.xinhuanet.com/gangao/2018-09/15/c_1123435582.htm"
NEWS_ZH = "https://www.news.cn/gangao/20230626/a1b2c3d4e5f60718293a4b5c6d7e8f90/c.html"
NEWS_EN = "https://english.news.cn/20250424/6c1d2e3f40514a6b8c7d9e0f1a2b3c4d/c.html"


Parse = Callable[..., ArticleRecord]


def test_chinese_header_time_spread_over_spans_is_read_as_china_time(article_page: Parse) -> None:
    record = article_page("xinhua/zh_2023_theme_forum.html", NEWS_ZH)
    assert record.published_at is not None
    assert record.published_at.astimezone(UTC) == datetime(2023, 6, 26, 12, 47, 13, tzinfo=UTC)


def test_reporters_in_a_chinese_dateline_become_authors_and_leave_the_text(
    article_page: Parse,
) -> None:
    for name, url, authors in (
        ("zh_2023_theme_forum.html", NEWS_ZH, ("陈晓明", "林小芸")),
        ("zh_2018_investment_promotion.html", LEGACY_ZH, ("郑晓燕",)),
    ):
        record = article_page(f"xinhua/{name}", url)
        assert record.authors == authors
        assert record.body[0].startswith("新华社香港")
        assert "记者" not in record.body[0]


def test_english_wire_copy_has_no_authors_and_no_end_marker(article_page: Parse) -> None:
    record = article_page("xinhua/en_2025_cooperation_conference.html", NEWS_EN)
    assert record.authors == ()  # "Editor: huaxia" is the desk, not a writer
    assert record.body[-1].endswith("through Hong Kong.")
    assert not any("Enditem" in p or "Editor" in p for p in record.body)


def test_navy_photo_caption_is_kept_apart_and_attached_to_its_image(article_page: Parse) -> None:
    record = article_page("xinhua/en_2019_city_brain.html", LEGACY_EN)
    assert record.captions == (record.images[0].caption,)
    assert record.captions[0].endswith("(Xinhua/Wu Xiaochu)")
    assert not any("Xinhua/Wu Xiaochu" in p for p in record.body)


def test_old_template_page_dated_after_valid_until_is_read_by_the_old_version(
    article_page: Parse,
) -> None:
    record = article_page(
        "xinhua/en_2019_city_brain.html",
        "http://www.xinhuanet.com/english/2022-03-01/c_1310000001.htm",
        (
            '<meta name="source"',
            '<meta name="publishdate" content="2022-03-01" />\n<meta name="source"',
        ),
    )
    assert record.parser == "xinhua"
    assert len(record.body) == 5
    assert record.title == 'Hangzhou shows off its "City Brain" traffic system in Hong Kong'


def test_a_news_cn_page_dated_before_the_move_is_read_by_the_new_version(
    article_page: Parse,
) -> None:
    record = article_page(
        "xinhua/en_2025_cooperation_conference.html",
        NEWS_EN,
        ("2025-04-24 22:16:40", "2019-04-24 22:16:40"),
    )
    assert record.published_at == datetime.fromisoformat("2019-04-24T22:16:40+08:00")
    assert len(record.body) == 4


def test_language_comes_from_the_script_not_the_site(article_page: Parse) -> None:
    """big5.news.cn serves Xinhua's Chinese pages converted to Traditional characters."""
    html = (PAGES / "zh_2023_theme_forum.html").read_text(encoding="utf-8")
    traditional = opencc.OpenCC("s2t").convert(html)
    big5_url = NEWS_ZH.replace("www.news.cn", "big5.news.cn")
    record = parse_article(traditional.encode("utf-8"), big5_url)
    assert record.parser == "xinhua"
    assert record.language == "zh-Hant"
    assert article_page("xinhua/zh_2023_theme_forum.html", NEWS_ZH).language == "zh-Hans"
    assert article_page("xinhua/en_2025_cooperation_conference.html", NEWS_EN).language == "en"


def test_article_ids_come_from_both_url_patterns(article_page: Parse) -> None:
    assert article_page("xinhua/en_2019_city_brain.html", LEGACY_EN).external_id == "c_137979412"
    assert article_page("xinhua/zh_2023_theme_forum.html", NEWS_ZH).external_id == (
        "a1b2c3d4e5f60718293a4b5c6d7e8f90"
    )


def test_a_gb2312_page_reads_the_same_as_its_utf8_original(article_page: Parse) -> None:
    """Older xinhuanet.com Chinese pages were served as GB2312."""
    html = (PAGES / "zh_2018_investment_promotion.html").read_text(encoding="utf-8")
    legacy = html.replace("charset=utf-8", "charset=gb2312").encode("gb2312")
    record = parse_article(legacy, LEGACY_ZH)
    assert record == article_page("xinhua/zh_2018_investment_promotion.html", LEGACY_ZH)
    assert record.title == "杭州赴港推介投资环境 港资项目累计约6000个"


DETAIL_ONLY = "https://www.news.cn/gangao/20250426/7c1e4a90b2d35f6817e9a0c4d5b6f718/c.html"


def test_a_page_without_detail_content_is_read_from_detail_and_its_head_line_h1(
    article_page: Parse,
) -> None:
    """Without these fallbacks the page went to the generic parser, title "…-新华网" and all."""
    record = article_page("xinhua/zh_2025_youth_exchange_detail_only.html", DETAIL_ONLY)
    assert record.parser == "xinhua"
    assert record.title == "杭港青年交流周在杭州开幕 两地学生走进科创园区"
    assert record.body[-1].startswith("主办方表示")
    assert not any("责任编辑" in p or "扫一扫" in p for p in record.body)


def test_every_news_cn_and_xinhuanet_host_is_read_by_the_xinhua_parser(
    article_page: Parse,
) -> None:
    for host in ("www.news.cn", "english.news.cn", "big5.news.cn", "zj.news.cn", "news.cn"):
        url = DETAIL_ONLY.replace("www.news.cn", host)
        assert article_page("xinhua/zh_2025_youth_exchange_detail_only.html", url).parser == (
            "xinhua"
        )
    for host in ("www.xinhuanet.com", "xinhuanet.com", "m.xinhuanet.com"):
        url = LEGACY_ZH.replace("www.xinhuanet.com", host)
        assert article_page("xinhua/zh_2018_investment_promotion.html", url).parser == "xinhua"
