"""What a reader sees of an event: named, dated and placed by the happening reported, never by
one recalled or named in passing; undated reports joining the happening they report; the reasons
kept where SQL can read them (issue 14). Every text here is our own, written to reproduce a
pattern met in real coverage.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from contextlib import closing
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from config.knowledge import EventSettings
from records.events import Copy, Event
from records.tracking import TrackedBatch
from tests.tracking.config_helpers import relevance_from
from tests.tracking.tracked import article, events_of
from tracking.duplicates import link_duplicates
from tracking.entities import Gazetteer
from tracking.event_ids import carry_ids
from tracking.events import TrackedArticle, cluster_events, founds_events
from tracking.extraction import extract_facts
from tracking.relevance import score_article
from warehouse.db import open_warehouse
from warehouse.tracking import store_batch

ROOT = Path(__file__).resolve().parents[2]
HKT = timezone(timedelta(hours=8))


# --- the happening reported, not the one recalled -------------------------------------------

CE_MEETS = (
    "The Chief Executive, Mrs Carrie Lam, met the Party Secretary of Hangzhou, Mr Zhou Jiangyong, "
    "at Government House today, ahead of a Hangzhou investment promotion event in Hong Kong.\n\n"
    "Mrs Lam recalled that the G20 Hangzhou Summit, held in the city on September 4 and 5, 2016, "
    "had shown the world its strength in the digital economy. The summit closed on a Monday.\n\n"
    "She said Hong Kong and Hangzhou could deepen co-operation in innovation and technology, "
    "finance and tourism."
)
SEPT_15_2018 = datetime(2018, 9, 15, 19, 30, tzinfo=HKT)


def test_a_recalled_summit_names_dates_and_places_nothing(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    """A release about the CE meeting Hangzhou's Party secretary in Hong Kong, recalling the 2016
    G20 summit, is a visit in Hong Kong on the day of the release; the summit is kept only as a
    passed-over candidate, with the reason it was passed over."""
    release = article(gazetteer, "govhk", SEPT_15_2018, "CE meets Hangzhou Party Secretary",
                      CE_MEETS)  # fmt: skip
    (event,) = events_of([release], settings)
    assert (event.event_type, event.event_date, event.place) == (
        "visit",
        date(2018, 9, 15),
        "Hong Kong",
    )
    assert "G20" not in event.title
    assert event.title == "Hangzhou delegation visits Hong Kong"
    summit = [r for r in event.reasons if r.value == "G20 Hangzhou Summit"]
    assert summit and not any(r.chosen for r in summit)
    assert all("recalled" in r.reason and r.score < 0 for r in summit)


def test_an_undated_report_of_the_visit_joins_it_and_never_founds_one(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    """A report of Hangzhou's investment summit in Hong Kong "this week", naming the same Party
    secretary, published days later, has no date of its own: it joins the visit, and alone it is
    coverage, not an event."""
    release = article(gazetteer, "govhk", SEPT_15_2018, "CE meets Hangzhou Party Secretary",
                      CE_MEETS)  # fmt: skip
    summit = article(
        gazetteer,
        "summit-report",
        datetime(2018, 9, 18, 8, tzinfo=HKT),
        "Hangzhou investment summit draws Hong Kong business leaders",
        "Hangzhou held an investment summit in Hong Kong this week, drawing more than 500 "
        "business leaders.\n\nZhou Jiangyong, Party secretary of Hangzhou, told guests that the "
        "city wanted Hong Kong firms to invest in its digital economy.",
    )
    assert not founds_events(summit.facts)
    assert events_of([summit], settings) == []
    (event,) = events_of([summit, release], settings)
    assert {a for a, _ in event.members} == {"govhk", "summit-report"}
    assert event.event_date == date(2018, 9, 15)


def test_a_campaign_launched_in_hangzhou_is_a_launch_there(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    """The launch of Hangzhou's investment campaign, held in Hangzhou, with projects signed at it
    and a delegation's trip to Hong Kong a week before recalled: a launch, in Hangzhou, on its
    day, titled by what was launched, never by the generic name of its ceremony."""
    launch = article(
        gazetteer,
        "launch",
        datetime(2023, 1, 17, 7, tzinfo=HKT),
        "Hangzhou launches 2023 investment campaign",
        "Hangzhou held the Opening Ceremony & Press Conference of its 2023 investment promotion "
        "campaign in Hangzhou on Monday, where 40 projects worth 60 billion yuan were signed.\n\n"
        "A week earlier, on January 9, a Hangzhou delegation travelled to Hong Kong, where it "
        "met investors and signed agreements with several Hong Kong companies.",
    )
    (event,) = events_of([launch], settings)
    assert (event.event_type, event.event_date, event.place) == (
        "launch",
        date(2023, 1, 16),
        "Hangzhou",
    )
    assert event.title == "Hangzhou launches 2023 investment promotion campaign"
    assert "Ceremony" not in event.title


def test_a_summit_listed_in_passing_neither_names_nor_places_the_conference(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    """A conference in Hangzhou whose list of co-operation items mentions "the Belt and Road
    Summit held in Hong Kong" is the conference, in Hangzhou."""
    release = article(
        gazetteer,
        "conference",
        datetime(2025, 4, 24, 20, tzinfo=HKT),
        "Hong Kong and Zhejiang hold co-operation conference",
        "The Hong Kong/Zhejiang Co-operation Conference held its first plenary session in Hangzhou "
        "today.\n\nThe two sides agreed on co-operation items such as financial services, the "
        "Belt and Road Summit held in Hong Kong and youth exchanges.",
    )
    (event,) = events_of([release], settings)
    assert (event.event_type, event.event_date, event.place) == (
        "conference",
        date(2025, 4, 24),
        "Hangzhou",
    )
    assert "Belt and Road" not in event.title


