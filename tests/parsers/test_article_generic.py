"""The generic parser: metadata from JSON-LD / OpenGraph, body from trafilatura, fallbacks."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from parsers.article import parse_article

EIGHT = timezone(timedelta(hours=8))
SENTENCES = [
    "Hangzhou and Hong Kong agreed on Thursday to deepen cooperation in finance and technology.",
    "Officials from both cities said several working groups would meet before the end of the year.",
    "The agreements cover smart city construction, professional services and new energy projects.",
]


def page(head: str = "", body: str = "") -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


def article(*extra: str) -> str:
    return "<article>" + "".join(f"<p>{s}</p>" for s in [*SENTENCES, *extra]) + "</article>"


def test_metadata_comes_from_json_ld_and_open_graph() -> None:
    linked = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Example"},
            {
                "@type": "NewsArticle",
                "headline": "Two cities deepen ties",
                "author": [{"@type": "Person", "name": "Jane Lee"}, "Tom Wong"],
                "datePublished": "2023-06-26T10:00:00+08:00",
                "isAccessibleForFree": False,
            },
        ],
    }
    head = (
        '<meta property="og:site_name" content="Example News">'
        f'<script type="application/ld+json">{json.dumps(linked)}</script>'
    )
    record = parse_article(page(head, article()), "https://news.example.com/a/1")
    assert record.title == "Two cities deepen ties"
    assert record.authors == ("Jane Lee", "Tom Wong")
    assert record.published_at == datetime(2023, 6, 26, 10, tzinfo=EIGHT)
    assert record.access == "paywalled"
    assert record.body == tuple(SENTENCES)


def test_site_names_are_stripped_from_titles() -> None:
    head = (
        "<title>Two cities deepen ties | Example News</title>"
        '<meta property="og:site_name" content="Example News">'
    )
    record = parse_article(page(head, article()), "https://news.example.com/a/1")
    assert record.title == "Two cities deepen ties"


def test_naive_times_are_utc_on_english_sites_and_utc8_on_chinese_ones() -> None:
    head = '<title>Story</title><meta property="article:published_time" content="2023-06-26 10:00">'
    english = parse_article(page(head, article()), "https://news.example.com/a/1")
    chinese_host = parse_article(page(head, article()), "https://news.example.com.hk/a/1")
    assert english.published_at == datetime(2023, 6, 26, 10, tzinfo=UTC)
    assert chinese_host.published_at == datetime(2023, 6, 26, 10, tzinfo=EIGHT)


def test_a_date_printed_under_the_headline_is_found() -> None:
    body = "<h1>杭州与香港深化合作</h1><div class='info'>2019年6月14日 09:30 来源：某网</div>"
    record = parse_article(
        page("<title>杭州与香港深化合作</title>", body + article()), "http://a.example.cn/x"
    )
    assert record.published_at == datetime(2019, 6, 14, 9, 30, tzinfo=EIGHT)


def test_a_date_in_the_url_is_the_last_resort() -> None:
    record = parse_article(
        page("<title>Story</title>", article()), "https://a.example.com/2019/06/14/story/"
    )
    assert record.published_at is not None
    assert record.published_at.date().isoformat() == "2019-06-14"


def test_json_ld_article_body_is_used_when_the_page_renders_the_story_with_script() -> None:
    text = "\n".join(SENTENCES)
    linked = {"@type": "NewsArticle", "headline": "Two cities", "articleBody": text}
    head = f'<script type="application/ld+json">{json.dumps(linked)}</script>'
    record = parse_article(
        page(head, "<div id='app'>Loading…</div>"), "https://spa.example.com/a/1"
    )
    assert record.body == tuple(SENTENCES)


def test_captions_and_boilerplate_are_kept_out_of_the_body() -> None:
    body = article("A delegation visits Hangzhou. [Photo/Xinhua]", "Share this article")
    record = parse_article(page("<title>Story</title>", body), "https://news.example.com/a/1")
    assert record.body == tuple(SENTENCES)
    assert record.captions == ("A delegation visits Hangzhou. [Photo/Xinhua]",)


def test_a_placeholder_json_ld_date_is_reported_missing_not_stored() -> None:
    from parsers.article import parse_article

    page = b"""<html><head><title>Talks resume</title>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Talks resume",
 "datePublished": "0001-01-01T00:00:00Z", "dateModified": "0001-01-01T00:00:00Z"}</script>
</head><body><article><h1>Talks resume</h1>
<p>Negotiators from both cities met again on Monday to settle the remaining questions.</p>
<p>They expect to publish a joint statement once the last details have been agreed.</p>
</article></body></html>"""
    record = parse_article(page, "https://news.example/talks")
    assert record.published_at is None and record.updated_at is None
    assert "missing published_at" in record.problems


def readings(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bool, bool]]:
    """(favor_precision, fast) of each trafilatura reading the generic parser asks for."""
    import trafilatura

    asked: list[tuple[bool, bool]] = []
    extract = trafilatura.extract

    def counted(*args: Any, **kwargs: Any) -> str | None:
        asked.append((kwargs["favor_precision"], kwargs["fast"]))
        return extract(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "extract", counted)
    return asked


def test_a_full_article_is_read_once_without_trafilaturas_fallback_extractors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The fallbacks (readability, jusText) were half of trafilatura's time on the ingest
    benchmark's pages; on the 382 generic pages we have they changed no record."""
    asked = readings(monkeypatch)
    long_story = [f"{s} Paragraph {i} adds more detail." for i in range(6) for s in SENTENCES]
    record = parse_article(page(body=article(*long_story)), "https://news.example/a.html")
    assert len(record.text) > 1000
    assert asked == [(True, True)]


def test_a_short_reading_is_taken_again_with_the_fallbacks_then_in_the_default_mode(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = readings(monkeypatch)
    record = parse_article(page(body=article()), "https://news.example/b.html")
    assert record.body
    assert asked == [(True, True), (True, False), (False, False)]
