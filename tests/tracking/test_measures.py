"""Figures filed under measures: the same quantity across articles, outlets and scripts, and its
direction (Hong Kong's projects in Hangzhou are not Hangzhou's projects in Hong Kong)."""

from __future__ import annotations

import pytest

from tracking.entities import Gazetteer
from tracking.extraction import extract_facts


def measures(
    text: str, gazetteer: Gazetteer, language: str = "en"
) -> list[tuple[float, str | None]]:
    facts = extract_facts(None, text, language, None, gazetteer)
    return [(f.value, f.measure) for f in facts.figures]


def test_both_directions_in_one_sentence_are_told_apart(gazetteer: Gazetteer) -> None:
    text = (
        "By the end of 2017 Hong Kong investors had started about 6,000 projects in Hangzhou "
        "worth more than US$120 billion, while Hangzhou companies had put US$1.1 billion into "
        "294 projects in Hong Kong."
    )
    assert measures(text, gazetteer) == [
        (6000.0, "hk_projects_in_hangzhou"),
        (1.2e11, "hk_investment_in_hangzhou"),
        (1.1e9, "hangzhou_investment_in_hk"),
        (294.0, "hangzhou_projects_in_hk"),
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("截至2018年底，港资在杭投资项目约6400个，投资总额超过1400亿美元。", "zh-Hans"),
        ("截至2018年底，港資在杭投資項目約6400個，投資總額超過1400億美元。", "zh-Hant"),
        ("There were about 6,400 Hong Kong-funded projects in the city at the end of 2018, with "
         "cumulative investment of more than US$140 billion.", "en"),
    ],
)  # fmt: skip
def test_one_measure_in_three_scripts(text: str, language: str, gazetteer: Gazetteer) -> None:
    assert measures(text, gazetteer, language) == [
        (6400.0, "hk_projects_in_hangzhou"),
        (1.4e11, "hk_investment_in_hangzhou"),
    ]


def test_a_count_of_agreements_is_an_agreement_the_fields_they_cover_a_measure(
    gazetteer: Gazetteer,
) -> None:
    text = "The two sides signed eight memorandums of understanding covering five fields."
    assert measures(text, gazetteer) == [(8.0, None), (5.0, "cooperation_areas")]


def test_areas_and_projects_agreed_at_a_conference(gazetteer: Gazetteer) -> None:
    text = "会议议定13个合作范畴共51个合作项目。"
    assert measures(text, gazetteer, "zh-Hans") == [
        (13.0, "cooperation_areas"),
        (51.0, "cooperation_projects"),
    ]


def test_a_figure_with_no_cue_gets_no_measure(gazetteer: Gazetteer) -> None:
    assert measures("The museum received 6,000 visitors on Sunday.", gazetteer) == [(6000.0, None)]
