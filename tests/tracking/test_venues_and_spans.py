"""Venues are where a happening is held, never what it is; a signing ceremony is a signing; one
event is one happening, however many officials its neighbours share; principal officials are
Hong Kong's side. Every text here is our own, written to reproduce a pattern met in coverage.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from config.knowledge import EventSettings
from records.facts import EventCue
from tests.tracking.config_helpers import relevance_from
from tests.tracking.tracked import article, events_of
from tracking.entities import Gazetteer
from tracking.extraction import extract_facts
from tracking.relevance import score_article

HKT = timezone(timedelta(hours=8))
CONFIG = Path(__file__).resolve().parents[2] / "config"


SIGNING_EN = (
    "Financial Secretary Paul Chan and Hangzhou Party secretary Liu Jie today witnessed the "
    "signing of 18 co-operation projects between Hangzhou and Hong Kong at the Hong Kong "
    "Convention and Exhibition Centre.\n\nThe projects span green finance and biomedicine."
)
SIGNING_ZH = (
    "1月19日，杭港合作项目集中签约仪式在香港会议展览中心举行。杭州市委书记刘捷、香港特区政府财政司司长"
    "陈茂波出席并见证签约，现场签约18个项目。"
)
JAN_19 = datetime(2027, 1, 19, 20, tzinfo=HKT)


def reported(
    gazetteer: Gazetteer, title: str, body: str, language: str, published: datetime
) -> EventCue:
    """The cue of the happening an article reports (it must report one)."""
    facts = extract_facts(title, body, language, published, gazetteer)
    assert facts.happening is not None
    return facts.happening.cue


def test_a_venue_named_for_exhibitions_types_and_names_nothing(gazetteer: Gazetteer) -> None:
    """The Convention and Exhibition Centre is where the signing was held: the happening is a
    signing placed in Hong Kong with the venue as its detail, and no exhibition or conference
    is read from the building's name."""
    facts = extract_facts("Hangzhou-Hong Kong projects signed", SIGNING_EN, "en", JAN_19,
                          gazetteer)  # fmt: skip
    assert facts.happening is not None  # the cues too are looked at: no `reported` here
    cue = facts.happening.cue
    assert (cue.event_type, cue.place, cue.place_detail) == (
        "agreement_signing",
        "Hong Kong",
        "Hong Kong Convention and Exhibition Centre",
    )
    assert not [c for c in facts.cues if c.event_type in ("expo", "conference")]


def test_a_ceremony_named_for_its_signings_is_a_signing(gazetteer: Gazetteer) -> None:
    """杭港合作项目集中签约仪式 names a signing ceremony, not a gathering of no listed kind."""
    cue = reported(gazetteer, "杭港合作项目在港集中签约", SIGNING_ZH, "zh-Hans",
                   JAN_19 + timedelta(hours=11))  # fmt: skip
    assert cue.event_type == "agreement_signing"
    assert cue.place_detail == "Hong Kong Convention and Exhibition Centre"


