"""Chinese articles, Simplified and Traditional: the same facts as English, from one name list."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from records.facts import ArticleFacts
from tracking.entities import Gazetteer
from tracking.extraction import extract_facts

HKT = timezone(timedelta(hours=8))
PUBLISHED = datetime(2019, 6, 14, 8, 0, tzinfo=HKT)  # the day after the signing

SIMPLIFIED = (
    "杭州与香港昨日在香港举行的杭港创新合作论坛上签署8项合作协议。"
    "协议涉及智慧城市、高端服务业、金融、人工智能和新能源。\n\n"
    "截至去年底，香港在杭州累计投资项目约6400个，总投资超过1400亿美元。"
    "杭州现有30家独角兽企业。"
)
TRADITIONAL = (
    "香港特區政府與浙江省政府昨日簽署了12個合作項目，涵蓋創新科技、金融及數字貿易等13個領域，"
    "共51個項目。\n\n"
    "香港貿發局總裁方舜文表示，杭州企業在港投資額達11億港元，浙江去年經濟總量約8.3萬億元。"
)


@pytest.fixture(scope="module")
def simplified(gazetteer: Gazetteer) -> ArticleFacts:
    return extract_facts(None, SIMPLIFIED, "zh-Hans", PUBLISHED, gazetteer)


@pytest.fixture(scope="module")
def traditional(gazetteer: Gazetteer) -> ArticleFacts:
    return extract_facts("港浙簽約", TRADITIONAL, "zh-Hant", PUBLISHED, gazetteer)


def figures(facts: ArticleFacts) -> set[tuple[str | None, float, str | None, str | None]]:
    return {(f.subject, f.value, f.currency, f.qualifier) for f in facts.figures}


def test_simplified_amounts_and_counts(simplified: ArticleFacts) -> None:
    assert figures(simplified) == {
        ("合作协议", 8, None, None),
        ("投资项目", 6400, None, "about"),
        ("总投资", 140e9, "USD", "more than"),  # 1400亿美元 = US$140 billion
        ("独角兽企业", 30, None, None),
    }
    as_of = {f.subject: f.as_of for f in simplified.figures}
    assert as_of["总投资"] == date(2018, 12, 31)  # 截至去年底


def test_traditional_amounts_and_counts(traditional: ArticleFacts) -> None:
    assert figures(traditional) == {
        ("合作项目", 12, None, None),
        ("领域", 13, None, None),
        ("项目", 51, None, "in total"),
        ("投资额", 1.1e9, "HKD", None),  # 11億港元
        ("浙江经济总量", 8.3e12, "CNY", "about"),  # 8.3萬億元
    }


def test_figure_offsets_point_into_the_traditional_original(traditional: ArticleFacts) -> None:
    starts = sorted(TRADITIONAL[f.start : f.start + 4] for f in traditional.figures)
    assert starts == ["11億港", "12個合", "13個領", "51個項", "8.3萬"]


def test_simplified_agreement_with_fields_in_the_next_sentence(simplified: ArticleFacts) -> None:
    (agreement,) = simplified.agreements
    assert agreement.count == 8
    assert agreement.kind == "agreement"
    assert agreement.parties == ("Hangzhou", "Hong Kong")
    assert agreement.fields == (
        "smart city",
        "high-end services",
        "finance",
        "artificial intelligence",
        "new energy",
    )
    assert agreement.signed_on == date(2019, 6, 13)  # 昨日


def test_traditional_agreement_counts_cooperation_projects(traditional: ArticleFacts) -> None:
    (agreement,) = traditional.agreements
    assert agreement.count == 12
    assert agreement.kind == "cooperation project"
    assert agreement.parties == ("HKSAR Government", "Zhejiang provincial government")
    assert agreement.fields == ("innovation and technology", "finance", "digital trade")


def test_traditional_names_match_the_gazetteer(traditional: ArticleFacts) -> None:
    found = {(m.entity_id, m.surface) for m in traditional.mentions}
    assert {
        ("hksar-government", "香港特區政府"),
        ("zhejiang-government", "浙江省政府"),
        ("hktdc", "香港貿發局"),
        ("margaret-fong", "方舜文"),
        ("hangzhou", "杭州"),
    } <= found
    for m in traditional.mentions:
        text = "港浙簽約" if m.field == "title" else TRADITIONAL
        assert text[m.start : m.end] == m.surface


def test_chinese_forum_cue(simplified: ArticleFacts) -> None:
    (cue,) = simplified.cues
    assert cue.name == "杭港创新合作论坛"
    assert cue.event_type == "agreement_signing"
    assert cue.place == "Hong Kong"  # 在香港举行
    assert cue.date == date(2019, 6, 13)


def test_unknown_chinese_names_are_candidates(gazetteer: Gazetteer) -> None:
    text = "王建国副市长会见了香港代表团。"
    facts = extract_facts(None, text, "zh-Hans", PUBLISHED, gazetteer)
    assert [(c.name, c.entity_type) for c in facts.candidates] == [("王建国", "person")]
    assert "王建国" not in {m.surface for m in facts.mentions}
