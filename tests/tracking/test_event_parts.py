"""An event's parts as a reader expects them: the distinct happenings it holds besides its own
(a signing inside a forum, a fair during a week), one entry per happening whatever the articles
and scripts that report it, named by a name a reader can tell apart, with its day; never the
event's own happening, nor one recalled, listed in passing or still to come. And the names
behind them (and behind titles): never a back-reference (这次会议, "this forum"), never begun by a
verb, never half a quote. Every text here is our own.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import closing
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from config.knowledge import EventSettings
from records.events import Event, EventPart
from records.tracking import TrackedBatch
from tests.tracking.tracked import article
from tracking.entities import Gazetteer
from tracking.events import TrackedArticle, cluster_events
from tracking.extraction import extract_facts
from warehouse.db import open_warehouse
from warehouse.tracking import store_batch

HKT = timezone(timedelta(hours=8))


def one_event(articles: Sequence[TrackedArticle], settings: EventSettings) -> Event:
    (event,) = cluster_events(articles, settings, date(2026, 1, 1))
    return event


def parts(event: Event) -> list[tuple[str, date | None, str | None]]:
    return [(p.kind, p.day, p.name) for p in event.parts]


def names(gazetteer: Gazetteer, body: str, language: str = "zh-Hans") -> list[str | None]:
    published = datetime(2025, 4, 29, 18, tzinfo=HKT)
    return [c.name for c in extract_facts(None, body, language, published, gazetteer).cues]


# --- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        ("这次会议上，香港与浙江排定了51个合作项目。", "zh-Hans", []),
        ("此次推介会上，杭州企业向香港投资者推介了40个项目。", "zh-Hans", []),
        ("本届浙港合作论坛4月29日在杭州举行。", "zh-Hans", ["浙港合作论坛"]),  # 本届 is no name
        ("该论坛4月29日在杭州举行，香港代表团出席。", "zh-Hans", []),
        ("This Forum was held in Hangzhou on Tuesday with Hong Kong officials.", "en", []),
    ],
)  # fmt: skip
def test_a_demonstrative_or_a_generic_back_reference_is_never_a_name(
    gazetteer: Gazetteer, body: str, language: str, expected: list[str]
) -> None:
    assert [n for n in names(gazetteer, body, language) if n] == expected


def test_a_name_starts_after_its_verb_and_keeps_no_half_quote(gazetteer: Gazetteer) -> None:
    quoted = "作为“香港澳门·浙江周”的主场活动，浙港合作主题论坛29日在港召开。"
    assert names(gazetteer, quoted) == ["香港澳门·浙江周", "浙港合作主题论坛"]  # not 作为“…
    assert "港浙合作会议" in names(
        gazetteer, "4月29日，杭州市政府召开专题会议，部署港浙合作会议确定事项的落实。"
    )  # not 部署港浙合作会议
    assert "双方首次以全体会议" not in names(
        gazetteer, "港浙合作会议机制建立以来，杭州与香港双方首次以全体会议形式坐到一起。"
    )


# --- what is a part ---------------------------------------------------------------------------

CONFERENCE_EN = (
    "HANGZHOU, April 24 -- The Hong Kong/Zhejiang Cooperation Conference held its first plenary "
    "session in Hangzhou today, led by Chief Executive John Lee.\n\n"
    "Hong Kong officials will report progress to Zhejiang at the next plenary session."
)
CONFERENCE_ZH = (
    "4月24日，香港／浙江合作会议高层会晤暨第一次全体会议在杭州举行，行政长官李家超出席。\n\n"
    "这次会议排定了51个合作项目，双方将在下次全体会议汇报进展。"
)
CONFERENCE_HANT = (
    "香港／浙江合作會議高層會晤暨第一次全體會議今日（4月24日）在杭州舉行，李家超出席。"
)
CONFERENCE_DAY = datetime(2025, 4, 24, 20, tzinfo=HKT)


def test_a_future_meeting_named_in_a_report_is_never_a_part(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    """ "at the next plenary session", 下次全体会议: a meeting still to come, in both scripts."""
    event = one_event(
        [
            article(gazetteer, "en", CONFERENCE_DAY, "HK, Zhejiang hold co-operation conference",
                    CONFERENCE_EN),
            article(gazetteer, "zh", CONFERENCE_DAY, "港浙合作会议在杭举行", CONFERENCE_ZH,
                    "zh-Hans"),
        ],
        settings,
    )  # fmt: skip
    assert (event.event_type, event.event_date) == ("conference", date(2025, 4, 24))
    assert parts(event) == []


def test_the_events_own_happening_under_other_names_and_scripts_is_no_part(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    """The conference in English, Simplified and Traditional, each naming it its own way: one
    happening, the event's, held by none of its parts; no name is a back-reference."""
    event = one_event(
        [
            article(gazetteer, "en", CONFERENCE_DAY, "HK, Zhejiang hold co-operation conference",
                    CONFERENCE_EN),
            article(gazetteer, "zh", CONFERENCE_DAY, "港浙合作会议在杭举行", CONFERENCE_ZH,
                    "zh-Hans"),
            article(gazetteer, "hant", CONFERENCE_DAY, "港浙合作會議在杭舉行", CONFERENCE_HANT,
                    "zh-Hant"),
        ],
        settings,
    )  # fmt: skip
    assert event.parts == ()
    assert event.title_zh is not None and "这次" not in event.title_zh


