"""Dates written in news text, resolved against the publication date (never against the clock).

"On Thursday" in a story published on a Tuesday is the Thursday before it; "June 13" with no year
is the June 13 on or before publication (a week of slack for previews of coming events). A
sentence about what is still to come ("will sign ... on Friday", 将于15日签署) is read forward:
`forward=True` resolves the same words to the first such day on or after publication.
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
    (re.compile(r"\b(?:on |last |this )?(" + "|".join(_WEEKDAYS_EN) + r")\b"), "weekday"),
    (re.compile(r"(?:上)?(?:周|星期|礼拜)([一二三四五六日天])"), "weekday_zh"),
    (re.compile(r"\byesterday\b|昨日|昨天"), "yesterday"),
    (re.compile(r"\btoday\b|今日|今天"), "today"),
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
    r"(?:将|(?<![模虚])拟|即将|计划|预计)(?:于|在)?[^，。；]{0,12}?"
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
    if kind in ("weekday", "weekday_zh"):
        weekday = _WEEKDAYS_EN.index(g[0]) if kind == "weekday" else _WEEKDAYS_ZH[g[0]]
        if forward and not m.group().startswith(("last", "上")):
            return weekday_after(reference, weekday)
        return weekday_before(reference, weekday)
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


def find_as_of(folded: str, reference: date | None) -> date | None:
    """The date a sentence's figures hold for ("as of the end of last year", "截至去年底")."""
    for pattern, kind in _YEAR_END:
        m = pattern.search(folded)
        if m is None:
            continue
        if kind == "year":
            return date(int(m.group(1)), 12, 31)
        if reference is not None:
            return date(reference.year - 1, 12, 31)
    m = _MONTH_END.search(folded)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12:
            return date(year, month, calendar.monthrange(year, month)[1])
    m = _AS_OF_DAY.search(folded)
    if m:
        return _safe_date(int(m.group(3)), _MONTHS[m.group(1)], int(m.group(2)))
    m = _AS_OF_DAY_ZH.search(folded)
    if m:
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


def nearby_date(
    sentences: list[Sentence], index: int, reference: date | None, *, forward: bool = False
) -> date | None:
    """The date a sentence is about: its own, else the nearest earlier one in its paragraph, else
    a later one in its paragraph, else the nearest earlier one in the article (news leads carry
    the date: "... on Thursday. The ceremony took place at ..."). `forward` reads the sentence's
    own date as a coming one; dates borrowed from other sentences keep their own tense."""
    here = sentences[index]
    same = [i for i, s in enumerate(sentences) if s.paragraph == here.paragraph]
    earlier = [i for i in same if i < index][::-1]
    later = [i for i in same if i > index]
    before = [i for i in range(index - 1, -1, -1) if i not in same]
    for i in [index, *earlier, *later, *before]:
        text = sentences[i].folded.text
        found = _clause_dates(text, reference) if forward and i == index else None
        found = found or find_dates(text, reference)
        if found:
            return found[0].value
    return None


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
