"""Events: coverage of one happening groups across outlets and languages, deterministically."""

from __future__ import annotations

import json
import random
from datetime import date, datetime
from pathlib import Path

import pytest

from config.knowledge import EventSettings
from records.events import Event
from records.facts import EVENT_TYPES
from tracking.duplicates import signature
from tracking.entities import Gazetteer
from tracking.events import TrackedArticle, cluster_events, founds_events
from tracking.extraction import extract_facts

ROOT = Path(__file__).resolve().parents[2]
LABELLED = ROOT / "bench" / "data" / "tracking_labelled.jsonl"


@pytest.fixture(scope="module")
def labelled(gazetteer: Gazetteer) -> dict[str, tuple[TrackedArticle, str | None]]:
    """The labelled set's relevant articles, with their facts, by id."""
    found = {}
    for line in LABELLED.read_text("utf-8").splitlines():
        row = json.loads(line)
        if not row["relevant"] or row["event"] is None:  # stand-alone pieces: no labelled event
            continue
        published = datetime.fromisoformat(row["published_at"])
        facts = extract_facts(row["title"], row["body"], row["language"], published, gazetteer)
        article = TrackedArticle(
            row["id"],
            published,
            row["language"],
            row["title"],
            facts,
            signature(row["title"], row["body"]),
        )
        found[row["id"]] = (article, row["event"])
    return found


def grouping(events: list[Event]) -> set[frozenset[str]]:
    return {frozenset(a for a, _ in e.members) for e in events}


def test_english_and_chinese_reports_of_the_forum_form_one_event(
    labelled: dict[str, tuple[TrackedArticle, str | None]], settings: EventSettings
) -> None:
    ids = ["e1-en-cd", "e1-hant-tkp", "e1-hans-hzrb", "e1-en-ecns"]
    events = cluster_events([labelled[i][0] for i in ids], settings, date(2019, 6, 20))
    assert grouping(events) == {frozenset(ids)}
    (event,) = events
    assert event.title == "Hangzhou–Hong Kong Innovation and Cooperation Forum"
    assert event.title_zh == "杭港创新合作论坛"  # from the Chinese coverage
    # Three of the four report the forum, with a signing among its parts ("杭港创新合作论坛在
    # 香港举办，两地签署8项合作协议"); only e1-en-cd leads with the signing at it.
    assert (event.event_type, event.event_date, event.place) == (
        "forum",
        date(2019, 6, 13),
        "Hong Kong",
    )
    assert [(p.kind, p.day, p.name) for p in event.parts] == [
        ("agreement_signing", date(2019, 6, 13), "signing of 8 memoranda of understanding")
    ]


def test_no_event_mixes_happenings_and_each_happening_is_mostly_one_event(
    labelled: dict[str, tuple[TrackedArticle, str | None]], settings: EventSettings
) -> None:
    events = cluster_events([a for a, _ in labelled.values()], settings, date(2025, 5, 1))
    for event in events:
        assert len({labelled[a][1] for a, _ in event.members}) == 1, event.title
    sizes: dict[str, list[int]] = {}
    for event in events:
        label = labelled[event.members[0][0]][1]
        assert label is not None
        sizes.setdefault(label, []).append(len(event.members))
    for label, parts in sizes.items():
        assert max(parts) >= 0.8 * sum(parts), label  # a stray follow-up may stand alone


def test_same_articles_in_any_order_give_the_same_event_ids(
    labelled: dict[str, tuple[TrackedArticle, str | None]], settings: EventSettings
) -> None:
    articles = [a for a, _ in labelled.values()]
    first = cluster_events(articles, settings, date(2025, 5, 1))
    shuffled = articles[:]
    random.Random(7).shuffle(shuffled)
    again = cluster_events(shuffled, settings, date(2025, 5, 1))
    assert first == again
    assert len({e.event_id for e in first}) == len(first)


def test_the_same_people_months_apart_are_different_events(
    labelled: dict[str, tuple[TrackedArticle, str | None]], settings: EventSettings
) -> None:
    # Carrie Lam meets Hangzhou's Party chief in 2018-09 and tours the Hangzhou pavilion in 2019-04
    ids = ["e2-hant-wwp", "e3-hant-mp"]
    events = cluster_events([labelled[i][0] for i in ids], settings, date(2019, 5, 1))
    assert len(events) == 2


def test_status_is_relative_to_the_reference_week(
    labelled: dict[str, tuple[TrackedArticle, str | None]], settings: EventSettings
) -> None:
    forum = [labelled["e1-en-cd"][0]]
    assert cluster_events(forum, settings, date(2019, 6, 14))[0].status == "new"
    assert cluster_events(forum, settings, date(2019, 6, 24))[0].status == "continuing"


@pytest.fixture(scope="module")
def standalone(gazetteer: Gazetteer) -> list[TrackedArticle]:
    """The labelled set's relevant pieces that report no happening: opinion, explainers."""
    found = []
    for line in LABELLED.read_text("utf-8").splitlines():
        row = json.loads(line)
        if row["relevant"] and row["event"] is None:
            published = datetime.fromisoformat(row["published_at"])
            facts = extract_facts(row["title"], row["body"], row["language"], published, gazetteer)
            found.append(TrackedArticle(row["id"], published, row["language"], row["title"], facts))
    return found


def test_coverage_without_a_dated_happening_founds_no_event(
    standalone: list[TrackedArticle], settings: EventSettings
) -> None:
    assert len(standalone) >= 3
    assert not any(founds_events(a.facts) for a in standalone)
    assert cluster_events(standalone, settings, date(2025, 5, 1)) == []


def test_every_event_has_a_type_and_a_dated_founder(
    labelled: dict[str, tuple[TrackedArticle, str | None]],
    standalone: list[TrackedArticle],
    settings: EventSettings,
) -> None:
    articles = [a for a, _ in labelled.values()] + standalone
    events = cluster_events(articles, settings, date(2025, 5, 1))
    assert all(e.event_type in EVENT_TYPES for e in events)
    by_id = {a.article_id: a for a in articles}
    assert all(founds_events(by_id[e.members[0][0]].facts) for e in events)


def test_the_city_brain_show_was_in_hong_kong_and_the_trip_a_promotion(
    labelled: dict[str, tuple[TrackedArticle, str | None]], settings: EventSettings
) -> None:
    """Carrie Lam visiting "the Hangzhou pavilion" does not move the show to Hangzhou; a Hangzhou
    delegation that holds an investment promotion (推介会) in Hong Kong is on a promotion trip,
    not just a visit, and its meeting with the Chief Executive is a part of it."""
    shows = [a for a, label in labelled.values() if label == "2019-04-city-brain"]
    (show,) = cluster_events(shows, settings, date(2019, 5, 1))
    assert (show.event_type, show.event_date, show.place) == (
        "expo",
        date(2019, 4, 15),
        "Hong Kong",
    )
    trip = [a for a, label in labelled.values() if label == "2018-09-investment-promotion"]
    (promotion,) = cluster_events(trip, settings, date(2018, 10, 1))
    assert (promotion.event_type, promotion.place) == ("promotion", "Hong Kong")
    assert promotion.title == "Hangzhou investment promotion in Hong Kong"
    assert "visit" in {p.kind for p in promotion.parts}
