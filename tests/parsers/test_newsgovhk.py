"""news.gov.hk: two layouts (the .shtml table pages before the 2018 relaunch and the current
article pages), English and Chinese, with the filing time taken from the URL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from records.articles import ArticleRecord

Parse = Callable[..., ArticleRecord]

EN = "https://www.news.gov.hk/eng/2025/04/20250424/20250424_190512_437.html"
CHI = "https://www.news.gov.hk/chi/2023/06/20230626/20230626_154510_208.html"
OLD = "http://www.news.gov.hk/en/categories/admin/html/2017/06/20170605_190307.shtml"


def test_filing_time_in_the_url_is_the_publication_time_on_both_layouts(
    article_page: Parse,
) -> None:
    current = article_page("newsgovhk/en_2025_zhejiang_conference.html", EN)
    legacy = article_page("newsgovhk/en_2017_old_layout_liaison_unit.html", OLD)
    assert current.published_at == datetime.fromisoformat("2025-04-24T19:05:12+08:00")
    assert legacy.published_at == datetime.fromisoformat("2017-06-05T19:03:07+08:00")


def test_without_a_time_in_the_url_the_printed_date_is_used(article_page: Parse) -> None:
    record = article_page(
        "newsgovhk/chi_2023_theme_forum.html", "https://www.news.gov.hk/chi/2023/06/story.html"
    )
    assert record.published_at == datetime.fromisoformat("2023-06-26T00:00:00+08:00")


def test_old_table_layout_is_read_by_the_legacy_version(article_page: Parse) -> None:
    record = article_page("newsgovhk/en_2017_old_layout_liaison_unit.html", OLD)
    assert record.title == "Zhejiang liaison unit opens in Hangzhou"
    assert record.section == "Admin & Civic Affairs"
    assert len(record.body) == 4
    assert record.captions[0].startswith("New office:")


def test_new_layout_page_dated_before_the_relaunch_still_finds_its_body(
    article_page: Parse,
) -> None:
    url = "https://www.news.gov.hk/eng/2018/01/20180110/20180110_120000_001.html"
    record = article_page("newsgovhk/en_2025_zhejiang_conference.html", url)
    assert record.published_at == datetime.fromisoformat("2018-01-10T12:00:00+08:00")
    assert record.body[0].startswith("Hong Kong and Zhejiang will work together")


def test_label_style_captions_gallery_related_stories_and_share_bar_stay_out_of_the_body(
    article_page: Parse,
) -> None:
    record = article_page("newsgovhk/en_2025_zhejiang_conference.html", EN)
    assert [c.split(":")[0] for c in record.captions] == ["Closer ties", "Technology tour"]
    assert [image.caption for image in record.images] == list(record.captions)
    assert record.body[-1] == "He will attend an investment promotion forum in Ningbo tomorrow."
    assert not any("Related" in p or "WhatsApp" in p for p in record.body)


def test_chinese_page_is_traditional_chinese_by_its_script(article_page: Parse) -> None:
    record = article_page("newsgovhk/chi_2023_theme_forum.html", CHI)
    assert record.language == "zh-Hant"
    assert record.title == "浙港合作主題論壇簽署多項協議"
    assert record.section == "政府事務"
    assert not any("相關新聞" in p for p in record.body)
