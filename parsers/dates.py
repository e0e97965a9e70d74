"""Reading publication times from the many ways news pages print them, and the one check every
date from every parser passes before the rest of the tool may trust it.

Times without a zone are read in the zone the caller names: mainland and Hong Kong sites print
local time (UTC+8), so parsers for them pass `CHINA_TZ`. The result is always tz-aware.

`doubt` is the check: a tz-aware moment whose offset is one the Earth has (within ±14 h), in a
real calendar, not before 1990 (news this tool tracks) and not after the latest moment the caller
allows (a year past its clock; without a clock, 2100). A value that fails it is dropped, never
repaired: "+9999" could mean anything, and a wrong date files a story under the wrong week. One
such value once stopped every ingest (its offset raised inside the warehouse write), and a
`9999-12-31` stopped tracking on every run; everything downstream now only sees dates that
passed here.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime

from dateutil import parser as dateutil_parser

from records.articles import ArticleRecord, FeedItem

CHINA_TZ = timezone(timedelta(hours=8), "UTC+08:00")
PLAUSIBLE_YEARS = (1990, 2100)  # the range of news this tool tracks; outside it is a site's error
EARLIEST = datetime(PLAUSIBLE_YEARS[0], 1, 1, tzinfo=UTC)
LATEST_WITHOUT_CLOCK = datetime(PLAUSIBLE_YEARS[1], 12, 31, 23, 59, 59, tzinfo=UTC)
AHEAD = timedelta(days=366)  # how far past the caller's clock a date may lie (embargoes, previews)
MAX_OFFSET = timedelta(hours=14)  # UTC-12 .. UTC+14 are the zones in use on Earth

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


def latest_for(now: datetime | None) -> datetime:
    """The latest moment a date may name, for a caller whose clock says `now` (None: no clock)."""
    return LATEST_WITHOUT_CLOCK if now is None else min(now + AHEAD, LATEST_WITHOUT_CLOCK)


def doubt(value: datetime, latest: datetime | None = None) -> str | None:
    """Why this moment cannot be trusted, or None when it can (see the module's docstring)."""
    if value.tzinfo is None:
        return "no time zone"
    try:
        offset = value.utcoffset()
        instant = value.astimezone(UTC)
    except (ValueError, OverflowError) as exc:
        return f"impossible UTC offset ({exc})"
    if offset is None:
        return "no time zone"
    if abs(offset) > MAX_OFFSET:
        return f"UTC offset {_offset(int(offset.total_seconds()))} is beyond ±14 h"
    if instant < EARLIEST:
        return f"before {EARLIEST.year}"
    upper = LATEST_WITHOUT_CLOCK if latest is None else latest
    if instant > upper:
        return f"after {upper:%Y-%m-%d}"
    return None


def trusted(value: datetime | None, latest: datetime | None = None) -> datetime | None:
    """The value when `doubt` finds nothing wrong with it, else None."""
    return value if value is not None and doubt(value, latest) is None else None


def shown(value: datetime) -> str:
    """A moment as text even when its offset is impossible (formatting it with one raises)."""
    return f"{value:%Y-%m-%d %H:%M:%S}"


def _zone(name: str | None, default_tz: tzinfo) -> tzinfo | None:
    """The zone a date string names; None when it names an impossible one (`+9999`, `+99:99`)."""
    if not name:
        return default_tz
    name = name.upper()
    if name in ("Z", "UTC", "GMT"):
        return UTC
    if name in _ZONES:
        return timezone(timedelta(seconds=_ZONES[name]))
    sign = -1 if name[0] == "-" else 1
    digits = name[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    offset = timedelta(hours=hours, minutes=minutes)
    if minutes >= 60 or offset > MAX_OFFSET:
        return None
    return timezone(sign * offset)


def _offset(seconds: int) -> str:
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    return f"{sign}{hours:02d}{rest // 60:02d}"


def _build(parts: tuple[str | None, ...], tz: tzinfo | None, pm: bool = False) -> datetime | None:
    if tz is None:
        return None
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
    try:
        value = _read(text, default_tz)
    except (ValueError, OverflowError):  # a reading that builds an impossible moment
        return None
    # Placeholders such as "0001-01-01T00:00:00Z" in JSON-LD are no date; neither is year 9999,
    # nor a moment in a zone the Earth does not have.
    if value is None or not PLAUSIBLE_YEARS[0] <= value.year <= PLAUSIBLE_YEARS[1]:
        return None
    return trusted(value)


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


_OFFSET = re.compile(r"(?<=\d)\s*([+-])(\d{2}):?(\d{2})\s*$")


def why_dropped(text: str | None, default_tz: tzinfo = CHINA_TZ) -> str | None:
    """Why a date string a page does give yields no date: for the record's `problems`, so a
    dropped value is visible instead of silently missing. None for an absent or readable one."""
    if not text or not text.strip() or parse_datetime(text, default_tz) is not None:
        return None
    offset = _OFFSET.search(text.strip()[:200])
    if offset and (int(offset.group(2)) * 60 + int(offset.group(3)) > 14 * 60 or
                   int(offset.group(3)) >= 60):  # fmt: skip
        reason = "impossible UTC offset"
    else:
        try:
            value = _read(text, default_tz)
        except (ValueError, OverflowError):
            value = None
        reason = (doubt(value) if value is not None else None) or "not a date that can be read"
    return f"{clean_for_problem(text)!r} dropped: {reason}"


def clean_for_problem(text: str) -> str:
    return " ".join(text.split())[:80]


def checked_record(record: ArticleRecord, now: datetime | None = None) -> ArticleRecord:
    """The record with every date the rest may trust, the others dropped and noted in `problems`.

    The last thing `parse_article` does: whatever a publisher parser built (from a URL, a
    byline, JSON-LD), only dates that pass `doubt` leave the parsers.
    """
    latest = latest_for(now)
    changes: dict[str, object] = {}
    notes: list[str] = []
    for name in ("published_at", "updated_at"):
        value = getattr(record, name)
        reason = doubt(value, latest) if value is not None else None
        if reason is not None:
            changes[name] = None
            notes.append(f"{name} {shown(value)} dropped: {reason}")
    if not changes:
        return record
    return replace(record, **changes, problems=(*record.problems, *notes))  # type: ignore[arg-type]


def checked_item(item: FeedItem, now: datetime | None = None) -> FeedItem:
    """The feed item (and the items it carries) with untrusted dates dropped and noted."""
    latest = latest_for(now)
    changes: dict[str, object] = {}
    notes: list[str] = []
    for name in ("published_at", "updated_at", "crawled_at"):
        value = getattr(item, name)
        reason = doubt(value, latest) if value is not None else None
        if reason is not None:
            changes[name] = None
            notes.append(f"feed {name} {shown(value)} dropped: {reason}")
    if item.related:
        changes["related"] = tuple(checked_item(r, now) for r in item.related)
    if notes:
        changes["problems"] = (*item.problems, *notes)
    return replace(item, **changes) if changes else item  # type: ignore[arg-type]
