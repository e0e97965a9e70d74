"""Event cues: what kind of happening an article reports, where and when."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from records.facts import EventCue
from tracking.entities import Gazetteer
from tracking.extraction import extract_facts

HKT = timezone(timedelta(hours=8))
TUESDAY = datetime(2019, 4, 16, 8, tzinfo=HKT)


def cues(gazetteer: Gazetteer, body: str) -> list[EventCue]:
    return list(extract_facts(None, body, None, TUESDAY, gazetteer).cues)


def test_a_city_named_as_a_pavilion_or_an_origin_is_not_where_it_happened(
    gazetteer: Gazetteer,
) -> None:
    body = (
        "Hangzhou's City Brain went on show in Hong Kong on Monday.\n\n"
        "Chief Executive Carrie Lam visited the Hangzhou pavilion, and exhibitors from Hangzhou "
        "met a delegation from Hangzhou's Binjiang district."
    )
    found = [(c.event_type, c.place) for c in cues(gazetteer, body)]
    assert found == [("expo", "Hong Kong"), ("expo", None)]


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("HONG KONG, April 15 (Xinhua) -- Officials from Hangzhou toured an expo on Monday.",
         "Hong Kong"),
        ("新华社香港4月15日电 杭州代表团15日参观了展览。", "Hong Kong"),
        ("本报杭州讯 香港贸发局昨日举办数字贸易论坛。", "Hangzhou"),
    ],
)  # fmt: skip
def test_a_dateline_says_where_when_the_sentence_does_not(
    gazetteer: Gazetteer, body: str, place: str
) -> None:
    assert [c.place for c in cues(gazetteer, body)] == [place]


def test_held_in_beats_a_passing_in(gazetteer: Gazetteer) -> None:
    body = "Officials in Hangzhou said the trade fair, held in Hong Kong on Monday, went well."
    assert [c.place for c in cues(gazetteer, body)] == ["Hong Kong"]


@pytest.mark.parametrize(
    ("body", "event_type"),
    [
        # a delegation holding a promotion event is on a promotion trip: a visit only types a
        # happening when no other kind is named
        ("A delegation from Hangzhou held an investment promotion event in Hong Kong on Monday.",
         "promotion"),
        ("杭州市委书记周江勇昨日率团在香港举办投资推介会。", "promotion"),
        ("InvestHK ran a roadshow for Hangzhou firms on Monday.", "promotion"),
        ("Hangzhou issued 18 measures on Monday to draw Hong Kong entrepreneurs.", "policy"),
        ("A research institute backed by a Hong Kong university opened in Hangzhou on Monday.",
         "launch"),
        ("Chief Executive John Lee visited Hangzhou on Monday.", "visit"),
        ("Hangzhou and Hong Kong signed eight agreements on Monday.", "agreement_signing"),
        ("The Hong Kong trade fair opened in Hangzhou on Monday.", "expo"),  # the first kind named
        ("The launch of Hangzhou's investment promotion campaign took place on Monday.", "launch"),
        ("Hangzhou officials signed eight agreements at the forum on Monday.", "agreement_signing"),
        ("The forum was held in Hong Kong on Monday, where eight agreements were signed.", "forum"),
        ("香港/浙江合作会议第一次全体会议昨日在杭州举行。", "conference"),
        # a rule or a scheme issued is a policy, however it is announced
        ("昨日，杭州市住建委召开新闻发布会，发布《香港测量师在杭执业管理办法》。", "policy"),
        ("Hong Kong surveyors may work in Hangzhou under rules the city issued on Monday.",
         "policy"),
        # a project starting is an investment project
        ("A Hong Kong chipmaker broke ground on a plant in Hangzhou's Xiaoshan on Monday.",
         "investment_project"),
        ("昨日，港资企业在杭州钱塘区投资建设的研发中心项目正式落地。", "investment_project"),
        # what goes live is launched
        ("昨日，杭港跨境电商服务平台在杭州正式上线。", "launch"),
        # a roundtable is a forum; an exhibition named by its last word opens as an exhibition
        ("The Hangzhou-Hong Kong Roundtable on Urban Renewal met in Hangzhou on Monday.",
         "forum"),
        ("杭港城市更新圆桌会昨日在杭州举行，两地学者参加。", "forum"),
        ("“西湖好礼”香港展昨日在铜锣湾开幕，展期一周。", "expo"),
    ],
)  # fmt: skip
def test_the_kind_of_happening_comes_from_the_words_of_the_sentence(
    gazetteer: Gazetteer, body: str, event_type: str
) -> None:
    assert [c.event_type for c in cues(gazetteer, body)][:1] == [event_type]


def test_a_happening_to_come_is_dated_forward_and_a_past_one_backward(
    gazetteer: Gazetteer,
) -> None:
    coming = cues(gazetteer, "The Hangzhou Investment Forum will be held in Hong Kong on Friday.")
    assert [c.date for c in coming] == [date(2019, 4, 19)]  # the Friday after Tuesday 16th
    past = cues(gazetteer, "The Hangzhou Investment Forum was held in Hong Kong on Friday.")
    assert [c.date for c in past] == [date(2019, 4, 12)]


def test_opinion_without_a_happening_gives_no_dated_cue(gazetteer: Gazetteer) -> None:
    body = (
        "Hangzhou and Hong Kong have spent five years building a partnership, and the agreements "
        "signed by their governments are starting to show results."
    )
    assert all(c.date is None for c in cues(gazetteer, body))
