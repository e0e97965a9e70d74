"""Digests to render, built by hand: the week of the 2019 Hangzhou–Hong Kong forum as a reader
would get it, an empty week, a week of 500 articles, and hostile titles.

The happenings and figures are the public facts in /work/shared/seed/README.md (the forum in Hong
Kong on 2019-06-13 and its eight agreements in five fields, about 6,400 Hong Kong projects in
Hangzhou and more than US$140 billion at end-2018, about 6,000 and over US$120 billion a year
earlier, the Wangjiang park, the Asian Games). Headlines, leads and sentences are our own words;
the City Brain follow-up talks, the Shangcheng signing plan, the outlets' article paths and the
US$104 billion misreport (the one disagreement) are invented for the test.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

from records.digest import (
    AgreementEntry,
    AppendixGroup,
    Change,
    DayCount,
    Digest,
    Disagreement,
    EntityEntry,
    EventEntry,
    Health,
    KeyNumbers,
    Link,
    MeasurePoint,
    NearMiss,
    Period,
    SourceCount,
    SourceHealth,
    Timeline,
    WeekCount,
)

HKT = timezone(timedelta(hours=8))
WEEK = Period("2019-W24", date(2019, 6, 10), date(2019, 6, 16), "Asia/Hong_Kong")
WEEK_BEFORE = Period("2019-W23", date(2019, 6, 3), date(2019, 6, 9), "Asia/Hong_Kong")
GENERATED = datetime(2019, 6, 17, 1, 30, tzinfo=UTC)  # 09:30 in Hong Kong


def at(day: int, hour: int = 10) -> datetime:
    """A publication time in June 2019, Hong Kong time."""
    return datetime(2019, 6, day, hour, 0, tzinfo=HKT)


# -- the outlets and their articles --------------------------------------------------------

CHINA_DAILY = ("China Daily", "en", False)
RTHK = ("RTHK", "en", False)
ISD = ("Information Services Department", "en", True)
NEWS_GOV = ("香港政府新聞網", "zh-Hant", True)
XINHUA = ("新华网", "zh-Hans", False)
PEOPLE = ("人民网浙江频道", "zh-Hans", False)
HANGZHOU_GOV = ("杭州市人民政府", "zh-Hans", True)
WEN_WEI = ("文匯報", "zh-Hant", False)


def link(
    outlet: tuple[str, str, bool], title: str, path: str, day: int, duplicate: bool = False
) -> Link:
    name, language, official = outlet
    host = {
        "China Daily": "www.chinadaily.com.cn",
        "RTHK": "news.rthk.hk",
        "Information Services Department": "www.info.gov.hk",
        "香港政府新聞網": "www.news.gov.hk",
        "新华网": "www.xinhuanet.com",
        "人民网浙江频道": "zj.people.com.cn",
        "杭州市人民政府": "www.hangzhou.gov.cn",
        "文匯報": "www.wenweipo.com",
    }[name]
    return Link(
        title=title,
        url=f"https://{host}/{path}",
        outlet=name,
        language=language,
        published_at=at(day),
        official=official,
        duplicate=duplicate,
    )


FORUM_LINKS = (
    link(
        CHINA_DAILY,
        "Hangzhou and Hong Kong sign eight pacts at innovation forum",
        "a/201906/13/WS0001.html",
        13,
    ),
    link(
        NEWS_GOV,
        "杭港創新合作論壇簽署八份合作備忘錄",
        "tc/categories/admin/html/2019/06/20190613_1.html",
        13,
    ),
    link(XINHUA, "杭港两地签署八项合作协议 涵盖智慧城市与金融", "local/2019-06/13/c_0001.htm", 13),
    link(
        ISD,
        "S for IT speaks at Hangzhou-Hong Kong forum",
        "gia/general/201906/13/P2019061300001.htm",
        13,
    ),
    link(RTHK, "Hong Kong and Hangzhou firm up tech and finance ties", "news/20190613/0001", 14),
)
FORUM_MORE = (
    link(WEN_WEI, "杭州代表團訪港 八項協議聚焦智慧城市", "pp/2019/06/14/a0001.htm", 14),
    link(PEOPLE, "杭州与香港签约 望江智能产业园将落地上城", "n2/2019/0614/c0001.html", 14),
    link(
        CHINA_DAILY,
        "HK, Hangzhou tie-up: eight agreements in five fields",
        "a/201906/14/WS0002.html",
        14,
        True,
    ),
)
PARK_LINKS = (
    link(HANGZHOU_GOV, "上城区望江智能产业园启动招商", "art/2019/6/15/art_0001.html", 15),
    link(PEOPLE, "望江智能产业园瞄准数字经济与专业服务", "n2/2019/0615/c0002.html", 15),
    link(
        CHINA_DAILY,
        "Shangcheng readies Wangjiang park for Hong Kong firms",
        "a/201906/15/WS0003.html",
        15,
    ),
)
GAMES_LINKS = (
    link(
        RTHK,
        "Olympic Council of Asia vice-president backs Hangzhou's Asian Games plans",
        "news/20190612/0002",
        12,
    ),
    link(WEN_WEI, "霍震霆：香港可助杭州辦好亞運", "pp/2019/06/12/a0002.htm", 12),
    link(XINHUA, "亚奥理事会副主席看好杭州亚运筹备", "sports/2019-06/12/c_0002.htm", 12),
)
CITY_BRAIN_LINKS = (
    link(
        CHINA_DAILY,
        "City Brain team returns to Hong Kong for follow-up talks",
        "a/201906/11/WS0004.html",
        11,
    ),
    link(
        NEWS_GOV,
        "杭州「城市大腦」團隊再訪香港",
        "tc/categories/infrastructure/html/2019/06/20190611_2.html",
        11,
    ),
    link(
        ISD,
        "Officials meet Hangzhou smart-city delegation",
        "gia/general/201906/11/P2019061100002.htm",
        11,
    ),
)
UNTIED = (link(WEN_WEI, "港商看好杭州營商環境", "pp/2019/06/16/a0003.htm", 16),)


def change(current: int, previous: int) -> Change:
    return Change(current, previous)


def _events() -> tuple[EventEntry, ...]:
    return (
        EventEntry(
            event_id="ev-forum-2019",
            title="Hangzhou–Hong Kong Innovation and Cooperation Forum: eight agreements signed",
            title_zh="杭港创新合作论坛签署八项协议",
            event_type="agreement_signing",
            event_date=date(2019, 6, 13),
            place="Hong Kong",
            status="new",
            people=("Zhang Zhongcan", "Nicholas Yang Wei-hsiun", "Timothy Fok Tsun-ting"),
            organisations=(
                "Hong Kong Trade Development Council",
                "Hangzhou Venture Capital Association",
                "Alibaba",
            ),
            lead=(
                "Officials from both cities watched eight memorandums being signed, covering "
                "smart cities, high-end services, finance, AI applications and new energy."
            ),
            links=FORUM_LINKS,
            outlets=7,
            articles=8,
            official_articles=2,
            coverage=change(8, 0),
        ),
        EventEntry(
            event_id="ev-wangjiang-park",
            title="Wangjiang Intelligence Industrial Park to open in Shangcheng",
            title_zh="望江智能产业园落地上城区",
            event_type="investment_project",
            event_date=date(2019, 6, 15),
            place="Hangzhou",
            status="new",
            people=(),
            organisations=("Shangcheng district government",),
            lead=(
                "The district says the park will court digital-economy, finance and "
                "professional-services firms from Hong Kong."
            ),
            links=PARK_LINKS,
            outlets=3,
            articles=3,
            official_articles=1,
            coverage=change(3, 0),
        ),
        EventEntry(
            event_id="ev-city-brain",
            title="Hangzhou City Brain team holds follow-up talks in Hong Kong",
            title_zh="杭州「城市大腦」團隊再訪香港",
            event_type="visit",
            event_date=date(2019, 6, 11),
            place="Hong Kong",
            status="continuing",
            people=("Nicholas Yang Wei-hsiun",),
            organisations=("Alibaba",),
            lead="The smart-city team that showed City Brain in April came back to talk pilots.",
            links=CITY_BRAIN_LINKS,
            outlets=3,
            articles=3,
            official_articles=2,
            coverage=change(3, 5),
        ),
        EventEntry(
            event_id="ev-asian-games",
            title="Olympic Council of Asia vice-president backs Hangzhou's 2022 Asian Games",
            title_zh=None,
            event_type="forum_expo",
            event_date=date(2019, 6, 12),
            place=None,
            status="continuing",
            people=("Timothy Fok Tsun-ting",),
            organisations=("Olympic Council of Asia",),
            lead=None,
            links=GAMES_LINKS,
            outlets=3,
            articles=3,
            official_articles=0,
            coverage=change(3, 3),
        ),
    )


def _points() -> dict[str, MeasurePoint]:
    end_2017, end_2018 = date(2017, 12, 31), date(2018, 12, 31)
    sept = Link(
        title="Hangzhou promotes investment in Hong Kong",
        url="https://www.info.gov.hk/gia/general/201809/15/P2018091500001.htm",
        outlet="Information Services Department",
        language="en",
        published_at=datetime(2018, 9, 15, 18, 0, tzinfo=HKT),
        official=True,
    )
    return {
        "projects_2017": MeasurePoint(
            end_2017,
            6000,
            "projects",
            None,
            "about",
            sept,
            date(2018, 9, 15),
            "Hong Kong had started about 6,000 projects in Hangzhou by the end of 2017.",
        ),
        "projects_2018": MeasurePoint(
            end_2018,
            6400,
            "projects",
            None,
            "about",
            FORUM_LINKS[0],
            date(2019, 6, 13),
            "Hong Kong investors now run about 6,400 projects in the city.",
        ),
        "money_2017": MeasurePoint(
            end_2017,
            120e9,
            None,
            "USD",
            "over",
            sept,
            date(2018, 9, 15),
            "Their investment came to over US$120 billion.",
        ),
        "money_2018": MeasurePoint(
            end_2018,
            140e9,
            None,
            "USD",
            "more than",
            FORUM_LINKS[0],
            date(2019, 6, 13),
            "Hong Kong money in Hangzhou passed US$140 billion.",
        ),
        "money_2018_rthk": MeasurePoint(
            end_2018,
            104e9,
            None,
            "USD",
            None,
            FORUM_LINKS[4],
            date(2019, 6, 14),
            "Hong Kong investment in the city stands at US$104 billion.",
        ),
        "unicorns": MeasurePoint(
            None,
            30,
            "unicorns",
            None,
            None,
            FORUM_LINKS[2],
            date(2019, 6, 13),
            "杭州现有独角兽企业30家。",
        ),
    }


def _timelines() -> tuple[Timeline, ...]:
    p = _points()
    return (
        Timeline(
            measure="hk_projects_in_hangzhou",
            label="Hong Kong-invested projects in Hangzhou",
            label_zh="港资在杭项目",
            kind="count",
            history=(p["projects_2017"], p["projects_2018"]),
            this_period=(p["projects_2018"],),
            change=400,
            change_percent=400 / 6000 * 100,
            disagreements=(),
        ),
        Timeline(
            measure="hk_investment_in_hangzhou",
            label="Hong Kong investment in Hangzhou",
            label_zh="港资在杭投资额",
            kind="amount",
            history=(p["money_2017"], p["money_2018"]),
            this_period=(p["money_2018"], p["money_2018_rthk"]),
            change=20e9,
            change_percent=20 / 120 * 100,
            disagreements=(
                Disagreement(date(2018, 12, 31), (p["money_2018"], p["money_2018_rthk"])),
            ),
        ),
        Timeline(
            measure="hangzhou_unicorns",
            label="Unicorn companies in Hangzhou",
            label_zh="杭州独角兽企业",
            kind="count",
            history=(p["unicorns"],),
            this_period=(p["unicorns"],),
            change=None,
            change_percent=None,
            disagreements=(),
        ),
    )


def _agreements() -> tuple[AgreementEntry, ...]:
    return (
        AgreementEntry(
            parties=("Hangzhou", "Hong Kong"),
            fields=(
                "smart city",
                "high-end services",
                "finance",
                "artificial intelligence",
                "new energy",
            ),
            count=8,
            kind="MoU",
            status="signed",
            on=date(2019, 6, 13),
            event_title="Hangzhou–Hong Kong Innovation and Cooperation Forum",
            source=FORUM_LINKS[0],
            sentence="Eight memorandums were signed on the spot, in five fields.",
        ),
        AgreementEntry(
            parties=("Shangcheng district government", "Hong Kong Trade Development Council"),
            fields=("professional services",),
            count=None,
            kind="agreement",
            status="planned",
            on=date(2019, 6, 20),
            event_title=None,
            source=PARK_LINKS[0],
            sentence="上城区将与香港贸发局签署专业服务合作协议。",
        ),
    )


def _entities() -> tuple[tuple[EntityEntry, ...], tuple[EntityEntry, ...]]:
    new = (
        EntityEntry(
            "org-hzvca",
            "Hangzhou Venture Capital Association",
            "杭州市创业投资协会",
            "organization",
            change(3, 0),
            date(2019, 6, 13),
        ),
        EntityEntry(
            "place-wangjiang",
            "Wangjiang Intelligence Industrial Park",
            "望江智能产业园",
            "place",
            change(4, 0),
            date(2019, 6, 14),
        ),
    )
    top = (
        EntityEntry(
            "place-hangzhou", "Hangzhou", "杭州", "place", change(19, 8), date(2018, 9, 15)
        ),
        EntityEntry(
            "place-hong-kong", "Hong Kong", "香港", "place", change(19, 8), date(2018, 9, 15)
        ),
        EntityEntry(
            "person-nicholas-yang",
            "Nicholas Yang Wei-hsiun",
            "楊偉雄",
            "person",
            change(6, 2),
            date(2019, 4, 15),
        ),
        EntityEntry(
            "org-hktdc",
            "Hong Kong Trade Development Council",
            "香港贸发局",
            "organization",
            change(4, 4),
            date(2019, 4, 15),
        ),
        EntityEntry(
            "person-timothy-fok",
            "Timothy Fok Tsun-ting",
            "霍震霆",
            "person",
            change(3, 1),
            date(2019, 6, 3),
        ),
    )
    return new, top


def _sources() -> tuple[SourceCount, ...]:
    return (
        SourceCount("China Daily", False, "en", 4),
        SourceCount("RTHK", False, "en", 2),
        SourceCount("Information Services Department", True, "en", 2),
        SourceCount("香港政府新聞網", True, "zh-Hant", 2),
        SourceCount("文匯報", False, "zh-Hant", 3),
        SourceCount("新华网", False, "zh-Hans", 2),
        SourceCount("人民网浙江频道", False, "zh-Hans", 2),
        SourceCount("杭州市人民政府", True, "zh-Hans", 1),
    )


def _daily(counts: tuple[int, ...]) -> tuple[DayCount, ...]:
    usual = (1.25, 1.5, 1.0, 2.25, 2.0, 0.5, 0.75)
    return tuple(
        DayCount(WEEK.start + timedelta(days=i), n, usual[i]) for i, n in enumerate(counts)
    )


def _trend(last: int) -> tuple[WeekCount, ...]:
    counts = (2, 0, 3, 1, 9, 4, 2, 3, 1, 5, 8, last)  # W16 holds the City Brain show
    start = date(2019, 3, 25)
    return tuple(
        WeekCount(f"2019-W{13 + i:02d}", start + timedelta(weeks=i), n)
        for i, n in enumerate(counts)
    )


def _health() -> Health:
    return Health(
        sources_polled=26,
        sources_failed=2,
        failures=(
            SourceHealth(
                "gdelt-hangzhou-hk", "discover", 3, "HTTP 429: Retry-After 3600 s is beyond the cap"
            ),
            SourceHealth(
                "scmp-hong-kong",
                "parse",
                1,
                "no article body found in https://www.scmp.com/news/hong-kong/article/3014000/very-long-slug-that-goes-on-and-on-without-any-spaces-at-all",
            ),
        ),
        duplicates_folded=4,
        near_threshold=(
            NearMiss(
                link(
                    RTHK,
                    "Hangzhou tourists flock to Hong Kong for Dragon Boat holiday",
                    "news/20190607/0003",
                    7,
                ),
                4.5,
                5.0,
            ),
            NearMiss(
                link(XINHUA, "杭州企业赴港上市热度不减", "fortune/2019-06/16/c_0003.htm", 16),
                5.25,
                5.0,
            ),
        ),
    )


def week_digest(demo: bool = False) -> Digest:
    """The forum week: four events in three scripts, agreements, figures with a disagreement."""
    events = _events()
    new, top = _entities()
    appendix = (
        AppendixGroup(events[0].event_id, events[0].title, FORUM_LINKS + FORUM_MORE),
        AppendixGroup(events[1].event_id, events[1].title, PARK_LINKS),
        AppendixGroup(events[2].event_id, events[2].title, CITY_BRAIN_LINKS),
        AppendixGroup(events[3].event_id, events[3].title, GAMES_LINKS),
        AppendixGroup(None, "Not tied to an event", UNTIED),
    )
    total = sum(len(g.links) for g in appendix)
    return Digest(
        period=WEEK,
        previous=WEEK_BEFORE,
        generated_at=GENERATED,
        key_numbers=KeyNumbers(
            relevant_articles=change(total, 8),
            events=change(4, 2),
            events_new=2,
            events_continuing=2,
            outlets=change(8, 5),
            by_language=(
                ("en", change(8, 5)),
                ("zh-Hans", change(5, 0)),
                ("zh-Hant", change(5, 3)),
            ),
            official=change(5, 2),
            media=change(13, 6),
        ),
        top_events=events,
        events_total=4,
        agreements=_agreements(),
        timelines=_timelines(),
        new_entities=new,
        top_entities=top,
        sources=_sources(),
        daily=_daily((0, 3, 3, 5, 5, 1, 1)),
        trend=_trend(total),
        health=_health(),
        appendix=appendix,
        demo=demo,
    )


def empty_digest() -> Digest:
    """A quiet week: nothing relevant, the numbers and the health still to report."""
    zero = change(0, 3)
    return Digest(
        period=Period("2019-W27", date(2019, 7, 1), date(2019, 7, 7), "Asia/Hong_Kong"),
        previous=Period("2019-W26", date(2019, 6, 24), date(2019, 6, 30), "Asia/Hong_Kong"),
        generated_at=datetime(2019, 7, 8, 1, 0, tzinfo=UTC),
        key_numbers=KeyNumbers(
            relevant_articles=zero,
            events=change(0, 1),
            events_new=0,
            events_continuing=0,
            outlets=change(0, 2),
            by_language=(
                ("en", change(0, 2)),
                ("zh-Hans", change(0, 1)),
                ("zh-Hant", change(0, 0)),
            ),
            official=change(0, 1),
            media=change(0, 2),
        ),
        top_events=(),
        events_total=0,
        agreements=(),
        timelines=(),
        new_entities=(),
        top_entities=(),
        sources=(),
        daily=tuple(DayCount(date(2019, 7, 1) + timedelta(days=i), 0, 0.5) for i in range(7)),
        trend=tuple(
            WeekCount(f"2019-W{16 + i}", date(2019, 4, 15) + timedelta(weeks=i), n)
            for i, n in enumerate((9, 4, 2, 3, 1, 5, 8, 18, 6, 3, 3, 0))
        ),
        health=Health(26, 0, (), 0, ()),
        appendix=(),
    )


def big_digest(articles: int = 500) -> Digest:
    """A very busy week: the forum week with `articles` relevant articles in 25 groups."""
    base = week_digest()
    outlets = (CHINA_DAILY, RTHK, ISD, NEWS_GOV, XINHUA, PEOPLE, HANGZHOU_GOV, WEN_WEI)
    titles = (
        "Hangzhou and Hong Kong deepen fintech ties, part {n}",
        "杭港合作第{n}篇报道：数字经济与专业服务",
        "杭港合作第{n}篇報道：金融與創科",
    )
    groups: list[AppendixGroup] = []
    per_group = articles // 25
    n = 0
    for g in range(25):
        links = []
        for _ in range(per_group + (1 if g < articles % 25 else 0)):
            outlet = outlets[n % len(outlets)]
            title = titles[n % 3].format(n=n + 1)
            links.append(link(outlet, title, f"story/{n:04d}.html", 10 + n % 7))
            n += 1
        groups.append(
            AppendixGroup(f"ev-{g:02d}", f"Cooperation event number {g + 1}", tuple(links))
        )
    return replace(
        base,
        key_numbers=replace(base.key_numbers, relevant_articles=change(articles, 120)),
        events_total=25,
        appendix=tuple(groups),
        daily=_daily((60, 80, 90, 100, 80, 50, 40)),
        trend=_trend(articles),
    )


SCRIPT = "<script>alert(1)</script>"
JS_URL = "javascript:alert(1)"


def hostile_digest() -> Digest:
    """Outside text trying to be markup: script tags, javascript: links, Markdown syntax."""
    base = week_digest()
    evil = replace(FORUM_LINKS[0], title=f"Forum {SCRIPT} report", url=JS_URL)
    sneaky = replace(
        FORUM_LINKS[1],
        title="[click](javascript:alert(2)) *bold* _x_ | cell",
        url=" JavaScript:alert(3)",
    )
    first = replace(
        base.top_events[0],
        title=f"Forum {SCRIPT}",
        lead='"><img src=x onerror=alert(4)> # not a heading',
        links=(evil, sneaky, *FORUM_LINKS[2:]),
        people=("<b>Zhang</b>",),
    )
    return replace(
        base,
        top_events=(first, *base.top_events[1:]),
        appendix=(
            AppendixGroup("ev-forum-2019", f"Forum {SCRIPT}", (evil, sneaky)),
            *base.appendix[1:],
        ),
    )