def test_an_expo_two_reports_mention_does_not_make_them_one_event(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    """A trade council's visit and an investment feature a week later both mention an expo in
    passing; they stay apart, and nothing is named after the expo."""
    visit = article(
        gazetteer,
        "visit",
        datetime(2024, 6, 12, 18, tzinfo=HKT),
        "HKTDC delegation visits Hangzhou",
        "A Hong Kong Trade Development Council delegation visited Hangzhou on Wednesday and met "
        "officials of the city's commerce bureau.\n\nThe council invited Hangzhou firms to take "
        "part in the Hong Kong International Lighting Fair in October.",
    )
    feature = article(
        gazetteer,
        "feature",
        datetime(2024, 6, 19, 9, tzinfo=HKT),
        "Hangzhou exporters look south",
        "Hangzhou's lighting makers are turning to Hong Kong to find buyers abroad.\n\n"
        "Several of them plan to exhibit at the Hong Kong International Lighting Fair, which "
        "Hong Kong holds every October.",
    )
    found = events_of([visit, feature], settings)
    assert [{a for a, _ in e.members} for e in found] == [{"visit"}]
    assert all("Lighting Fair" not in e.title for e in found)


# --- dates, relative to the publication day in the newsroom's time zone ----------------------


def test_next_monday_is_read_forward_and_this_weekend_is_its_saturday(
    gazetteer: Gazetteer,
) -> None:
    wednesday = datetime(2024, 6, 12, 9, tzinfo=HKT)
    coming = extract_facts(
        None,
        "The Hangzhou–Hong Kong Youth Forum, to be held next Monday in Hangzhou, will gather "
        "200 students.",
        "en",
        wednesday,
        gazetteer,
    )
    assert [c.date for c in coming.cues] == [date(2024, 6, 17)]  # not the Monday before
    sunday = datetime(2018, 9, 16, 8, tzinfo=HKT)
    weekend = extract_facts(
        None,
        "A Hangzhou delegation held an investment promotion event in Hong Kong this weekend.",
        "en",
        sunday,
        gazetteer,
    )
    assert [c.date for c in weekend.cues] == [date(2018, 9, 15)]


@pytest.mark.parametrize(
    ("published", "body", "day"),
    [
        # 00:30 on the 16th in Hong Kong is still the 15th in UTC: 昨日 is the 15th
        (datetime(2018, 9, 15, 16, 30, tzinfo=UTC), "杭州代表团昨日在香港举办投资推介会。",
         date(2018, 9, 15)),
        (datetime(2019, 6, 18, 8, tzinfo=HKT), "杭州代表团上周四在香港举办投资推介会。",
         date(2019, 6, 13)),
        (datetime(2019, 6, 18, 8, tzinfo=HKT), "杭州代表团将于下周一在香港举办投资推介会。",
         date(2019, 6, 24)),
    ],
)  # fmt: skip
def test_chinese_relative_days_resolve_in_hong_kong_time(
    gazetteer: Gazetteer, published: datetime, body: str, day: date
) -> None:
    facts = extract_facts(None, body, "zh-Hans", published, gazetteer)
    assert [c.date for c in facts.cues] == [day]


# --- figures: as-of dates and what an agreement count is -------------------------------------


def test_month_and_quarter_ends_are_as_of_dates(gazetteer: Gazetteer) -> None:
    june = datetime(2024, 6, 20, 8, tzinfo=HKT)
    body = (
        "As of the end of May, Hong Kong investors had 8,355 projects in Hangzhou, with actual "
        "investment of US$257 billion.\n\n截至5月底，香港在杭州投资项目8355个。\n\n"
        "In the first quarter, Hangzhou firms invested US$300 million in Hong Kong."
    )
    facts = extract_facts(None, body, "en", june, gazetteer)
    as_of = {(f.subject, f.value): f.as_of for f in facts.figures}
    assert as_of[("projects", 8355)] == date(2024, 5, 31)
    assert as_of[("actual investment", 257e9)] == date(2024, 5, 31)
    assert as_of[("杭州投资项目", 8355)] == date(2024, 5, 31)  # 截至5月底
    assert as_of[("investment", 300e6)] == date(2024, 3, 31)
    assert all(f.subject for f in facts.figures)  # every figure says what it counts


def test_a_count_of_projects_is_a_figure_not_an_agreement_count(gazetteer: Gazetteer) -> None:
    body = "会议共推出51个合作项目，双方签署4份合作备忘录，共51个项目。"
    facts = extract_facts(None, body, "zh-Hans", datetime(2025, 4, 25, tzinfo=HKT), gazetteer)
    (agreement,) = facts.agreements
    assert (agreement.count, agreement.kind) == (4, "memorandum of understanding")
    assert ("合作项目", 51) in {(f.subject, f.value) for f in facts.figures}


def test_every_amount_has_a_subject(gazetteer: Gazetteer) -> None:
    body = (
        "Hangzhou companies have invested US$1.1 billion in Hong Kong, and bilateral trade "
        "reached US$2 billion in the first half."
    )
    facts = extract_facts(None, body, "en", datetime(2018, 9, 16, tzinfo=HKT), gazetteer)
    assert [(f.subject, f.value) for f in facts.figures] == [
        ("investment", 1.1e9),
        ("bilateral trade", 2e9),
    ]


# --- aliases and places in context ----------------------------------------------------------


def test_macaos_chief_executive_is_not_hong_kongs(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    relevance = relevance_from(ROOT / "config")
    title = "CE discusses boosting bilateral ties with Zhejiang"
    body = (
        "Chief Executive Sam Hou Fai met Zhejiang Party Secretary Wang Hao on Tuesday to discuss "
        "closer ties between the Macao SAR and the province.\n\nSam said Macao would serve as a "
        "platform for Zhejiang firms, and the two sides agreed to deepen co-operation in tourism "
        "and trade.\n\nWang said Zhejiang, whose capital Hangzhou hosted the Asian Games, welcomed "
        "investors from Macao and Hong Kong."
    )
    scored = score_article(title, body, relevance)
    assert not scored.is_relevant
    groups = {r.group for r in scored.reasons}
    assert {"other_city_subject", "stand_in_other_place"} <= groups
    # Hong Kong's own CE meeting Hangzhou's Party secretary stays relevant
    assert score_article("CE meets Hangzhou Party Secretary", CE_MEETS, relevance).is_relevant


def test_a_city_in_an_organisations_name_is_not_that_city_acting() -> None:
    relevance = relevance_from(ROOT / "config")
    title = "Hangzhou firms plan overseas push"
    body = (
        "Hangzhou's commerce bureau and InvestHK signed a memorandum on Tuesday to help local "
        "firms expand abroad through Hong Kong.\n\nA survey by the American Chamber of Commerce "
        "in Shanghai found that most executives in Hong Kong saw the city as their regional "
        "base.\n\nThe American Chamber of Commerce in Shanghai said Hong Kong's legal system "
        "remained the main draw for its members."
    )
    scored = score_article(title, body, relevance)
    assert scored.is_relevant
    assert "other_city_subject" not in {r.group for r in scored.reasons}
    assert "place_in_name" in {r.group for r in scored.reasons}
    acting = score_article(title, body.replace("American Chamber of Commerce in", ""), relevance)
    assert not acting.is_relevant  # Shanghai itself acting with Hong Kong is another story


def test_a_chinese_title_after_a_name_is_the_persons_role(gazetteer: Gazetteer) -> None:
    body = (
        "香港特区政府创新科技及工业局局长孙东与杭州市王建国副市长会面。王建国副市长表示欢迎港企。"
    )
    facts = extract_facts(None, body, "zh-Hans", datetime(2024, 5, 1, tzinfo=HKT), gazetteer)
    roles = {(c.name, c.role) for c in facts.candidates}
    assert ("王建国", "杭州市副市长") in roles
    assert ("王建国", "副市长") in roles


# --- titles in both languages, places at city level -----------------------------------------


def test_english_and_chinese_titles_come_from_their_own_coverage(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    published = datetime(2024, 3, 20, 8, tzinfo=HKT)
    english = article(
        gazetteer,
        "en",
        published,
        "HKTDC holds digital trade forum in Hangzhou",
        "The Hong Kong Trade Development Council held a digital trade forum in Hangzhou's "
        "Binjiang district on Tuesday, bringing 30 Hong Kong firms to meet Zhejiang exporters.",
    )
    chinese = article(
        gazetteer,
        "zh",
        published,
        "香港贸发局在杭举办数字贸易论坛",
        "3月19日，香港贸易发展局在杭州滨江区举办数字贸易论坛，30多家香港企业与浙江外贸企业交流。",
        "zh-Hans",
    )
    (event,) = events_of([english, chinese], settings)
    assert event.title == "HKTDC digital trade forum in Hangzhou"  # the short name newsrooms use
    assert event.title_zh == "香港贸易发展局在杭州举办数字贸易论坛"
    assert (event.place, event.place_detail) == ("Hangzhou", "Binjiang district")
    chosen = {(r.attribute, r.value) for r in event.reasons if r.chosen}
    assert {("type", "forum"), ("date", "2024-03-19"), ("place", "Hangzhou")} <= chosen


# --- a happening with parts ------------------------------------------------------------------


def test_a_week_reported_day_by_day_is_one_event_with_its_parts(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    """A week of events in Hong Kong: its opening, a fair on the second day and a signing on the
    fourth, in English and Chinese. One event, dated by its first day, with its parts visible."""
    week = [
        ("w1", datetime(2023, 6, 26, 20, tzinfo=HKT), "en", "Zhejiang Week opens in Hong Kong",
         "The Hong Kong & Macao-Zhejiang Week opened in Hong Kong today with a ceremony attended "
         "by Chief Executive John Lee and Zhejiang Party Secretary Yi Lianhong.\n\nThe week-long "
         "programme includes forums, trade fairs and cultural shows."),
        ("w2", datetime(2023, 6, 28, 8, tzinfo=HKT), "en", "Zhejiang firms pitch to investors",
         "More than 200 Zhejiang companies met Hong Kong investors at a trade and investment fair "
         "on Tuesday, part of the Hong Kong & Macao-Zhejiang Week."),
        ("w3", datetime(2023, 6, 30, 8, tzinfo=HKT), "en", "Hong Kong and Zhejiang sign 12 deals",
         "Hong Kong and Zhejiang signed 12 co-operation agreements on Thursday during the Hong "
         "Kong & Macao-Zhejiang Week.\n\nThe signing was witnessed by Yi Lianhong."),
        ("w4", datetime(2023, 6, 27, 7, tzinfo=HKT), "zh-Hans", "港澳·浙江周在香港开幕",
         "6月26日，港澳·浙江周在香港开幕，香港特区行政长官李家超、浙江省委书记易炼红出席开幕式。"),
        ("w5", datetime(2023, 6, 30, 7, tzinfo=HKT), "zh-Hans", "浙港签署12项合作协议",
         "6月29日，在港澳·浙江周期间，浙江与香港签署12项合作协议。易炼红见证签约。"),
    ]  # fmt: skip
    articles = [article(gazetteer, i, at, title, body, language)
                for i, at, language, title, body in week]  # fmt: skip
    (event,) = events_of(articles, settings)
    assert (event.event_type, event.event_date, event.place) == (
        "forum",
        date(2023, 6, 26),
        "Hong Kong",
    )
    assert (event.title, event.title_zh) == ("Hong Kong & Macao-Zhejiang Week", "港澳·浙江周")
    assert [(p.kind, p.day, p.name) for p in event.parts] == [
        ("expo", date(2023, 6, 27), None),  # "a trade and investment fair on Tuesday, part of"
        ("agreement_signing", date(2023, 6, 29), "signing of 12 agreements"),  # en and zh: one
    ]


def test_an_opinion_piece_joins_an_event_but_never_founds_one(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    opinion = article(
        gazetteer,
        "opinion",
        datetime(2019, 6, 15, 8, tzinfo=HKT),
        "Opinion: Hangzhou and Hong Kong must build on Thursday's forum",
        "The Hangzhou-Hong Kong Innovation and Cooperation Forum held in Hong Kong on Thursday "
        "showed how much the two cities can gain from each other.",
    )
    assert opinion.facts.happening is not None and not founds_events(opinion.facts)
    assert events_of([opinion], settings) == []


# --- the same input, the same rows -----------------------------------------------------------


def test_syndicated_copies_with_one_timestamp_give_the_same_rows_in_any_order(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    """Two outlets run one wire story at the same second: which counts as the original, the
    event's id, title and reasons do not depend on the order the articles come in."""
    at = datetime(2019, 6, 14, 7, 30, tzinfo=HKT)
    body = (
        "Officials from Hangzhou and Hong Kong put their names to eight agreements on Thursday at "
        "the Hangzhou-Hong Kong Innovation and Cooperation Forum, held in Hong Kong.\n\nThe "
        "memorandums cover smart city construction, finance and new energy, the organisers said."
    )
    one = article(gazetteer, "wire-b", at, "Hangzhou and Hong Kong seal eight deals", body)
    two = article(gazetteer, "wire-a", at, "Hangzhou, Hong Kong seal eight deals", body)

    def run(order: Sequence[TrackedArticle]) -> tuple[dict[str, str | None], list[Event]]:
        copies = [Copy(a.article_id, a.published_at, a.signature) for a in order
                  if a.signature is not None]  # fmt: skip
        links = {x.article_id: x.duplicate_of for x in link_duplicates(copies, [])}
        tracked = [
            TrackedArticle(a.article_id, a.published_at, a.language, a.title, a.facts,
                           a.signature, links.get(a.article_id))
            for a in order
        ]  # fmt: skip
        carried = carry_ids(cluster_events(tracked, settings, date(2019, 6, 20)), {})
        return links, carried.events

    first, second = run([one, two]), run([two, one])
    assert first == second
    assert first[0] == {"wire-a": None, "wire-b": "wire-a"}  # equal times: the smaller id
    (event,) = first[1]
    assert event.members[0][0] == "wire-a"  # the original founds the event and names its id


def test_event_reasons_and_new_columns_are_stored_and_replaced(
    gazetteer: Gazetteer, settings: EventSettings, warehouse_path: Path
) -> None:
    release = article(gazetteer, "govhk", SEPT_15_2018, "CE meets Hangzhou Party Secretary",
                      CE_MEETS)  # fmt: skip
    (event,) = events_of([release], settings)
    at = datetime(2026, 1, 1, tzinfo=UTC)
    for _ in range(2):  # writing the same batch twice gives the same rows
        with closing(open_warehouse(warehouse_path)) as con:
            store_batch(con, TrackedBatch({}, {}, {}, [], [event], ["govhk"], at))
    with closing(open_warehouse(warehouse_path)) as con:
        row = con.execute(
            "SELECT title, event_type, place, title_zh, place_detail, parts FROM v_events"
        ).fetchall()
        reasons = con.execute(
            "SELECT event_id, attribute, value, reason, article_id, sentence, score, chosen "
            "FROM v_event_reasons ORDER BY position"
        ).fetchall()
    assert row == [(event.title, "visit", "Hong Kong", None, None, list(event.parts))]
    assert len(reasons) == len(event.reasons)
    chosen = {(attribute, value) for _, attribute, value, *_, picked in reasons if picked}
    assert ("title", "Hangzhou delegation visits Hong Kong") in chosen
    assert ("date", "2018-09-15") in chosen


RUN = """
import json, sys
from datetime import date, datetime
from pathlib import Path
from bench.tracking import DEFAULT_DATA
from tests.tracking.config_helpers import events_from, gazetteer_from
from tracking.duplicates import signature
from tracking.events import TrackedArticle, cluster_events
from tracking.extraction import extract_facts

root = Path(sys.argv[1])
gazetteer, settings = gazetteer_from(root / "config"), events_from(root / "config")
articles = []
for line in DEFAULT_DATA.read_text("utf-8").splitlines():
    row = json.loads(line)
    if row["relevant"]:
        published = datetime.fromisoformat(row["published_at"])
        facts = extract_facts(row["title"], row["body"], row["language"], published, gazetteer)
        articles.append(TrackedArticle(row["id"], published, row["language"], row["title"],
                                       facts, signature(row["title"], row["body"])))
print(repr(cluster_events(reversed(articles), settings, date(2026, 1, 1))))
"""


def test_two_runs_over_the_same_articles_give_the_same_events() -> None:
    """Separate processes (so string hashing differs) give the same ids, titles and reasons."""
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-c", RUN, str(ROOT)],
            capture_output=True, text=True, env=env, check=True, cwd=ROOT,
        )  # fmt: skip
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert "Hangzhou–Hong Kong Innovation and Cooperation Forum" in outputs[0]
