"""Pages we have no parser for: their date as the publisher's own day, and the headline they show.

Each page below is written for the test (our sentences) in the shape real news sites use: UTC
metadata beside a local byline, a `<time>` element as the only date, a logo in an `<h1>`, titles
escaped twice, live blogs linked to one post.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

from parsers.article import parse_article
from parsers.article.generic import live_post_id, looks_like_code
from parsers.article.headlines import agreement, unescape

EIGHT = timezone(timedelta(hours=8))
SENTENCES = [
    "Hangzhou and Hong Kong agreed on Thursday to deepen cooperation in finance and technology.",
    "Officials from both cities said several working groups would meet before the end of the year.",
    "The agreements cover smart city construction, professional services and new energy projects.",
]
URL = "https://news.example.com/world/hangzhou-hong-kong-ties"


def page(head: str = "", body: str = "") -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


def story(headline: str = "Two cities deepen ties", byline: str = "") -> str:
    paragraphs = "".join(f"<p>{s}</p>" for s in SENTENCES)
    return f"<article><h1>{headline}</h1>{byline}{paragraphs}</article>"


def meta(name: str, value: str) -> str:
    return f'<meta property="{name}" content="{value}">'


# Dates --------------------------------------------------------------------------------------


def test_utc_metadata_keeps_its_instant_in_the_offset_the_byline_prints() -> None:
    """The metadata says 04:31 UTC on the 20th; the page prints 10:31 pm CST on the 19th."""
    head = meta("article:published_time", "2019-11-20T04:31:13+00:00")
    byline = '<div class="author_date">Ann Lee - Nov 19, 2019, 10:31 pm CST</div>'

    record = parse_article(page(head, story(byline=byline)), URL)

    assert record.published_at == datetime.fromisoformat("2019-11-19T22:31:13-06:00")


def test_a_printed_local_time_without_a_zone_still_gives_the_offset() -> None:
    head = meta("article:published_time", "2019-11-20T01:50:59Z")
    byline = '<div class="ArticlePage-datePublished">Nov. 19, 2019 5:50 PM</div>'

    record = parse_article(page(head, story(byline=byline)), URL)

    assert record.published_at == datetime.fromisoformat("2019-11-19T17:50:59-08:00")


def test_a_printed_day_before_the_utc_day_puts_the_story_on_that_day() -> None:
    """No printed time: the URL's day is the publisher's, west of UTC."""
    head = meta("article:published_time", "2019-11-19T04:58:46Z")
    url = "https://news.example.com/2019/11/18/new-york-inquiry/"

    record = parse_article(page(head, story()), url)

    assert record.published_at is not None
    assert record.published_at.date().isoformat() == "2019-11-18"
    assert record.published_at.astimezone(UTC) == datetime(2019, 11, 19, 4, 58, 46, tzinfo=UTC)


def test_an_offset_the_page_writes_is_the_pages_own_and_stays() -> None:
    head = meta("article:published_time", "2019-06-18T08:00:00+08:00")
    byline = '<p class="byline">June 17, 2019 8:00 pm EDT</p>'

    record = parse_article(page(head, story(byline=byline)), URL)

    assert record.published_at is not None
    assert record.published_at.isoformat() == "2019-06-18T08:00:00+08:00"


def test_utc_metadata_on_a_chinese_site_is_read_in_china_time() -> None:
    head = meta("article:published_time", "2019-06-17T20:30:00Z")

    record = parse_article(page(head, story()), "https://www.example.com.cn/a/1.html")

    assert record.published_at == datetime(2019, 6, 18, 4, 30, tzinfo=EIGHT)
    assert record.published_at is not None and record.published_at.utcoffset() == timedelta(hours=8)


def test_a_time_element_is_the_date_of_a_page_without_date_metadata() -> None:
    byline = '<time datetime="2019-11-19T11:45:59.000Z">1 day ago</time>'

    record = parse_article(page("", story(byline=byline)), URL)

    assert record.published_at == datetime(2019, 11, 19, 11, 45, 59, tzinfo=UTC)


def test_a_time_elements_text_without_a_year_takes_the_year_of_its_datetime() -> None:
    head = meta("article:published_time", "2019-11-19T01:19:34Z")
    byline = '<time datetime="2019-11-19T01:19:34Z">Posted Nov 18, 8:19 PM</time>'

    record = parse_article(page(head, story(byline=byline)), URL)

    assert record.published_at == datetime.fromisoformat("2019-11-18T20:19:34-05:00")


def test_a_byline_date_is_found_when_the_page_has_no_metadata() -> None:
    byline = '<span class="storyDate">Posted: Fri 6:45 PM, Feb 16, 2018</span>'

    record = parse_article(page("", story(byline=byline)), URL)

    assert record.published_at is not None
    assert record.published_at.date().isoformat() == "2018-02-16"
    assert (record.published_at.hour, record.published_at.minute) == (18, 45)


def test_a_clock_printed_before_its_date_is_read_with_it() -> None:
    byline = '<span class="timestamp">Updated 12:24 am EST, Wednesday, November 20, 2019</span>'
    head = meta("article:published_time", "2019-11-20T02:07:18Z")

    record = parse_article(page(head, story(byline=byline)), URL)

    assert record.published_at == datetime.fromisoformat("2019-11-19T21:07:18-05:00")


def test_a_chinese_date_without_metadata_is_midnight_china_time() -> None:
    byline = '<div class="info">来源：某某网 发布时间：2023年6月26日</div>'
    text = "<p>杭州与香港两地代表签署多项合作协议。</p>"
    body = f"<article><h1>两地签署合作协议</h1>{byline}{text}</article>"

    record = parse_article(page("", body), "https://www.example.cn/news/1.html")

    assert record.published_at == datetime(2023, 6, 26, tzinfo=EIGHT)


def test_the_mastheads_today_and_readers_comments_are_not_the_stories_date() -> None:
    header = (
        '<header><nav><a href="/">Home</a></nav><div class="date">November 20, 2019</div></header>'
    )
    comments = '<div class="comments"><span class="date">November 22, 2019</span></div>'
    byline = '<p class="byline">By Ann Lee, November 18, 2019</p>'
    body = header + story(byline=byline) + comments

    record = parse_article(page("", body), URL)

    assert record.published_at is not None
    assert record.published_at.date().isoformat() == "2019-11-18"


def test_a_date_in_the_url_is_midnight_in_the_pages_zone() -> None:
    record = parse_article(page("", story()), "https://www.example.cn/2023-06/26/c_1.htm")

    assert record.published_at == datetime(2023, 6, 26, tzinfo=EIGHT)


def test_htmldate_finds_a_date_the_other_readers_miss() -> None:
    """Only in free text far below the headline: htmldate's extensive search still finds it."""
    filler = "".join(f"<p>{s}</p>" for s in SENTENCES * 3)
    body = f"<h1>Two cities deepen ties</h1>{filler}<div>Date of this release: 2021-03-04</div>"

    record = parse_article(page("", body), URL)

    assert record.published_at is not None
    assert record.published_at.date().isoformat() == "2021-03-04"


