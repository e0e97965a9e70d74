"""A `Digest` in, the reader's documents out: Markdown, one self-contained HTML page, JSON, and
the index page and Atom feed over every digest.

Pure: no files, no database, no clock. The caller (the flow that builds the digest from the
warehouse) writes the strings where it likes, which keeps this module testable on records alone
and keeps the output a function of its input, byte for byte.

Safety follows one rule: anything that came from outside (titles, names, sentences, addresses)
is text, never markup. HTML goes through jinja2 with autoescape on; Markdown goes through a
jinja2 environment whose `finalize` escapes every interpolated value unless it is an `Md` string
built here; only `http:`/`https:` addresses become links (`formatting.safe_url`), everything
else shows as inert text.
"""

from __future__ import annotations

import json
import math
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import urljoin

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from digest import charts
from digest import formatting as fmt
from digest.entries import IndexEntry, instant, newest_first
from records.digest import (
    Change,
    Digest,
    EventEntry,
    Link,
    MeasurePoint,
    Timeline,
)

SCHEMA = "hzhk-tracker/digest/1"  # bump when a field of the JSON changes meaning or goes away
TAG = "tag:hzhk-tracker,2019:"  # Atom ids: the project's first article is from 2019
ATOM = "http://www.w3.org/2005/Atom"

# The sections in the order a reader meets them; both templates follow this list.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("key-numbers", "Key numbers"),
    ("top-events", "Top events"),
    ("agreements", "Agreements and MoUs"),
    ("figures", "Figure timelines"),
    ("entities", "People and organisations"),
    ("sources", "Sources"),
    ("coverage", "Coverage over time"),
    ("health", "Pipeline health"),
    ("appendix", "Appendix: every relevant article"),
)


@dataclass(frozen=True)
class Rendered:
    """One digest's three documents."""

    md: str
    html: str
    json: str


# -- view pieces: what the templates show that is not a field as it stands ------------------


@dataclass(frozen=True)
class NumberRow:
    """A line of the key-numbers table."""

    label: str
    change: Change
    note: str = ""
    sub: bool = False  # a breakdown of the line above (a language, official or media)


@dataclass(frozen=True)
class PointRow:
    """A value in a figure timeline's table."""

    point: MeasurePoint
    value: str
    this_period: bool


@dataclass(frozen=True)
class Flag:
    """A disagreement: two or more sources, one measure and as-of date, different values."""

    as_of: date | None
    values: tuple[tuple[MeasurePoint, str], ...]

    @property
    def sources(self) -> str:
        """The outlets that disagree ("China Daily and RTHK"), named in the flag itself."""
        names = sorted({fmt.clean(p.source.outlet) for p, _ in self.values})
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@dataclass(frozen=True)
class TimelineView:
    timeline: Timeline
    rows: tuple[PointRow, ...]
    latest: str  # "about 6,400 projects as of 2018-12-31"
    change: str  # "+400 projects (+6.7%) from 2017-12-31 to 2018-12-31", "" with one value
    flags: tuple[Flag, ...]


@dataclass(frozen=True)
class Share:
    """A line of the sources summary: a group of outlets and its articles."""

    label: str
    outlets: int
    articles: int


def _number_rows(d: Digest) -> tuple[NumberRow, ...]:
    k = d.key_numbers
    rows = [
        NumberRow("Relevant articles", k.relevant_articles),
        NumberRow(
            "Events covered",
            k.events,
            f"{k.events_new:,} new, {k.events_continuing:,} continuing",
        ),
        NumberRow("Outlets", k.outlets),
    ]
    rows += [NumberRow(f"in {fmt.language(code)}", c, sub=True) for code, c in k.by_language]
    rows += [
        NumberRow("from official sources", k.official, sub=True),
        NumberRow("from media", k.media, sub=True),
    ]
    return tuple(rows)


