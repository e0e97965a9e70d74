"""SCMP: paragraphs from the state tree when the HTML does not render them; no columnist bios."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from parsers.article import parse_article
from parsers.article.publishers.scmp import state_paragraphs

OPINION = (
    Path(__file__).resolve().parent.parent / "fixtures/articles/scmp/2019-opinion-author-bio.html"
)
OPINION_URL = (
    "https://www.scmp.com/comment/opinion/article/3015377/"
    "hong-kong-should-treat-hangzhou-partner-not-rival"
)

URL = "https://www.scmp.com/news/hong-kong/article/3301234/hong-kong-and-zhejiang-sign-deals"


def text(value: str) -> dict[str, object]:
    return {"type": "text", "data": value}


BODY = [
    {"type": "p", "children": [text("Hong Kong and Zhejiang agreed on 13 areas of co-operation.")]},
    {"type": "ad1"},
    {
        "type": "h3",
        "children": [{"type": "a", "attribs": {"href": "/x"}, "children": [text("Other story")]}],
    },
    {
        "type": "p",
        "children": [text("Officials listed 51 projects, "), text("from finance to AI.")],
    },
    {"type": "h3", "children": [text("What comes next")]},
    {"type": "more-on-this"},
]
STATE = {
    "contentService": {
        "$ROOT_QUERY.content(main)": {
            "entityId": "3301234",
            'body({"customContents":[]})': {"type": "json", "json": BODY},
        },
        "$ROOT_QUERY.content(main).moreOnThisArticles.0": {
            "entityId": "3300000",
            'body({"customContents":[]})': {"type": "json", "json": [BODY[0]]},
        },
    }
}
LINKED = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Hong Kong and Zhejiang sign deals",
    "datePublished": "2025-04-24T18:00:00+08:00",
    "author": {"@type": "Person", "name": "A Reporter"},
    "isAccessibleForFree": "False",
    "articleBody": "Hong Kong and Zhejiang agreed on 13 areas. Other story Officials listed 51.",
}
PAGE = f"""<html><head><title>Hong Kong and Zhejiang sign deals | South China Morning Post</title>
<link rel="canonical" href="{URL}">
<script type="application/ld+json">{json.dumps(LINKED)}</script></head>
<body><h1 class="main-headline">Hong Kong and Zhejiang sign deals</h1>
<script>window.__APOLLO_STATE__={json.dumps(STATE)}</script></body></html>"""


def test_the_state_tree_gives_paragraphs_without_related_story_links() -> None:
    assert state_paragraphs(PAGE, "3301234") == [
        "Hong Kong and Zhejiang agreed on 13 areas of co-operation.",
        "Officials listed 51 projects, from finance to AI.",
        "What comes next",
    ]


def test_the_record_uses_the_state_tree_over_the_flat_article_body() -> None:
    record = parse_article(PAGE.encode(), URL)
    assert record.parser == "scmp"
    assert record.body[:2] == (
        "Hong Kong and Zhejiang agreed on 13 areas of co-operation.",
        "Officials listed 51 projects, from finance to AI.",
    )
    assert not any("Other story" in p for p in record.body)
    assert record.access == "paywalled"


def test_a_page_without_state_falls_back_to_the_article_body() -> None:
    page = PAGE.replace("window.__APOLLO_STATE__=", "window.__OTHER__=")
    record = parse_article(page.encode(), URL)
    assert "Other story" in record.text  # the flat articleBody cannot tell it apart
    assert state_paragraphs("<html>broken window.__APOLLO_STATE__={", "1") == []


def test_an_opinion_page_ends_with_its_argument_not_the_columnist_bio() -> None:
    record = parse_article(OPINION.read_bytes(), OPINION_URL)
    assert record.authors == ("Helen Lo",)
    assert record.body[-1].startswith("Competition between the two cities is real")
    assert "Helen Lo is a former trade official" not in record.text


def test_a_bio_closing_the_state_tree_paragraphs_is_dropped_too() -> None:
    bio = {"type": "p", "children": [text("A Reporter is a political consultant in Hong Kong")]}
    state = json.dumps(STATE).replace(json.dumps(BODY), json.dumps([*BODY, bio]), 1)
    record = parse_article(PAGE.replace(json.dumps(STATE), state).encode(), URL)
    assert record.body[-1] == "What comes next"


NEXT_PAGE = (
    Path(__file__).resolve().parent.parent / "fixtures/articles/scmp/2025-next-data-plenary.html"
)
NEXT_URL = (
    "https://www.scmp.com/news/hong-kong/politics/article/3307712/"
    "hong-kong-and-zhejiang-agree-13-areas-co-operation-first-plenary-session"
)


def test_todays_pages_are_read_from_next_data_before_the_flat_article_body() -> None:
    record = parse_article(NEXT_PAGE.read_bytes(), NEXT_URL)
    assert record.body[0].startswith("Hong Kong and Zhejiang agreed on Thursday")
    assert not any("John Lee to lead delegation" in p for p in record.body)  # a related link
    assert record.authors == ("Kathy Lau",)
    assert record.published_at == datetime.fromisoformat("2025-04-24T18:00:00+08:00")
    assert record.section == "Hong Kong"
    assert record.title == (
        "Hong Kong and Zhejiang agree on 13 areas of co-operation at first plenary session"
    )


def test_next_data_headline_is_used_when_the_page_renders_no_h1() -> None:
    html = NEXT_PAGE.read_text(encoding="utf-8")
    html = html.replace('data-qa="ContentHeadline-Headline"', 'data-qa="Other"').replace(
        "<h1 ", "<div "
    )
    record = parse_article(html.encode(), NEXT_URL)
    assert record.title == (
        "Hong Kong and Zhejiang agree on 13 areas of co-operation at first plenary session"
    )


def test_the_article_id_is_read_from_a_url_with_tracking_parameters() -> None:
    page = PAGE.replace(URL, "https://www.scmp.com/article/3301234?utm_source=rss_feed")
    record = parse_article(page.encode(), "https://www.scmp.com/article/3301234?utm_source=rss")
    assert record.external_id == "3301234"
    assert record.body[0] == "Hong Kong and Zhejiang agreed on 13 areas of co-operation."
