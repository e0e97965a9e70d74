# ruff: noqa: E501  (sentence templates are content: long lines are text)
"""Synthetic news coverage for the speed benchmarks, written the way real coverage is written.

Speed figures on keyword soup say nothing about real runs: the matchers, the fact extractors and
the event clustering all do work in proportion to what the text says (how many names, figures,
dates and candidate events it holds). So articles here are built from sentence templates modelled
on the labelled sets (`bench/data/tracking_*.jsonl`) and on real coverage:

- cooperation reports (2 % of the stream) about a pool of happenings (signings, forums, visits,
  investment promotions, launches), one every ten days, each covered by some 24 outlets in
  English, Simplified and Traditional Chinese over a few days, with the happening's date ("on
  Thursday", 6月13日), place, people and their titles, organisations, agreement counts and fields,
  and figures with as-of dates;
- syndicated copies of those reports (1 %: the same text under another outlet, a word changed):
  the near-duplicates tracking must fold;
- traps (10 %): both cities named without cooperation (Hong Kong-listed shares of a Hangzhou
  company, Hangzhou Bay, 港 as a port, a Hong Kong team playing in Hangzhou, another city's deal
  with Hong Kong, weather and court news);
- everyday news (87 %) that names neither city as a partner, the bulk of what the feeds carry.

Paragraph counts follow real articles: 10-16 in English (3-4 KB of text), 8-12 in Chinese
(about 1 K characters). `dense=True` gives the worst case instead: every article a long
cooperation report, every sentence full of names, figures, dates and fields.

Filler (the sentences around the facts) is drawn from large pools of names, districts, qualifiers
and numbers, so unrelated articles rarely share shingles: among 2,000 generated articles the
near-duplicate index (LSH buckets of tracking/duplicates.py) finds about 470 candidate pairs in
English, close to what real text gives, but still about 32,000 in Chinese, where the fixed parts of
the sentence frames share character 3-grams (Jaccard about 0.15 between unrelated Chinese
articles): the duplicate lookup's cost on Chinese text is overstated here, not understated.

Traditional Chinese is the Simplified text converted with OpenCC (`s2hk`), as Hong Kong outlets
write it. Everything is deterministic in (seed, index): the same call gives the same articles.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache

import opencc

T0 = datetime(2019, 1, 1, 1, 0, tzinfo=UTC)
LANGUAGES = ("en", "en", "en", "zh-Hans", "zh-Hans", "zh-Hant", "zh-Hant", "en", "zh-Hans", "en")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# The share of each kind of article in the realistic stream (out of 100).
MIX = (("report", 2), ("copy", 1), ("trap", 10), ("other", 87))

OUTLETS = {
    "en": (
        "China Daily",
        "South China Morning Post",
        "RTHK",
        "news.gov.hk",
        "Xinhua",
        "The Standard",
        "Hong Kong Free Press",
        "eZhejiang",
    ),
    "zh-Hans": ("新华网", "人民网", "杭州日报", "浙江新闻", "中国日报网", "中国新闻网"),
    "zh-Hant": ("香港政府新聞網", "香港電台", "明報", "星島日報", "大公報", "文匯報"),
}
OFFICIAL = frozenset({"news.gov.hk", "香港政府新聞網", "eZhejiang"})

PEOPLE = (
    # (English name, English title, Simplified name, Simplified title)
    ("Zhang Zhongcan", "deputy Party secretary of Hangzhou", "张仲灿", "杭州市委副书记"),
    (
        "Nicholas Yang Wei-hsiun",
        "Secretary for Innovation and Technology",
        "杨伟雄",
        "创新及科技局局长",
    ),
    ("Zhou Jiangyong", "Party secretary of Hangzhou", "周江勇", "杭州市委书记"),
    ("Carrie Lam", "Chief Executive", "林郑月娥", "行政长官"),
    ("John Lee Ka-chiu", "Chief Executive", "李家超", "行政长官"),
    ("Yi Lianhong", "Party secretary of Zhejiang", "易炼红", "浙江省委书记"),
    (
        "Margaret Fong",
        "executive director of the Hong Kong Trade Development Council",
        "方舜文",
        "香港贸发局总裁",
    ),
    (
        "Timothy Fok Tsun-ting",
        "vice-president of the Olympic Council of Asia",
        "霍震霆",
        "亚奥理事会副会长",
    ),
    ("Liu Xin", "mayor of Hangzhou", "刘忻", "杭州市市长"),
    ("Alpha Lau", "Director-General of Investment Promotion", "刘凤仪", "投资推广署署长"),
)
ORGS = (
    ("the Hangzhou Municipal Government", "杭州市政府"),
    ("the Hong Kong SAR Government", "香港特区政府"),
    ("the Hong Kong Trade Development Council", "香港贸发局"),
    ("Invest Hong Kong", "投资推广署"),
    ("Hong Kong Cyberport", "数码港"),
    ("the Hong Kong Science and Technology Parks Corporation", "香港科技园公司"),
    ("Zhejiang University", "浙江大学"),
    ("Westlake University", "西湖大学"),
    ("Alibaba Group", "阿里巴巴集团"),
    ("the Shangcheng District Government", "上城区政府"),
)
FIELDS = (
    ("finance", "金融"),
    ("innovation and technology", "创新科技"),
    ("trade", "经贸"),
    ("culture", "文化"),
    ("tourism", "旅游"),
    ("education", "教育"),
    ("logistics", "物流"),
    ("the digital economy", "数字经济"),
    ("healthcare", "医疗健康"),
    ("youth exchange", "青年交流"),
    ("artificial intelligence", "人工智能"),
    ("professional services", "专业服务"),
)
HAPPENINGS = (
    # (type, English name pattern, Chinese name pattern)
    ("forum", "Hangzhou-Hong Kong {topic} Forum", "杭港{topic_zh}论坛"),
    ("signing", "Hangzhou-Hong Kong cooperation signing ceremony", "杭港合作签约仪式"),
    ("promotion", "Hangzhou investment promotion conference", "杭州投资推介会"),
    ("visit", "visit of a Hangzhou delegation", "杭州代表团访问"),
    ("launch", "launch of the Hangzhou-Hong Kong {topic} Centre", "杭港{topic_zh}中心启动仪式"),
    ("conference", "Hong Kong-Zhejiang Co-operation Conference", "浙港合作会议"),
)
# fmt: off
TOPICS = (
    ("Innovation and Cooperation", "创新合作"), ("Youth Entrepreneurship", "青年创业"),
    ("Digital Economy", "数字经济"), ("Financial Services", "金融服务"), ("Culture and Tourism", "文旅"),
    ("Green Finance", "绿色金融"), ("Biomedicine", "生物医药"), ("E-commerce", "电子商务"),
    ("Legal Services", "法律服务"), ("Smart City", "智慧城市"), ("Talent Exchange", "人才交流"),
    ("Logistics", "物流"),
)
# The third person of each happening: an official of the day (not a known entity)
GIVEN_EN = ("Ka-ming", "Wai-kit", "Siu-fong", "Chi-wai", "Mei-ling", "Jianguo", "Xiaoming", "Lihua", "Wenjie", "Yuqing")
GIVEN_ZH = ("家明", "伟杰", "少芳", "志伟", "美玲", "建国", "晓明", "丽华", "文杰", "雨晴")
OFFICES = (
    ("director of the Hangzhou Commerce Bureau", "杭州市商务局局长"),
    ("deputy director of the Zhejiang Department of Commerce", "浙江省商务厅副厅长"),
    ("chairman of the Hong Kong General Chamber of Commerce", "香港总商会主席"),
    ("director of the Hangzhou Investment Promotion Bureau", "杭州市投资促进局局长"),
    ("vice-president of a Hong Kong university", "香港一所大学的副校长"),
)
# fmt: on


@dataclass(frozen=True)
class Happening:
    """One real-world occasion several outlets report: the seed of an event."""

    number: int
    kind: str
    name_en: str
    name_zh: str
    day: date
    place_en: str
    place_zh: str
    count: int
    fields: tuple[tuple[str, str], ...]
    people: tuple[tuple[str, str, str, str], ...]
    orgs: tuple[tuple[str, str], ...]
    projects: int
    invested_bn: int
    as_of_year: int


@dataclass(frozen=True)
class Article:
    """One generated article: what a parser would have made of a page."""

    index: int
    kind: str  # report, copy, trap, other, dense
    language: str  # en, zh-Hans, zh-Hant
    outlet: str
    official: bool
    title: str
    paragraphs: tuple[str, ...]
    published_at: datetime
    happening: int | None

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@cache
def _to_hant() -> opencc.OpenCC:
    return opencc.OpenCC("s2hk")


def hant(text: str) -> str:
    """Simplified text as a Hong Kong outlet writes it."""
    return str(_to_hant().convert(text))


def happening(number: int, per_day: float) -> Happening:
    """Happening `number`: spaced through the stream so that coverage stays near its date."""
    rng = random.Random(number * 7919 + 17)
    kind, name_en, name_zh = HAPPENINGS[number % len(HAPPENINGS)]
    topic_en, topic_zh = TOPICS[rng.randrange(len(TOPICS))]
    edition = number // len(HAPPENINGS) + 1  # named happenings recur: "the 12th ... Forum"
    recurs = kind in ("forum", "conference")
    official = (
        f"{rng.choice(SURNAMES_EN)} {rng.choice(GIVEN_EN)}",
        rng.choice(OFFICES)[0],
        f"{rng.choice(SURNAMES_ZH)}{rng.choice(GIVEN_ZH)}",
        rng.choice(OFFICES)[1],
    )
    in_hk = rng.random() < 0.5
    day = (T0 + timedelta(days=(number * HAPPENING_EVERY) / per_day)).date()
    return Happening(
        number=number,
        kind=kind,
        name_en=f"{_ordinal(edition)} {name_en.format(topic=topic_en)}" if recurs else name_en,
        name_zh=f"第{edition}届{name_zh.format(topic_zh=topic_zh)}" if recurs else name_zh,
        day=day,
        place_en="Hong Kong" if in_hk else "Hangzhou",
        place_zh="香港" if in_hk else "杭州",
        count=rng.randrange(3, 21),
        fields=tuple(rng.sample(FIELDS, rng.randrange(2, 5))),
        people=(*rng.sample(PEOPLE, 2), official),
        orgs=tuple(rng.sample(ORGS, 2)),
        projects=5000 + (number * 37) % 3000,
        invested_bn=100 + number % 97,
        as_of_year=day.year - 1,
    )


# One happening for every HAPPENING_EVERY articles of the stream (its reports and copies follow):
# every ten days at 120 articles a day (a few Hangzhou-Hong Kong happenings a month), each reported
# by about 24 outlets and copied by 12; 3 % of the stream is about them, as in the general feeds
# the sources are. Denser happenings (every 3 days, 9 % of the stream) sharing officials and
# wording are chained by the clustering into one event that grows with the warehouse (measured:
# all 779 relevant articles of a 10,000-article stream in one event, tracking cost rising with
# every run): docs/benchmarks.md reports that case too.
HAPPENING_EVERY = 1200


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _en_day(h: Happening, published: datetime) -> str:
    gap = (published.date() - h.day).days
    if gap <= 0:
        return "on Monday" if gap < 0 else "today"
    if gap < 7:
        return f"on {WEEKDAYS[h.day.weekday()]}"
    return f"on {h.day:%B} {h.day.day}"


def _zh_day(h: Happening) -> str:
    return f"{h.day.month}月{h.day.day}日"


def _fields_en(h: Happening) -> str:
    names = [f[0] for f in h.fields]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _fields_zh(h: Happening) -> str:
    return "、".join(f[1] for f in h.fields)


# --- filler: the sentences real articles carry that tracking must read past ------------------

# Filler is built from parts (who, what they said, about what, when) drawn from large pools, with
# a name, a district, a qualifier or a number in nearly every few words: unrelated real articles
# share almost no five-word sequences (or character 3-grams beyond common words), and a filler
# with small pools would make every article a near-duplicate candidate of every other one, which
# no real coverage does (the labelled sets' 127 articles give 10 candidate pairs, all true).
# fmt: off
SURNAMES_EN = (
    "Chan", "Wong", "Leung", "Lee", "Cheung", "Lau", "Ng", "Ho", "Tsang", "Yip", "Lam", "Kwok",
    "Mak", "Tang", "Fung", "Yeung", "Chow", "Tse", "Lo", "Siu", "Hui", "Choi", "Poon", "Ma", "Yu",
    "Kong", "Chu", "Law", "Tam", "Wu", "Shum", "Liu", "Zhao", "Chen", "Yang", "Huang", "Xu", "Sun",
    "Zhu", "Hu", "Guo", "Lin", "Gao", "Luo", "Zheng", "Liang", "Xie", "Song", "Cai", "Pan",
)
TITLES_EN = ("Mr", "Ms", "Dr", "Professor", "chairman", "chairwoman", "secretary", "director")
DISTRICTS_EN = (
    "Kwun Tong", "Sha Tin", "Tsuen Wan", "Yuen Long", "Tuen Mun", "Wan Chai", "Mong Kok", "Sai Kung",
    "Tai Po", "Kowloon City", "Sham Shui Po", "Wong Tai Sin", "Eastern District", "Southern District",
    "Islands District", "North District", "Kwai Tsing", "Central", "Causeway Bay", "Tsim Sha Tsui",
    "Pudong", "Minhang", "Futian", "Nanshan", "Tianhe", "Haidian", "Chaoyang", "Gulou", "Jiangbei",
    "Yuzhong", "Wuhou", "Yanta", "Lixia", "Shinan", "Siming", "Xiangzhou", "Chancheng", "Shunde",
    "Panyu", "Longgang",
)
ORGS_EN = (
    "residents' association", "traders' union", "chamber of commerce", "district council",
    "school board", "hospital cluster", "transport union", "property agency", "estate committee",
    "sports federation", "arts council", "youth centre", "elderly home", "taxi association",
    "fishermen's association", "hawkers' association", "bus company", "ferry operator",
    "credit union", "alumni association",
)
SAID_EN = ("said", "reported", "noted", "estimated", "warned", "confirmed", "expected", "told reporters")
QUALIFIERS_EN = (
    "seasonally adjusted", "year-on-year", "monthly", "quarterly", "average", "median", "total",
    "overall", "online", "weekend", "weekday", "cross-border", "local", "overseas", "small-business",
    "first-time", "long-term", "short-term", "peak-hour", "off-peak", "wholesale", "suburban",
    "urban", "rural", "coastal", "private-sector", "public-sector", "night-time", "daytime", "imported",
)
WHAT_EN = (
    "{q} {thing} in {place} rose {n}.{d} per cent in {month}",
    "{q} {thing} in {place} fell {n} per cent from a year earlier",
    "about {n},{d}00 {people} from {place} took part in the {q} programme",
    "{q} {thing} in {place} would be reviewed again in {n} weeks",
    "{n} new {facility} would open in {place} by {year}",
    "demand for {q} {thing} in {place} had picked up since {month}",
    "the number of {facility} in {place} had doubled over {n} years",
    "{q} {thing} in {place} was likely to stay flat until the end of {year}",
)
WHEN_EN = ("", " on Friday", " in a statement", " at a briefing", ", citing preliminary figures", " in its monthly report", " last week")
THINGS_EN = (
    "retail sales", "visitor arrivals", "home prices", "factory output", "exports", "rental income",
    "air passenger traffic", "restaurant receipts", "electricity use", "container throughput",
    "car sales", "new business registrations", "hotel occupancy", "office vacancies", "bus ridership",
)
PEOPLE_EN = ("students", "volunteers", "residents", "exhibitors", "runners", "teachers", "nurses", "start-up founders")
FACILITIES_EN = ("clinics", "schools", "parks", "bus routes", "charging stations", "libraries", "community centres", "sports grounds")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")

SURNAMES_ZH = "陈王李张刘黄林梁何郭吴罗郑谢冯邓曾彭萧蔡潘田董袁于余叶蒋杜苏魏程吕丁沈任姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱尹薛段雷侯史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤"
TITLES_ZH = ("先生", "女士", "博士", "主席", "负责人", "教授", "秘书长", "总监")
DISTRICTS_ZH = (
    "观塘", "沙田", "荃湾", "元朗", "屯门", "湾仔", "旺角", "西贡", "大埔", "九龙城", "深水埗", "黄大仙",
    "东区", "南区", "离岛", "北区", "葵青", "中环", "铜锣湾", "尖沙咀", "浦东", "闵行", "福田", "南山",
    "天河", "海淀", "朝阳", "鼓楼", "江北", "渝中", "武侯", "雁塔", "历下", "市南", "思明", "香洲",
    "禅城", "顺德", "番禺", "龙岗",
)
ORGS_ZH = (
    "居民协会", "商户联合会", "商会", "区议会", "校董会", "医院联网", "运输工会", "地产代理公司", "屋苑管理委员会",
    "体育总会", "艺术发展局", "青年中心", "安老院", "的士商会", "渔民协会", "小贩联会", "巴士公司", "渡轮公司",
    "信用合作社", "校友会",
)
SAID_ZH = (
    "表示", "介绍", "预计", "指出", "提醒", "透露", "在发布会上说", "对记者说", "在社交媒体上称", "接受访问时说",
    "在记者会上回应说", "发表书面声明称",
)
QUALIFIERS_ZH = (
    "经季节调整的", "同比", "环比", "月度", "季度", "平均", "中位数", "合计", "线上", "周末", "工作日", "跨境",
    "本地", "海外", "小微企业", "首次", "长期", "短期", "高峰时段", "非高峰时段", "批发", "郊区", "城区", "农村",
    "沿海", "私营", "公营", "夜间", "日间", "进口",
)
WHAT_ZH = (
    "{month}{place}{q}{thing}同比增长{n}.{d}%",
    "{place}{q}{thing}较去年同期下降{n}%",
    "约有{n}{d}00名来自{place}的{people}参加了{q}项目",
    "{place}{q}{thing}将在{n}周后再次评估",
    "到{year}年{place}将新增{n}个{facility}",
    "自{month}以来{place}{q}{thing}明显回升",
    "{place}{facility}数量在{n}年内翻了一番",
    "{place}{q}{thing}在{year}年底前可能保持平稳",
    "受天气影响，{place}{q}{thing}上周减少约{n}成",
    "{place}已就{q}{thing}展开为期{n}个月的检讨",
    "{place}{people}对{q}{thing}的满意度升至{n}{d}分",
    "{year}年起{place}{facility}开放时间延长{n}小时",
    "{place}{q}{thing}首次突破{n}{d}万大关",
    "按{month}计算，{place}{q}{thing}连续第{n}个月回落",
)
THINGS_ZH = (
    "社会消费品零售总额", "入境旅客人数", "住宅价格", "工业增加值", "出口额", "租金收入", "航空客运量",
    "餐饮收入", "用电量", "集装箱吞吐量", "汽车销量", "新登记企业数", "酒店入住率", "写字楼空置率", "公交客流",
    "二手楼成交量", "网购包裹量", "电影票房", "鲜活食品批发价", "燃油附加费", "托儿服务名额", "夜市摊位数",
    "共享单车骑行次数", "公共泳池入场人次", "急症室轮候时间", "空气质量指数", "垃圾回收量", "停车位供应",
    "宽带用户数", "港口驳船班次", "跨区巴士班次", "长者乘车优惠使用量", "外卖订单", "图书借阅量", "献血人次",
)
PEOPLE_ZH = ("学生", "志愿者", "居民", "参展商", "跑者", "教师", "护士", "创业者")
FACILITIES_ZH = ("社区诊所", "学校", "公园", "公交线路", "充电站", "图书馆", "社区中心", "体育场地")
# fmt: on


def _filler(rng: random.Random, language: str) -> str:
    n, d, year = rng.randrange(2, 40), rng.randrange(10), rng.randrange(2019, 2031)
    month = rng.randrange(12)
    if language == "en":
        what = rng.choice(WHAT_EN).format(
            q=rng.choice(QUALIFIERS_EN),
            thing=rng.choice(THINGS_EN),
            n=n,
            d=d,
            month=MONTHS_EN[month],
            people=rng.choice(PEOPLE_EN),
            place=rng.choice(DISTRICTS_EN),
            facility=rng.choice(FACILITIES_EN),
            year=year,
        )
        who = (
            f"{rng.choice(TITLES_EN).capitalize()} {rng.choice(SURNAMES_EN)} of the "
            f"{rng.choice(DISTRICTS_EN)} {rng.choice(ORGS_EN)}"
        )
        return f"{who} {rng.choice(SAID_EN)}{rng.choice(WHEN_EN)} that {what}."
    what = rng.choice(WHAT_ZH).format(
        q=rng.choice(QUALIFIERS_ZH),
        thing=rng.choice(THINGS_ZH),
        n=n,
        d=d,
        month=f"{month + 1}月",
        people=rng.choice(PEOPLE_ZH),
        place=rng.choice(DISTRICTS_ZH),
        facility=rng.choice(FACILITIES_ZH),
        year=year,
    )
    who = f"{rng.choice(DISTRICTS_ZH)}{rng.choice(ORGS_ZH)}{rng.choice(SURNAMES_ZH)}{rng.choice(TITLES_ZH)}"
    return f"{who}{rng.choice(SAID_ZH)}，{what}。"


def _paragraph(rng: random.Random, language: str, sentences: int) -> str:
    joiner = " " if language == "en" else ""
    return joiner.join(_filler(rng, language) for _ in range(sentences))


# --- cooperation reports -----------------------------------------------------------------------


def _report_en(
    h: Happening, rng: random.Random, published: datetime, dense: bool
) -> tuple[str, list[str]]:
    p0, p1, p2 = h.people
    o0, o1 = h.orgs
    when = _en_day(h, published)
    titles = {
        "forum": f"Hangzhou and Hong Kong seal {h.count} deals at {h.name_en}",
        "signing": f"Hangzhou, Hong Kong sign {h.count} agreements to deepen cooperation",
        "promotion": f"Hangzhou woos Hong Kong investors with {h.count} projects",
        "visit": f"Hangzhou delegation visits Hong Kong, signs {h.count} agreements",
        "launch": f"{h.name_en[0].upper()}{h.name_en[1:]} marks new step in ties",
        "conference": f"{h.name_en} agrees on {h.count} cooperation projects",
    }
    lead = {
        "forum": f"Officials from Hangzhou and Hong Kong signed {h.count} agreements {when} at the {h.name_en}, held in {h.place_en}.",
        "signing": f"{o0[0][0].upper()}{o0[0][1:]} and {o1[0]} signed {h.count} cooperation agreements {when} in {h.place_en}.",
        "promotion": f"Hangzhou presented {h.count} projects to Hong Kong investors {when} at an investment promotion conference held in {h.place_en}.",
        "visit": f"A Hangzhou delegation led by {p0[0]}, {p0[1]}, visited Hong Kong {when} and signed {h.count} agreements with Hong Kong partners.",
        "launch": f"The {h.name_en} took place {when} in {h.place_en}, with {h.count} Hong Kong and Hangzhou partners joining.",
        "conference": f"Hong Kong and Zhejiang agreed {when} on {h.count} cooperation projects at the {h.name_en}, held in {h.place_en}.",
    }[h.kind]
    body = [
        lead,
        f"The memorandums of understanding cover {_fields_en(h)}, according to the organisers.",
        f"{p0[0]}, {p0[1]}, told the audience that Hong Kong investors had set up about {h.projects:,} projects in Hangzhou by the end of {h.as_of_year}, bringing in more than US${h.invested_bn} billion.",
        f"{p1[1][0].upper()}{p1[1][1:]} {p1[0]} said the two cities would work together to help Hangzhou companies go global through Hong Kong.",
        f"{p2[0]}, {p2[1]}, and representatives of {o0[0]} and {o1[0]} attended the event.",
    ]
    if dense:
        body += [
            f"Under the agreements, {o0[0]} and {o1[0]} will set up a joint fund of HK${h.invested_bn} million for {_fields_en(h)}, and Hangzhou and Hong Kong will hold the forum every year, {p1[0]} said.",
            f"By the end of {h.as_of_year}, Hangzhou companies had invested US${h.invested_bn // 10}.{h.count % 10} billion in {h.projects // 20} projects in Hong Kong, while Hong Kong-invested projects in Hangzhou numbered {h.projects:,}.",
            f"{p2[0]} and {p0[0]} also witnessed the signing of {h.count // 2 + 1} agreements between {ORGS[h.number % len(ORGS)][0]} and Hangzhou's Shangcheng District on {h.day:%B} {h.day.day}.",
        ]
    target = (18 if dense else rng.randrange(10, 17)) - len(body)
    for _ in range(max(0, target)):
        body.insert(rng.randrange(2, len(body) + 1), _paragraph(rng, "en", rng.randrange(2, 5)))
    return titles[h.kind], body


def _report_zh(h: Happening, rng: random.Random, dense: bool) -> tuple[str, list[str]]:
    p0, p1, p2 = h.people
    o0, o1 = h.orgs
    day = _zh_day(h)
    titles = {
        "forum": f"{h.name_zh}在{h.place_zh}举行 两地签下{h.count}项合作协议",
        "signing": f"杭港签署{h.count}项合作协议 深化多领域合作",
        "promotion": f"杭州赴港推介{h.count}个重点项目",
        "visit": f"杭州代表团访港 签署{h.count}项合作协议",
        "launch": f"{h.name_zh}举行 杭港合作再添新平台",
        "conference": f"{h.name_zh}召开 确定{h.count}个合作项目",
    }
    lead = {
        "forum": f"{day}，{h.name_zh}在{h.place_zh}举办，杭州与香港两地现场签署{h.count}项合作协议。",
        "signing": f"{day}，{o0[1]}与{o1[1]}在{h.place_zh}签署{h.count}项合作协议。",
        "promotion": f"{day}，杭州在{h.place_zh}举行投资推介会，向香港投资者推介{h.count}个重点项目。",
        "visit": f"{day}，{p0[3]}{p0[2]}率杭州代表团访问香港，与香港有关方面签署{h.count}项合作协议。",
        "launch": f"{day}，{h.name_zh}在{h.place_zh}举行，{h.count}家杭港合作伙伴参加。",
        "conference": f"{day}，{h.name_zh}在{h.place_zh}召开，双方确定{h.count}个合作项目。",
    }[h.kind]
    body = [
        lead,
        f"这些合作备忘录涉及{_fields_zh(h)}等领域。",
        f"{p0[3]}{p0[2]}在致辞中介绍，截至{h.as_of_year}年底，香港在杭州投资项目约{h.projects}个，投资总额超过{h.invested_bn}亿美元。",
        f"{p1[3]}{p1[2]}表示，两地将携手帮助杭州企业借助香港走向世界。",
        f"{p2[3]}{p2[2]}以及{o0[1]}、{o1[1]}代表出席活动。",
    ]
    if dense:
        body += [
            f"根据协议，{o0[1]}与{o1[1]}将设立{h.invested_bn}亿港元联合基金，支持{_fields_zh(h)}发展，杭港双方每年轮流举办论坛。",
            f"截至{h.as_of_year}年底，杭州企业在港投资项目{h.projects // 20}个，金额{h.invested_bn // 10}亿美元；港资在杭项目{h.projects}个。",
            f"{day}，{p2[2]}与{p0[2]}还共同见证{ORGS[h.number % len(ORGS)][1]}与杭州市上城区签署{h.count // 2 + 1}项协议。",
        ]
    target = (16 if dense else rng.randrange(8, 13)) - len(body)
    for _ in range(max(0, target)):
        body.insert(rng.randrange(2, len(body) + 1), _paragraph(rng, "zh", rng.randrange(3, 6)))
    return titles[h.kind], body


# --- traps and everyday news ---------------------------------------------------------------------

TRAPS_EN = (
    (
        "Alibaba's Hong Kong-listed shares jump {n}% after results",
        "Shares of Hangzhou-based Alibaba Group rose {n} per cent in Hong Kong on {day} after the company reported quarterly results above forecasts.",
    ),
    (
        "Hangzhou Bay bridge traffic eases after holiday",
        "Traffic on the Hangzhou Bay bridge returned to normal on {day}, while ferries at Hong Kong's ports ran on schedule.",
    ),
    (
        "Hong Kong team beats Hangzhou side in basketball final",
        "A Hong Kong team beat a Hangzhou side {n}-{m} in the final of the regional basketball tournament on {day}.",
    ),
    (
        "Ningbo and Hong Kong sign port cooperation deal",
        "Ningbo and Hong Kong signed {n} agreements on port logistics on {day}, the Zhejiang city's government said.",
    ),
    (
        "Typhoon warning issued as storm heads for Zhejiang coast",
        "Hong Kong Observatory said the storm would pass east of the city on {day}, while Hangzhou raised its alert level.",
    ),
    (
        "Hangzhou court hears fraud case involving Hong Kong firm",
        "A Hangzhou court on {day} heard a fraud case involving a company registered in Hong Kong.",
    ),
)
TRAPS_ZH = (
    ("阿里巴巴港股大涨{n}%", "{day}，总部位于杭州的阿里巴巴集团港股收涨{n}%，季度业绩好于预期。"),
    (
        "杭州湾跨海大桥节后车流回落",
        "{day}，杭州湾跨海大桥车流恢复正常，宁波港集装箱吞吐量继续增长。",
    ),
    (
        "篮球邀请赛：香港队{n}比{m}胜杭州队",
        "{day}，在杭州举行的篮球邀请赛决赛中，香港队以{n}比{m}战胜杭州队。",
    ),
    ("宁波与香港签署港航物流合作协议", "{day}，宁波与香港签署{n}项港航物流合作协议。"),
    (
        "台风逼近浙江沿海 香港天文台发出警告",
        "{day}，香港天文台表示台风将在东面掠过，杭州同时提高防汛应急响应等级。",
    ),
)
OTHER_EN = (
    (
        "Hong Kong property prices edge down for {n}th month",
        "Home prices in Hong Kong slipped for the {n}th month in a row in {month}, official data showed on {day}.",
    ),
    (
        "Zhejiang unveils plan to boost private investment",
        "Zhejiang province on {day} unveiled {n} measures to encourage private investment in manufacturing.",
    ),
    (
        "Hong Kong stocks close higher on tech rally",
        "The Hang Seng Index closed {n}.{m} per cent higher on {day}, led by technology shares.",
    ),
    (
        "Hangzhou opens new metro line to airport",
        "A new metro line linking Hangzhou's city centre with its airport opened on {day}, cutting the journey to {n} minutes.",
    ),
    (
        "Legislative Council passes budget bill",
        "Lawmakers in Hong Kong passed the budget bill on {day} by {n} votes to {m}.",
    ),
    (
        "Shanghai hosts international import expo",
        "The international import expo opened in Shanghai on {day}, with exhibitors from {n} countries.",
    ),
)
OTHER_ZH = (
    ("香港楼价连续{n}个月下跌", "{day}公布的数据显示，{month}香港住宅价格指数连续{n}个月下跌。"),
    ("浙江出台{n}条措施促进民间投资", "{day}，浙江省出台{n}条措施，鼓励民间资本投资制造业。"),
    ("港股收涨 科技股领涨", "{day}，恒生指数收涨{n}.{m}%，科技股领涨大市。"),
    ("杭州机场快线开通", "{day}，杭州机场快线正式开通运营，市区至机场最快{n}分钟。"),
    ("上海进博会开幕", "{day}，进博会在上海开幕，来自{n}个国家的展商参展。"),
)


def _news(
    rng: random.Random,
    language: str,
    published: datetime,
    pool_en: tuple[tuple[str, str], ...],
    pool_zh: tuple[tuple[str, str], ...],
) -> tuple[str, list[str]]:
    n, m = rng.randrange(2, 30), rng.randrange(1, 9)
    if language == "en":
        title, lead = rng.choice(pool_en)
        day = WEEKDAYS[published.weekday()]
        values = {"n": n, "m": m, "day": day, "month": f"{published:%B}"}
        count, sentences = rng.randrange(9, 16), (2, 5)
    else:
        title, lead = rng.choice(pool_zh)
        values = {
            "n": n,
            "m": m,
            "day": f"{published.month}月{published.day}日",
            "month": f"{published.month}月",
        }
        count, sentences = rng.randrange(7, 12), (3, 6)
    body = [lead.format(**values)]
    script = "en" if language == "en" else "zh"
    body += [_paragraph(rng, script, rng.randrange(*sentences)) for _ in range(count)]
    return title.format(**values), body


# --- the stream ------------------------------------------------------------------------------------


def _kind(rng: random.Random) -> str:
    roll = rng.randrange(100)
    for kind, share in MIX:
        if roll < share:
            return kind
        roll -= share
    return "other"


def article(
    index: int, *, per_day: float = 120.0, dense: bool = False, language: str | None = None
) -> Article:
    """Article `index` of the stream: published in order, `per_day` articles a day; `language`
    forces the language (a site that publishes in one)."""
    rng = random.Random(index * 1_000_003 + (7 if dense else 0))
    published = T0 + timedelta(days=index / per_day, minutes=rng.randrange(0, 50))
    drawn = LANGUAGES[rng.randrange(len(LANGUAGES))]
    language = language or drawn
    kind = "dense" if dense else _kind(rng)
    number: int | None = None
    if kind in ("report", "copy", "dense"):
        # the happening most recently before this article, or one a few back (coverage lasts days)
        number = max(0, index // HAPPENING_EVERY - rng.randrange(0, 2))
        h = happening(number, per_day)
        if h.day > published.date():
            published = datetime.combine(h.day, published.timetz()) + timedelta(hours=6)
        # A wire story (a third of the reports) is written from the happening's own seed, so its
        # syndicated copies, written from the same seed, are near-duplicates of it.
        wire = kind == "copy" or (kind == "report" and rng.random() < 0.3)
        writer = random.Random(number * 31 + len(language)) if wire else rng
        if language == "en":
            title, body = _report_en(h, writer, published, kind == "dense")
        else:
            title, body = _report_zh(h, writer, kind == "dense")
        if kind == "copy":  # re-titled, a word changed, as syndication does
            if language == "en":
                title = title.replace("Hangzhou and Hong Kong", "Hangzhou, Hong Kong")
            else:
                title = title.replace(" ", "，")
            body[0] = body[0].replace("Officials from", "Officials of").replace("，", "，当天", 1)
    elif kind == "trap":
        title, body = _news(rng, language, published, TRAPS_EN, TRAPS_ZH)
    else:
        title, body = _news(rng, language, published, OTHER_EN, OTHER_ZH)
    if language == "zh-Hant":
        title, body = hant(title), [hant(p) for p in body]
    script = "en" if language == "en" else language
    outlets = OUTLETS[script]
    outlet = outlets[(index if kind != "copy" else index + 1) % len(outlets)]
    return Article(
        index=index,
        kind=kind,
        language=language,
        outlet=outlet,
        official=outlet in OFFICIAL,
        title=title,
        paragraphs=tuple(body),
        published_at=published,
        happening=number,
    )


def stream(
    start: int, count: int, *, per_day: float = 120.0, dense: bool = False
) -> Iterator[Article]:
    """Articles `start` .. `start + count - 1` of the stream."""
    for index in range(start, start + count):
        yield article(index, per_day=per_day, dense=dense)
