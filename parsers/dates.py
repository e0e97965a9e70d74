"""Reading publication times from the many ways news pages print them.

Times without a zone are read in the zone the caller names: mainland and Hong Kong sites print
local time (UTC+8), so parsers for them pass `CHINA_TZ`. The result is always tz-aware.
"""

from __future__ import annotations

import re
import warnings
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime

from dateutil import parser as dateutil_parser

CHINA_TZ = timezone(timedelta(hours=8), "UTC+08:00")
PLAUSIBLE_YEARS = (1990, 2100)  # the range of news this tool tracks; outside it is a site's error

# Zone names that appear on our sources; CST on a Chinese page means China Standard Time.
_ZONES: dict[str, int] = {"HKT": 8 * 3600, "CST": 8 * 3600, "BJT": 8 * 3600, "SGT": 8 * 3600}

_CHINESE = re.compile(
    r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
    r"(?:\s*(?:[上下]午)?\s*(\d{1,2})\s*[:：时時点點]\s*(\d{1,2})?(?:\s*[:：分]\s*(\d{1,2}))?)?"
)
_NUMERIC = re.compile(
    r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"
    r"(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT|HKT|CST|BJT)?"
)
_YEAR = re.compile(r"(?<![\d+\-:])\d{4}(?![\d:])")  # not a zone offset (+0800) or a time
_TRAILING_ZONE = re.compile(r"\b(HKT|CST|BJT|SGT)\s*$", re.I)
_LABEL = re.compile(
    r"^\s*(updated|update|published|posted|last updated|date|time|发布时间|發布時間|发布日期|"
    r"發佈時間|更新时间|更新時間|时间|時間|日期)\s*(on|at)?\s*[:：]?\s*",
    re.I,
)


def _zone(name: str | None, default_tz: tzinfo) -> tzinfo:
    if not name:
        return default_tz
    name = name.upper()
    if name in ("Z", "UTC", "GMT"):
        return UTC
    if name in _ZONES:
        return timezone(timedelta(seconds=_ZONES[name]))
    sign = -1 if name[0] == "-" else 1
    digits = name[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4])))


def _offset(seconds: int) -> str:
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    return f"{sign}{hours:02d}{rest // 60:02d}"


def _build(parts: tuple[str | None, ...], tz: tzinfo, pm: bool = False) -> datetime | None:
    year, month, day, hour, minute, second = (int(p) if p else 0 for p in parts)
    if pm and hour < 12:
        hour += 12
    if not PLAUSIBLE_YEARS[0] <= year <= PLAUSIBLE_YEARS[1]:
        return None
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError:
        return None


def _aware(value: datetime, default_tz: tzinfo) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=default_tz)


def parse_datetime(text: str | None, default_tz: tzinfo = CHINA_TZ) -> datetime | None:
    """A tz-aware datetime from a date string found on a page, or None when none can be read.

    Accepts ISO 8601, RFC 2822, "2019-06-18 07:52", "Updated: 2019-06-18 07:52",
    "2019年6月18日 07:52" and English forms such as "June 18, 2019 7:52 am"; text around the
    date (labels, sources) is ignored.
    """
    value = _read(text, default_tz)
    # Placeholders such as "0001-01-01T00:00:00Z" in JSON-LD are no date; neither is year 9999.
    if value is None or not PLAUSIBLE_YEARS[0] <= value.year <= PLAUSIBLE_YEARS[1]:
        return None
    return value


def _read(text: str | None, default_tz: tzinfo) -> datetime | None:
    """Every reading of a date string, before the plausibility check."""
    if not text:
        return None
    text = _LABEL.sub("", text.strip()[:200])
    if not text:
        return None
    try:
        return _aware(datetime.fromisoformat(text), default_tz)
    except ValueError:
        pass
    found = _NUMERIC.search(text)
    if found:
        return _build(found.groups()[:6], _zone(found.group(7), default_tz))
    found = _CHINESE.search(text)
    if found:
        return _build(found.groups(), default_tz, pm="下午" in found.group(0))
    try:
        # email.utils knows "CST" only as US Central; our sources mean China Standard Time.
        rfc = _TRAILING_ZONE.sub(lambda m: _offset(_ZONES[m.group(1).upper()]), text)
        value = parsedate_to_datetime(rfc)
        written = _YEAR.search(text)
        if written and int(written.group()) != value.year:  # email.utils reads "0001" as 2001
            return None
        return _aware(value, default_tz)
    except (TypeError, ValueError, IndexError):
        pass
    try:
        with warnings.catch_warnings():  # unknown zone names ("IST") are read as naive
            warnings.simplefilter("ignore", dateutil_parser.UnknownTimezoneWarning)
            value = dateutil_parser.parse(text, fuzzy=True, tzinfos=_ZONES)
    except (ValueError, OverflowError, TypeError):
        return None
    if not re.search(r"\d{4}", text):
        return None
    return _aware(value, default_tz)
