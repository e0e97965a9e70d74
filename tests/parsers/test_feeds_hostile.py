"""Hostile XML (billion laughs, external entities, parameter entities) never expands or fetches."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from pytest_httpserver import HTTPServer

from parsers.errors import ParseError
from parsers.feeds import parse_feed

FEEDS = Path(__file__).parents[1] / "fixtures" / "feeds"


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        ("rss", "hostile_billion_laughs.xml"),
        ("atom", "hostile_billion_laughs.xml"),
        ("google_news", "hostile_billion_laughs.xml"),
        ("govhk_press", "hostile_billion_laughs.xml"),
        ("rss", "hostile_xxe.xml"),
        ("sitemap", "hostile_parameter_entity.xml"),
        ("sitemap", "hostile_sitemap_laughs.xml"),
    ],
)
def test_entity_declarations_are_refused_with_a_clear_error(kind: str, name: str) -> None:
    with pytest.raises(ParseError, match="refused hostile XML"):
        parse_feed(kind, (FEEDS / name).read_bytes(), "https://x.test/feed")


def test_a_utf16_encoded_billion_laughs_is_refused_too() -> None:
    text = (FEEDS / "hostile_billion_laughs.xml").read_text("utf-8")
    data = text.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="utf-16"?>')

    with pytest.raises(ParseError, match="refused hostile XML"):
        parse_feed("rss", data.encode("utf-16"), "https://x.test/feed")


def test_feedparser_itself_does_not_expand_entities_either() -> None:
    """Defence in depth: even without our check, feedparser strips the internal subset."""
    parsed = feedparser.parse((FEEDS / "hostile_billion_laughs.xml").read_bytes())
    leaked = feedparser.parse((FEEDS / "hostile_xxe.xml").read_bytes())

    assert all(len(entry.get("title", "")) < 100 for entry in parsed.entries)
    assert all("root:" not in entry.get("title", "") for entry in leaked.entries)


def test_external_entities_and_dtds_are_never_fetched(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/evil.dtd").respond_with_data('<!ENTITY x "expanded">')
    dtd = httpserver.url_for("/evil.dtd")
    documents = [
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "{dtd}">]>'
        '<rss version="2.0"><channel><item><title>&x;</title>'
        "<link>https://x.test/a</link></item></channel></rss>",
        f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{dtd}">'
        '<rss version="2.0"><channel><item><title>&x;</title>'
        "<link>https://x.test/a</link></item></channel></rss>",
    ]

    for document in documents:
        try:
            items = parse_feed("rss", document.encode(), "https://x.test/feed")
        except ParseError:
            continue
        assert all("expanded" not in (item.title or "") for item in items)

    assert httpserver.log == []


def test_a_public_dtd_reference_alone_does_not_stop_an_old_rss_091_feed() -> None:
    data = (
        b'<?xml version="1.0"?>\n'
        b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        b' "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
        b'<rss version="0.91"><channel><title>old</title><link>https://x.test/</link>'
        b"<item><title>Hangzhou</title><link>https://x.test/a</link></item></channel></rss>"
    )

    assert [item.url for item in parse_feed("rss", data, "https://x.test/feed")] == [
        "https://x.test/a"
    ]
