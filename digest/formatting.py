"""Words and numbers as a reader sees them, shared by the Markdown, HTML, JSON and Atom output.

Everything here is a pure function of its arguments: no locale (strftime's month and day names
follow the machine's locale, so we spell them ourselves), no clock, no dict or set order. That is
what keeps a rendered digest byte-for-byte the same on every machine.

Outside text (titles, names, sentences, URLs) is untrusted: `clean` removes what would break a
file or an XML parser (control characters, lone surrogates) and folds line breaks, `safe_url`
lets only `http:`/`https:` addresses become links, and `md_escape` neutralises Markdown and HTML
syntax. The HTML templates rely on jinja2's autoescape for the rest.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, timedelta
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from records.digest import Change, MeasurePoint

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

LANGUAGES = {
    "en": "English",
    "zh-Hans": "Simplified Chinese",
    "zh-Hant": "Traditional Chinese",
}
EVENT_TYPES = {
    "agreement_signing": "Agreement signing",
    "conference": "Conference",
    "forum": "Forum",
    "expo": "Expo",
    "promotion": "Promotion",
    "launch": "Launch",
    "visit": "Visit",
    "investment_project": "Investment project",
    "policy": "Policy",
}
ENTITY_TYPES = {"person": "Person", "organization": "Organisation", "place": "Place"}
CURRENCIES = {"USD": "US$", "HKD": "HK$", "CNY": "RMB ", "EUR": "€", "GBP": "£"}

# C0 and C1 controls (tab and newline are folded to spaces instead), and lone surrogates, which
# cannot be encoded as UTF-8 and are not allowed in XML 1.0.
_UNSAFE_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")


def clean(text: str | None) -> str:
    """Outside text on one line: controls dropped, runs of whitespace (line breaks too) folded
    to one space, so a title can never start a Markdown heading or break a table row."""
    if not text:
        return ""
    return _SPACES.sub(" ", _UNSAFE_CHARS.sub("", text)).strip()


def json_text(text: str) -> str:
    """For the JSON: the text as stored (line breaks kept), minus what UTF-8 cannot encode."""
    return re.sub(r"[\ud800-\udfff]", "\ufffd", text)


# -- links -----------------------------------------------------------------------------------

# Characters left as they are in a link's path, query and fragment; everything else (spaces,
# quotes, angle brackets, parentheses, pipes, backslashes, non-ASCII) is percent-encoded, so the
# target cannot end a Markdown link or an HTML attribute early. `%` stays so existing escapes
# are not doubled.
_URL_SAFE = "/:?#@!$&*+,;=%-._~[]"
_BAD_IN_HOST = set(" <>\"'`\\{}|^()")


def safe_url(url: str | None) -> str | None:
    """The address as a link target, or None when it must not become a link.

    Only absolute `http:` and `https:` addresses with a host pass. Browsers ignore tabs and line
    breaks inside a scheme ("java\\nscript:"), so a control character anywhere refuses the
    address rather than being stripped into something else; spaces are percent-encoded."""
    if not url:
        return None
    url = url.strip()
    if not url or any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not host or _BAD_IN_HOST & set(parts.netloc):
        return None
    target = f"{scheme}://{parts.netloc}{quote(parts.path, safe=_URL_SAFE)}"
    if parts.query:
        target += "?" + quote(parts.query, safe=_URL_SAFE)
    if parts.fragment:
        target += "#" + quote(parts.fragment, safe=_URL_SAFE)
    return target


def safe_relative_href(href: str | None) -> str | None:
    """A navigation target the caller gives (a sibling digest, the index): a relative path, or
    an http(s) address. Anything with another scheme (`javascript:`, `data:`) is refused."""
    if not href:
        return None
    href = href.strip()
    if not href or any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in href):
        return None
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    if parts.scheme or parts.netloc:
        return safe_url(href)
    if ":" in href.split("/", 1)[0]:  # "javascript:..." without a parsed scheme, to be sure
        return None
    return quote(href, safe=_URL_SAFE)


# -- Markdown --------------------------------------------------------------------------------

# Inline Markdown (CommonMark, GitHub's tables and strikethrough) and HTML syntax. `clean` folds
# line breaks, so a value cannot open a line of its own; `#` is escaped anywhere because a
# heading drops trailing #s.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&!{}])")


# What would start a list item, a numbered item or a rule where a value opens a line (a quoted
# lead does: "> - ..."). "+10" or "-3" stay as they are: a marker needs a space after it.
_MD_LINE_START = re.compile(r"^(\d{1,9})([.)])(?=\s|$)|^([-+=])(?=[\s=-]|$)")


def md_escape(text: str | None) -> str:
    """Outside text made inert for Markdown: every syntax character backslash-escaped, and a
    list or rule marker at its start too."""
    escaped = _MD_SPECIAL.sub(r"\\\1", clean(text))
    return _MD_LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped)


# -- numbers ---------------------------------------------------------------------------------


def number(value: float) -> str:
    """6400 -> "6,400"; 1.25 -> "1.25"; at most two decimals, none when whole."""
    if not math.isfinite(value):
        return "?"
    if float(value).is_integer():
        return f"{int(value):,}"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def big_number(value: float) -> str:
    """Amounts read better in words: 140_000_000_000 -> "140 billion"."""
    if not math.isfinite(value):
        return "?"
    size = abs(value)
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if size >= scale:
            return f"{number(round(value / scale, 2))} {word}"
    return number(value)


def signed(value: int) -> str:
    """+3, −2 (with a real minus sign), ±0."""
    if value > 0:
        return f"+{value:,}"
    if value < 0:
        return f"−{-value:,}"
    return "±0"


def percent(value: float | None) -> str:
    """+50%, −12.5%: whole percents from 10 up, one decimal below."""
    if value is None or not math.isfinite(value):
        return ""
    digits = 0 if abs(value) >= 10 or float(value).is_integer() else 1
    text = f"{abs(value):,.{digits}f}%"
    if text in ("0%", "0.0%"):
        return "±0%"
    return ("+" if value > 0 else "−") + text


def change_text(change: Change) -> str:
    """The week-over-week change in words: "+4 (+50%)", "new", or "no change"."""
    if change.previous == 0:
        return "new" if change.current > 0 else "no change"
    if change.delta == 0:
        return "no change"
    return f"{signed(change.delta)} ({percent(change.percent)})"


def coverage_text(change: Change, period: str = "week") -> str:
    """How an event's coverage grew: "new this week", "up from 5 last week (+3, +60%)"."""
    if change.previous == 0:
        return f"new this {period}" if change.current else f"none this {period} or last"
    if change.delta == 0:
        return f"as much as last {period}"
    way = "up" if change.delta > 0 else "down"
    return (
        f"{way} from {change.previous:,} last {period} "
        f"({signed(change.delta)}, {percent(change.percent)})"
    )


