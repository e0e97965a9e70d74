"""Whatever bytes arrive, every feed parser answers with a list or a ParseError, nothing else;
and every date an item carries passes `parsers.dates.doubt` (no offset beyond ±14 h, no year
9999, nothing a year past the caller's clock).

Budgets come from the Hypothesis profile (tests/conftest.py): short in CI, 10,000 examples per
test under `python -m bench.fuzz`."""

from __future__ import annotations

import gzip
from html import escape
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers.dates import doubt, latest_for
from parsers.errors import ParseError
from parsers.feeds import KINDS, parse_feed
from parsers.feeds.sitemap import read_sitemap
from records.articles import FeedItem
from tests.faults.strategies import NOW, date_text, hostile_feed

FEEDS = Path(__file__).parents[1] / "fixtures" / "feeds"
SAMPLES = sorted(path for path in FEEDS.iterdir() if path.is_file())
OPTIONS = {"selector": "a", "language": "zh-Hant"}


def outcome(kind: str, data: bytes) -> None:
    try:
        items = parse_feed(kind, data, "https://x.test/feed.xml", now=None, **OPTIONS)
    except ParseError as error:
        assert str(error)  # a message that says something
        return
    assert isinstance(items, list)
    assert all(isinstance(item, FeedItem) and item.url for item in items)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A fixture feed, truncated, with bytes overwritten and junk inserted."""
    data = bytearray(draw(st.sampled_from(SAMPLES)).read_bytes())
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["cut", "flip", "insert"]))
        if action == "cut":
            del data[at:]
        elif action == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        else:
            junk = draw(
                st.sampled_from([b"<", b"&", b"]]>", b"\x00", b"<!ENTITY x 'y'>", b"{", b'"'])
            )
            data[at:at] = junk
    return bytes(data)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(KINDS)), st.binary(max_size=2048))
def test_random_bytes_give_a_list_or_a_parse_error(kind: str, data: bytes) -> None:
    outcome(kind, data)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(KINDS)), mutated())
def test_mutated_fixture_feeds_give_a_list_or_a_parse_error(kind: str, data: bytes) -> None:
    outcome(kind, data)


def test_every_fixture_through_every_parser_gives_a_list_or_a_parse_error() -> None:
    for kind in sorted(KINDS):
        for sample in SAMPLES:
            outcome(kind, sample.read_bytes())


@pytest.mark.parametrize("kind", sorted(KINDS))
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_structured_hostile_feeds_give_a_list_of_trusted_dates_or_a_parse_error(
    kind: str, data: st.DataObject
) -> None:
    """Feeds built like real ones, with hostile dates, markup titles, odd links, shared GUIDs
    and declared encodings: a list (every date trusted) or a ParseError, for every kind."""
    outcome(kind, data.draw(hostile_feed(kind)))


@st.composite
def hostile_sitemap(draw: st.DrawFn) -> bytes:
    """A sitemap index or urlset with hostile lastmods, sometimes gzipped, cut or bombed."""
    index = draw(st.booleans())
    tag, child = ("sitemapindex", "sitemap") if index else ("urlset", "url")
    entries = "".join(
        f"<{child}><loc>https://x.test/{n}.xml</loc><lastmod>{escape(draw(date_text()))}"
        f"</lastmod></{child}>"
        for n in range(draw(st.integers(0, 4)))
    )
    data = (
        f'<?xml version="1.0"?><{tag} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{entries}</{tag}>"
    ).encode()
    wrap = draw(st.sampled_from(["plain", "gzip", "cut-gzip", "bomb"]))
    if wrap == "gzip":
        data = gzip.compress(data)
    elif wrap == "cut-gzip":
        data = gzip.compress(data)[: draw(st.integers(2, 30))]
    elif wrap == "bomb":
        data = gzip.compress(data) + bomb()
    return data


_BOMB: list[bytes] = []


def bomb() -> bytes:
    """A gzip member inflating to 60 MB, past the sitemap limit (made once: compressing it is
    slow, and every bomb example can share it)."""
    if not _BOMB:
        _BOMB.append(gzip.compress(b" " * 60_000_000, compresslevel=9))
    return _BOMB[0]


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hostile_sitemap(), st.sampled_from([{}, {"language": "zh-Hans"}, {"default_tz": "+08:00"}]))
def test_read_sitemap_gives_trusted_dates_or_a_parse_error(
    data: bytes, options: dict[str, str]
) -> None:
    try:
        sitemap = read_sitemap(data, "https://x.test/sitemap.xml", options, NOW)
    except ParseError as error:
        assert str(error)
        return
    latest = latest_for(NOW)
    for item in sitemap.items:
        assert item.url.startswith("https://x.test/")
        for value in (item.published_at, item.updated_at):
            assert value is None or doubt(value, latest) is None


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        (
            "rss",
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>',
        ),
        ("sitemap", b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'),
    ],
    ids=["rss", "sitemap"],
)
def test_an_impossible_default_tz_option_is_a_parse_error(kind: str, data: bytes) -> None:
    with pytest.raises(ParseError, match="default_tz"):
        parse_feed(kind, data, "https://x.test/f.xml", default_tz="+99:99")
