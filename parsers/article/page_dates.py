"""The publication time of a page we have no parser for, found after its own metadata.

Metadata (`article:published_time`, JSON-LD `datePublished`, ...) comes first, as everywhere. What
this module adds is what the best tools read when that is missing or incomplete:

- the date the page prints for people: a `<time>` element's text, an element marked
  `datePublished`, a byline or dateline element (class or id naming a date, time, byline,
  "posted", ...), outside comment threads, related-story lists and sidebars;
- the text just after the headline;
- the date in the URL (`/2019/11/18/`, `/2019-11/18/`, `/20191118/`);
- `htmldate` (the library trafilatura uses) as the last resort, which returns a day only.

A record keeps the page's own offset ("2019-06-18T08:00:00+08:00"), never converted to UTC: the
day a story belongs to is its publisher's local day. Many sites convert their metadata to UTC
("2019-11-20T04:31:13Z" for a story printed "Nov 19, 2019, 10:31 pm CST"), which files an evening
story under the next day; the printed time says what the local offset was, so the metadata's
instant is kept and expressed in that offset. Where the page prints only a day (or the URL
carries one) that is one day before the UTC day, the instant is expressed in the smallest whole-
hour offset that puts it on the printed day. A date-only find (the URL, htmldate) is midnight in
the page's zone (China and Hong Kong sites: UTC+8).
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement

from parsers.article.base import PUBLISHED_META, Page
from parsers.article.headlines import in_masthead, is_masthead
from parsers.article.shown_dates import Shown, read_shown
from parsers.dates import CHINA_TZ, parse_datetime, why_dropped

# Elements whose class, id or itemprop name a printed date.
_DATE_HINT = re.compile(
    r"date|time|publish|posted|byline|dateline|timestamp|article-info|story-info|post-meta"
    r"|entry-meta|meta-info|author|pubdate",
    re.I,
)
# Blocks around an article that print other stories' or readers' dates: a class or id word (or
# a hyphen/underscore-separated part of one) from this list.
_ELSEWHERE_WORDS = frozenset(
    {
        "comment",
        "comments",
        "related",
        "sidebar",
        "footer",
        "widget",
        "popular",
        "recommend",
        "recommended",
        "trending",
        "promo",
        "newsletter",
        "nav",
        "navigation",
        "menu",
        "ticker",
        "breaking",
        "river",
        "teaser",
        "card",
        "cards",
        "rail",
        "mostread",
        "more",
    }
)
_UPDATED = re.compile(r"\b(updated?|modified|last\s+edit)|更新", re.I)
_PUBLISHED = re.compile(r"\b(published|posted|first\s+published|original)|发布|發布|發佈", re.I)
# Dates in article URLs: /2019-06/14/, /201906/18/, /2019/06/14/, /20190614/, /2019/nov/18/.
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[-/]?(\d{2})[-/]?(\d{2})(?=[/_.-])")
_URL_MONTH_NAME = re.compile(
    r"/((?:19|20)\d{2})/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/(\d{1,2})/", re.I
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
DATELINE_CHARS = 300  # how far past the headline a printed date may sit
MAX_CANDIDATES = 12  # printed-date elements looked at, in page order
MAX_CHILDREN = 12  # an element with more is a layout block, not a byline
SAME_MOMENT = timedelta(minutes=2)  # a printed time and a metadata time this close are one
LATEST_FOR_HTMLDATE = datetime(2100, 12, 31)  # htmldate's own default would read the clock
QUARTER_HOUR = 15 * 60


@dataclass(frozen=True, slots=True)
class PageDates:
    """What a page says about when it was published, source by source."""

    printed: Shown | None  # a byline, <time> or dateline element
    after_headline: Shown | None
    in_url: date | None


def _site_header(node: HtmlElement) -> bool:
    """The site's own header (logo, navigation; it prints today's date), not an article's (which
    holds the headline)."""
    if node.tag != "header" or node.find(".//h1") is not None:
        return False
    return node.find(".//nav") is not None or any(is_masthead(n) for n in node.iter("div", "a"))


def _marked_elsewhere(node: HtmlElement) -> bool:
    """A class or id naming a block that is not the article ("related-stories", "sidebar")."""
    marks = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
    return any(
        part in _ELSEWHERE_WORDS for token in marks.split() for part in re.split(r"[-_]+", token)
    )


def _elsewhere(element: HtmlElement) -> bool:
    """Inside a comment thread, a related-stories list, a sidebar, a footer, a navigation, a
    masthead or the site's header, rather than the article."""
    for node in (element, *element.iterancestors()):
        if node.tag in ("body", "html"):
            break
        if node.tag in ("footer", "nav", "aside") or _site_header(node) or is_masthead(node):
            return True
        if _marked_elsewhere(node):
            return True
    return False


