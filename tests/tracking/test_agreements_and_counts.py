"""Agreements announced are not agreements signed; counts and floors read as people write them."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from records.facts import ArticleFacts
from tracking.entities import Gazetteer
from tracking.extraction import extract_facts

HKT = timezone(timedelta(hours=8))
TUESDAY = datetime(2019, 6, 11, 8, tzinfo=HKT)


def facts(gazetteer: Gazetteer, body: str) -> ArticleFacts:
    return extract_facts(None, body, None, TUESDAY, gazetteer)


def test_a_signing_to_come_is_planned_with_its_coming_date(gazetteer: Gazetteer) -> None:
    body = "Hangzhou and Hong Kong will sign eight agreements on Friday."
    (agreement,) = facts(gazetteer, body).agreements
    assert (agreement.status, agreement.signed_on, agreement.planned_on) == (
        "planned",
        None,
        date(2019, 6, 14),  # the Friday after Tuesday the 11th, not the one before
    )
    assert agreement.count == 8


def test_chinese_plans_to_sign_are_planned(gazetteer: Gazetteer) -> None:
    for body in ("杭州与香港将于14日签署合作协议。", "杭州与香港拟签署合作备忘录。"):
        (agreement,) = facts(gazetteer, body).agreements
        assert (agreement.status, agreement.signed_on) == ("planned", None), body
    (dated,) = facts(gazetteer, "杭州与香港将于14日签署合作协议。").agreements
    assert dated.planned_on == date(2019, 6, 14)


def test_a_signing_reported_stays_signed_though_its_effects_are_to_come(
    gazetteer: Gazetteer,
) -> None:
    body = "Hangzhou and Hong Kong signed eight agreements on Friday, which will boost trade."
    (agreement,) = facts(gazetteer, body).agreements
    assert (agreement.status, agreement.signed_on) == ("signed", date(2019, 6, 7))


def test_the_kind_is_that_of_the_agreements_counted(gazetteer: Gazetteer) -> None:
    body = "香港与杭州双方签署8项协议，确定13个领域51个合作项目。"
    (agreement,) = facts(gazetteer, body).agreements
    assert (agreement.count, agreement.kind) == (8, "agreement")


def test_dozens_multiply(gazetteer: Gazetteer) -> None:
    found = facts(
        gazetteer, "Two dozen delegations from Hangzhou signed a dozen deals in Hong Kong."
    )
    assert [(f.subject, f.value) for f in found.figures] == [("delegations", 24), ("deals", 12)]
    assert [a.count for a in found.agreements] == [12]


def test_a_valuation_floor_is_a_threshold_whatever_the_wording(gazetteer: Gazetteer) -> None:
    for body, subject in (
        ("A unicorn is a start-up valued at US$1 billion or more.", "start-up valuation threshold"),
        ("Hangzhou has 30 unicorns, startups with a valuation of at least US$1 billion.",
         "unicorn valuation threshold"),
        ("Hangzhou has many startups with a valuation of at least US$1 billion.",
         "startup valuation threshold"),
    ):  # fmt: skip
        money = [f for f in facts(gazetteer, body).figures if f.unit == "money"]
        assert [(f.subject, f.value, f.qualifier) for f in money] == [(subject, 1e9, "at least")], (
            body
        )


def test_both_sides_are_the_places_acting_not_the_city_hosting_the_meeting(
    gazetteer: Gazetteer,
) -> None:
    body = (
        "行政长官今日率领香港代表团，出席在杭州举行的港浙合作会议。"
        "香港作为国际金融中心，欢迎浙江企业。"
        "双方商定推进51个合作项目，并在金融、科技创新等13个领域加强合作。"
    )
    (agreement,) = facts(gazetteer, body).agreements
    assert agreement.parties == ("Hong Kong", "Zhejiang")


def test_our_province_in_a_zhejiang_report_is_zhejiang_and_each_side_is_a_party(
    gazetteer: Gazetteer,
) -> None:
    """A Zhejiang outlet writes 我省; the visitors' side is a body, not a place: the parties are
    one of each side, never Hangzhou (where the meeting was) and Zhejiang together."""
    body = (
        "本报杭州3月2日讯 今天，香港特区政府代表团来到杭州，同我省举行经贸合作座谈会。\n\n"
        "会上，双方商定推进12个合作项目，并在金融、科技等领域加强合作。"
    )
    (agreement,) = facts(gazetteer, body).agreements
    assert set(agreement.parties) == {"Zhejiang", "HKSAR Government"}