# Titles -------------------------------------------------------------------------------------


def test_entities_escaped_twice_are_resolved_in_titles() -> None:
    title = "&amp;#8216;Made in Hangzhou&amp;#8217; fair opens in Hong Kong&amp;#8217;s harbour"
    head = f"<title>{title}</title>"

    record = parse_article(page(head, "".join(f"<p>{s}</p>" for s in SENTENCES)), URL)

    assert record.title == "‘Made in Hangzhou’ fair opens in Hong Kong’s harbour"
    assert unescape("Ben &amp;amp; Jerry &#8211; a &lt;b&gt;") == "Ben & Jerry – a <b>"


def test_the_displayed_headline_beats_a_section_in_og_title() -> None:
    head = meta("og:title", "Opinion | Two cities, one bay area of ideas")
    body = story("Two cities, one bay area of ideas")

    record = parse_article(page(head, body), URL)

    assert record.title == "Two cities, one bay area of ideas"


def test_the_displayed_headline_beats_an_seo_headline_in_json_ld() -> None:
    linked = {
        "@type": "NewsArticle",
        "headline": "Hangzhou Hong Kong ferry delay explained by operator",
    }
    head = meta("og:title", "We were not ready, operator says of ferry delay") + (
        f'<script type="application/ld+json">{json.dumps(linked)}</script>'
    )
    body = story("‘We were not ready,’ operator says of ferry delay")

    record = parse_article(page(head, body), URL)

    assert record.title == "‘We were not ready,’ operator says of ferry delay"