def test_english_and_chinese_reports_of_one_signing_are_one_signing_event(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    """The officials are known in both scripts (Paul Chan / 陈茂波, Liu Jie / 刘捷), so the two
    reports of the day's signing at the venue are one event."""
    english = article(gazetteer, "en", JAN_19, "FS witnesses signing of Hangzhou projects",
                      SIGNING_EN)  # fmt: skip
    chinese = article(gazetteer, "zh", JAN_19 + timedelta(hours=11), "杭港合作项目在港集中签约",
                      SIGNING_ZH, "zh-Hans")  # fmt: skip
    (event,) = events_of([english, chinese], settings)
    assert (event.event_type, event.event_date, event.place) == (
        "agreement_signing",
        date(2027, 1, 19),
        "Hong Kong",
    )
    assert event.place_detail == "Hong Kong Convention and Exhibition Centre"


def _forum(day: date, n: int) -> str:
    return (
        f"The {n}th Hangzhou-Hong Kong Digital Economy Forum opened in Hangzhou on "
        f"{day:%B} {day.day}, {day.year}. Hong Kong's Secretary for Commerce and Economic "
        "Development Algernon Yau and Hangzhou Mayor Yao Gaoyuan addressed about 300 guests "
        "from both cities."
    )


def test_happenings_a_fortnight_apart_never_chain_into_one_event(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    """Three forums nine days apart share their speakers, their words and their cities: each is
    within the window of the one before, yet one happening's reported dates lie within
    `span_days`, so each is its own event instead of one event growing without end."""
    days = [date(2027, 3, 1) + timedelta(days=9 * k) for k in range(3)]
    at = [datetime(d.year, d.month, d.day, 20, tzinfo=HKT) for d in days]
    reports = [
        article(gazetteer, f"forum-{k}", at[k], "Hangzhou-Hong Kong forum opens", _forum(d, k + 1))
        for k, d in enumerate(days)
    ]
    assert settings.window_days >= 9 > settings.span_days
    events = events_of(reports, settings)
    assert sorted(e.event_date for e in events if e.event_date) == days
    assert all(len(e.members) == 1 for e in events)


def test_a_principal_official_is_hong_kongs_side() -> None:
    """A release about the commerce secretary's trip names Hong Kong only as where he returns:
    the Secretary (and his name) stand for Hong Kong's government."""
    relevance = relevance_from(CONFIG)
    body = (
        "The Secretary for Commerce and Economic Development, Mr Algernon Yau, led a delegation "
        "to Hangzhou today and met the Mayor of Hangzhou to exchange views on co-operation in "
        "conventions and exhibitions.\n\nHe will be back tomorrow."
    )
    assert score_article("SCED visits Hangzhou", body, relevance).is_relevant


@pytest.mark.parametrize(
    ("english", "chinese"),
    [("Paul Chan Mo-po", "陳茂波"), ("Algernon Yau", "丘應樺"), ("Liu Jie", "劉捷")],
)
def test_officials_are_one_entity_in_either_script(
    gazetteer: Gazetteer, english: str, chinese: str
) -> None:
    day = datetime(2027, 5, 2, 9, tzinfo=HKT)
    en = extract_facts(None, f"{english} met business leaders in Hangzhou.", "en", day, gazetteer)
    zh = extract_facts(None, f"{chinese}在杭州會見商界代表。", "zh-Hant", day, gazetteer)
    people = [{m.entity_id for m in f.accepted_mentions if m.entity_type == "person"}
              for f in (en, zh)]  # fmt: skip
    assert people[0] == people[1] and len(people[0]) == 1


def test_the_venue_a_promotion_is_held_at_does_not_hold_it(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    """在数码港举办推介会: Cyberport is where the promotion was held (it is also a company), not
    who held it; the title names the visiting side."""
    body = "10月19日，杭州市滨江区代表团在香港数码港举办投资推介会，向香港创科企业介绍发展机遇。"
    report = article(gazetteer, "zh", datetime(2027, 10, 20, 7, tzinfo=HKT), "滨江赴港推介",
                     body, "zh-Hans")  # fmt: skip
    (event,) = events_of([report], settings)
    assert (event.event_type, event.place, event.place_detail) == (
        "promotion",
        "Hong Kong",
        "Cyberport",
    )
    assert event.title_zh is not None and not event.title_zh.startswith("数码港")


def test_an_institutions_centre_opened_in_the_other_city_is_cooperation() -> None:
    """A follow-up on a Hong Kong institution's new centre in Hangzhou has no signing or visit
    in it: the centre opening (or a plant breaking ground, 动工) is the action."""
    relevance = relevance_from(CONFIG)
    body = (
        "A dozen Hong Kong start-ups have applied for space at the Hong Kong Science and "
        "Technology Parks Corporation's new centre in Hangzhou, which opened last week."
    )
    assert score_article("Start-ups queue at new Hangzhou centre", body, relevance).is_relevant


def test_a_delegation_arriving_in_a_city_is_placed_there(gazetteer: Gazetteer) -> None:
    """抵達杭州 is where the visit happened; 來港上市 later in the sentence (listing in Hong
    Kong) is not."""
    body = (
        "財經事務及庫務局局長許正宇昨日率團抵達杭州訪問，與杭州市長姚高員會面，"
        "探討杭州企業來港上市等議題。"
    )
    cue = reported(gazetteer, "許正宇訪杭", body, "zh-Hant", datetime(2028, 2, 23, 9, tzinfo=HKT))
    assert (cue.event_type, cue.place) == ("visit", "Hangzhou")


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        ("Science park opens Hangzhou base at innovation forum",
         "The Hong Kong Science and Technology Parks Corporation launched its Hangzhou innovation "
         "centre on Tuesday, at the opening session of the Future Sci-Tech City Innovation Forum.",
         "en"),
        ("香港科技园杭州创新中心揭牌",
         "5月16日，香港科技园杭州创新中心在杭州揭牌。揭牌仪式在当天开幕的未来科技城创新论坛上举行。",
         "zh-Hans"),
    ],
)  # fmt: skip
def test_a_launch_at_a_forum_is_a_launch_and_the_forum_names_nothing(
    gazetteer: Gazetteer, settings: EventSettings, title: str, body: str, language: str
) -> None:
    """What was launched at a gathering is the happening; the gathering is where (as a signing
    at a forum no report covers stays a signing)."""
    report = article(gazetteer, "a", datetime(2028, 5, 17, 9, tzinfo=HKT), title, body, language)
    (event,) = events_of([report], settings)
    assert event.event_type == "launch"
    assert "Forum" not in event.title and "论坛" not in (event.title_zh or "")


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Hangzhou held a tourism promotion in a meeting hall of the Hong Kong Convention and "
         "Exhibition Centre yesterday, inviting travel agents to visit the city.", "en"),
        ("杭州市文化廣電旅遊局昨日在灣仔會展中心舉行杭州文化旅遊推介會。", "zh-Hant"),
    ],
)  # fmt: skip
def test_a_hall_of_a_venue_and_the_venue_by_its_district_place_the_happening(
    gazetteer: Gazetteer, body: str, language: str
) -> None:
    title = "杭州文旅推介" if language != "en" else "Hangzhou tourism promotion"
    cue = reported(gazetteer, title, body, language, datetime(2028, 8, 18, 9, tzinfo=HKT))
    assert (cue.event_type, cue.place, cue.place_detail) == (
        "promotion",
        "Hong Kong",
        "Hong Kong Convention and Exhibition Centre",
    )


