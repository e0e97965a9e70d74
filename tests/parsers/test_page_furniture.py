"""What publisher pages put around and inside an article that is not the article.

Share bars, related-story boxes and QR-code blocks sit inside the article container on these
sites, so each publisher's `exclude_selectors` must take them out before paragraphs and images
are read; captions without a credit line are found only by the layout's caption selector; and a
page whose headline is only in its `<title>` needs the layout's list of site names to cut it
cleanly. Each fixture page carries that furniture; these tests name it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from parsers.article import parse_article
from parsers.article.registry import all_publishers
from parsers.article.serialize import record_to_json
from records.articles import ArticleRecord

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"


def url_of(page: str) -> str:
    expected = FIXTURES / page.replace(".html", ".expected.json")
    url = json.loads(expected.read_text(encoding="utf-8"))["url"]
    assert isinstance(url, str)
    return url


def parse(page: str, html: str | None = None) -> ArticleRecord:
    data = html.encode() if html is not None else (FIXTURES / page).read_bytes()
    return parse_article(data, url_of(page))


NOISE = [
    # (fixture page, text or file name inside the article container that is not the article)
    ("chinadaily/en-2019-hk-hangzhou-forum.html", "share_fb.png"),  # .share
    ("chinadaily/en-2019-hk-hangzhou-forum.html", "Zhejiang companies weigh Hong Kong listings"),
    ("chinadaily/en-2019-hk-hangzhou-forum.html", "5d02c3e1a3103dbf8e4c19f0.jpeg"),  # .mb10 thumb
    ("chinadaily/en-2025-zhejiang-subsite-plenary.html", "share_x.png"),  # regional subsite
    ("chinadaily/en-2025-zhejiang-subsite-plenary.html", "delegation arrives in Hangzhou"),
    ("chinadaily/zh-2023-zhejiang-hk-forum.html", "icon_wx.png"),  # .fenx_phone
    ("chinadaily/zh-2023-zhejiang-hk-forum.html", "浙江民营企业加快布局香港市场"),  # .xiangguan
    ("chinadailyhk/2025-hk-zhejiang-conference.html", "share-facebook.svg"),  # .news-share
    ("chinadailyhk/2025-hk-zhejiang-conference.html", "thumb-607288.jpg"),  # .related-news
    ("chinadailyhk/2025-hk-zhejiang-conference.html", "SAR delegation heads to Zhejiang"),
    ("ezhejiang/2023_zhejiang_week.html", "share-fb.png"),  # .detail-share
    ("ezhejiang/2023_zhejiang_week.html", "Hangzhou firms eye Hong Kong listings"),
    ("ezhejiang/2023_zhejiang_week.html", "week-opening-thumb.jpg"),  # .detail-related
    ("scmp/2019-free-city-brain.html", "smart-traffic.jpg"),  # .article-inline-widget
    ("scmp/2019-free-city-brain.html", "Alibaba Cloud adds capacity"),  # ContentBody-Related…
    ("scmp/2019-free-city-brain.html", "Li Tao covers"),  # .author-bio
    ("scmp/2019-opinion-author-bio.html", "sign eight deals on smart cities"),  # .more-on-this
    ("scmp/2019-opinion-author-bio.html", "Why mainland tech start-ups"),  # .related-articles
    ("scmp/2019-opinion-author-bio.html", "is a former trade official"),  # the closing bio
    ("scmp/2025-next-data-plenary.html", "John Lee to lead delegation"),  # a link-only h3 node
    ("xinhua/en_2019_city_brain.html", "share_weibo.gif"),  # .fenxiang
    ("xinhua/en_2019_city_brain.html", "Scan the QR code"),  # .bai13
    ("xinhua/en_2019_city_brain.html", "Hangzhou bets on AI for city management"),  # .relatedNews
    ("xinhua/zh_2018_investment_promotion.html", "jc.png"),  # .p-jc
    ("xinhua/en_2025_cooperation_conference.html", "share_x.png"),  # .share
    ("xinhua/en_2025_cooperation_conference.html", "Zhejiang's foreign trade grows"),
    ("xinhua/zh_2023_theme_forum.html", "share_wb.png"),  # .pageShare
    ("xinhua/zh_2023_theme_forum.html", "浙江代表团抵港开展交流活动"),  # .xglj
    ("people/zh_2019_innovation_forum.html", "原标题"),  # .otitle
    ("people/zh_2019_innovation_forum.html", "香港科技园与内地城市加强创科交流"),  # .box_pic
    ("people/zh_2019_innovation_forum.html", "MAIN201906121032000412.jpg"),
]


@pytest.mark.parametrize(("page", "noise"), NOISE)
def test_share_bars_and_related_stories_inside_the_article_are_left_out(
    page: str, noise: str
) -> None:
    assert noise in (FIXTURES / page).read_text(encoding="utf-8")
    record = json.dumps(record_to_json(parse(page)), ensure_ascii=False)
    assert noise not in record


CAPTIONS = [
    # (fixture page, a caption with no photo credit, which the line-level test cannot spot)
    ("chinadaily/en-2016-legacy-g20.html", "Visitors walk along West Lake in Hangzhou"),  # font
    ("chinadaily/en-2016-legacy-g20.html", "Containers wait to be loaded"),  # p.pictext
    ("chinadaily/zh-2023-zhejiang-hk-forum.html", "两地企业代表在论坛间隙交流。"),  # figcaption
    ("chinadaily/zh-2023-zhejiang-hk-forum.html", "签约仪式结束后，双方代表合影。"),  # span.caption
]


@pytest.mark.parametrize(("page", "caption"), CAPTIONS)
def test_captions_are_kept_apart_from_the_body_and_given_to_their_photo(
    page: str, caption: str
) -> None:
    record = parse(page)
    assert any(c.startswith(caption) for c in record.captions)
    assert not any(caption in paragraph for paragraph in record.body)
    assert any((image.caption or "").startswith(caption) for image in record.images)


HEADLINE_ELEMENTS = ", ".join(
    {
        selector
        for publisher in all_publishers()
        for version in publisher.versions
        if (selector := version.title_selector)
    }
)
OTHER_HEADLINES = (
    'h1, meta[property="og:title"], meta[name="twitter:title"], meta[property="og:site_name"], '
    'script[type="application/ld+json"]'
)


def headline_only_in_title(page: str, title: str) -> str:
    """The page without its headline element, og/twitter titles, site name and JSON-LD, and
    with `title` as its <title>: a print or syndicated copy keeps little more than that."""
    soup = BeautifulSoup((FIXTURES / page).read_text(encoding="utf-8"), "lxml")
    for element in soup.select(f"{HEADLINE_ELEMENTS}, {OTHER_HEADLINES}"):
        element.decompose()
    assert soup.title is not None
    soup.title.string = title
    return str(soup)


TITLES = [
    # (fixture page, <title> as that site writes it, the headline)
    (
        "chinadaily/en-2019-hk-hangzhou-forum.html",
        "HK, Hangzhou sign eight deals - Chinadaily.com.cn",
        "HK, Hangzhou sign eight deals",
    ),
    (
        "chinadaily/en-2016-legacy-g20.html",
        "HK firms eye Hangzhou - China - Chinadaily.com.cn",  # section and site
        "HK firms eye Hangzhou",
    ),
    (
        "chinadaily/zh-2023-zhejiang-hk-forum.html",
        "浙港合作论坛举行｜签署多项协议 - 中国日报网",
        "浙港合作论坛举行｜签署多项协议",
    ),
    (
        "chinadailyhk/2025-hk-zhejiang-conference.html",
        "HK, Zhejiang seal 51 deals | China Daily HK",
        "HK, Zhejiang seal 51 deals",
    ),
    (
        "ezhejiang/2023_zhejiang_week.html",
        "Zhejiang Week in Hong Kong - in pictures | eZhejiang",
        "Zhejiang Week in Hong Kong - in pictures",
    ),
    (
        "hangzhou_gov/2025_cooperation_conference.html",
        "HK, Zhejiang hold talks - Hangzhou, China",
        "HK, Zhejiang hold talks",
    ),
    (
        "hktdc/en_2019_city_brain.html",
        "City Brain wows ICT Expo | HKTDC Media Room",
        "City Brain wows ICT Expo",
    ),
    (
        "investhk/en_2025_hangzhou_promotion.html",
        "Zhejiang enterprises roadshow - highlights - InvestHK",
        "Zhejiang enterprises roadshow - highlights",
    ),
    (
        "newsgovhk/en_2017_old_layout_liaison_unit.html",
        "news.gov.hk - Zhejiang liaison unit opens in Hangzhou",  # the old layout leads with it
        "Zhejiang liaison unit opens in Hangzhou",
    ),
    (
        "people/zh_2019_innovation_forum.html",
        "杭港创新合作论坛举行｜两地签署8项协议--港澳频道--人民网",  # section and site
        "杭港创新合作论坛举行｜两地签署8项协议",
    ),
    (
        "rthk/en_2025_zhejiang_projects.html",
        "HK and Zhejiang line up 51 joint projects - video - RTHK",
        "HK and Zhejiang line up 51 joint projects - video",
    ),
    (
        "scmp/2019-free-city-brain.html",
        "Hangzhou shows off City Brain | South China Morning Post",
        "Hangzhou shows off City Brain",
    ),
    (
        "xinhua/en_2019_city_brain.html",
        "City Brain in HK - Xinhua | English.news.cn",
        "City Brain in HK",
    ),
    (
        "zj_gov/2025_zhe_gang_hezuo_huiyi.html",
        "浙江省人民政府 浙江要闻 浙港合作会议第一次全体会议在杭州举行",  # site and column lead
        "浙港合作会议第一次全体会议在杭州举行",
    ),
]


@pytest.mark.parametrize(("page", "title", "headline"), TITLES)
def test_a_headline_found_only_in_the_title_loses_exactly_the_site_name(
    page: str, title: str, headline: str
) -> None:
    record = parse(page, headline_only_in_title(page, title))
    assert record.title == headline
