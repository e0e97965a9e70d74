"""Each source in config/sources.toml points at what the site really serves, and its fixture, in
the site's real shape, parses into the links the site lists (issue 12)."""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from parsers.feeds import parse_feed
from records.articles import FeedItem

ROOT = Path(__file__).resolve().parents[2]
FEEDS = ROOT / "tests" / "fixtures" / "feeds"
HKT = timezone(timedelta(hours=8))


def source(source_id: str) -> dict[str, Any]:
    sources = tomllib.loads((ROOT / "config" / "sources.toml").read_text("utf-8"))["source"]
    (found,) = [s for s in sources if s["id"] == source_id]
    return dict(found)


def parse_as(source_id: str, fixture: str) -> list[FeedItem]:
    """The fixture parsed as the configured source would parse it, fetched from its URL."""
    entry = source(source_id)
    options = {k: entry[k] for k in ("selector", "language", "default_tz") if k in entry}
    return parse_feed(entry["kind"], (FEEDS / fixture).read_bytes(), entry["url"], **options)


def test_rthk_chinese_greater_china_is_the_feed_rthk_publishes() -> None:
    """`c_expressnews_greaterchina.xml`: the `cgreaterchina` spelling does not exist."""
    entry = source("rthk-zh-greaterchina")
    assert entry["url"] == "https://rthk.hk/rthk/news/rss/c_expressnews_greaterchina.xml"

    items = parse_as("rthk-zh-greaterchina", "rthk_greater_china_zh.xml")

    assert [item.url for item in items] == [
        "https://news.rthk.hk/rthk/ch/component/k2/1801240-20250424.htm",
        "https://news.rthk.hk/rthk/ch/component/k2/1801228-20250424.htm",
    ]
    assert items[0].title == "港浙合作會議在杭州舉行 雙方確定十三個合作領域"
    assert items[0].published_at == datetime(2025, 4, 24, 18, 50, tzinfo=HKT)
    assert items[0].language == "zh-Hant"


def test_hangzhou_column_page_lists_the_records_of_its_hanweb_datastore() -> None:
    items = parse_as("hangzhou-gov-en-news", "hangzhou_hanweb_column.html")

    assert [(item.url, item.published_at) for item in items] == [
        (
            "https://eng.hangzhou.gov.cn/art/2025/4/25/art_812262_59023470.html",
            datetime(2025, 4, 25, tzinfo=HKT),
        ),
        (
            "https://eng.hangzhou.gov.cn/art/2025/4/24/art_812262_59023466.html",
            datetime(2025, 4, 24, tzinfo=HKT),
        ),
        (
            "http://eng.hangzhou.gov.cn/art/2025/4/22/art_812262_59023401.html",
            datetime(2025, 4, 22, tzinfo=HKT),
        ),
        ("https://eng.hangzhou.gov.cn/art/2025/4/18/art_812262_59023355.html", None),
    ]
    assert items[2].title == "R&D centres & start-ups: Hong Kong firms tour Hangzhou parks"


def test_ezhejiang_is_the_government_portal_and_its_city_channel_list_is_read() -> None:
    entry = source("ezhejiang-news")
    assert entry["url"].startswith("https://www.ezhejiang.gov.cn/")

    items = parse_as("ezhejiang-news", "ezhejiang_hangzhou_list.html")

    assert [item.url for item in items] == [
        "https://www.ezhejiang.gov.cn/hangzhou/2025-04/25/c_1101874.htm",
        "https://www.ezhejiang.gov.cn/2025-04/24/c_1101650.htm",
        "https://www.ezhejiang.gov.cn/hangzhou/2025-04/22/c_1101322.htm",
    ]
    assert items[0].title == "Hangzhou and Hong Kong universities open a joint laboratory"
    assert items[0].published_at == datetime(2025, 4, 25, 10, 21, tzinfo=HKT)


def test_investhk_lists_articles_not_the_listing_its_filters_or_its_pages() -> None:
    items = parse_as("investhk-news", "investhk_news_list.html")

    assert [item.url for item in items] == [
        "https://www.investhk.gov.hk/en/news/hangzhou-robotics-company-opens-regional-office-in-hong-kong/",
        "https://www.investhk.gov.hk/en/news/investhk-roadshow-in-hangzhou-meets-zhejiang-entrepreneurs/",
        "https://www.investhk.gov.hk/en/news/speech-by-director-general-at-hong-kong-zhejiang-business-luncheon/",
    ]
    assert items[0].title == "Hangzhou robotics company opens regional office in Hong Kong"


def test_investhk_dates_are_day_first() -> None:
    """01.04.2026 on InvestHK is 1 April, not 4 January."""
    items = parse_as("investhk-news", "investhk_news_list.html")

    assert [item.published_at for item in items] == [
        datetime(2026, 4, 1, tzinfo=HKT),
        datetime(2026, 3, 12, tzinfo=HKT),
        datetime(2026, 2, 5, tzinfo=HKT),
    ]
