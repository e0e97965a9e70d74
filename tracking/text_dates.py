"""Dates written in news text, resolved against the publication date (never against the clock).

"On Thursday" in a story published on a Tuesday is the Thursday before it; "June 13" with no year
is the June 13 on or before publication (a week of slack for previews of coming events). A
sentence about what is still to come ("will sign ... on Friday", 将于15日签署) is read forward:
`forward=True` resolves the same words to the first such day on or after publication. Words that
say their direction themselves keep it whatever the sentence's tense: "next Monday" is always
ahead, "last Monday" always behind; 上周五 and 下周五 are days of the calendar week before and after
the publication's. "This weekend" is its Saturday (the one ahead when read forward). The
publication day is taken in the newsroom's time zone (Hong Kong and the mainland: UTC+8).
All patterns run on folded text: lower case, Simplified Chinese.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from parsers.dates import PLAUSIBLE_YEARS
from tracking.folding import Sentence

NEWS_ZONE = ZoneInfo("Asia/Hong_Kong")

_WEEKDAYS_EN = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAYS_ZH = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())
}
_MONTHS["sept"] = 9
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_FUTURE_SLACK = timedelta(days=7)


@dataclass(frozen=True)
class DateHit:
    start: int
    end: int
    value: date


def reference_date(published_at: datetime | None) -> date | None:
    """The publication day as the newsroom saw it (Hong Kong/Beijing time).

    A date outside the years news is tracked for (a site's placeholder stored before parsers
    refused them) is no reference: date windows around it would overflow.
    """
    if published_at is None or not PLAUSIBLE_YEARS[0] <= published_at.year <= PLAUSIBLE_YEARS[1]:
        return None
    if published_at.tzinfo is not None:
        published_at = published_at.astimezone(NEWS_ZONE)
    return published_at.date()


def weekday_before(reference: date, weekday: int) -> date:
    """The latest day with this weekday on or before the reference day.

    A story dated Thursday that says "on Thursday" means that same day.
    """
    return reference - timedelta(days=(reference.weekday() - weekday) % 7)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def weekday_after(reference: date, weekday: int) -> date:
    """The first day with this weekday on or after the reference day ("will sign on Friday")."""
    return reference + timedelta(days=(weekday - reference.weekday()) % 7)


def _weekday_word(reference: date, weekday: int, word: str, forward: bool) -> date:
    """ "next Monday" is after the reference day, "last Monday" before it, whatever the tense;
    a bare or "this" weekday follows the sentence's tense."""
    if word == "next":
        return reference + timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1)
    if word == "last":
        return reference - timedelta(days=(reference.weekday() - weekday - 1) % 7 + 1)
    return weekday_after(reference, weekday) if forward else weekday_before(reference, weekday)


def _calendar_week(reference: date, weekday: int, shift: int) -> date:
    """A day of the calendar week `shift` weeks from the reference's (上周五: shift -1)."""
    monday = reference - timedelta(days=reference.weekday())
    return monday + timedelta(days=7 * shift + weekday)


def _weekend(reference: date, forward: bool) -> date:
    """The Saturday of "this weekend": ahead when read forward, else the one just past (a story
    dated Saturday or Sunday means its own weekend either way)."""
    if reference.weekday() >= 5:
        return reference - timedelta(days=reference.weekday() - 5)
    return weekday_after(reference, 5) if forward else weekday_before(reference, 5)


def _without_year(
    reference: date | None, month: int, day: int, forward: bool = False
) -> date | None:
    if reference is None:
        return None
    found = _safe_date(reference.year, month, day)
    if forward:
        if found and found < reference - _FUTURE_SLACK:
            found = _safe_date(reference.year + 1, month, day)
    elif found and found > reference + _FUTURE_SLACK:
        found = _safe_date(reference.year - 1, month, day)
    return found


def _day_of_month(reference: date | None, day: int, forward: bool = False) -> date | None:
    """ "13日" in a story of June 15 is June 13; in a story of July 2, June 13 (forward: the 13th
    on or after publication)."""
    if reference is None:
        return None
    found = _safe_date(reference.year, reference.month, day)
    if forward:
        if found is None or found < reference:
            following = reference.replace(day=28) + timedelta(days=4)
            found = _safe_date(following.year, following.month, day)
    elif found is None or found > reference + _FUTURE_SLACK:
        previous = reference.replace(day=1) - timedelta(days=1)
        found = _safe_date(previous.year, previous.month, day)
    return found