WEEK_OPENS = (
    "The Hong Kong & Macao-Zhejiang Week opened in Hong Kong today, attended by Chief Executive "
    "John Lee and Zhejiang Party Secretary Yi Lianhong."
)
WEEK_OPENS_ZH = "6月26日，港澳·浙江周在香港开幕，行政长官李家超、浙江省委书记易炼红出席开幕式。"
WEEK_SIGNING_EN = (
    "Hong Kong and Zhejiang signed 12 co-operation agreements on Thursday during the Hong Kong & "
    "Macao-Zhejiang Week.\n\nThe signing was witnessed by Yi Lianhong."
)
WEEK_SIGNING_ZH = "6月29日，在港澳·浙江周期间，浙江与香港签署12项合作协议。易炼红见证签约。"


def week(gazetteer: Gazetteer) -> list[TrackedArticle]:
    """A week in Hong Kong reported in both scripts: its opening, and a signing on its fourth
    day."""
    return [
        article(gazetteer, "open", datetime(2023, 6, 26, 20, tzinfo=HKT),
                "Zhejiang Week opens in Hong Kong", WEEK_OPENS),
        article(gazetteer, "open-zh", datetime(2023, 6, 27, 7, tzinfo=HKT),
                "港澳·浙江周在香港开幕", WEEK_OPENS_ZH, "zh-Hans"),
        article(gazetteer, "sign-en", datetime(2023, 6, 30, 8, tzinfo=HKT),
                "Hong Kong and Zhejiang sign 12 deals", WEEK_SIGNING_EN),
        article(gazetteer, "sign-zh", datetime(2023, 6, 30, 7, tzinfo=HKT),
                "浙港签署12项合作协议", WEEK_SIGNING_ZH, "zh-Hans"),
    ]  # fmt: skip


