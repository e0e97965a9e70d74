"""Patterns a careful reader gets right and a word list can miss: council members are no meeting,
people named in follow-ups, venues that stand for their city, a visit's forum titled as a part."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from tests.tracking.config_helpers import events_from, relevance_from
from tracking.duplicates import signature
from tracking.entities import Gazetteer
from tracking.events import TrackedArticle, cluster_events, founds_events
from tracking.extraction import extract_facts
from tracking.relevance import score_article

CONFIG = Path(__file__).resolve().parents[2] / "config"

HKT = timezone(timedelta(hours=8))
TUESDAY = datetime(2019, 4, 16, 8, tzinfo=HKT)


def test_legislative_council_members_visiting_are_a_visit_not_a_meeting(
    gazetteer: Gazetteer,
) -> None:
    for body in ("香港立法会议员考察团昨日来杭考察。", "香港立法會議員考察團昨日來杭考察。"):
        found = extract_facts(None, body, None, TUESDAY, gazetteer).cues
        assert [(c.event_type, c.name) for c in found] == [("visit", None)]


def _tracked(
    gazetteer: Gazetteer, article_id: str, published: datetime, title: str, body: str
) -> TrackedArticle:
    facts = extract_facts(title, body, "en", published, gazetteer)
    return TrackedArticle(article_id, published, "en", title, facts, signature(title, body))


def test_a_follow_up_without_a_date_joins_the_event_through_a_person_the_lists_lack(
    gazetteer: Gazetteer,
) -> None:
    report = _tracked(
        gazetteer, "report", datetime(2026, 1, 14, 8, tzinfo=HKT),
        "Hangzhou takes its investment pitch to Hong Kong",
        "A Hangzhou delegation led by Mayor Yao Gaoyuan held an investment promotion conference "
        "in Hong Kong on Tuesday, where 22 projects were signed.",
    )  # fmt: skip
    follow_up = _tracked(
        gazetteer, "follow-up", datetime(2026, 1, 17, 9, tzinfo=HKT),
        "Family offices hear Hangzhou's case",
        "Mayor Yao Gaoyuan told family offices in Hong Kong that Hangzhou's digital economy "
        "offers long-term returns.",
    )  # fmt: skip
    assert not founds_events(follow_up.facts)
    events = cluster_events([report, follow_up], events_from(CONFIG), date(2026, 1, 19))
    assert [sorted(a for a, _ in e.members) for e in events] == [["follow-up", "report"]]


def test_a_district_pitching_to_airline_firms_is_cooperation_not_a_travel_story() -> None:
    # 航空 names the firms' trade here (航空企业), not flights: the promotion counts
    relevance = relevance_from(CONFIG)
    found = score_article(
        "萧山区来港推介临空经济",
        "杭州市萧山区昨日在港举行投资推介会，向本港物流及航空企业推介空港经济区，双方签约十二个项目。",
        relevance,
    )
    assert found.is_relevant
    assert not any(r.group == "action_not_counted" and r.field == "body" for r in found.reasons)


def test_a_headline_visit_whose_delegation_attends_a_named_forum_reports_the_visit(
    gazetteer: Gazetteer,
) -> None:
    facts = extract_facts(
        "杭州市長率團訪港",
        "杭州市市長昨日率團抵港訪問，與香港特區政府官員會面，並出席在香港會展中心舉行的杭港經貿合作交流會。",
        "zh-Hant", TUESDAY, gazetteer,
    )  # fmt: skip
    assert facts.happening is not None
    cue = facts.happening.cue
    assert (cue.event_type, cue.place, cue.name) == ("visit", "Hong Kong", None)
    assert [(p.kind, p.name) for p in facts.happening.parts] == [("forum", "杭港經貿合作交流會")]


def test_a_forum_reported_for_itself_stays_the_happening_even_during_a_visit(
    gazetteer: Gazetteer,
) -> None:
    facts = extract_facts(
        "杭州市長訪港期間 杭港經貿合作交流會舉行",
        "杭港經貿合作交流會昨日在香港會展中心舉行，正在香港訪問的杭州市代表團出席。",
        "zh-Hant", TUESDAY, gazetteer,
    )  # fmt: skip
    assert facts.happening is not None
    assert facts.happening.cue.event_type == "forum"


def test_a_sentence_going_on_about_the_lead_reports_its_happening(gazetteer: Gazetteer) -> None:
    """The lead names who and where, the next sentence what ("The plant ..."; 该项目落户…): an
    investment project reported as news, dated by the lead, though the sentence naming the
    kind names nobody."""
    body = (
        "Hong Kong-based Lotus Group said on Monday it will invest 2 billion yuan in Hangzhou.\n\n"
        "The plant will build electric buses for the Greater Bay Area from 2026."
    )
    facts = extract_facts("Lotus Group to invest in Hangzhou", body, "en", TUESDAY, gazetteer)
    happening = facts.happening
    assert happening is not None and happening.founding
    cue = happening.cue
    assert (cue.event_type, cue.date) == ("investment_project", date(2019, 4, 15))
    unrelated = body.replace("The plant", "A new plant in Ningbo")
    assert extract_facts(None, unrelated, "en", TUESDAY, gazetteer).happening is None


def test_an_investment_project_is_titled_by_where_the_money_comes_from_and_what_is_built(
    gazetteer: Gazetteer,
) -> None:
    """Not "钱塘区在杭州举办投资项目": a district holds no project; the investor's side, the
    thing built and the city it lands in say what happened, placed where the lead says."""
    settings = events_from(CONFIG)
    english = _tracked(
        gazetteer, "en", TUESDAY, "Bus maker picks Hangzhou",
        "Hong Kong-based Lotus Group said on Monday it will invest 2 billion yuan in Hangzhou's "
        "Qiantang district.\n\nThe plant will build electric buses from 2026.",
    )  # fmt: skip
    facts = extract_facts(
        "港企杭州基地投产", "香港石澳精密集团投资的生产基地昨日在杭州钱塘区投产。", "zh-Hans",
        TUESDAY, gazetteer,
    )  # fmt: skip
    chinese = TrackedArticle("zh", TUESDAY, "zh-Hans", "港企杭州基地投产", facts,
                             signature("港企杭州基地投产", "香港石澳精密集团"))  # fmt: skip
    (en_event,) = cluster_events([english], settings, date(2026, 1, 1))
    (zh_event,) = cluster_events([chinese], settings, date(2026, 1, 1))
    assert (en_event.title, en_event.place) == ("Hong Kong-invested plant in Hangzhou", "Hangzhou")
    assert zh_event.title_zh == "香港投资生产基地落户杭州"
    assert zh_event.place_detail == "Qiantang district"
