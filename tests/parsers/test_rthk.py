"""RTHK: one K2 template for English and Chinese stories, `<br>`-separated text and the time
printed as "2025-04-24 HKT 18:35"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from records.articles import ArticleRecord

Parse = Callable[..., ArticleRecord]

EN = "https://news.rthk.hk/rthk/en/component/k2/1803321-20250424.htm"
CH = "https://news.rthk.hk/rthk/ch/component/k2/1706655-20230626.htm"


def test_hkt_between_date_and_time_is_read_as_hong_kong_time(article_page: Parse) -> None:
    record = article_page("rthk/en_2025_zhejiang_projects.html", EN)
    assert record.published_at is not None
    assert record.published_at.astimezone(UTC) == datetime(2025, 4, 24, 10, 35, tzinfo=UTC)


def test_a_date_without_a_time_is_midnight_in_hong_kong(article_page: Parse) -> None:
    record = article_page(
        "rthk/ch_2023_theme_forum.html", CH, ("2023-06-26 HKT 12:20", "2023-06-26")
    )
    assert record.published_at == datetime.fromisoformat("2023-06-26T00:00:00+08:00")


def test_br_separated_story_becomes_paragraphs_without_caption_share_or_related(
    article_page: Parse,
) -> None:
    record = article_page("rthk/en_2025_zhejiang_projects.html", EN)
    assert len(record.body) == 5
    assert record.body[2].startswith("He said many of Zhejiang's private firms")
    assert record.captions == (
        "John Lee says many Zhejiang firms see Hong Kong as their springboard overseas. "
        "Photo: RTHK",
    )
    assert not any("Related News" in p or "Share this story" in p for p in record.body)


def test_english_and_chinese_stories_share_the_template(article_page: Parse) -> None:
    english = article_page("rthk/en_2025_zhejiang_projects.html", EN)
    chinese = article_page("rthk/ch_2023_theme_forum.html", CH)
    assert (english.language, chinese.language) == ("en", "zh-Hant")
    assert (english.section, chinese.section) == ("Local", "本地")
    assert (english.external_id, chinese.external_id) == ("1803321", "1706655")
    assert english.authors == chinese.authors == ()
