"""A gathering is known by its name in every script: a week whose opening is reported with
昨日 or 今日, a salon (沙龙). Reports of its days join it. Every text here is our own."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from config.knowledge import EventSettings
from tests.tracking.tracked import article
from tracking.entities import Gazetteer
from tracking.events import cluster_events
from tracking.folding import fold

HKT = timezone(timedelta(hours=8))


@pytest.mark.parametrize(
    ("body", "language", "name"),
    [
        ("浙港創新周昨日在杭州開幕，六十多家港企參與為期五天的活動。", "zh-Hant", "浙港创新周"),
        ("上周六，杭港青年创业沙龙在香港举行，两地青年开展交流。", "zh-Hans", "杭港青年创业沙龙"),
        ("The Hangzhou-Hong Kong Youth Entrepreneurship Salon was held in Hong Kong on Saturday.",
         "en", "Hangzhou–Hong Kong Youth Entrepreneurship Salon"),
        # a place in brackets is part of the name, a date in brackets is not
        ("The Hangzhou (Hong Kong) Creative Industries Forum met on Saturday (October 12).",
         "en", "Hangzhou (Hong Kong) Creative Industries Forum"),
        ("杭州（香港）创意产业论坛上周六在香港举行。", "zh-Hans", "杭州（香港）创意产业论坛"),
        # so is a quoted phrase
        ("The “Smart West Lake” Hangzhou-Hong Kong Forum met in Hong Kong on Saturday.", "en",
         "“Smart West Lake” Hangzhou–Hong Kong Forum"),
    ],
)  # fmt: skip
def test_a_week_opened_yesterday_and_a_salon_are_named_gatherings(
    gazetteer: Gazetteer, settings: EventSettings, body: str, language: str, name: str
) -> None:
    published = datetime(2024, 10, 15, 9, tzinfo=HKT)
    (event,) = cluster_events(
        [article(gazetteer, "a", published, "杭港合作" if language != "en" else "Ties", body,
                 language)], settings, date(2026, 1, 1),
    )  # fmt: skip
    assert event.event_type == "forum"
    assert fold(name).text in {fold(t).text for t in (event.title, event.title_zh) if t}


def test_the_signing_day_of_a_week_joins_the_week_its_opening_founded(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    opening = article(
        gazetteer, "open", datetime(2024, 10, 15, 9, tzinfo=HKT), "浙港創新周杭州開幕",
        "浙港創新周昨日在杭州開幕，六十多家香港初創企業參與為期五天的活動。", "zh-Hant",
    )  # fmt: skip
    signing = article(
        gazetteer, "sign", datetime(2024, 10, 17, 9, tzinfo=HKT), "浙港创新周签约12个合作项目",
        "10月16日，浙港创新周在杭州举行合作项目签约仪式，浙江与香港的企业签署12项合作协议。",
        "zh-Hans",
    )  # fmt: skip
    (event,) = cluster_events([opening, signing], settings, date(2026, 1, 1))
    assert (event.event_type, event.event_date, event.place) == (
        "forum", date(2024, 10, 14), "Hangzhou")  # fmt: skip


@pytest.mark.parametrize(
    ("body", "title"),
    [
        # coverage of the second forum recalls the first: the title says which one this is
        ("About 200 young founders met in Hong Kong on Saturday for the second Hangzhou-Hong Kong "
         "Youth Makers Forum.\n\nThe first Hangzhou-Hong Kong Youth Makers Forum took place in "
         "Hangzhou last year.", "Second Hangzhou–Hong Kong Youth Makers Forum"),
        # a side's gathering on the other side's ground keeps its place and year: what tells this
        # week from last year's in Hangzhou
        ("The Hangzhou Week in Hong Kong 2024 opened at the Convention Centre on Sunday, with "
         "forty companies from the city showing their products.",
         "Hangzhou Week in Hong Kong 2024"),
    ],
    ids=["edition", "place and year"],
)  # fmt: skip
def test_a_title_keeps_what_tells_this_edition_from_the_others(
    gazetteer: Gazetteer, settings: EventSettings, body: str, title: str
) -> None:
    published = datetime(2024, 10, 14, 9, tzinfo=HKT)
    (event,) = cluster_events(
        [article(gazetteer, "a", published, "Young makers meet", body)], settings, date(2026, 1, 1)
    )
    assert event.title == title


@pytest.mark.parametrize(
    "body",
    [
        "The Hangzhou-Hong Kong Youth Forum in Hangzhou drew 300 founders on Saturday.",
        "The Zhejiang Youth Forum in Hangzhou drew 300 founders from Hong Kong on Saturday.",
    ],
    ids=["both sides named", "its own side's city"],
)
def test_a_place_the_name_already_gives_stays_out_of_the_title(
    gazetteer: Gazetteer, settings: EventSettings, body: str
) -> None:
    published = datetime(2024, 10, 14, 9, tzinfo=HKT)
    (event,) = cluster_events(
        [article(gazetteer, "a", published, "Founders meet", body)], settings, date(2026, 1, 1)
    )
    assert event.title is not None and not event.title.endswith("in Hangzhou")


def test_the_event_takes_the_fullest_name_its_coverage_gives(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    """Two reports say 'the Hangzhou Week', a third 'the Hangzhou Week in Hong Kong 2024': one
    happening, and the fuller name is the one a reader tells it by, however few give it."""
    brief = article(
        gazetteer, "brief", datetime(2024, 10, 14, 12, tzinfo=HKT), "Week opens",
        "Officials from Hangzhou opened the Hangzhou Week at a ceremony in Hong Kong on Monday "
        "morning.",
    )  # fmt: skip
    short = article(
        gazetteer, "short", datetime(2024, 10, 14, 18, tzinfo=HKT), "Hangzhou Week opens",
        "The Hangzhou Week opened in Hong Kong on Monday, with forty companies from Hangzhou "
        "showing their products.",
    )  # fmt: skip
    full = article(
        gazetteer, "full", datetime(2024, 10, 15, 9, tzinfo=HKT), "Hangzhou firms in Hong Kong",
        "The Hangzhou Week in Hong Kong 2024 opened on Monday, with forty companies from "
        "Hangzhou showing their products to Hong Kong buyers.",
    )  # fmt: skip
    for articles in ([brief, short, full], [full, short, brief]):
        (event,) = cluster_events(articles, settings, date(2026, 1, 1))
        assert event.title == "Hangzhou Week in Hong Kong 2024"


def test_one_sides_week_on_the_other_sides_ground_is_a_promotion_and_names_its_days(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    """A city's week in the other city is that city promoting itself there; a forum held in it
    is one of its happenings, and the week's name is the event's, even when more reports lead
    with the forum (a week of both sides, 浙港创新周, stays their gathering)."""
    opening = article(
        gazetteer, "open", datetime(2024, 10, 14, 18, tzinfo=HKT), "Hangzhou Week opens",
        "The Hangzhou Week opened in Hong Kong on Monday, with forty companies from Hangzhou "
        "showing their products.",
    )  # fmt: skip
    forum = [
        article(gazetteer, f"forum{i}", datetime(2024, 10, 15, 18 + i, tzinfo=HKT), title, body)
        for i, (title, body) in enumerate([
            ("Youth start-up forum draws founders",
             "Founders from Hangzhou and Hong Kong met at a youth start-up forum in Hong Kong on "
             "Tuesday.\n\nThe forum was one of the events of the Hangzhou Week in Hong Kong."),
            ("Start-up forum in Hong Kong",
             "A youth start-up forum in Hong Kong drew founders from Hangzhou and Hong Kong on "
             "Tuesday.\n\nIt was held during the Hangzhou Week in Hong Kong."),
            ("Young founders at forum",
             "Founders from Hangzhou and Hong Kong held a youth start-up forum in Hong Kong on "
             "Tuesday.\n\nOrganisers of the Hangzhou Week in Hong Kong said 300 people came."),
        ])
    ]  # fmt: skip
    (alone,) = cluster_events([opening], settings, date(2026, 1, 1))
    assert alone.event_type == "promotion"
    (week,) = cluster_events([opening, *forum], settings, date(2026, 1, 1))
    assert week.title == "Hangzhou Week"
