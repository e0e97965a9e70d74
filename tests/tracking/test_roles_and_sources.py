"""Who holds which title where they are named, and whom a figure is credited to."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tracking.entities import Gazetteer
from tracking.extraction import extract_facts

PUBLISHED = datetime(2019, 4, 16, 8, tzinfo=timezone(timedelta(hours=8)))


def roles(gazetteer: Gazetteer, body: str) -> dict[str, str | None]:
    found = extract_facts(None, body, None, PUBLISHED, gazetteer)
    return {m.name: m.role for m in found.mentions if m.entity_type == "person"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Chief Executive Carrie Lam, Secretary for Innovation and Technology Nicholas W. Yang "
            "and Margaret Fong, executive director of the Hong Kong Trade Development Council, "
            "toured the Hangzhou pavilion.",
            {
                "Carrie Lam": "Chief Executive",
                "Nicholas Yang Wei-hsiun": "Secretary for Innovation and Technology",
                "Margaret Fong Shun-man": (
                    "executive director of the Hong Kong Trade Development Council"
                ),
            },
        ),
        (
            "Mr Lee and Zhejiang Party Secretary Yi Lianhong witnessed the signing.",
            {"Yi Lianhong": "Zhejiang Party Secretary"},
        ),
        (
            "Hangzhou Party secretary Zhou Jiangyong met Carrie Lam, who welcomed him.",
            {"Zhou Jiangyong": "Hangzhou Party secretary", "Carrie Lam": None},
        ),
        (
            "林鄭月娥昨日與創科局局長楊偉雄及貿發局總裁方舜文參觀杭州館。",
            {"Carrie Lam": None, "Nicholas Yang Wei-hsiun": "創科局局長",
             "Margaret Fong Shun-man": "貿發局總裁"},
        ),
        (
            "浙江省委书记易炼红与香港特区行政长官李家超共同见证签约。",
            {"Yi Lianhong": "浙江省委书记", "John Lee Ka-chiu": "香港特区行政长官"},
        ),
        (
            "杭州市委副书记张仲灿表示，两地合作前景广阔。",
            {"Zhang Zhongcan": "杭州市委副书记"},
        ),
    ],
)  # fmt: skip
def test_roles_come_from_the_title_beside_the_name(
    gazetteer: Gazetteer, body: str, expected: dict[str, str | None]
) -> None:
    assert roles(gazetteer, body) == expected


def test_a_description_without_a_title_is_no_role(gazetteer: Gazetteer) -> None:
    body = "Chief Executive John Lee met Hangzhou officials. Nicholas Yang, a keen runner, joined."
    assert roles(gazetteer, body)["Nicholas Yang Wei-hsiun"] is None


def test_margaret_fong_and_yi_lianhong_are_found_in_english_and_chinese(
    gazetteer: Gazetteer,
) -> None:
    for body in (
        "Zhejiang Party Secretary Yi Lianhong met HKTDC's Margaret Fong in Hangzhou.",
        "浙江省委书记易炼红在杭州会见香港贸发局总裁方舜文。",
        "浙江省委書記易煉紅在杭州會見香港貿發局總裁方舜文。",
    ):
        found = extract_facts(None, body, None, PUBLISHED, gazetteer)
        named = {m.entity_id: body[m.start : m.end] for m in found.accepted_mentions}
        assert {"yi-lianhong", "margaret-fong"} <= set(named), body
        assert named["margaret-fong"] in ("Margaret Fong", "方舜文")


@pytest.mark.parametrize(
    ("body", "source"),
    [
        (
            "According to the Hangzhou Venture Capital Association, Hangzhou has 30 unicorns.",
            "Hangzhou Venture Capital Association",
        ),
        (
            "Zhang Zhongcan, deputy secretary of the CPC Hangzhou Municipal Committee, said Hong "
            "Kong had about 6,400 projects in Hangzhou.",
            "Zhang Zhongcan",
        ),
        ("According to the city's commerce bureau, exports rose 4 percent.",
         "city's commerce bureau"),
        ("周江勇介绍，香港在杭州累计投资项目约6000个。", "Zhou Jiangyong"),
        ("Hong Kong had about 6,400 projects in Hangzhou.", None),
    ],
)  # fmt: skip
def test_a_figure_keeps_the_source_its_sentence_credits(
    gazetteer: Gazetteer, body: str, source: str | None
) -> None:
    found = extract_facts(None, body, None, PUBLISHED, gazetteer)
    assert found.figures
    assert {f.source for f in found.figures} == {source}
