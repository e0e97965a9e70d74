"""Whatever bytes arrive, every feed parser answers with a list or a ParseError, nothing else."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers.errors import ParseError
from parsers.feeds import KINDS, parse_feed
from records.articles import FeedItem

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


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(KINDS)), st.binary(max_size=2048))
def test_random_bytes_give_a_list_or_a_parse_error(kind: str, data: bytes) -> None:
    outcome(kind, data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(KINDS)), mutated())
def test_mutated_fixture_feeds_give_a_list_or_a_parse_error(kind: str, data: bytes) -> None:
    outcome(kind, data)


def test_every_fixture_through_every_parser_gives_a_list_or_a_parse_error() -> None:
    for kind in sorted(KINDS):
        for sample in SAMPLES:
            outcome(kind, sample.read_bytes())