_YEARLESS = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?!\d|,?\s*\d{4})",
    re.I,
)


def _texts(element: HtmlElement) -> list[str]:
    """What a person reads in a printed-date element, best first: a `<time>`'s text (with the
    year of its `datetime` added when the text leaves it out, "Posted Nov 18, 8:19 PM"), then
    its `datetime`; an element's `content` where it is marked `datePublished`."""
    text = " ".join(element.text_content().split())
    machine = element.get("datetime") or ""
    if element.get("itemprop") == "datePublished" and element.get("content"):
        return [element.get("content") or "", text]
    if element.tag != "time":
        return [text]
    year = re.match(r"\s*((?:19|20)\d{2})", machine)
    if year and text and not re.search(r"(?:19|20)\d{2}", text):
        text = _YEARLESS.sub(lambda m: f"{m.group(0)}, {year.group(1)}", text, count=1)
    return [t for t in (text, machine) if t]


# The elements that can be candidates, found by libxml2: walking every element in Python made a
# proxy object for each (1.2 ms of a generic page's parse, issue 13).
_MARKED = etree.XPath("descendant-or-self::*[self::time or @class or @id or @itemprop]")


def _candidates(tree: HtmlElement) -> list[list[str]]:
    """Printed-date elements in page order, each with the texts to read there (see _texts)."""
    found: list[list[str]] = []
    for element in _MARKED(tree):
        tag = element.tag
        if tag in ("script", "style", "meta"):
            continue
        if tag != "time":
            marks = element.get("class") or ""
            for name in ("id", "itemprop"):
                value = element.get(name)
                if value:
                    marks = f"{marks} {value}"
            if not marks or not _DATE_HINT.search(marks):
                continue
        if len(element) > MAX_CHILDREN:
            continue
        texts = [t for t in _texts(element) if t and len(t) <= 200 and re.search(r"\d", t)]
        if not texts or _elsewhere(element):
            continue
        found.append(texts)
        if len(found) >= MAX_CANDIDATES:
            break
    return found


def printed_date(page: Page, default_tz: tzinfo, chinese: bool) -> Shown | None:
    """The publication date the page prints for people: one labelled "Published"/"Posted",
    else the first with a time (a byline; a masthead prints a day), else the first; an
    "Updated" one only when there is nothing else."""
    if page.tree is None:
        return None
    read: list[tuple[Shown, str]] = []
    for texts in _candidates(page.tree):
        for text in texts:
            shown = read_shown(text, default_tz, chinese=chinese)
            if shown is not None:
                read.append((shown, text))
                break
    fresh = [(shown, text) for shown, text in read if not _UPDATED.search(text)]
    for shown, text in read:
        if _PUBLISHED.search(text) and not _UPDATED.match(text.strip()):
            return shown
    for shown, _ in fresh:
        if shown.has_time:
            return shown
    if fresh:
        return fresh[0][0]
    return read[0][0] if read else None


def after_headline(page: Page, default_tz: tzinfo, chinese: bool) -> Shown | None:
    """A date printed just after the headline `<h1>` (a byline or dateline under it), not after
    an `<h1>` that holds the site's logo."""
    if page.tree is None:
        return None
    heading = next((h for h in page.tree.iter("h1") if not in_masthead(h)), None)
    if heading is None:
        return None
    following = heading.xpath("following::text()[position() <= 40]")
    text = " ".join(str(t) for t in following if isinstance(t, str))
    return read_shown(text[:DATELINE_CHARS], default_tz, chinese=chinese)


def url_day(url: str) -> date | None:
    """The day an article URL names (`/2019/11/18/`, `/2019-11/18/`, `/2019/nov/18/`)."""
    found = _URL_DATE.search(url)
    try:
        if found:
            return date(int(found[1]), int(found[2]), int(found[3]))
        named = _URL_MONTH_NAME.search(url)
        if named:
            month = _MONTHS.index(named[2].lower()[:3]) + 1
            return date(int(named[1]), month, int(named[3]))
    except ValueError:
        return None
    return None


def read_page_dates(page: Page, default_tz: tzinfo, chinese: bool) -> PageDates:
    return PageDates(
        printed_date(page, default_tz, chinese),
        after_headline(page, default_tz, chinese),
        url_day(page.url),
    )


# A date written as a machine writes it (ISO 8601, with a time and a zone or not).
_ISO_LIKE = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?"
)


def shows_doubtful_date(page: Page, default_tz: tzinfo) -> bool:
    """Whether the page gives its own date (metadata, JSON-LD or printed) in a form the checks
    of `parsers.dates` dropped (an impossible offset, 30 February, year 0 or 9999). Such a page
    has no trustworthy date, and none is guessed for it: htmldate would read the bare day out of
    the very string that was refused."""
    meta = page.meta
    given = [meta.first(*PUBLISHED_META), meta.linked.date_published if meta.linked else None]
    if any(why_dropped(text, default_tz) for text in given):
        return True
    if page.tree is None:
        return False
    for text in page.tree.xpath("//body//text()[not(ancestor::script or ancestor::style)]"):
        for found in _ISO_LIKE.finditer(str(text)[:400]):
            if why_dropped(found.group(), default_tz):
                return True
    return False


