"""Google News search RSS: headline/publisher split, `<source url>`, top-story clusters."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from parsers.feeds import parse_feed
from parsers.feeds.google_news import split_title

FEEDS = Path(__file__).parents[1] / "fixtures" / "feeds"
ZH_HK = "https://news.google.com/rss/search?q=%E6%9D%AD%E5%B7%9E&hl=zh-HK&gl=HK&ceid=HK:zh-Hant"
EN = "https://news.google.com/rss/search?q=Hangzhou&hl=en-HK&gl=HK&ceid=HK:en"


def items_of(name: str, url: str) -> list:  # type: ignore[type-arg]
    return parse_feed("google_news", (FEEDS / name).read_bytes(), url)


def test_the_aggregator_link_is_kept_and_the_publisher_site_comes_from_source_url() -> None:
    first = items_of("google_news_zh_hk.xml", ZH_HK)[0]

    assert first.url.startswith("https://news.google.com/rss/articles/CBMiTESTzhHK0001")
    assert first.publisher == "香港政府新聞網"
    assert first.publisher_url == "https://www.news.gov.hk"
    assert first.title == "港浙合作會議在杭州舉行 確定十三個合作範疇"
    assert first.language == "zh-Hant"
    assert first.published_at == datetime(2025, 4, 24, 10, 15, tzinfo=UTC)


def test_titles_split_at_the_last_separator_so_headlines_keep_their_own_dashes() -> None:
    english = items_of("google_news_en.xml", EN)
    chinese = items_of("google_news_zh_hk.xml", ZH_HK)

    assert english[0].title == "Hong Kong - Zhejiang conference names 13 co-operation areas"
    assert english[0].publisher == "South China Morning Post"
    assert chinese[1].title == "李家超率團赴杭州 - 兩地簽署五十一個項目"
    assert chinese[1].publisher == "星島頭條"


def test_without_a_source_element_the_title_suffix_is_the_publisher_if_there_is_one() -> None:
    third = items_of("google_news_zh_hk.xml", ZH_HK)[2]

    assert third.title == "浙江推介會 港商反應熱烈"
    assert third.publisher is None
    assert third.publisher_url is None


def test_a_top_story_cluster_lists_the_other_stories_as_related_items() -> None:
    clustered = items_of("google_news_zh_hk.xml", ZH_HK)[1]

    assert [(r.title, r.publisher) for r in clustered.related] == [
        ("港浙合作會議首次全體會議舉行", "香港電台"),
        ("杭港兩地加強創科合作", "香港01"),
    ]
    assert all(r.url.startswith("https://news.google.com/rss/articles/") for r in clustered.related)
    assert all(r.language == "zh-Hant" for r in clustered.related)
    assert clustered.summary is None  # the description was only the cluster


def test_a_single_story_description_that_repeats_the_headline_is_not_kept_as_summary() -> None:
    assert all(item.summary is None for item in items_of("google_news_en.xml", EN))
    assert all(item.related == () for item in items_of("google_news_en.xml", EN))


@pytest.mark.parametrize(
    ("title", "source", "expected"),
    [
        ("Headline - Publisher", None, ("Headline", "Publisher")),
        ("A - B - The Standard", "The Standard", ("A - B", "The Standard")),
        ("A - B - Suffix", None, ("A - B", "Suffix")),
        ("No separator", None, ("No separator", None)),
        ("No separator", "Given", ("No separator", "Given")),
        (" - Only publisher", None, (" - Only publisher", None)),
    ],
)
def test_split_title(title: str, source: str | None, expected: tuple[str, str | None]) -> None:
    assert split_title(title, source) == expected
