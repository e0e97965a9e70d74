"""English rules beyond the seed: amounts and counts, agreements, visits, candidates, bad input."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracking.entities import Gazetteer
from tracking.extraction import extract_facts

HKT = timezone(timedelta(hours=8))
SEPT_2018 = datetime(2018, 9, 17, 10, 0, tzinfo=HKT)  # a Monday


def test_amounts_counts_and_as_of_dates(gazetteer: Gazetteer) -> None:
    body = (
        "By end-2017, Hong Kong investors had started about 6,000 projects in Hangzhou worth "
        "over US$120 billion. Hangzhou companies ran 294 projects in Hong Kong worth "
        "US$1.1 billion, and a new fund of RMB 5 million was set up, alongside HK$1.1bn in loans "
        "and a budget of 300 million yuan. Exports rose 4.5 percent."
    )
    facts = extract_facts(None, body, "en", SEPT_2018, gazetteer)
    found = [(f.subject, f.value, f.unit, f.currency, f.qualifier) for f in facts.figures]
    assert found == [
        ("projects", 6000, "count", None, "about"),
        ("value of projects", 120e9, "money", "USD", "more than"),
        ("projects", 294, "count", None, None),
        ("value of projects", 1.1e9, "money", "USD", None),
        ("new fund", 5e6, "money", "CNY", None),
        ("loans", 1.1e9, "money", "HKD", None),  # every figure has a subject
        ("budget", 300e6, "money", "CNY", None),
        ("exports growth", 4.5, "percent", None, None),
    ]
    assert facts.figures[0].as_of == facts.figures[1].as_of == date(2017, 12, 31)
    assert facts.figures[2].as_of is None  # a different sentence


def test_years_dates_and_known_sets_are_not_counts(gazetteer: Gazetteer) -> None:
    body = (
        "The two cities met on September 15, 2018 to plan the 2022 Asian Games. "
        "The plan covers 13 co-operation areas and eight new agreements over three years."
    )
    facts = extract_facts(None, body, "en", SEPT_2018, gazetteer)
    assert [(f.subject, f.value) for f in facts.figures] == [
        ("co-operation areas", 13),
        ("new agreements", 8),
    ]


def test_mou_between_two_bodies_with_an_explicit_date(gazetteer: Gazetteer) -> None:
    body = "HKTDC and the Hangzhou government signed a memorandum of understanding on June 13."
    facts = extract_facts(None, body, "en", SEPT_2018, gazetteer)
    (agreement,) = facts.agreements
    assert agreement.kind == "memorandum of understanding"
    assert agreement.count is None
    assert agreement.parties == (
        "Hangzhou municipal government",
        "Hong Kong Trade Development Council",
    )
    assert agreement.signed_on == date(2018, 6, 13)
    (cue,) = facts.cues
    assert (cue.name, cue.event_type, cue.date) == (None, "agreement_signing", date(2018, 6, 13))


def test_whose_body_signed_is_not_a_party_and_it_covers_adds_fields(
    gazetteer: Gazetteer,
) -> None:
    body = (
        "Cyberport and Hangzhou's Shangcheng district government signed an MoU on Monday. "
        "It covers fintech, AI and the digital economy."
    )
    (agreement,) = extract_facts(None, body, "en", SEPT_2018, gazetteer).agreements
    assert agreement.parties == ("Cyberport", "Shangcheng district government")
    assert agreement.fields == ("finance", "artificial intelligence", "digital economy")


def test_talk_of_agreements_is_not_a_signing(gazetteer: Gazetteer) -> None:
    body = "Officials said more agreements could follow next year."
    assert extract_facts(None, body, "en", SEPT_2018, gazetteer).agreements == ()


def test_a_visit_is_a_cue_with_its_place_and_day(gazetteer: Gazetteer) -> None:
    body = (
        "Hangzhou Party secretary Zhou Jiangyong visited Hong Kong on Saturday and met Carrie Lam."
    )
    facts = extract_facts(None, body, "en", SEPT_2018, gazetteer)
    assert {m.name for m in facts.mentions} >= {"Zhou Jiangyong", "Carrie Lam", "Hong Kong"}
    (cue,) = facts.cues
    assert (cue.event_type, cue.place, cue.date) == ("visit", "Hong Kong", date(2018, 9, 15))


def test_named_forum_held_in_a_city(gazetteer: Gazetteer) -> None:
    body = (
        "The Zhejiang-Hong Kong Cooperation Theme Forum was held in Hong Kong on Monday, "
        "with a Hangzhou Investment Promotion Conference the next day."
    )
    facts = extract_facts(None, body, "en", SEPT_2018, gazetteer)
    cues = {c.name: (c.event_type, c.place) for c in facts.cues}
    assert cues == {
        "Zhejiang–Hong Kong Cooperation Theme Forum": ("forum", "Hong Kong"),
        # an investment promotion is a promotion, whatever gathering it takes (the first kind its
        # name names: config/events.toml [[happening]])
        "Hangzhou Investment Promotion Conference": ("promotion", "Hong Kong"),
    }


def test_a_building_named_like_an_event_is_not_an_event(gazetteer: Gazetteer) -> None:
    body = (
        "The Hong Kong-Hangzhou Trade Conference, held at the Hong Kong Convention and "
        "Exhibition Centre, drew 500 delegates."
    )
    (cue,) = extract_facts(None, body, "en", SEPT_2018, gazetteer).cues
    assert (cue.name, cue.place) == ("Hong Kong–Hangzhou Trade Conference", "Hong Kong")


def test_candidates_are_proposed_with_a_type_guess(gazetteer: Gazetteer) -> None:
    body = (
        "Officials from the Xihu District Bureau of Commerce met Tony Chan of Lion Rock Capital. "
        "Yesterday the Bureau said on Thursday that China welcomes investors."
    )
    facts = extract_facts(None, body, "en", SEPT_2018, gazetteer)
    assert [(c.name, c.entity_type) for c in facts.candidates] == [
        ("Xihu District Bureau of Commerce", None),
        ("Tony Chan", None),
        ("Lion Rock Capital", None),
    ]  # "the Bureau" alone refers back: "bureau" is a word of known names
    assert {m.entity_id for m in facts.mentions}.isdisjoint({c.name for c in facts.candidates})


def test_a_longer_unknown_name_is_a_candidate_not_the_known_name_inside_it(
    gazetteer: Gazetteer,
) -> None:
    body = "Alibaba Cloud and Alibaba both joined."
    facts = extract_facts(None, body, "en", SEPT_2018, gazetteer)
    assert [(m.surface, m.start) for m in facts.mentions] == [("Alibaba", 18)]
    assert [(c.name, c.entity_type) for c in facts.candidates] == [
        ("Alibaba Cloud", "organization")  # a part of Alibaba, proposed, never merged into it
    ]


def test_latin_names_need_word_boundaries(gazetteer: Gazetteer) -> None:
    body = "Ohkay, the HKSAR team paid HK$3 million; Hangzhouese cooking is not a city."
    facts = extract_facts(None, body, "en", SEPT_2018, gazetteer)
    assert [m.surface for m in facts.mentions] == ["HKSAR"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(
            [
                *"abcXYZ 0123456789.,$%-\n'\"",
                *"億萬亿万美元港个項签署協議周四昨日截至去年底",
                "Hong Kong",
                "US$",
                "signed",
                "agreements",
                "Forum",
                "on Thursday",
                "about",
                "the ",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_any_text_gives_facts_not_exceptions(gazetteer: Gazetteer, body: str) -> None:
    facts = extract_facts(body[:10], body, None, SEPT_2018, gazetteer)
    for m in facts.mentions:
        text = body[:10] if m.field == "title" else body
        assert text[m.start : m.end] == m.surface
