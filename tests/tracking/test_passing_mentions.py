"""A happening an article names in passing never names, types or places the event it reports:
one it follows, one whose venue or host it speaks of, one held every year or in another month,
one still being prepared or that guests are invited to. Every text here is our own."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from config.knowledge import EventSettings
from tracking.duplicates import signature
from tracking.entities import Gazetteer
from tracking.events import TrackedArticle, cluster_events
from tracking.extraction import extract_facts

HKT = timezone(timedelta(hours=8))
PUBLISHED = datetime(2024, 5, 22, 9, tzinfo=HKT)  # a Wednesday: "on Tuesday" is May 21
PROMOTION = "A Hangzhou delegation held an investment promotion in Hong Kong on Tuesday"
PROMOTION_ZH = "5月21日，杭州市代表团在香港举办推介会"


def reported(
    gazetteer: Gazetteer, settings: EventSettings, body: str, language: str
) -> tuple[str, str | None, date | None, str | None]:
    """The one event an article gives: its title, type, date and place."""
    title = "杭港合作" if language != "en" else "Hangzhou and Hong Kong"
    facts = extract_facts(title, body, language, PUBLISHED, gazetteer)
    article = TrackedArticle("a", PUBLISHED, language, title, facts, signature(title, body))
    (event,) = cluster_events([article], settings, date(2026, 1, 1))
    return event.title, event.event_type, event.event_date, event.place


@pytest.mark.parametrize(
    ("body", "language", "passing"),
    [
        (f"{PROMOTION}. The deal follows the Belt and Road Summit, which Hong Kong hosted in "
         "September.", "en", "Belt and Road Summit"),
        (f"{PROMOTION}. Speakers cited the Asia Financial Forum, held in Hong Kong every "
         "January.", "en", "Asia Financial Forum"),
        (f"{PROMOTION}. Officials briefed investors on preparations for the Global Digital "
         "Trade Expo.", "en", "Global Digital Trade Expo"),
        (f"{PROMOTION}, inviting firms to the Yunqi Conference in September.", "en",
         "Yunqi Conference"),
        (f"{PROMOTION_ZH}，并邀请香港企业参加9月举行的云栖大会。", "zh-Hans", "云栖大会"),
        (f"{PROMOTION_ZH}。代表团介绍了数字贸易博览会的筹备情况。", "zh-Hans", "数字贸易博览会"),
        (f"{PROMOTION}, as the Hong Kong Book Fair opened in the halls below.", "en",
         "Hong Kong Book Fair"),
        (f"{PROMOTION_ZH}。推介会与香港书展同日开幕。", "zh-Hans", "香港书展"),
    ],
)  # fmt: skip
def test_a_happening_named_in_passing_never_names_the_event(
    gazetteer: Gazetteer, settings: EventSettings, body: str, language: str, passing: str
) -> None:
    title, event_type, day, place = reported(gazetteer, settings, body, language)
    assert passing not in title
    assert (event_type, day, place) == ("promotion", date(2024, 5, 21), "Hong Kong")


def test_the_venue_of_an_expo_a_visit_tours_is_no_expo(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    body = (
        "Hong Kong officials visited Hangzhou on Tuesday, touring the venue of the Global "
        "Digital Trade Expo and meeting city leaders."
    )
    title, event_type, day, place = reported(gazetteer, settings, body, "en")
    assert "Expo" not in title
    assert (event_type, day, place) == ("visit", date(2024, 5, 21), "Hangzhou")


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Ahead of the Global Digital Trade Expo opening in Hangzhou later this month, a Hong Kong "
         "delegation visited Hangzhou on Tuesday, meeting technology firms.", "en"),
        ("在全球数字贸易博览会开幕前夕，香港代表团于5月21日访问杭州，走访科技企业。", "zh-Hans"),
        ("香港代表團昨日訪問杭州，參觀多家科技企業。全球數字貿易博覽會本月下旬在杭州開幕。",
         "zh-Hant"),
    ],
)  # fmt: skip
def test_an_expo_the_sentence_opens_with_or_that_opens_later_this_month_never_names_a_visit(
    gazetteer: Gazetteer, settings: EventSettings, body: str, language: str
) -> None:
    published = datetime(2024, 5, 22, 9, tzinfo=HKT) if language != "zh-Hant" else PUBLISHED
    title = "杭港合作" if language != "en" else "Hangzhou and Hong Kong"
    facts = extract_facts(title, body, language, published, gazetteer)
    article = TrackedArticle("a", published, language, title, facts, signature(title, body))
    (event,) = cluster_events([article], settings, date(2026, 1, 1))
    assert "Expo" not in event.title and "博览会" not in (event.title_zh or "")
    assert (event.event_type, event.event_date, event.place) == (
        "visit", date(2024, 5, 21), "Hangzhou")  # fmt: skip


@pytest.mark.parametrize(
    ("body", "passing"),
    [
        (f"{PROMOTION_ZH}。代表团表示，将组织企业参加今年9月在杭州举办的全球数字贸易博览会。",
         "全球数字贸易博览会"),
        (f"{PROMOTION_ZH}。代表团表示，成功举办G20杭州峰会以来，杭州吸引的港资持续增长。", "峰会"),
        (f"{PROMOTION_ZH}。代表团表示，香港企业有意在今年九月的全球数字贸易博览会上设立专区。",
         "全球数字贸易博览会"),
    ],
)  # fmt: skip
def test_a_happening_of_this_septembers_or_one_since_which_is_in_passing(
    gazetteer: Gazetteer, settings: EventSettings, body: str, passing: str
) -> None:
    """今年9月 in a May story is another month (its year said as 今年, not 2024年); 以来 looks
    back: neither happening is a part of the event, nor its name."""
    facts = extract_facts("杭港合作", body, "zh-Hans", PUBLISHED, gazetteer)
    (cue,) = [c for c in facts.cues if c.name and passing in c.name]
    assert cue.listed or cue.recalled
    article = TrackedArticle("a", PUBLISHED, "zh-Hans", "杭港合作", facts, signature("", body))
    (event,) = cluster_events([article], settings, date(2026, 1, 1))
    assert passing not in (event.title_zh or "") and not event.parts
