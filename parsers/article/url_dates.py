"""The publication day that mainland sites write into their article URLs (no publisher here).

Xinhua (`/2019-04/15/c_….htm`, `/20230626/<hex>/c.html`), eZhejiang (`/2023-06/27/c_….htm`) and
the Hanweb government sites (`/art/2025/4/24/art_….html`) all do. When a page's date markup is
missing or unreadable, this day (midnight, China time) is still right to the day.
"""

from __future__ import annotations

import re
from datetime import datetime

from parsers.dates import CHINA_TZ

_PATTERNS = (
    re.compile(r"/(\d{4})-(\d{2})/(\d{2})/"),
    re.compile(r"/(\d{4})(\d{2})(\d{2})/[0-9a-f]{32}/"),
    re.compile(r"/art/(\d{4})/(\d{1,2})/(\d{1,2})/"),
)


def day_in_url(url: str) -> datetime | None:
    """Midnight UTC+8 of the day in the URL's path, or None if it names no valid day."""
    for pattern in _PATTERNS:
        found = pattern.search(url)
        if found is None:
            continue
        year, month, day = (int(part) for part in found.groups())
        if not 1990 <= year <= 2100:
            return None
        try:
            return datetime(year, month, day, tzinfo=CHINA_TZ)
        except ValueError:
            return None
    return None