def change_trend(change: Change) -> str:
    """up, down, same or new: a CSS class and a word for screen readers."""
    if change.previous == 0:
        return "new" if change.current > 0 else "same"
    return "up" if change.delta > 0 else "down" if change.delta < 0 else "same"


def measure_value(point: MeasurePoint, kind: str) -> str:
    """One reported value as the article gave it: "about 6,400 projects", "more than US$140
    billion"."""
    return _with_unit(point.value, point.unit, point.currency, kind, point.qualifier)


def measure_delta(value: float | None, unit: str | None, currency: str | None, kind: str) -> str:
    """A timeline's change: "+400 projects", "−US$1.5 billion"."""
    if value is None or not math.isfinite(value):
        return ""
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return sign + _with_unit(abs(value), unit, currency, kind, None)


def _with_unit(
    value: float, unit: str | None, currency: str | None, kind: str, qualifier: str | None
) -> str:
    if currency or kind == "amount":
        symbol = CURRENCIES.get(currency or "", f"{currency} " if currency else "")
        text = f"{symbol}{big_number(value)}"
    else:
        text = number(value) + (f" {clean(unit)}" if unit else "")
    return f"{clean(qualifier)} {text}" if qualifier else text


# -- dates -----------------------------------------------------------------------------------


def day(value: date | None) -> str:
    """2019-06-17: ISO dates sort and read the same in every language of the digest."""
    return value.isoformat() if value else "undated"


def long_day(value: date) -> str:
    """Mon 17 Jun 2019."""
    return f"{WEEKDAYS[value.weekday()]} {value.day} {MONTHS[value.month - 1]} {value.year}"


def short_day(value: date) -> str:
    """Mon 17: the daily chart's labels."""
    return f"{WEEKDAYS[value.weekday()]} {value.day}"


def span(start: date, end: date) -> str:
    """17–23 Jun 2019, 28 Jun – 4 Jul 2019, 30 Dec 2019 – 5 Jan 2020."""
    if start == end:
        return f"{start.day} {MONTHS[start.month - 1]} {start.year}"
    if start.year != end.year:
        return (
            f"{start.day} {MONTHS[start.month - 1]} {start.year} – "
            f"{end.day} {MONTHS[end.month - 1]} {end.year}"
        )
    if start.month != end.month:
        return (
            f"{start.day} {MONTHS[start.month - 1]} – {end.day} {MONTHS[end.month - 1]} {end.year}"
        )
    return f"{start.day}–{end.day} {MONTHS[end.month - 1]} {end.year}"


def zone(name: str | None) -> ZoneInfo | None:
    """The digest's time zone, or None when the name is unknown (then times keep their own)."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def local_time(moment: datetime | None, timezone: str | None) -> str:
    """2019-06-24 09:00 HKT (UTC+08:00): a moment as the reader in the digest's zone reads it."""
    if moment is None:
        return ""
    tz = zone(timezone)
    if moment.tzinfo is not None and tz is not None:
        moment = moment.astimezone(tz)
    text = f"{moment:%Y-%m-%d %H:%M}"
    offset = moment.utcoffset()
    if offset is None:
        return text
    name = moment.tzname() or ""
    utc = _offset(offset)
    if name in ("UTC", utc) or not name:
        return f"{text} {utc}"
    return f"{text} {name} ({utc})"


def _offset(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def rfc3339(moment: datetime) -> str:
    """A moment for Atom: with its offset, naive ones taken as UTC (Atom requires an offset)."""
    if moment.tzinfo is None:
        return moment.isoformat(timespec="seconds") + "Z"
    return moment.isoformat(timespec="seconds")


# -- names -----------------------------------------------------------------------------------


def language(code: str | None) -> str:
    return LANGUAGES.get(code or "", clean(code) or "unknown language")


def html_lang(code: str | None) -> str | None:
    """A `lang` attribute value, so a browser picks Simplified or Traditional glyphs."""
    return code if code in LANGUAGES else None


def event_type(code: str | None) -> str:
    if not code:
        return "Happening"
    return EVENT_TYPES.get(code, clean(code).replace("_", " ").capitalize())


def entity_type(code: str) -> str:
    return ENTITY_TYPES.get(code, clean(code).capitalize() or "Entity")


def has_cjk(text: str | None) -> bool:
    """Whether a string holds Chinese characters (the CJK title gets `lang="zh"`)."""
    return any(unicodedata.east_asian_width(ch) == "W" for ch in text or "")


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"
