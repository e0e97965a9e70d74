"""InvestHK: exact times from the Yoast JSON-LD graph's WebPage node (in UTC), the printed date
when it is missing, and the "About InvestHK" end matter."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from parsers.article import parse_article
from records.articles import ArticleRecord

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "investhk"
SLUG = "investhk-meets-zhejiang-enterprises-in-hangzhou-to-showcase-hong-kongs-advantages"
EN = f"https://www.investhk.gov.hk/en/news/{SLUG}/"
ZH = f"https://www.investhk.gov.hk/zh-hk/news/{SLUG}/"


def parse(name: str, url: str, without_json_ld: bool = False) -> ArticleRecord:
    html = (PAGES / name).read_text(encoding="utf-8")
    if without_json_ld:
        html = re.sub(r'<script type="application/ld\+json".*?</script>', "", html, flags=re.S)
    return parse_article(html.encode("utf-8"), url)


def test_json_ld_webpage_times_are_used_and_stay_in_utc() -> None:
    record = parse("en_2025_hangzhou_promotion.html", EN)
    assert record.published_at == datetime(2025, 4, 24, 11, 30, tzinfo=UTC)
    assert record.updated_at == datetime(2025, 4, 25, 2, 10, 48, tzinfo=UTC)


def test_without_json_ld_the_printed_date_is_used() -> None:
    record = parse("zh-hk_2025_hangzhou_promotion.html", ZH, without_json_ld=True)
    assert record.published_at == datetime.fromisoformat("2025-04-24T00:00:00+08:00")
    assert record.updated_at is None


def test_about_investhk_and_media_enquiries_are_not_the_story() -> None:
    for name, url in (
        ("en_2025_hangzhou_promotion.html", EN),
        ("zh-hk_2025_hangzhou_promotion.html", ZH),
    ):
        record = parse(name, url)
        assert not any("About Invest" in p or "media enquiries" in p.lower() for p in record.body)
        assert not any("關於投資推廣署" in p or "傳媒查詢" in p for p in record.body)
        assert len(record.captions) == 1 and record.images[0].caption == record.captions[0]


def test_traditional_chinese_edition_is_zh_hant() -> None:
    record = parse("zh-hk_2025_hangzhou_promotion.html", ZH)
    assert record.language == "zh-Hant"
    assert record.title == "投資推廣署在杭州與浙江企業會面 推介香港優勢"


def test_a_printed_numeric_date_is_read_day_first() -> None:
    """InvestHK prints 04.05.2025 for 4 May (read month first it would be 5 April)."""
    html = (PAGES / "en_2025_hangzhou_promotion.html").read_text(encoding="utf-8")
    html = re.sub(r'<script type="application/ld\+json".*?</script>', "", html, flags=re.S)
    html = html.replace(
        '<time datetime="2025-04-24">24 April 2025</time>', "<time>04.05.2025</time>"
    )

    record = parse_article(html.encode("utf-8"), EN)

    assert record.published_at == datetime.fromisoformat("2025-05-04T00:00:00+08:00")
