"""The seed article yields exactly the facts checked against its public copies.

See ../shared/seed/README.md: 8 MoUs in five fields signed on 2019-06-13 between Hangzhou and
Hong Kong at a forum in Hong Kong; about 6,400 projects worth more than US$140 billion as of
end-2018; 30 unicorns; the US$1 billion unicorn threshold; three people, seven organisations,
five places.
"""

from __future__ import annotations

from datetime import date

import pytest

from records.facts import ArticleFacts
from tracking.entities import Gazetteer
from tracking.extraction import extract_facts
from warehouse.seed import SeedArticle, seed_articles


@pytest.fixture(scope="module")
def seed() -> SeedArticle:
    return seed_articles()[0]


@pytest.fixture(scope="module")
def facts(seed: SeedArticle, gazetteer: Gazetteer) -> ArticleFacts:
    return extract_facts(seed.title, seed.body, seed.language, seed.published_at, gazetteer)


def names(facts: ArticleFacts, entity_type: str) -> set[str]:
    return {m.name for m in facts.mentions if m.entity_type == entity_type}


def test_the_three_people(facts: ArticleFacts) -> None:
    assert names(facts, "person") == {
        "Zhang Zhongcan",
        "Nicholas Yang Wei-hsiun",
        "Timothy Fok Tsun-ting",
    }


def test_the_seven_organisations(facts: ArticleFacts) -> None:
    assert names(facts, "organization") == {
        "Alibaba",
        "Ant Group",  # named "Ant Financial" in 2019; the surface form keeps that
        "Hangzhou Venture Capital Association",
        "Hong Kong Trade Development Council",
        "CPC Hangzhou Municipal Committee",
        "Olympic Council of Asia",
        "Shangcheng district government",
    }
    surfaces = {m.entity_id: m.surface for m in facts.mentions}
    assert surfaces["ant-group"] == "Ant Financial"
    # "The district government" counts only because Shangcheng district was named before it
    assert surfaces["shangcheng-government"] == "The district government"


def test_the_five_places(facts: ArticleFacts) -> None:
    assert names(facts, "place") == {
        "Hangzhou",
        "Zhejiang",
        "Hong Kong",
        "Shangcheng district",
        "Wangjiang Intelligence Industrial Park",
    }


def test_mention_offsets_point_at_the_original_text(facts: ArticleFacts, seed: SeedArticle) -> None:
    for m in facts.mentions:
        text = seed.title if m.field == "title" else seed.body
        assert text[m.start : m.end] == m.surface
    title = [(m.name, m.surface) for m in facts.mentions if m.field == "title"]
    assert title == [("Hong Kong", "HK"), ("Hangzhou", "Hangzhou")]


def test_eight_mous_in_five_fields_signed_on_thursday(facts: ArticleFacts) -> None:
    (agreement,) = facts.agreements
    assert agreement.count == 8
    assert agreement.kind == "memorandum of understanding"
    assert agreement.fields == (
        "smart city",
        "high-end services",
        "finance",
        "artificial intelligence",
        "new energy",
    )
    assert agreement.parties == ("Hangzhou", "Hong Kong")
    assert agreement.signed_on == date(2019, 6, 13)  # the Thursday before 2019-06-18
    assert agreement.sentence.startswith("The two cities on Thursday signed eight agreements")


def test_figures_with_units_subjects_and_as_of_dates(
    facts: ArticleFacts, seed: SeedArticle
) -> None:
    found = {(f.subject, f.value, f.unit, f.currency, f.qualifier, f.as_of) for f in facts.figures}
    end_2018 = date(2018, 12, 31)
    assert found == {
        ("agreements", 8, "count", None, None, None),
        ("projects", 6400, "count", None, "about", end_2018),
        ("total investment", 140e9, "money", "USD", "more than", end_2018),
        ("unicorn companies", 30, "count", None, None, None),
        ("unicorn company valuation threshold", 1e9, "money", "USD", "at least", None),
    }
    starts = {f.subject: seed.body[f.start :] for f in facts.figures}
    assert starts["projects"].startswith("6,400 projects")
    assert starts["total investment"].startswith("US$140 billion")
    assert starts["unicorn company valuation threshold"].startswith("US$1 billion")


def test_the_forum_is_an_agreement_signing_in_hong_kong(facts: ArticleFacts) -> None:
    (cue,) = facts.cues
    assert cue.name == "Hangzhou–Hong Kong Innovation and Cooperation Forum"  # en dash
    assert cue.event_type == "agreement_signing"
    assert cue.place == "Hong Kong"  # "in the special administrative region"
    assert cue.date == date(2019, 6, 13)  # from the sentence before it


def test_the_seed_proposes_no_candidates(facts: ArticleFacts) -> None:
    # every name in it is known; "NGOs" is a kind of body and the Asian Games a happening
    assert facts.candidates == ()


def test_without_a_publication_date_relative_dates_stay_unknown(
    seed: SeedArticle, gazetteer: Gazetteer
) -> None:
    facts = extract_facts(seed.title, seed.body, "en", None, gazetteer)
    assert facts.agreements[0].signed_on is None
    assert all(f.as_of is None for f in facts.figures)