def test_a_weeks_signing_reported_in_two_scripts_is_one_part(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    event = one_event(week(gazetteer), settings)
    assert (event.title, event.event_date) == ("Hong Kong & Macao-Zhejiang Week", date(2023, 6, 26))
    assert event.parts == (
        EventPart("agreement_signing", date(2023, 6, 29), "signing of 12 agreements", None),
    )


def test_a_forum_holds_the_signing_at_it_and_not_the_week_it_belongs_to(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    """A forum, part of a week, where eight agreements were signed: the signing is its part; the
    week holds the forum, so it is none of the forum's parts."""
    body = (
        "The Zhejiang-Hong Kong Cooperation Theme Forum was held in Hong Kong on Monday as part "
        "of the Hong Kong & Macao-Zhejiang Week, attended by Chief Executive John Lee.\n\n"
        "Eight agreements were signed at the forum on Monday, witnessed by Yi Lianhong."
    )
    event = one_event(
        [article(gazetteer, "forum", datetime(2023, 6, 26, 21, tzinfo=HKT),
                 "Zhejiang-Hong Kong Cooperation Theme Forum held", body)],
        settings,
    )  # fmt: skip
    assert event.event_type == "forum"
    assert parts(event) == [("agreement_signing", date(2023, 6, 26), "signing of 8 agreements")]


def test_signings_at_a_forum_another_report_covers_make_a_forum_with_its_signing_as_a_part(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    """Most reports lead with the signing ("signed ... at the X Forum"); one reports the forum
    itself: the forum is the happening, typed by its name, and the signing one of its parts."""
    at_forum = (
        "Hong Kong and Zhejiang signed 12 agreements on Monday at the Zhejiang-Hong Kong "
        "Cooperation Theme Forum, witnessed by Chief Executive John Lee."
    )
    at_forum_zh = "6月26日，浙江与香港在浙港合作主题论坛上签署12项合作协议，李家超出席见证。"
    attends = (
        "Chief Executive John Lee attended the Zhejiang-Hong Kong Cooperation Theme Forum in "
        "Hong Kong today (June 26) with Zhejiang Party Secretary Yi Lianhong."
    )
    event = one_event(
        [
            article(gazetteer, "en", datetime(2023, 6, 26, 20, tzinfo=HKT),
                    "Hong Kong and Zhejiang sign 12 deals", at_forum),
            article(gazetteer, "zh", datetime(2023, 6, 26, 21, tzinfo=HKT),
                    "浙港签署12项合作协议", at_forum_zh, "zh-Hans"),
            article(gazetteer, "attends", datetime(2023, 6, 26, 22, tzinfo=HKT),
                    "CE attends Zhejiang-Hong Kong Cooperation Theme Forum", attends),
        ],
        settings,
    )  # fmt: skip
    assert event.event_type == "forum"
    assert event.title == "Zhejiang–Hong Kong Cooperation Theme Forum"  # its dash as a name's
    assert [(p.kind, p.day) for p in event.parts] == [("agreement_signing", date(2023, 6, 26))]


def test_a_signing_no_report_covers_beyond_its_venue_stays_a_signing(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    """ "The ceremony took place at the X Forum" and nothing more of the forum: a signing."""
    body = (
        "Hong Kong and Zhejiang signed 12 agreements on Monday at the Zhejiang-Hong Kong "
        "Cooperation Theme Forum, witnessed by Chief Executive John Lee."
    )
    event = one_event(
        [article(gazetteer, "en", datetime(2023, 6, 26, 20, tzinfo=HKT),
                 "Hong Kong and Zhejiang sign 12 deals", body)],
        settings,
    )  # fmt: skip
    assert event.event_type == "agreement_signing"


TRIP = (
    "Hangzhou Party Secretary Zhou Jiangyong led a Hangzhou delegation to Hong Kong on Saturday "
    "and held an investment promotion event for Hong Kong business leaders."
)
TRIP_ZH = "9月15日，杭州市委书记周江勇率杭州代表团在香港举行投资推介会，向香港工商界推介项目。"
MEETING = (
    "Chief Executive Carrie Lam met Hangzhou Party Secretary Zhou Jiangyong on Saturday to "
    "discuss closer economic ties."
)
MEETING_ZH = "行政长官林郑月娥9月15日会见了杭州市委书记周江勇，双方商讨两地经贸合作。"
FOLLOW_UP = (
    "9月20日，杭州市商务委召开专题会议，梳理市委书记周江勇与林郑月娥会面及代表团赴港招商的成果，"
    "研究推动项目落地。"
)


def trip(gazetteer: Gazetteer) -> list[TrackedArticle]:
    """A promotion trip reported in both scripts, and the Chief Executive's meeting with its
    leader, also in both."""
    return [
        article(gazetteer, "trip", datetime(2018, 9, 15, 20, tzinfo=HKT),
                "Hangzhou delegation promotes investment in Hong Kong", TRIP),
        article(gazetteer, "trip-zh", datetime(2018, 9, 15, 21, tzinfo=HKT),
                "杭州代表团赴港招商", TRIP_ZH, "zh-Hans"),
        article(gazetteer, "meeting", datetime(2018, 9, 15, 19, tzinfo=HKT),
                "CE meets Hangzhou Party Secretary", MEETING),
        article(gazetteer, "meeting-zh", datetime(2018, 9, 15, 22, tzinfo=HKT),
                "林郑月娥会见周江勇", MEETING_ZH, "zh-Hans"),
    ]  # fmt: skip


def test_one_visit_reported_in_two_scripts_is_one_part_with_its_day(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    """The Chief Executive's meeting during a promotion trip, in English and Chinese: one visit
    on its day, not "visit" beside "visit, 2018-09-15"."""
    event = one_event(trip(gazetteer), settings)
    assert event.event_type == "promotion"
    assert parts(event) == [("visit", date(2018, 9, 15), None)]


def test_a_kind_a_sentence_only_names_is_no_part(gazetteer: Gazetteer) -> None:
    """ "The visit also gave the delegation a chance to ...": a kind named without a day of its
    own is no happening the article reports."""
    facts = extract_facts(
        "Hangzhou delegation promotes investment in Hong Kong",
        TRIP + "\n\nThe visit also gave Zhou Jiangyong a chance to meet Hong Kong investors.",
        "en",
        datetime(2018, 9, 15, 20, tzinfo=HKT),
        gazetteer,
    )
    assert facts.happening is not None and facts.happening.cue.event_type == "promotion"
    assert facts.happening.parts == ()


def test_a_follow_up_meeting_days_later_is_neither_a_part_nor_the_events_name(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    """A municipal meeting five days after the trip, reviewing it, joins the trip's coverage;
    it is another happening: no part of the trip, and its name does not name the trip."""
    follow_up = article(gazetteer, "follow-up", datetime(2018, 9, 21, 8, tzinfo=HKT),
                        "我市召开专题会议 推进赴港招商成果落地", FOLLOW_UP, "zh-Hans")  # fmt: skip
    event = one_event([*trip(gazetteer), follow_up], settings)
    assert "follow-up" in {a for a, _ in event.members}
    assert "conference" not in {p.kind for p in event.parts}
    assert event.title_zh is not None and "会议" not in event.title_zh
    left_out = [r for r in event.reasons if r.attribute == "part" and not r.chosen]
    assert [r.reason for r in left_out if r.article_id == "follow-up"] == [
        "another happening, on other days"
    ]


def test_a_recalled_or_listed_happening_is_never_a_part(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    body = (
        "Hangzhou and Hong Kong signed eight memorandums of understanding at the "
        "Hangzhou-Hong Kong Innovation and Cooperation Forum in Hong Kong on Thursday.\n\n"
        "Hangzhou launched its City Brain platform with Alibaba Cloud in 2016, and the 2016 G20 "
        "Summit was held in the city.\n\n"
        "The two sides will hold an investment fair in Hangzhou next year."
    )
    event = one_event(
        [article(gazetteer, "forum", datetime(2019, 6, 14, 8, tzinfo=HKT),
                 "Hangzhou and Hong Kong sign eight deals", body)],
        settings,
    )  # fmt: skip
    assert {p.kind for p in event.parts} <= {"agreement_signing", "forum"}
    assert all("G20" not in (p.name or "") for p in event.parts)


def test_a_syndicated_copy_published_the_next_day_adds_no_part(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    """A copy of a dateline story ("本报杭州4月24日讯 今天…") run the next morning: its 今天 is the
    dateline's day, and the copy holds nothing its original does not."""
    body = "本报杭州4月24日讯 今天，港浙合作会议高层会晤暨第一次全体会议在杭州召开，李家超出席。"
    original = article(gazetteer, "original", CONFERENCE_DAY, "港浙合作会议在杭州召开", body,
                       "zh-Hans")  # fmt: skip
    copy = article(gazetteer, "copy", datetime(2025, 4, 25, 8, 20, tzinfo=HKT),
                   "港浙合作会议在杭州召开", body, "zh-Hans", duplicate_of="original")  # fmt: skip
    assert copy.facts.happening is not None
    assert copy.facts.happening.cue.date == date(2025, 4, 24)
    event = one_event([original, copy], settings)
    assert (event.event_date, event.parts) == (date(2025, 4, 24), ())


def test_a_dateline_and_a_spelled_out_day_date_the_happening_not_the_story(
    gazetteer: Gazetteer,
) -> None:
    """ "中国日报网9月16日电 …于15日" happened on the 15th; "前日（12日）" on the 12th."""
    wired = extract_facts(
        None,
        "中国日报网9月16日电 杭州市代表团于15日走进香港，向当地工商界推介投资机会。",
        "zh-Hans",
        datetime(2018, 9, 16, 11, tzinfo=HKT),
        gazetteer,
    )
    glossed = extract_facts(
        None,
        "香港貿易發展局前日（12日）在杭州舉辦專業服務推介活動。",
        "zh-Hant",
        datetime(2024, 11, 13, 8, tzinfo=HKT),
        gazetteer,
    )
    assert [c.date for c in wired.cues] == [date(2018, 9, 15)]
    assert [c.date for c in glossed.cues] == [date(2024, 11, 12)]


# --- titles made from who acts ----------------------------------------------------------------


def test_a_pavilion_is_named_after_the_city_it_came_from_not_the_one_it_stood_in(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    body = (
        "HONG KONG, April 15 -- Hong Kong's Chief Executive Carrie Lam on Monday stopped at a "
        "pavilion from the eastern Chinese city of Hangzhou to see its traffic platform.\n\n"
        "She was joined by Nicholas W. Yang."
    )
    event = one_event(
        [article(gazetteer, "show", datetime(2019, 4, 15, 22, tzinfo=HKT),
                 "Hangzhou's traffic platform on show in Hong Kong", body)],
        settings,
    )  # fmt: skip
    assert (event.event_type, event.place) == ("expo", "Hong Kong")
    assert event.title == "Hangzhou pavilion in Hong Kong"


def test_a_policy_is_issued_by_the_place_not_by_the_side_it_is_meant_for(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    body = (
        "Hangzhou has issued 18 measures to attract young entrepreneurs from Hong Kong, "
        "including rent-free offices.\n\n"
        "The city government said the policy, announced on Wednesday, would deepen cooperation "
        "with Hong Kong."
    )
    event = one_event(
        [article(gazetteer, "policy", datetime(2025, 3, 6, 8, tzinfo=HKT),
                 "Measures roll out welcome mat for young entrepreneurs", body)],
        settings,
    )  # fmt: skip
    assert event.event_type == "policy"
    assert event.title.startswith("Hangzhou issues 18 measures")


# --- stored as records --------------------------------------------------------------------------


def test_parts_are_stored_as_records_sql_can_unnest(
    gazetteer: Gazetteer, settings: EventSettings, warehouse_path: Path
) -> None:
    event = one_event(week(gazetteer), settings)
    at = datetime(2026, 1, 1, tzinfo=UTC)
    with closing(open_warehouse(warehouse_path)) as con:
        members = [a for a, _ in event.members]
        store_batch(con, TrackedBatch({}, {}, {}, [], [event], members, at))
        rows = con.execute(
            "SELECT part.kind, part.day, part.name, part.name_zh "
            "FROM v_events, unnest(parts) AS p(part) ORDER BY part.day"
        ).fetchall()
        kept = con.execute(
            "SELECT value, article_id FROM v_event_reasons WHERE attribute = 'part' AND chosen "
            "ORDER BY article_id"
        ).fetchall()
    assert rows == [("agreement_signing", date(2023, 6, 29), "signing of 12 agreements", None)]
    assert kept == [  # each report of it, with the sentence it was read in
        ("agreement signing, 2023-06-29: signing of 12 agreements", "sign-en"),
        ("agreement signing, 2023-06-29: signing of 12 agreements", "sign-zh"),
    ]


def test_the_expo_a_meeting_was_held_during_and_an_expo_announced_for_next_month_are_no_parts(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    """在X期间 sets the meeting in the expo (the expo holds it, not the other way round), and an
    expo the meeting announces for a later month (將於八月…舉行) has not happened yet."""
    body = (
        "10月25日，在2026中国杭州文化创意产业博览会期间，杭港文创合作联席会议第一次会议在杭州召开。\n\n"
        "会议宣布，杭港文创设计周将于十二月十一日至十四日在香港会议展览中心举行。"
    )
    published = datetime(2026, 10, 26, 8, tzinfo=HKT)
    event = one_event([article(gazetteer, "a", published, "杭港文创联席会议召开", body, "zh-Hans")],
                      settings)  # fmt: skip
    assert event.event_type == "conference"
    assert parts(event) == []
