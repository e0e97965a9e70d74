"""A district that signs stands for its city's side: the city before it only says whose district
it is, the other side is who signed with it (firms of a place are those firms), and the signing is
placed in the district's city, with the district as detail. Every text here is our own."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from config.knowledge import EventSettings
from records.events import Event
from tracking.duplicates import signature
from tracking.entities import Gazetteer
from tracking.events import TrackedArticle, cluster_events
from tracking.extraction import extract_facts

HKT = timezone(timedelta(hours=8))
PUBLISHED = datetime(2024, 5, 22, 9, tzinfo=HKT)


def event_of(gazetteer: Gazetteer, settings: EventSettings, title: str, body: str,
             language: str) -> Event:  # fmt: skip
    facts = extract_facts(title, body, language, PUBLISHED, gazetteer)
    article = TrackedArticle("a", PUBLISHED, language, title, facts, signature(title, body))
    (event,) = cluster_events([article], settings, date(2026, 1, 1))
    return event


def test_a_district_signing_with_firms_is_titled_by_the_district_and_the_firms(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    event = event_of(
        gazetteer, settings, "杭州市滨江区与香港三家企业签署合作协议",
        "5月21日，杭州市滨江区与香港三家企业签署合作协议，涉及金融科技和跨境电商。", "zh-Hans",
    )  # fmt: skip
    assert event.title_zh == "杭州滨江区与香港企业签署合作协议"
    assert "杭州与滨江区" not in (event.title_zh or "")


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        ("杭州市滨江区与香港三家企业签署合作协议",
         "5月21日，杭州市滨江区与香港三家企业签署合作协议，涉及金融科技和跨境电商。", "zh-Hans"),
        ("Binjiang signs with Hong Kong firms",
         "Hangzhou's Binjiang district on Tuesday signed cooperation agreements with three Hong "
         "Kong companies covering fintech.", "en"),
    ],
)  # fmt: skip
def test_a_signing_that_names_no_place_is_in_the_city_of_the_district_that_signs(
    gazetteer: Gazetteer, settings: EventSettings, title: str, body: str, language: str
) -> None:
    event = event_of(gazetteer, settings, title, body, language)
    assert (event.event_type, event.event_date) == ("agreement_signing", date(2024, 5, 21))
    assert (event.place, event.place_detail) == ("Hangzhou", "Binjiang district")


def test_a_delegation_from_a_district_does_not_place_a_signing_at_home(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    event = event_of(
        gazetteer, settings, "Binjiang delegation signs in Hong Kong",
        "A delegation from Hangzhou's Binjiang district on Tuesday signed cooperation "
        "agreements in Hong Kong with three local companies.", "en",
    )  # fmt: skip
    assert event.place == "Hong Kong"