def test_a_bureau_secretary_on_a_visit_is_hong_kongs_side() -> None:
    """A government release on the second day of a secretary's visit names Hong Kong only by
    the secretary's bureau."""
    relevance = relevance_from(CONFIG)
    body = "文化體育及旅遊局局長今日繼續在杭州的訪問行程，參觀濱江區的動漫博物館。"
    assert score_article("文化體育及旅遊局局長繼續訪問杭州", body, relevance).is_relevant


def test_a_park_opening_is_a_launch(gazetteer: Gazetteer) -> None:
    body = "10月18日，杭港青年创新港在拱墅区开园，首批20家香港青年创业企业入驻。"
    cue = reported(gazetteer, "杭港青年创新港开园", body, "zh-Hans",
                   datetime(2029, 10, 19, 7, tzinfo=HKT))  # fmt: skip
    assert (cue.event_type, cue.place) == ("launch", "Hangzhou")


def test_a_secretarys_visit_reported_day_by_day_is_one_event(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    """Hong Kong's principal officials are known by name: a two-day visit covered by a release
    each day and a Chinese round-up is one visit, whatever each day's stop."""
    day1 = datetime(2026, 3, 2, 19, tzinfo=HKT)
    articles = [
        article(gazetteer, "day1", day1, "SITI visits Hangzhou",
                "The Secretary for Innovation, Technology and Industry, Professor Sun Dong, "
                "arrived in Hangzhou today (March 2) for a two-day visit and toured a robotics "
                "park in Binjiang district.\n\nHe also met officials of the Hangzhou Science and "
                "Technology Bureau."),
        article(gazetteer, "day2", day1 + timedelta(days=1), "SITI concludes Hangzhou visit",
                "On the second day of his visit to Hangzhou today (March 3), the Secretary for "
                "Innovation, Technology and Industry, Professor Sun Dong, called at Zhejiang "
                "University and a chip design company before returning to Hong Kong."),
        article(gazetteer, "zh", day1 + timedelta(days=2), "孙东率团访问杭州",
                "3月2日至3日，香港特区政府创新科技及工业局局长孙东率团访问杭州，参观了滨江区机器人产业园"
                "和浙江大学。", "zh-Hans"),
    ]  # fmt: skip
    (event,) = events_of(articles, settings)
    assert event.event_type == "visit"
    assert event.place == "Hangzhou"