def test_a_logo_in_an_h1_is_not_the_headline() -> None:
    head = meta("og:title", "Two cities deepen ties") + meta("og:site_name", "Example Daily")
    logo = '<div id="header"><a href="/"><h1>Example Daily</h1></a></div>'
    body = logo + "<h2>Two cities deepen ties</h2>" + "".join(f"<p>{s}</p>" for s in SENTENCES)

    record = parse_article(page(head, body), URL)

    assert record.title == "Two cities deepen ties"


def test_site_names_are_learned_from_the_host_on_chinese_pages_too() -> None:
    head = "<title>两地签署十三项合作协议_澎湃新闻-The Paper</title>"
    body = "".join(f"<p>{s}</p>" for s in SENTENCES)

    record = parse_article(page(head, body), "https://www.thepaper.cn/newsDetail_forward_1")

    assert record.title == "两地签署十三项合作协议"


def test_a_chinese_site_name_joined_without_spaces_is_cut() -> None:
    head = meta("og:title", "杭港合作论坛在杭州举行-新华网")
    body = "".join(f"<p>{s}</p>" for s in SENTENCES)

    record = parse_article(page(head, body), "https://www.example.cn/a/1.html")

    assert record.title == "杭港合作论坛在杭州举行"


def test_a_short_last_segment_of_a_displayed_headline_is_its_own() -> None:
    head = meta("og:title", "Two cities line up 51 joint projects - video | Example News")

    record = parse_article(page(head, story("Two cities line up 51 joint projects - video")), URL)

    assert record.title == "Two cities line up 51 joint projects - video"


def test_agreement_counts_the_longer_titles_words() -> None:
    assert agreement("Comments", "Hangzhou opens a new metro line to the airport. Comments") < 0.2
    assert agreement("Is the bay area a region?", "Opinion | Is the Bay Area a Region?") > (0.8)


# Bodies -------------------------------------------------------------------------------------


def test_a_complete_json_ld_body_beats_a_reading_with_script_text_in_it() -> None:
    """The DOM reading is about as long as articleBody, but half of it is a script's JSON."""
    linked = {"@type": "NewsArticle", "headline": "Two cities deepen ties"}
    linked["articleBody"] = "\n".join(SENTENCES)
    script_text = json.dumps({"@context": "https://schema.org", "@type": "WebPage", "n": [1] * 60})
    head = f'<script type="application/ld+json">{json.dumps(linked)}</script>'
    body = f"<article><h1>Two cities deepen ties</h1><p>{SENTENCES[0]}</p><p>{script_text};</p>"

    record = parse_article(page(head, body + "</article>"), URL)

    assert record.body == tuple(SENTENCES)


def test_script_text_never_reaches_the_body() -> None:
    assert looks_like_code('{"@context": "https://schema.org", "@type": "NewsArticle"}')
    assert looks_like_code("var googletag = googletag || {}; googletag.cmd = [];")
    assert not looks_like_code("The mayor said: “We will build [a new] bridge; it is {needed}.”")


def test_a_live_blog_link_to_one_post_gets_that_post() -> None:
    posts = (
        '<div id="post-101"><h2>Talks open</h2><p>Delegations from both cities met at 9am.</p>'
        '</div><div id="post-102"><h2>Deal signed</h2>'
        "<p>The two sides signed a finance pact at noon.</p></div>"
    )
    body = f"<article><h1>Live: Hangzhou-Hong Kong talks</h1>{posts}</article>"

    record = parse_article(page("", body), URL + "#post-102")

    assert record.body == ("Deal signed", "The two sides signed a finance pact at noon.")
    assert live_post_id(URL + "?post=77") == "77"
    assert live_post_id(URL) is None
