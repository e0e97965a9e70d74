"""Sources are data: the shipped list loads, search URLs are built correctly, and a bad entry is
explained by its position, id and field."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from config.errors import ConfigError
from config.source_list import Source, load_sources, select_sources
from flows.polling import gdelt_url, google_news_url, parse_options, request_url, source_row

PROJECT_SOURCES = Path(__file__).resolve().parents[2] / "config" / "sources.toml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, "utf-8")
    return path


def query_of(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def test_the_shipped_sources_load_and_cover_every_kind() -> None:
    sources = load_sources(PROJECT_SOURCES)
    kinds = {s.kind for s in sources}
    assert kinds >= {
        "rss",
        "google_news",
        "gdelt_doc",
        "govhk_press",
        "investhk_json",
        "sitemap",
        "html_list",
    }
    assert len({s.id for s in sources}) == len(sources)
    editions = {s.edition for s in sources if s.kind == "google_news"}
    assert editions >= {"en-HK", "zh-HK", "zh-CN"}
    assert any(s.official for s in sources)
    for source in sources:
        assert request_url(source).startswith("https://")


@pytest.mark.parametrize(
    ("edition", "hl", "gl", "ceid", "language"),
    [
        ("en-HK", "en-HK", "HK", "HK:en", "en"),
        ("zh-HK", "zh-HK", "HK", "HK:zh-Hant", "zh-Hant"),
        ("zh-CN", "zh-CN", "CN", "CN:zh-Hans", "zh-Hans"),
    ],
)
def test_google_news_urls_carry_an_agreeing_edition(
    edition: str, hl: str, gl: str, ceid: str, language: str
) -> None:
    source = Source(
        id="gn", name="GN", kind="google_news", edition=edition, query='杭州 "Hong Kong" when:7d'
    )
    url = google_news_url(source)
    assert url.startswith("https://news.google.com/rss/search?")
    assert query_of(url) == {"q": '杭州 "Hong Kong" when:7d', "hl": hl, "gl": gl, "ceid": ceid}
    assert source.effective_language == language


def test_a_url_on_a_search_source_replaces_the_service_address() -> None:
    source = Source(
        id="gn",
        name="GN",
        kind="google_news",
        edition="en-HK",
        query="Hangzhou",
        url="http://127.0.0.1:8000/rss/search",
    )
    assert request_url(source).startswith("http://127.0.0.1:8000/rss/search?q=Hangzhou&")


def test_gdelt_urls_ask_for_an_artlist_over_the_timespan_or_a_window() -> None:
    source = Source(
        id="g",
        name="G",
        kind="gdelt_doc",
        query='(Hangzhou OR Zhejiang) "Hong Kong"',
        timespan="3d",
    )
    params = query_of(gdelt_url(source))
    assert params["mode"] == "artlist"
    assert params["format"] == "json"
    assert params["maxrecords"] == "250"
    assert params["timespan"] == "3d"
    assert params["query"] == '(Hangzhou OR Zhejiang) "Hong Kong"'
    hk = timezone(timedelta(hours=8))
    windowed = query_of(
        gdelt_url(
            source,
            start=datetime(2025, 4, 24, 8, 0, tzinfo=hk),
            end=datetime(2025, 4, 25, tzinfo=UTC),
        )
    )
    assert (windowed["startdatetime"], windowed["enddatetime"]) == (
        "20250424000000",
        "20250425000000",
    )
    assert "timespan" not in windowed


def test_parse_options_pass_what_the_feed_parsers_take() -> None:
    listing = Source(
        id="l",
        name="L",
        kind="html_list",
        url="https://eng.hangzhou.gov.cn/",
        selector="a[href*='/art/']",
        language="en",
    )
    assert parse_options(listing) == {"language": "en", "selector": "a[href*='/art/']"}
    gn = Source(id="gn", name="GN", kind="google_news", edition="zh-HK", query="杭州")
    assert parse_options(gn) == {"language": "zh-Hant"}


def test_source_rows_keep_the_kind_specific_options() -> None:
    gn = Source(id="gn", name="GN", kind="google_news", edition="zh-CN", query="杭州")
    row = source_row(gn)
    assert (row.language, dict(row.options)) == ("zh-Hans", {"edition": "zh-CN"})


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            'id = "gn"\nname = "x"\nkind = "google_news"\nedition = "en-HK"',
            "source #2 (id 'gn'): kind 'google_news' needs a query",
        ),
        (
            'id = "x"\nname = "x"\nkind = "podcast"\nurl = "https://a.hk/"',
            "source #2 (id 'x'): field 'kind'",
        ),
        (
            'id = "gn"\nname = "x"\nkind = "google_news"\nquery = "q"\nedition = "fr-FR"',
            "google_news needs edition, one of",
        ),
        (
            'id = "gn"\nname = "x"\nkind = "google_news"\nquery = "q"\nedition = "zh-CN"\n'
            'language = "zh-Hant"',
            "language 'zh-Hant' disagrees with edition 'zh-CN'",
        ),
        (
            'id = "l"\nname = "x"\nkind = "html_list"\nurl = "https://a.hk/"',
            "kind 'html_list' needs a selector",
        ),
        (
            'id = "r"\nname = "x"\nkind = "rss"\nurl = "https://a.hk/"\npoll_intervall = 5',
            "field 'poll_intervall': Extra inputs are not permitted",
        ),
        (
            'id = "r"\nname = "x"\nkind = "rss"\nurl = "ftp://a.hk/feed"',
            "url must be an http(s) URL",
        ),
        (
            'id = "ok"\nname = "x"\nkind = "rss"\nurl = "https://b.hk/"',
            "source #2 (id 'ok'): id 'ok' is already used by source #1",
        ),
    ],
)
def test_a_bad_entry_is_named_with_its_field(tmp_path: Path, entry: str, message: str) -> None:
    good = '[[source]]\nid = "ok"\nname = "Fine"\nkind = "rss"\nurl = "https://a.hk/feed.xml"\n'
    path = write(tmp_path, f"{good}\n[[source]]\n{entry}\n")
    with pytest.raises(ConfigError) as caught:
        load_sources(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)


def test_unreadable_files_are_explained(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such sources file"):
        load_sources(tmp_path / "missing.toml")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_sources(write(tmp_path, "[[source]\nid ="))
    with pytest.raises(ConfigError, match=r"use \[\[source\]\] tables"):
        load_sources(write(tmp_path, "[sources]\nid = 1\n"))


def test_selection_is_the_enabled_sources_or_exactly_the_named_ones() -> None:
    on = Source(id="on", name="On", kind="rss", url="https://a.hk/1.xml")
    off = Source(id="off", name="Off", kind="rss", url="https://a.hk/2.xml", enabled=False)
    assert select_sources([on, off], None) == [on]
    assert select_sources([on, off], ["off"]) == [off]
    with pytest.raises(ConfigError, match="unknown source id"):
        select_sources([on, off], ["nope"])


def test_a_source_is_due_when_its_interval_has_passed_or_it_never_answered() -> None:
    from datetime import UTC, datetime, timedelta

    from config.source_list import Source
    from flows.polling import due_sources

    hourly = Source(id="h", name="H", kind="rss", url="https://a.test/h.xml")
    daily = Source(
        id="d", name="D", kind="rss", url="https://a.test/d.xml", poll_interval_minutes=1440
    )
    fresh = Source(id="f", name="F", kind="rss", url="https://a.test/f.xml")
    at = datetime(2026, 11, 25, 12, tzinfo=UTC)
    polled = {"h": at - timedelta(minutes=61), "d": at - timedelta(hours=3)}
    assert [s.id for s in due_sources([hourly, daily, fresh], polled, at)] == ["h", "f"]
