"""What was done at a gathering is the happening when the gathering is somebody else's: a policy
announced at a conference, a deal signed on the sidelines of a summit, a platform launched during
an expo. The event is typed and named by what was done, never after the gathering; a signing at a
gathering that the event's coverage reports as its own keeps the gathering's name. Every text
here is our own, written to reproduce a pattern met in coverage."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from config.knowledge import EventSettings
from records.events import Event
from tests.tracking.tracked import article, events_of
from tracking.entities import Gazetteer

HKT = timezone(timedelta(hours=8))
NOV_4 = datetime(2026, 11, 4, 8, tzinfo=HKT)


def one_event(gazetteer: Gazetteer, settings: EventSettings, *texts: tuple[str, str, str]) -> Event:
    articles = [
        article(gazetteer, f"a{i}", NOV_4 + timedelta(hours=i), title, body, language)
        for i, (title, body, language) in enumerate(texts)
    ]
    (event,) = events_of(articles, settings)
    return event


def test_a_policy_announced_at_a_conference_is_a_policy_not_the_conference(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    event = one_event(
        gazetteer,
        settings,
        (
            "Hangzhou opens its accounting market to Hong Kong firms",
            "Hong Kong accounting firms may open branches in Hangzhou without a local partner "
            "under rules the city's finance office unveiled on Tuesday.\n\nThe office announced "
            "the measures at the West Lake Digital Finance Conference, which drew 600 guests.",
            "en",
        ),
        (
            "杭州发布便利香港会计师事务所设立分所措施",
            "11月3日，在2026西湖数字金融大会上，杭州市金融办发布便利香港会计师事务所在杭设立分所的"
            "若干措施。\n\n措施明确，香港事务所可直接在杭设立分所。",
            "zh-Hans",
        ),
    )
    assert event.event_type == "policy"
    assert "Conference" not in event.title
    assert event.title_zh is None or "大会" not in event.title_zh


def test_a_deal_signed_on_the_sidelines_of_a_summit_is_a_signing_named_for_the_deal(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    event = one_event(
        gazetteer,
        settings,
        (
            "Yuhang signs cold-chain deal with Hong Kong firm",
            "On the sidelines of the Global Ports Summit in Hong Kong on Tuesday, Hangzhou's "
            "Yuhang district signed an agreement with Hong Kong-based Pearl Delta Cold Chain "
            "for a refrigerated warehouse hub.\n\nThe firm plans to invest 800 million yuan.",
            "en",
        ),
    )
    assert event.event_type == "agreement_signing"
    assert "Summit" not in event.title


def test_a_platform_launched_during_an_expo_is_a_launch_and_the_expo_only_its_setting(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    event = one_event(
        gazetteer,
        settings,
        (
            "杭港动漫版权交易平台上线",
            "11月3日，在第三届杭州国际动漫博览会期间，杭港动漫版权交易平台在白马湖国际会展中心正式"
            "上线。\n\n平台由杭州市文化广电旅游局与香港设计中心共同推动。",
            "zh-Hans",
        ),
        (
            "Hangzhou and Hong Kong open an animation rights exchange",
            "An online exchange for animation rights linking studios in Hangzhou and Hong Kong "
            "went live in Hangzhou on Tuesday, at a hall where the Hangzhou International "
            "Animation Expo is under way.\n\nThe Hong Kong Design Centre helped set it up.",
            "en",
        ),
    )
    assert event.event_type == "launch"
    assert "Expo" not in event.title
    assert event.title_zh is None or "博览会" not in event.title_zh


def test_a_week_that_only_shares_the_days_is_a_passing_mention(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    event = one_event(
        gazetteer,
        settings,
        (
            "Hangzhou opens a design liaison office in Hong Kong",
            "Hangzhou opened a design liaison office in Kowloon Bay on Tuesday (November 3), "
            "while Business of Design Week brings buyers from around the world to Hong Kong.\n\n"
            "The office will help Hangzhou studios find Hong Kong clients.",
            "en",
        ),
    )
    assert event.event_type == "launch"
    assert "Design Week" not in event.title


def test_a_signing_at_a_gathering_of_the_two_sides_is_named_after_the_gathering(
    gazetteer: Gazetteer, settings: EventSettings
) -> None:
    """The seed's pattern: MoUs signed at the Hangzhou-Hong Kong ... Forum. The forum is the
    two sides' own, so it names the event even when the only report leads with the signing."""
    event = one_event(
        gazetteer,
        settings,
        (
            "Hangzhou and Hong Kong sign six pacts",
            "Hangzhou and Hong Kong signed six memoranda of understanding on Tuesday at the "
            "Hangzhou-Hong Kong Green Finance Forum, held in Hong Kong.\n\nThe pacts cover "
            "carbon markets and green bonds.",
            "en",
        ),
        (
            "杭港签署六份合作备忘录",
            "11月3日，杭港两地在香港举行的杭港绿色金融论坛上签署六份合作备忘录，涵盖碳市场和绿色债券。",
            "zh-Hans",
        ),
    )
    assert event.event_type == "agreement_signing"
    assert event.title == "Hangzhou–Hong Kong Green Finance Forum"  # the pair dashed (en dash)
    assert event.title_zh == "杭港绿色金融论坛"
