"""Which layout version reads a page when both versions' article containers are on it.

A version is chosen first by its container: on real pages of these sites only one layout's
container is present, so that alone decides. The publication date and each old version's
`valid_until` break the tie when a page carries both (a redesign half rolled out, a template that
kept an old wrapper): the version in force on that day wins. Each page below carries both
containers with a different headline in each, so the headline shows which version read it.
"""

from __future__ import annotations

import pytest

from parsers.article import parse_article

CHINA_DAILY = """<html><head><title>Forum - Chinadaily.com.cn</title></head><body>
<div class="lft_art"><h1>Read by the current layout</h1>
<span class="info_l">By Ma Zhenhuan | China Daily | Updated: {day} 07:52</span></div>
<div id="Title_e"><h1>Read by the legacy layout</h1>
<div class="greyText">By Chen Liang | China Daily | Updated: {day} 07:52</div></div>
<div id="Content"><p>Hangzhou and Hong Kong officials met in the city to discuss trade.</p></div>
</body></html>"""

NEWS_GOV_HK = """<html><head><title>Forum | news.gov.hk</title></head><body>
<div id="content">
<div id="newsTitle">Read by the legacy layout</div>
<div id="newsContent"><p>The old template's text block holds this paragraph.</p></div>
<article class="news-detail"><h1 class="news-title">Read by the current layout</h1>
<div class="newsdetail-content"><p>The new template's text block holds this one instead.</p></div>
</article></div></body></html>"""

XINHUA = """<html><head><title>Forum - Xinhua</title></head><body>
<div id="content"><div class="h-title">Read by the legacy layout</div>
<p>HANGZHOU (Xinhua) -- Officials from Hangzhou and Hong Kong met on Monday.</p></div>
<div class="conTop"><h1>Read by the current layout</h1></div>
<span id="detailContent"><p>HANGZHOU (Xinhua) -- The two sides agreed to meet again.</p></span>
</body></html>"""

PEOPLE = """<html><head><title>论坛--港澳频道--人民网</title>
<meta name="publishdate" content="{day}"></head><body>
<div class="text_title"><h1>旧版页面读取的标题</h1></div>
<div id="rwb_zw"><p>　　杭州与香港两地代表在论坛上交流合作经验。</p></div>
<div class="rm_txt"><div class="col-1"><h1>新版页面读取的标题</h1></div>
<div class="rm_txt_con"><p>　　双方表示将继续推进各领域合作。</p></div></div>
</body></html>"""

LEGACY, CURRENT = "Read by the legacy layout", "Read by the current layout"

CASES = [
    # (page, URL, day in the page, the headline only the layout in force that day reads)
    (
        CHINA_DAILY,
        "https://www.chinadaily.com.cn/a/201906/18/WS5d0a1b2ca3103dbf1432a001.html",
        "2017-12-31",  # ChinaDailyLegacy.valid_until
        LEGACY,
    ),
    (
        CHINA_DAILY,
        "https://www.chinadaily.com.cn/a/201906/18/WS5d0a1b2ca3103dbf1432a001.html",
        "2018-01-01",
        CURRENT,
    ),
    (
        NEWS_GOV_HK,
        "https://www.news.gov.hk/en/categories/admin/html/2018/03/20180331_101500.shtml",
        "",  # the date is in the URL
        LEGACY,
    ),
    (
        NEWS_GOV_HK,
        "https://www.news.gov.hk/eng/2018/04/20180401/20180401_101500_101.html",
        "",
        CURRENT,
    ),
    (XINHUA, "http://www.xinhuanet.com/english/2020-12/31/c_139631501.htm", "", LEGACY),
    (
        XINHUA,
        "https://english.news.cn/20210101/0f1e2d3c4b5a69788796a5b4c3d2e1f0/c.html",
        "",
        CURRENT,
    ),
    (
        PEOPLE,
        "http://hm.people.com.cn/n1/2020/1231/c42272-31985001.html",
        "2020-12-31",
        "旧版页面读取的标题",
    ),
    (
        PEOPLE,
        "http://hm.people.com.cn/n1/2021/0101/c42272-31985002.html",
        "2021-01-01",
        "新版页面读取的标题",
    ),
]


@pytest.mark.parametrize(("page", "url", "day", "headline"), CASES)
def test_the_layout_in_force_on_the_publication_day_reads_a_page_with_both_containers(
    page: str, url: str, day: str, headline: str
) -> None:
    assert parse_article(page.format(day=day).encode(), url).title == headline