_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})\b"), "iso"),
    (re.compile(rf"\b({_MONTH})\.? (\d{{1,2}})(?:st|nd|rd|th)?(?:,? (\d{{4}}))?\b"), "mdy"),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? ({_MONTH})\.?(?:,? (\d{{4}}))?\b"), "dmy"),
    (re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]"), "zh"),
    (re.compile(r"(?<![\d月第])(\d{1,2})[日号](?![内后前以起])"), "zh_day"),
    (re.compile(r"\bon the (\d{1,2})(?:st|nd|rd|th)\b(?! (?:of|century|anniversary))"), "zh_day"),
    (re.compile(r"\b(?:(?:this|last|next|the) )?week-?end\b|(?:上|下|本|这个?)?周末"), "weekend"),
    (re.compile(r"\b(?:on )?(?:(last|next|this) )?(" + "|".join(_WEEKDAYS_EN) + r")\b"), "weekday"),
    (re.compile(r"(上|下|本|这)?个?(?:周|星期|礼拜)([一二三四五六日天])"), "weekday_zh"),
    (re.compile(r"\byesterday\b|昨日|昨天"), "yesterday"),
    (re.compile(r"\btoday\b|(?<!的)(?:今日|今天)"), "today"),  # not 的今天, "nowadays"
    (re.compile(r"\btomorrow\b|明日|明天"), "tomorrow"),
    (re.compile(r"前日|前天"), "day_before"),
]
_OFFSETS = {"yesterday": -1, "today": 0, "tomorrow": 1, "day_before": -2}

# A happening the sentence announces rather than reports ("will sign ... on Friday", 将于15日签署):
# a future marker governing a happening's verb, so "signed ..., which will boost ..." is no plan.
PLANNED = re.compile(
    r"\b(?:will|shall|(?:is|are) (?:set|scheduled|due|expected|going) to|plans? to|planning to|"
    r"to be)\s+(?:[a-z]+\s+){0,2}?(?:sign|signed|hold|held|host|hosted|visit|open|opened|launch|"
    r"launched|attend|meet|ink|seal|take place)\b|"
    r"(?:将|(?<![模虚])拟|即将|计划|预计)(?:于|在)?[^，。；]{0,32}?"
    r"(?:签署|签订|签约|举行|举办|召开|访问|出席|开幕|启动)"
)


def find_dates(folded: str, reference: date | None, *, forward: bool = False) -> list[DateHit]:
    """Every resolvable date in a folded sentence, in text order (`forward`: a coming one)."""
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind in _PATTERNS:
        for m in pattern.finditer(folded):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            value = _resolve(kind, m, reference, forward)
            if value is not None:
                hits.append(DateHit(m.start(), m.end(), value))
                taken.append((m.start(), m.end()))
    return sorted(hits, key=lambda h: h.start)


def _resolve(kind: str, m: re.Match[str], reference: date | None, forward: bool) -> date | None:
    g = m.groups()
    if kind == "iso":
        return _safe_date(int(g[0]), int(g[1]), int(g[2]))
    if kind in ("mdy", "dmy"):
        month_word, day = (g[0], g[1]) if kind == "mdy" else (g[1], g[0])
        month = _MONTHS[month_word]
        if g[2]:
            return _safe_date(int(g[2]), month, int(day))
        return _without_year(reference, month, int(day), forward)
    if kind == "zh_day":
        return _day_of_month(reference, int(g[0]), forward)
    if kind == "zh":
        if g[0]:
            return _safe_date(int(g[0]), int(g[1]), int(g[2]))
        return _without_year(reference, int(g[1]), int(g[2]), forward)
    if reference is None:
        return None
    if kind == "weekday":
        return _weekday_word(reference, _WEEKDAYS_EN.index(g[1]), g[0] or "", forward)
    if kind == "weekday_zh":
        weekday = _WEEKDAYS_ZH[g[1]]
        shift = {"上": -1, "下": 1, "本": 0, "这": 0}.get(g[0] or "")
        if shift is None:
            return (
                weekday_after(reference, weekday) if forward else weekday_before(reference, weekday)
            )
        return _calendar_week(reference, weekday, shift)
    if kind == "weekend":
        if m.group().startswith(("last", "上")):
            return _calendar_week(reference, 5, -1)
        if m.group().startswith(("next", "下")):
            return _calendar_week(reference, 5, 1)
        return _weekend(reference, forward)
    return reference + timedelta(days=_OFFSETS[kind])


