"""The benchmark's "named after a passing mention": a title naming a happening the coverage only
recalls, never the event's own name in a form the label does not list."""

from __future__ import annotations

from datetime import date

from bench.check_labels import EventLabel
from bench.tracking import names_itself, names_passing_mention


def label(title: str, *acceptable: str) -> EventLabel:
    return EventLabel(
        key="expo",
        event_type="expo",
        event_date=date(2024, 5, 10),
        place="Hangzhou",
        place_detail=None,
        title_en=title,
        titles_en_acceptable=acceptable,
        title_zh=None,
        titles_zh_acceptable=(),
        passing_mentions=(),
        parts=(),
    )


def test_a_title_holding_a_passing_mention_names_it() -> None:
    mentions = ("West Lake Trade Expo", "G20 Hangzhou Summit")
    assert names_passing_mention("West Lake Trade Expo in Hangzhou", mentions) == (
        "West Lake Trade Expo"
    )
    assert names_passing_mention("Hangzhou delegation visits Hong Kong", mentions) is None


def test_an_event_named_after_itself_is_not_named_after_a_passing_mention() -> None:
    expo = label("West Lake Trade Expo 2024", "West Lake Trade Expo")
    assert names_itself("West Lake Trade Expo in Hangzhou", "West Lake Trade Expo", expo)


def test_an_accepted_title_is_the_events_own_name() -> None:
    expo = label("West Lake Trade Expo 2024")
    assert names_itself("West Lake Trade Expo 2024", "Trade Expo 2024", expo)


def test_a_recalled_happening_is_not_the_events_name() -> None:
    visit = label("Hangzhou investment promotion in Hong Kong", "Hangzhou delegation in Hong Kong")
    assert not names_itself("G20 Hangzhou Summit", "G20 Hangzhou Summit", visit)


def test_an_earlier_edition_is_not_the_events_name() -> None:
    expo = label("West Lake Trade Expo 2024")
    assert not names_itself("West Lake Trade Expo 2023", "West Lake Trade Expo 2023", expo)