def _timeline_view(t: Timeline) -> TimelineView:
    points = list(t.history) + [p for p in t.this_period if p not in t.history]
    # Oldest first; a stable sort keeps the history's order among equal dates.
    points.sort(key=lambda p: (p.as_of or date.min, p.reported_on or date.min))
    rows = tuple(PointRow(p, fmt.measure_value(p, t.kind), p in t.this_period) for p in points)
    latest = ""
    change = ""
    if t.history:
        last = t.history[-1]
        latest = fmt.measure_value(last, t.kind)
        latest += f" as of {fmt.day(last.as_of)}" if last.as_of else " (no as-of date given)"
        if t.change is not None and len(t.history) > 1:
            before = t.history[-2]
            pct = fmt.percent(t.change_percent)
            change = (
                fmt.measure_delta(t.change, last.unit, last.currency, t.kind)
                + (f" ({pct})" if pct else "")
                + f" from {fmt.day(before.as_of)} to {fmt.day(last.as_of)}"
            )
    flags = tuple(
        Flag(dis.as_of, tuple((p, fmt.measure_value(p, t.kind)) for p in dis.values))
        for dis in t.disagreements
    )
    return TimelineView(t, rows, latest, change, flags)


def _shares(d: Digest) -> dict[str, tuple[Share, ...]]:
    """Articles and outlets by outlet type and by language, largest first, ties by name."""

    def group(pairs: list[tuple[str, int, str]]) -> tuple[Share, ...]:
        totals: dict[str, tuple[set[str], int]] = {}
        for label, articles, outlet in pairs:
            outlets, count = totals.get(label, (set(), 0))
            outlets.add(outlet)
            totals[label] = (outlets, count + articles)
        shares = [Share(label, len(o), n) for label, (o, n) in totals.items()]
        return tuple(sorted(shares, key=lambda s: (-s.articles, s.label)))

    by_type = [("official" if s.official else "media", s.articles, s.outlet) for s in d.sources]
    by_language = [(fmt.language(s.language), s.articles, s.outlet) for s in d.sources]
    return {"type": group(by_type), "language": group(by_language)}


def _zh_lang(event: EventEntry) -> str:
    """The script of an event's Chinese title, for `lang` (so Traditional text gets Traditional
    glyphs): the language of the article it was taken from, else of the Chinese coverage when
    that is all in one script, else plain "zh"."""
    for link in event.links:
        if link.title == event.title_zh and link.language in ("zh-Hans", "zh-Hant"):
            return link.language
    scripts = sorted({x.language for x in event.links if x.language in ("zh-Hans", "zh-Hant")})
    return scripts[0] if len(scripts) == 1 and scripts[0] else "zh"


def _period_name(d: Digest) -> str:
    """A week digest is called "Week 2019-W25"; any other period "Period <label>"."""
    label = fmt.clean(d.period.label)
    is_week = len(label) == 8 and label[4:6] == "-W" and label[:4].isdigit()
    return f"Week {label}" if is_week else f"Period {label}"


def _summary(d: Digest) -> str:
    """The one sentence under the title: what this period held, in numbers."""
    k = d.key_numbers
    if k.relevant_articles.current == 0:
        week = "this week" if d.period.days == 7 else "in this period"
        return f"No relevant coverage {week}."
    before = "the week before" if d.period.days == 7 else "the period before"
    change = fmt.change_text(k.relevant_articles)
    against = {"new": f"none {before}", "no change": f"as many as {before}"}
    return (
        f"{fmt.plural(k.relevant_articles.current, 'relevant article')} "
        f"about {fmt.plural(k.events.current, 'event')} ({k.events_new:,} new) "
        f"from {fmt.plural(k.outlets.current, 'outlet')}; "
        f"{against.get(change, f'{change} on {before}')}."
    )


def _context(d: Digest) -> dict[str, Any]:
    tz = d.period.timezone
    return {
        "d": d,
        "tz": tz,
        "title": f"Hangzhou–Hong Kong cooperation: {_period_name(d)}",
        "period_name": _period_name(d),
        "summary": _summary(d),
        "empty": d.key_numbers.relevant_articles.current == 0,
        "week_word": "week" if d.period.days == 7 else "period",
        "number_rows": _number_rows(d),
        "timelines": tuple(_timeline_view(t) for t in d.timelines),
        "shares": _shares(d),
        "sections": SECTIONS,
        "appendix_total": sum(len(g.links) for g in d.appendix),
        "usual_total": round(sum(x.usual for x in d.daily if math.isfinite(x.usual)), 1),
    }


# -- shared filters ---------------------------------------------------------------------------