_YEAR_END = [
    (re.compile(r"\b(?:as (?:of|at)|by|at) (?:the )?end(?:-| of )last year\b"), "last"),
    (re.compile(r"\b(?:as (?:of|at)|by|at) (?:the )?end(?:-| of )(\d{4})\b"), "year"),
    (re.compile(r"截至(?:到)?去年(?:年)?[底末]|去年(?:年)?[底末]"), "last"),
    (re.compile(r"截至(?:到)?(\d{4})年(?:年)?[底末]"), "year"),
]
_MONTH_END = re.compile(r"截至(?:到)?(\d{4})年(\d{1,2})月[底末]")
_AS_OF_DAY = re.compile(rf"\b(?:as (?:of|at)|by) ({_MONTH}) (\d{{1,2}}),? (\d{{4}})\b")
_AS_OF_DAY_ZH = re.compile(r"截至(?:到)?(\d{4})年(\d{1,2})月(\d{1,2})日")
# A month's end with the year left to the reader: "as of the end of May", 截至5月底, 截至今年5月末.
_MONTH_END_EN = re.compile(
    rf"\b(?:as (?:of|at)|by|at|until|through) (?:the )?end(?:-| of )({_MONTH})\b"
    r"(?:,? (?:(this|last) year|(\d{4})))?"
)
_MONTH_END_ZH = re.compile(r"(?:截至|截止|到)(?:今年|(去年))?(\d{1,2})月[底末]")
# Periods whose figures hold at their end: quarters, halves, the year so far.
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
             "4th": 4, "一": 1, "二": 2, "三": 3, "四": 4}  # fmt: skip
_QUARTER_EN = re.compile(
    r"\b(?:in|during|for|over) the (first|second|third|fourth|1st|2nd|3rd|4th) quarter"
    r"(?: of (\d{4})| of (this|last) year)?\b|\bq([1-4])(?: (\d{4}))?\b"
)
_QUARTERS_EN = re.compile(
    r"\b(?:in|during|for|over) the first (two|three) quarters(?: of (\d{4}))?\b"
)
_HALF_EN = re.compile(
    r"\b(?:in|during|for|over) the (first|second) half(?: of (\d{4})| of (this|last) year)?\b"
)
_PERIOD_ZH = re.compile(
    r"(?:(\d{4})年|(今年|去年))?(?:第?([一二三四])季度|前([二三])季度|(上|下)半年)"
)
_SO_FAR = re.compile(r"截至目前|截至今日|\bto date\b|\bso far\b|\bas of (?:now|today)\b")


def find_as_of(folded: str, reference: date | None) -> date | None:
    """The date a sentence's figures hold for ("as of the end of last year", "截至去年底")."""
    for pattern, kind in _YEAR_END:
        m = pattern.search(folded)
        if m is None:
            continue
        if kind == "year":
            return _safe_date(int(m.group(1)), 12, 31)  # "截至0000年底" is no date
        if reference is not None:
            return date(reference.year - 1, 12, 31)
    m = _MONTH_END.search(folded)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12 and year >= 1:
            return _safe_date(year, month, calendar.monthrange(year, month)[1])
    m = _AS_OF_DAY.search(folded)
    if m:
        return _safe_date(int(m.group(3)), _MONTHS[m.group(1)], int(m.group(2)))
    m = _AS_OF_DAY_ZH.search(folded)
    if m:
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return _period_end(folded, reference)


def _period_end(folded: str, reference: date | None) -> date | None:
    """A month, quarter or half whose year the reader infers: the latest one that has ended by
    (or ends within a month of) publication ("as of the end of May" in a June story is this
    May; in a March story, last May). "To date", 截至目前: the publication day."""
    if reference is None:
        return None
    m = _MONTH_END_EN.search(folded)
    if m:
        year = _year(reference, m.group(3), m.group(2))
        return _period(reference, year, _MONTHS[m.group(1)])
    m = _MONTH_END_ZH.search(folded)
    if m and 1 <= int(m.group(2)) <= 12:
        return _period(reference, reference.year - 1 if m.group(1) else None, int(m.group(2)))
    m = _QUARTER_EN.search(folded)
    if m:
        quarter = _ORDINALS[m.group(1)] if m.group(1) else int(m.group(4))
        year = _year(reference, m.group(2) or m.group(5), m.group(3))
        return _period(reference, year, 3 * quarter)
    m = _QUARTERS_EN.search(folded)
    if m:
        return _period(
            reference, _year(reference, m.group(2), None), 6 if m.group(1) == "two" else 9
        )
    m = _HALF_EN.search(folded)
    if m:
        year = _year(reference, m.group(2), m.group(3))
        return _period(reference, year, 6 if m.group(1) == "first" else 12)
    m = _PERIOD_ZH.search(folded)
    if m:
        year = _year(reference, m.group(1), {"今年": "this", "去年": "last"}.get(m.group(2) or ""))
        if m.group(3):
            month = 3 * _ORDINALS[m.group(3)]
        elif m.group(4):
            month = 3 * _ORDINALS[m.group(4)]
        else:
            month = 6 if m.group(5) == "上" else 12
        return _period(reference, year, month)
    if _SO_FAR.search(folded):
        return reference
    return None