def htmldate_day(page: Page) -> date | None:
    """htmldate's reading (original date, extensive search), given no clock of ours."""
    if page.tree is None:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = find_date(
                page.html,
                extensive_search=True,
                original_date=True,
                url=page.url,
                max_date=LATEST_FOR_HTMLDATE,
            )
    except (ValueError, TypeError):  # htmldate's own parsing of odd pages
        return None
    return date.fromisoformat(found) if found else None


def _midnight(day: date, tz: tzinfo) -> datetime | None:
    return parse_datetime(day.isoformat(), tz)


def _offset_from_clock(metadata: datetime, shown: Shown) -> timezone | None:
    """The offset a printed local time (no zone printed) has from the metadata's UTC instant,
    when the two are the same moment (within SAME_MOMENT, on a quarter-hour offset)."""
    local = shown.moment.replace(tzinfo=None)
    utc = metadata.astimezone(UTC).replace(tzinfo=None)
    seconds = (local - utc).total_seconds()
    rounded = round(seconds / QUARTER_HOUR) * QUARTER_HOUR
    if abs(seconds - rounded) > SAME_MOMENT.total_seconds() or abs(rounded) > 14 * 3600:
        return None
    return timezone(timedelta(seconds=rounded))


def _offset_for_day(metadata: datetime, day: date) -> timezone | None:
    """The smallest whole-hour offset west of UTC that puts a UTC instant on `day`, the day
    before its UTC day (an American evening story). Never east: a day after the metadata's is
    as often a masthead's "today" as a story's own date."""
    utc = metadata.astimezone(UTC)
    if day != utc.date() - timedelta(days=1):
        return None
    hours = -(utc.hour + 1)  # back past midnight UTC
    return timezone(timedelta(hours=hours)) if abs(hours) <= 12 else None


def local_time(metadata: datetime, found: PageDates, zone: tzinfo | None) -> datetime:
    """The metadata's instant in the publisher's own offset, where the page says what it is.

    Only a UTC value is re-expressed: an offset the page wrote is the page's own and stays.
    """
    if metadata.utcoffset() != timedelta(0):
        return metadata
    for shown in (found.printed, found.after_headline):
        if shown is None:
            continue
        if shown.has_zone and shown.has_time:
            if abs(shown.moment - metadata) <= timedelta(days=1):
                return metadata.astimezone(shown.moment.tzinfo)
        elif shown.has_time:
            offset = _offset_from_clock(metadata, shown)
            if offset is not None:
                return metadata.astimezone(offset)
    if zone is not None:  # a page whose zone is known (China and Hong Kong sites)
        return metadata.astimezone(zone)
    days = [s.moment.date() for s in (found.printed, found.after_headline) if s is not None]
    for day in (*days, *([found.in_url] if found.in_url else [])):
        if day == metadata.date():
            return metadata
        offset = _offset_for_day(metadata, day)
        if offset is not None:
            return metadata.astimezone(offset)
    return metadata


def find_published(
    page: Page, metadata: datetime | None, default_tz: tzinfo, chinese: bool
) -> datetime | None:
    """The publication time: the page's metadata in the publisher's offset; else the printed
    date, the date after the headline, the URL's day, htmldate's day (in that order)."""
    found = read_page_dates(page, default_tz, chinese)
    if metadata is not None:
        return local_time(metadata, found, CHINA_TZ if chinese else None)
    for shown in (found.printed, found.after_headline):
        if shown is not None:
            return shown.moment
    if found.in_url is not None:
        return _midnight(found.in_url, default_tz)
    if shows_doubtful_date(page, default_tz):
        return None  # the page's own date was dropped: not guessed from elsewhere (htmldate)
    day = htmldate_day(page)
    if day is None:
        return None
    return printed_on(page, day, default_tz, chinese) or _midnight(day, default_tz)


def printed_on(page: Page, day: date, default_tz: tzinfo, chinese: bool) -> datetime | None:
    """The first time the page prints beside `day` (htmldate gives the day alone), if any."""
    if page.tree is None:
        return None
    for text in page.tree.xpath("//body//text()[not(ancestor::script or ancestor::style)]"):
        line = " ".join(str(text).split())
        if not line or len(line) > 200 or str(day.year) not in line:
            continue
        shown = read_shown(line, default_tz, chinese=chinese)
        if shown is not None and shown.has_time and shown.moment.date() == day:
            return shown.moment
    return None
