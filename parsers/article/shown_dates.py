"""Dates as pages print them for people: in a byline, a list row, a dateline.

Metadata dates are ISO strings; printed ones come as "2025-04-24 18:30", "2025年4月24日",
"April 24, 2025", "24 Apr 2025" or "24.04.2025". `shown_date` finds the first such date in a
piece of text and reads it through `parsers.dates.parse_datetime` (which owns every check a date
must pass), so a printed date and a metadata date are judged alike.

Day and month in "01.04.2026" can be read either way. The few publishers that print day first
are named in `DAY_FIRST_HOSTS`; elsewhere such a date is read only when it cannot be anything
else ("24.04.2026"), never guessed: no date is better than a date three months off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, tzinfo

from parsers.dates import parse_datetime

# Publishers whose pages print numeric dates day first ("01.04.2026" is 1 April).
DAY_FIRST_HOSTS = ("investhk.gov.hk",)

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month_name>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
# Zone names printed beside times, as offsets. CST is China Standard Time on Chinese and Hong
# Kong pages (as parse_datetime reads it) and US Central on the others; see `read_shown`.
_ZONE_OFFSETS = {
    "EST": "-05:00",
    "EDT": "-04:00",
    "CDT": "-05:00",
    "MST": "-07:00",
    "MDT": "-06:00",
    "PST": "-08:00",
    "PDT": "-07:00",
    "BST": "+01:00",
    "CET": "+01:00",
    "CEST": "+02:00",
    "JST": "+09:00",
    "KST": "+09:00",
    "SGT": "+08:00",
    "HKT": "+08:00",
    "BJT": "+08:00",
    "AEST": "+10:00",
    "AEDT": "+11:00",
}
_CLOCK = (
    r"(?:[\sT,]*(?:at\s+)?(?P<hour>[01]?\d|2[0-3])\s*[:：]\s*(?P<minute>[0-5]\d)"
    r"(?:\s*[:：]\s*(?P<second>[0-5]\d))?(?:\.\d+)?\s*(?P<ampm>[ap]\.?m\.?)?"
    r"\s*(?P<zone>Z\b|[+-]\d{2}:?\d{2}|UTC|GMT|CST|" + "|".join(_ZONE_OFFSETS) + r")?)?"
)
# A clock printed before its date: "12:24 am EST, Wednesday, November 20, 2019", "21:17 18.11.2019",
# "Published 11:11 PM EST Nov 19, 2019"; the date must follow within a weekday and a comma.
_LEADING_CLOCK = re.compile(
    r"(?P<hour>[01]?\d|2[0-3])\s*[:：.]\s*(?P<minute>[0-5]\d)(?:\s*[:：]\s*(?P<second>[0-5]\d))?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?\s*(?P<zone>Z\b|[+-]\d{2}:?\d{2}|UTC|GMT|CST|"
    + "|".join(_ZONE_OFFSETS)
    + r")?[\s,|/-]*(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*)?$",
    re.I,
)
_FORMS = (
    # 2025-04-24, 2025/4/24, 2025.04.24 (year first is never ambiguous)
    re.compile(
        r"(?<![\d.])(?P<year>(?:19|20)\d{2})\s*[-/.]\s*(?P<month>\d{1,2})\s*[-/.]\s*"
        r"(?P<day>\d{1,2})(?![\d])" + _CLOCK,
        re.I,
    ),
    # 2025年4月24日 (times are read by parse_datetime from the same text)
    re.compile(r"(?P<chinese>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"),
    # April 24, 2025 / Apr. 24 2025
    re.compile(
        r"(?<![a-z])" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+"
        r"(?P<year>(?:19|20)\d{2})(?!\d)" + _CLOCK,
        re.I,
    ),
    # 24 April 2025 / 24th Apr, 2025
    re.compile(
        r"(?<![\d])(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+"
        r"(?P<year>(?:19|20)\d{2})(?!\d)" + _CLOCK,
        re.I,
    ),
    # 24.04.2025, 01/04/2026: day or month first (see the module's docstring)
    re.compile(
        r"(?<![\d.])(?P<first>\d{1,2})\s*[./-]\s*(?P<second_part>\d{1,2})\s*[./-]\s*"
        r"(?P<year>(?:19|20)\d{2})(?![\d])" + _CLOCK,
        re.I,
    ),
)


def reads_day_first(host: str) -> bool:
    """Whether a publisher on this host prints numeric dates day first."""
    host = host.lower().rstrip(".")
    return any(host == name or host.endswith("." + name) for name in DAY_FIRST_HOSTS)


def _month_day(found: re.Match[str], day_first: bool | None) -> tuple[int, int] | None:
    """(month, day) of a match; None for a numeric date whose order cannot be known."""
    groups = found.groupdict()
    if groups.get("month_name"):
        return _MONTHS[groups["month_name"].lower().rstrip(".")], int(groups["day"])
    if groups.get("month"):
        return int(groups["month"]), int(groups["day"])
    first, second = int(groups["first"]), int(groups["second_part"])
    if day_first is None:
        if first > 12 >= second:
            day_first = True
        elif second > 12 >= first:
            day_first = False
        else:
            return None  # "01.04.2026": 1 April or 4 January; not guessed
    return (second, first) if day_first else (first, second)


@dataclass(frozen=True, slots=True)
class Shown:
    """A printed date: the moment, and whether the page printed a time and a zone with it (a
    date alone is midnight in the caller's zone, and says nothing about the hour)."""

    moment: datetime
    has_time: bool
    has_zone: bool


def _clock(found: re.Match[str], chinese: bool) -> str:
    """ "THH:MM:SS" and the zone printed with a clock, as parse_datetime reads them."""
    hour = int(found["hour"])
    ampm = (found["ampm"] or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    text = f"T{hour:02d}:{found['minute']}:{found['second'] or '00'}"
    if found["zone"]:
        zone = found["zone"].upper()
        if zone == "CST" and not chinese:
            zone = "-06:00"  # US Central on a page that is not Chinese
        text += " " + _ZONE_OFFSETS.get(zone, zone)
    return text


def _iso(
    found: re.Match[str], day_first: bool | None, chinese: bool, before: str = ""
) -> tuple[str, bool, bool] | None:
    """The match as an ISO-like string parse_datetime reads without guessing, and whether a
    time and a zone were printed with it (after the date, or just before it in `before`)."""
    order = _month_day(found, day_first)
    if order is None:
        return None
    month, day = order
    text = f"{int(found['year']):04d}-{month:02d}-{day:02d}"
    if found["hour"] is not None:
        return text + _clock(found, chinese), True, bool(found["zone"])
    leading = _LEADING_CLOCK.search(before[-40:])
    if leading is not None:
        return text + _clock(leading, chinese), True, bool(leading["zone"])
    return text, False, False


def read_shown(
    text: str | None,
    default_tz: tzinfo,
    *,
    day_first: bool | None = None,
    chinese: bool = True,
) -> Shown | None:
    """The first date printed in `text`, with what the page printed beside it (see `Shown`).

    `day_first`: True or False for a publisher known to print numeric dates that way, None to
    read "DD.MM.YYYY" only where the numbers allow one reading. `chinese`: whether "CST" means
    China Standard Time (Chinese and Hong Kong pages) rather than US Central.
    """
    if not text:
        return None
    text = text[:2000]
    best: tuple[int, str, bool, bool] | None = None
    for form in _FORMS:
        for found in form.finditer(text):
            if best is not None and found.start() >= best[0]:
                break
            if found.groupdict().get("chinese"):
                candidate = text[found.start() : found.start() + 40]
                clock = re.match(r"[^日]*日\s*(?:[上下]午)?\s*\d{1,2}\s*[:：时時点點]", candidate)
                best = (found.start(), candidate, clock is not None, False)
                break
            read = _iso(found, day_first, chinese, text[: found.start()])
            if read is not None:
                best = (found.start(), *read)
                break
    if best is None:
        return None
    moment = parse_datetime(best[1], default_tz)
    return Shown(moment, best[2], best[3]) if moment is not None else None


def shown_date(
    text: str | None, default_tz: tzinfo, *, day_first: bool | None = None
) -> datetime | None:
    """The first date printed in `text` (with its time and zone when printed beside it), in
    `default_tz` when no zone is; None when there is none or it fails the date checks."""
    found = read_shown(text, default_tz, day_first=day_first)
    return found.moment if found is not None else None