def _year(reference: date, digits: str | None, relative: str | None) -> int | None:
    """The year a period phrase names: its digits, "this"/"last" year, or None to infer."""
    if digits:
        return int(digits)
    if relative == "this":
        return reference.year
    if relative == "last":
        return reference.year - 1
    return None


def _period(reference: date, year: int | None, month: int) -> date | None:
    """The last day of `month` in `year`, or in the latest year where it is not a month beyond
    the publication day."""
    if year is None:
        year = reference.year
        if date(year, month, 1) > reference + timedelta(days=31):
            year -= 1
    if not PLAUSIBLE_YEARS[0] <= year <= PLAUSIBLE_YEARS[1]:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def nearby_date(
    sentences: list[Sentence], index: int, reference: date | None, *, forward: bool = False
) -> date | None:
    """The date a sentence is about: its own, else the nearest earlier one in its paragraph, else
    a later one in its paragraph, else the nearest earlier one in the article (news leads carry
    the date: "... on Thursday. The ceremony took place at ..."). `forward` reads the sentence's
    own date as a coming one; dates borrowed from other sentences keep their own tense."""
    found = nearby_date_at(sentences, index, reference, forward=forward)
    return found[0] if found else None


def nearby_date_at(
    sentences: list[Sentence], index: int, reference: date | None, *, forward: bool = False
) -> tuple[date, int] | None:
    """`nearby_date`, with the index of the sentence the date was read in."""
    here = sentences[index]
    same = [i for i, s in enumerate(sentences) if s.paragraph == here.paragraph]
    earlier = [i for i in same if i < index][::-1]
    later = [i for i in same if i > index]
    before = [i for i in range(index - 1, -1, -1) if i not in same]
    for i in [index, *earlier, *later, *before]:
        found = _sentence_date(sentences[i].folded.text, reference, forward and i == index)
        if found is not None:
            return found, i
    return None


# A dateline opening a story: "新华社香港9月15日电", "本报杭州4月24日讯", "HONG KONG, April 15
# (Xinhua) --". Its date is the story's, not necessarily the happening's.
_DATELINE = re.compile(
    r"^\s*(?:[^，。,\s]{0,24}?\d{1,2}月\d{1,2}日(?:电|讯)|"
    rf"[a-z][a-z .'’-]{{1,40}}?,\s*(?:{_MONTH})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?\s*"
    r"(?:\([^)]{1,40}\)\s*)?(?:--|—|–))"
)


def _sentence_date(folded: str, reference: date | None, forward: bool) -> date | None:
    """The first date a folded sentence gives (`forward`: read forward in the clauses that
    announce a happening). After a dated dateline the story's own words count, read against
    the dateline's day: "中国日报网9月16日电 ……于15日走进香港" is the 15th, and
    "本报杭州4月24日讯 今天" the 24th even in a copy published the next day."""
    dateline = _DATELINE.match(folded)
    if dateline is not None:
        stated = find_dates(folded[: dateline.end()], reference)
        if stated:
            return _sentence_date(folded[dateline.end() :], stated[0].value, forward) or (
                stated[0].value
            )
    found = _clause_dates(folded, reference) if forward else None
    found = found or find_dates(folded, reference)
    if len(found) > 1 and _GLOSSED.fullmatch(folded[found[0].end : found[1].start]):
        return found[1].value  # "前日（12日）", "today (June 26)": the day it spells out
    return found[0].value if found else None


_GLOSSED = re.compile(r"\s*[(（]\s*")


_YEAR = re.compile(r"(?<![\d.,$])((?:19|20)\d\d)(?:年|\b)(?!\s*(?:-|年)?\s*\d{1,2}(?:月|-))")


def years_named(folded: str) -> list[int]:
    """Years a folded text names on their own ("the 2016 summit", 2016年), not in a full date."""
    return [int(m.group(1)) for m in _YEAR.finditer(folded)]


_CLAUSE = re.compile(r"[^,，;；]+")


def _clause_dates(folded: str, reference: date | None) -> list[DateHit]:
    """Dates of a sentence, read forward only in the clauses that announce a happening
    ("在13日于香港举行的论坛上，嘉宾表示杭州将于2022年举办亚运会": the 13th is past)."""
    found: list[DateHit] = []
    for clause in _CLAUSE.finditer(folded):
        hits = find_dates(clause.group(), reference, forward=is_planned(clause.group()))
        found += [DateHit(h.start + clause.start(), h.end + clause.start(), h.value) for h in hits]
    return found


def is_planned(folded: str) -> bool:
    """Whether a folded sentence announces a happening still to come."""
    return PLANNED.search(folded) is not None