def _local_day(moment: datetime | None, tz: str) -> str:
    """The day a moment falls on in the digest's zone (an article at 23:30 UTC is tomorrow in
    Hong Kong)."""
    if moment is None:
        return ""
    zone = fmt.zone(tz)
    if moment.tzinfo is not None and zone is not None:
        moment = moment.astimezone(zone)
    return moment.date().isoformat()


def _kind_count(count: int | None, kind: str) -> str:
    """The agreement's count and kind in words: "8 MoUs", "Agreement" when uncounted."""
    kind = fmt.clean(kind) or "agreement"
    if count is None:
        return kind[:1].upper() + kind[1:]
    if count == 1:
        return f"1 {kind}"
    head, of, rest = kind.partition(" of ")  # "memorandums of understanding", "letters of intent"
    return f"{count:,} {head if head.endswith('s') else head + 's'}{of}{rest}"


_FILTERS: dict[str, Any] = {
    "clean": fmt.clean,
    "day": fmt.day,
    "long_day": fmt.long_day,
    "span": fmt.span,
    "number": fmt.number,
    "change": fmt.change_text,
    "trend": fmt.change_trend,
    "coverage": fmt.coverage_text,
    "language": fmt.language,
    "html_lang": fmt.html_lang,
    "event_type": fmt.event_type,
    "entity_type": fmt.entity_type,
    "safe_url": fmt.safe_url,
    "safe_relative_href": fmt.safe_relative_href,
    "plural": fmt.plural,
    "kind_count": _kind_count,
    "zh_lang": _zh_lang,
}


def _globals(env: Environment) -> None:
    env.filters.update(_FILTERS)
    env.globals.update(local_time=fmt.local_time, local_day=_local_day)


# -- HTML -------------------------------------------------------------------------------------


def _html_finalize(value: Any) -> Any:
    return "" if value is None else value


