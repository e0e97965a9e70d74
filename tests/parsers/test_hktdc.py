"""HKTDC media room: sub-headlines, dates without times, Simplified Chinese releases from a Hong
Kong publisher, and the media contacts and "About HKTDC" end matter."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from parsers.article import parse_article
from records.articles import ArticleRecord

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "hktdc"
EN = "https://mediaroom.hktdc.com/en/pressrelease/detail/12836/"
SC = "https://mediaroom.hktdc.com/sc/pressrelease/detail/20044/"


def parse(name: str, url: str) -> ArticleRecord:
    return parse_article((PAGES / name).read_bytes(), url)


def test_end_matter_is_cut_from_the_release() -> None:
    for name, url, last in (
        ("en_2019_city_brain.html", EN, "from around the world."),
        ("sc_2025_ningbo_forum.html", SC, "亦在会上发言。"),
    ):
        record = parse(name, url)
        assert record.body[-1].endswith(last)
        for word in ("Media enquiries", "About HKTDC", "Photo download", "媒体查询", "图片下载"):
            assert not any(word in p for p in record.body), word


def test_simplified_chinese_release_of_a_hong_kong_publisher_is_zh_hans() -> None:
    record = parse("sc_2025_ningbo_forum.html", SC)
    assert record.language == "zh-Hans"
    assert record.subtitle == "浙江企业获鼓励以香港为平台开拓国际市场"


def test_printed_date_alone_is_midnight_hong_kong_time() -> None:
    assert parse("en_2019_city_brain.html", EN).published_at == datetime.fromisoformat(
        "2019-04-15T00:00:00+08:00"
    )
    assert parse("sc_2025_ningbo_forum.html", SC).published_at == datetime.fromisoformat(
        "2025-04-25T00:00:00+08:00"
    )


def test_numbered_photo_caption_is_kept_apart_and_given_to_its_photo() -> None:
    record = parse("en_2019_city_brain.html", EN)
    assert record.captions[0].startswith("Photo 1: Chief Executive Carrie Lam")
    assert record.images[0].caption == record.captions[0]
    assert "a live dashboard of the City Brain's traffic module;" in record.body
