"""InvestHK news JSON, which may arrive as several JSON documents back to back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from parsers.errors import ParseError
from parsers.feeds import parse_feed
from parsers.feeds.investhk_json import documents

FEEDS = Path(__file__).parents[1] / "fixtures" / "feeds"
API = "https://www.investhk.gov.hk/en/api/news"
HKT = timezone(timedelta(hours=8))


def test_every_concatenated_document_is_read_and_repeats_are_dropped() -> None:
    items = parse_feed("investhk_json", (FEEDS / "investhk_news.json").read_bytes(), API)

    assert [item.guid for item in items] == ["9101", "9095", "9080"]
    assert items[0].url == (
        "https://www.investhk.gov.hk/en/news/investhk-welcomes-hangzhou-technology-firms-hong-kong"
    )
    assert items[0].publisher == "InvestHK"
    assert items[0].summary is not None and items[0].summary.startswith("Several Hangzhou")


def test_dates_are_hong_kong_time_and_unix_seconds_are_read_as_utc() -> None:
    items = parse_feed("investhk_json", (FEEDS / "investhk_news.json").read_bytes(), API)

    assert items[0].published_at == datetime(2025, 4, 25, tzinfo=HKT)
    assert items[1].published_at == datetime(2025, 4, 22, 15, 0, tzinfo=HKT)
    assert items[2].published_at == datetime(2025, 4, 14, 8, 0, tzinfo=UTC)
    assert items[2].language == "zh-Hant"


def test_documents_splits_back_to_back_json() -> None:
    assert documents('{"a": 1}{"b": 2}\n[3]') == [{"a": 1}, {"b": 2}, [3]]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"<html>Service unavailable</html>", "not JSON"),
        (b'{"items": []}{"items": [', "document 2 is malformed"),
        (b'{"items": []} trailing words', "document 2 is malformed"),
    ],
)
def test_broken_input_is_a_parse_error(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse_feed("investhk_json", data, API)


def test_dates_printed_day_first_are_read_day_first() -> None:
    """The site prints 01.04.2026 for 1 April; read month first it would be 4 January."""
    data = (
        b'{"items": [{"title": "Hangzhou firm opens office", "url": "/en/news/hangzhou-firm/",'
        b' "date": "01.04.2026"}]}'
    )

    (item,) = parse_feed("investhk_json", data, API)

    assert item.published_at == datetime(2026, 4, 1, tzinfo=HKT)