def _html_env() -> Environment:
    env = Environment(
        loader=PackageLoader("digest", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_html_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    _globals(env)
    return env


_HTML = _html_env()


def render_html(
    d: Digest,
    previous_href: str | None = None,
    next_href: str | None = None,
    index_href: str | None = None,
) -> str:
    """The digest as one HTML page: inline CSS and SVG, no scripts, no outside requests.

    The hrefs link the neighbouring digests and the index (relative paths or http(s) addresses;
    anything else is dropped)."""
    return _HTML.get_template("digest.html.j2").render(
        _context(d),
        nav={
            "previous": fmt.safe_relative_href(previous_href),
            "next": fmt.safe_relative_href(next_href),
            "index": fmt.safe_relative_href(index_href),
        },
        daily_svg=Markup(charts.daily_svg(d.daily)),
        trend_svg=Markup(charts.trend_svg(d.trend)),
    )


# -- Markdown ---------------------------------------------------------------------------------


class Md(str):
    """Markdown built here (links, emphasis): printed as it is. Any other value a Markdown
    template prints is outside text and gets escaped."""

    __slots__ = ()


def _md_finalize(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Md):
        return str(value)
    return fmt.md_escape(str(value))


def _md_link(link: Link) -> Md:
    """[title](url) for an http(s) address, else the title and the address as plain text."""
    title = fmt.md_escape(link.title) or "(untitled)"
    href = fmt.safe_url(link.url)
    if href:
        return Md(f"[{title}]({href})")
    shown = fmt.md_escape(link.url)
    return Md(f"{title} (link not shown: {shown})" if shown else title)


def _md_code(text: str) -> Md:
    """A chart as a fenced block; `charts` keeps backticks out of it."""
    return Md(f"```text\n{text}\n```")


def _md_env() -> Environment:
    env = Environment(
        loader=PackageLoader("digest", "templates"),
        autoescape=False,
        undefined=StrictUndefined,
        finalize=_md_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    _globals(env)
    env.filters.update(md_link=_md_link)
    return env


_MD = _md_env()


def render_markdown(d: Digest) -> str:
    """The digest as Markdown: the same sections, text charts in fenced blocks."""
    text = _MD.get_template("digest.md.j2").render(
        _context(d),
        daily_text=_md_code(charts.daily_text(d.daily)),
        trend_text=_md_code(charts.trend_text(d.trend)),
    )
    # Templates leave blank runs where an optional part is missing: one blank line is enough.
    lines: list[str] = []
    for line in text.splitlines():
        if line.strip() or (lines and lines[-1] != ""):
            lines.append(line.rstrip())
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


# -- JSON -------------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """Records to JSON values: dataclasses to objects (a `Change` with its delta and percent),
    tuples to lists, dates to ISO strings, non-finite floats to null."""
    if is_dataclass(value) and not isinstance(value, type):
        out = {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
        if isinstance(value, Change):
            out["delta"] = value.delta
            out["percent"] = _plain(value.percent)
        return out
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str):
        return fmt.json_text(value)
    return value


def digest_to_json(d: Digest) -> str:
    """Every field of the digest (so everything the page shows), keys sorted, dates in ISO."""
    data = _plain(d)
    data["schema"] = SCHEMA
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


# -- all three --------------------------------------------------------------------------------


def render_all(
    d: Digest,
    previous_href: str | None = None,
    next_href: str | None = None,
    index_href: str | None = None,
) -> Rendered:
    """The three documents of one digest; the hrefs go into the HTML's navigation."""
    return Rendered(
        md=render_markdown(d),
        html=render_html(d, previous_href, next_href, index_href),
        json=digest_to_json(d),
    )


# -- index and feed ---------------------------------------------------------------------------


def render_index(entries: Sequence[IndexEntry]) -> str:
    """reports/index.html: every digest, newest first, with its headline numbers."""
    return _HTML.get_template("index.html.j2").render(entries=newest_first(list(entries)))


def render_feed(entries: Sequence[IndexEntry], base_url: str | None) -> str:
    """reports/feed.xml: Atom 1.0, one entry per digest, newest first.

    Ids are tag URIs on the period label, so a re-rendered week keeps its id. With `base_url`
    (an http(s) address) links are absolute; without it they are the relative paths, which a
    reader resolves against the feed's own address."""
    ordered = newest_first(list(entries))
    base = fmt.safe_url(base_url)
    if base and not base.endswith("/"):
        base += "/"

    def href(path: str) -> str:
        target = fmt.safe_relative_href(path) or ""
        return urljoin(base, target) if base else target

    feed = ET.Element("feed", {"xmlns": ATOM})
    ET.SubElement(feed, "id").text = TAG + "digests"
    ET.SubElement(feed, "title").text = "Hangzhou–Hong Kong cooperation: weekly digests"
    updated = max((e.generated_at for e in ordered), key=instant, default=None)
    ET.SubElement(feed, "updated").text = (
        fmt.rfc3339(updated) if updated else "1970-01-01T00:00:00Z"
    )
    author = ET.SubElement(feed, "author")
    ET.SubElement(author, "name").text = "hzhk-tracker"
    if base:
        ET.SubElement(feed, "link", {"rel": "self", "href": base + "feed.xml"})
        ET.SubElement(feed, "link", {"rel": "alternate", "href": base + "index.html"})
    for e in ordered:
        entry = ET.SubElement(feed, "entry")
        label = _xml(e.period_label)
        ET.SubElement(entry, "id").text = f"{TAG}digest/{label}"
        ET.SubElement(entry, "title").text = _xml(
            f"{'Demo: ' if e.demo else ''}{label} ({fmt.span(e.start, e.end)})"
        )
        ET.SubElement(entry, "updated").text = fmt.rfc3339(e.generated_at)
        ET.SubElement(
            entry, "link", {"rel": "alternate", "type": "text/html", "href": href(e.path_html)}
        )
        ET.SubElement(
            entry,
            "link",
            {"rel": "alternate", "type": "application/json", "href": href(e.path_json)},
        )
        ET.SubElement(entry, "summary", {"type": "text"}).text = _xml(_entry_summary(e))
    ET.indent(feed, space="  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _entry_summary(e: IndexEntry) -> str:
    if e.relevant_articles == 0:
        return "No relevant coverage."
    text = (
        f"{fmt.plural(e.relevant_articles, 'relevant article')}, {fmt.plural(e.events, 'event')}."
    )
    if e.top_events:
        text += " Top: " + "; ".join(fmt.clean(t) for t in e.top_events) + "."
    return text


def _xml(text: str) -> str:
    """Text XML 1.0 can hold: `clean` drops the control characters it forbids."""
    return fmt.clean(text)
