"""Which zone a feed's zone-less times are in.

A time without a zone is local to the publisher: UTC+8 for Chinese and Hong Kong feeds (guessing
UTC would shift their items by eight hours). A source may say so explicitly with `default_tz`.
"""

from __future__ import annotations

import re
from datetime import UTC, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from parsers.dates import CHINA_TZ
from parsers.errors import ParseError

_OFFSET = re.compile(r"^(?:UTC|GMT)?\s*([+-])(\d{1,2}):?(\d{2})?$", re.I)


def zone(name: str | None, language: str | None = None) -> tzinfo:
    """An IANA name ("Asia/Hong_Kong") or offset ("+08:00", "UTC+8"); without one, Chinese-
    language feeds are UTC+8 and everything else UTC."""
    if name:
        text = name.strip()
        if text.upper() in {"UTC", "GMT", "Z"}:
            return UTC
        offset = _OFFSET.match(text)
        if offset:
            sign = -1 if offset.group(1) == "-" else 1
            hours, minutes = int(offset.group(2)), int(offset.group(3) or 0)
            if minutes >= 60 or hours * 60 + minutes > 14 * 60:  # no zone on Earth: refused
                raise ParseError(f"impossible time zone option default_tz={name!r}")
            return timezone(sign * timedelta(hours=hours, minutes=minutes))
        try:
            return ZoneInfo(text)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ParseError(f"unknown time zone option default_tz={name!r}") from error
    if language and language.lower().startswith("zh"):
        return CHINA_TZ
    return UTC
