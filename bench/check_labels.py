"""Check the labelled tracking sets and their event files (moved here from bench/data).

    .venv/bin/python -m bench.check_labels

Checks
  tracking_blind.jsonl            articles (blind set)
  tracking_blind_events.jsonl     one line per blind event
  tracking_labelled_events.jsonl  one line per event key of tracking_labelled.jsonl
  tracking_heldout_events.jsonl   one line per event key of tracking_heldout.jsonl

For the blind set every article's event must exist in the events file with the same event_type,
event_date and event_place. The two older article files use the old type vocabulary, so for them
only date and place are compared; their events files must still use the new vocabulary.

The events files are what the benchmark (bench/tracking.py) scores type, date, place and titles
against, so it reads them through `read_event_labels` here: one reading of the format, checked.

Exit status 0 when clean, 1 when any error was found.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent / "data"

# The labels' vocabulary of event types; `signing` is tracking's `agreement_signing`.
TYPES = frozenset(
    {"visit", "promotion", "forum", "conference", "signing", "launch", "expo",
     "investment_project", "policy"}
)  # fmt: skip
TRACKING_TYPE = {"signing": "agreement_signing"}
LANGS = frozenset({"en", "zh-Hans", "zh-Hant"})
ARTICLE_KEYS = frozenset(
    {"id", "language", "published_at", "publisher", "title", "body", "relevant", "event"}
)
ARTICLE_EVENT_KEYS = frozenset({"event_type", "event_date", "event_place"})
EVENT_KEYS = frozenset(
    {"event", "event_type", "event_date", "event_place", "place_detail", "title_en",
     "titles_en_acceptable", "title_zh", "titles_zh_acceptable", "passing_mentions", "parts"}
)  # fmt: skip
TITLE_LISTS = ("titles_en_acceptable", "titles_zh_acceptable", "passing_mentions", "parts")

Row = Mapping[str, object]


@dataclass(frozen=True)
class EventLabel:
    """One labelled event: what happened, where, when, and the titles a reader would accept."""

    key: str
    event_type: str  # in tracking's vocabulary (`signing` read as `agreement_signing`)
    event_date: date
    place: str
    place_detail: str | None
    title_en: str
    titles_en_acceptable: tuple[str, ...]
    title_zh: str | None
    titles_zh_acceptable: tuple[str, ...]
    passing_mentions: tuple[str, ...]  # other happenings its articles name in passing
    parts: tuple[str, ...]


class LabelError(ValueError):
    """A labels file that does not follow the format; the message lists every problem."""


@dataclass
class Checker:
    """Collects problems (errors) and observations (notes) while reading label files."""

    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def err(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def load(self, path: Path) -> list[tuple[int, dict[str, object]]]:
        """The JSON objects of a JSON-lines file, with their line numbers."""
        rows: list[tuple[int, dict[str, object]]] = []
        if not path.exists():
            self.err(path.name, "file missing")
            return rows
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            where = f"{path.name}:{n}"
            if not line.strip():
                self.err(where, "blank line")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                self.err(where, f"invalid JSON ({exc})")
                continue
            if not isinstance(obj, dict):
                self.err(where, "line is not a JSON object")
                continue
            rows.append((n, obj))
        return rows

    def check_events(self, path: Path) -> tuple[dict[str, EventLabel], dict[str, Row]]:
        """Every event line of an events file, checked: the valid ones, and every line, by key."""
        events: dict[str, EventLabel] = {}
        raw: dict[str, Row] = {}
        for n, e in self.load(path):
            where = f"{path.name}:{n}"
            missing, extra = EVENT_KEYS - e.keys(), e.keys() - EVENT_KEYS
            if missing:
                self.err(where, f"missing keys {sorted(missing)}")
            if extra:
                self.err(where, f"unexpected keys {sorted(extra)}")
            key = e.get("event")
            if not isinstance(key, str) or not key.strip():
                self.err(where, "event key empty")
                continue
            where = f"{path.name}:{n} [{key}]"
            label = self._event(where, key, e)
            if key in raw:
                self.err(where, "duplicate event key")
                continue
            raw[key] = e
            if label is not None:
                events[key] = label
        return events, raw

    def _event(self, where: str, key: str, e: Row) -> EventLabel | None:
        before = len(self.errors)
        kind = e.get("event_type")
        if kind not in TYPES:
            self.err(where, f"event_type {kind!r} not in vocabulary")
        happened = parse_date(e.get("event_date"))
        if happened is None:
            self.err(where, f"event_date {e.get('event_date')!r} does not parse as YYYY-MM-DD")
        place, detail = e.get("event_place"), e.get("place_detail")
        if not nonempty(place):
            self.err(where, "event_place empty")
        if detail is not None and not nonempty(detail):
            self.err(where, "place_detail must be null or a non-empty string")
        title_en, title_zh = e.get("title_en"), e.get("title_zh")
        if not nonempty(title_en):
            self.err(where, "title_en empty")
        if title_zh is not None and not nonempty(title_zh):
            self.err(where, "title_zh must be null or a non-empty string")
        lists: dict[str, tuple[str, ...]] = {}
        for k in TITLE_LISTS:
            value = e.get(k)
            if isinstance(value, list) and all(nonempty(x) for x in value):
                lists[k] = tuple(str(x) for x in value)
            else:
                self.err(where, f"{k} must be a list of non-empty strings")
                lists[k] = ()
        if title_en in lists["titles_en_acceptable"]:
            self.err(where, "title_en repeated in titles_en_acceptable")
        if title_zh and title_zh in lists["titles_zh_acceptable"]:
            self.err(where, "title_zh repeated in titles_zh_acceptable")
        if title_zh is None and lists["titles_zh_acceptable"]:
            self.err(where, "titles_zh_acceptable given but title_zh is null")
        if len(self.errors) > before or happened is None:
            return None
        return EventLabel(
            key=key,
            event_type=TRACKING_TYPE.get(str(kind), str(kind)),
            event_date=happened,
            place=str(place),
            place_detail=str(detail) if detail is not None else None,
            title_en=str(title_en),
            titles_en_acceptable=lists["titles_en_acceptable"],
            title_zh=str(title_zh) if title_zh is not None else None,
            titles_zh_acceptable=lists["titles_zh_acceptable"],
            passing_mentions=lists["passing_mentions"],
            parts=lists["parts"],
        )

    def check_articles(
        self,
        path: Path,
        raw_events: Mapping[str, Row],
        events_name: str,
        compare_type: bool,
        seen_ids: dict[str, str],
    ) -> tuple[list[Row], dict[str, list[Row]]]:
        """Every article line, checked against its events file; the articles and their grouping."""
        articles: list[Row] = []
        for n, line in self.load(path):
            self._article(path.name, n, line, raw_events, events_name, compare_type, seen_ids)
            articles.append(line)
        by_event: dict[str, list[Row]] = collections.defaultdict(list)
        for row in articles:
            if isinstance(row.get("event"), str):
                by_event[str(row["event"])].append(row)
        for key, e in raw_events.items():
            where = f"{events_name} [{key}]"
            if key not in by_event:
                self.err(where, f"no article in {path.name} carries this event")
                continue
            has_zh = any(str(a.get("language", "")).startswith("zh") for a in by_event[key])
            if has_zh and e.get("title_zh") is None:
                self.err(where, "Chinese coverage exists but title_zh is null")
            if not has_zh and e.get("title_zh") is not None:
                self.err(where, "no Chinese coverage but title_zh is set")
        return articles, by_event

    def _article(
        self,
        name: str,
        n: int,
        a: Row,
        raw_events: Mapping[str, Row],
        events_name: str,
        compare_type: bool,
        seen_ids: dict[str, str],
    ) -> None:
        where = f"{name}:{n}"
        missing = ARTICLE_KEYS - a.keys()
        extra = a.keys() - ARTICLE_KEYS - ARTICLE_EVENT_KEYS
        if missing:
            self.err(where, f"missing keys {sorted(missing)}")
        if extra:
            self.err(where, f"unexpected keys {sorted(extra)}")
        aid = a.get("id")
        if not isinstance(aid, str) or not aid.strip():
            self.err(where, "id empty")
        else:
            where = f"{name}:{n} [{aid}]"
            if aid in seen_ids:
                self.err(where, f"id not unique (also in {seen_ids[aid]})")
            seen_ids[aid] = name
        if a.get("language") not in LANGS:
            self.err(where, f"language {a.get('language')!r} not in {sorted(LANGS)}")
        published = parse_timestamp(a.get("published_at"))
        if published is None:
            self.err(where, f"published_at {a.get('published_at')!r} is not ISO 8601 with offset")
        for k in ("publisher", "title", "body"):
            if not nonempty(a.get(k)):
                self.err(where, f"{k} empty")
        if not isinstance(a.get("relevant"), bool):
            self.err(where, "relevant must be true/false")
        event = a.get("event")
        if event is None:
            if any(a.get(k) is not None for k in ARTICLE_EVENT_KEYS & a.keys()):
                self.err(where, "event is null but event_type/date/place are set")
            return
        if a.get("relevant") is not True:
            self.err(where, "article has an event but relevant is not true")
        if not a.keys() >= ARTICLE_EVENT_KEYS:
            self.err(where, f"event set but missing {sorted(ARTICLE_EVENT_KEYS - a.keys())}")
        if parse_date(a.get("event_date")) is None:
            self.err(where, f"event_date {a.get('event_date')!r} does not parse")
        e = raw_events.get(str(event))
        if e is None:
            self.err(where, f"event {event!r} not in {events_name}")
            return
        compared = ["event_date", "event_place"] + (["event_type"] if compare_type else [])
        for k in compared:
            if a.get(k) != e.get(k):
                self.err(where, f"{k} {a.get(k)!r} differs from {events_name} ({e.get(k)!r})")
        if compare_type and a.get("event_type") not in TYPES:
            self.err(where, f"event_type {a.get('event_type')!r} not in vocabulary")
        happened = parse_date(e.get("event_date"))
        if published and happened and published.date() < happened:
            self.notes.append(
                f"{name} [{aid}] published {published.date()} before event date {happened} "
                "(preview)"
            )


def parse_date(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def parse_timestamp(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def nonempty(value: object) -> bool:
    return isinstance(value, str) and value.strip() != ""


def events_file(articles: Path) -> Path:
    """The events file beside an articles file: tracking_x.jsonl -> tracking_x_events.jsonl."""
    return articles.with_name(f"{articles.stem}_events{articles.suffix}")


def read_event_labels(path: Path) -> dict[str, EventLabel]:
    """The labelled events of one events file, by key; `LabelError` if any line is malformed."""
    checker = Checker()
    events, _ = checker.check_events(path)
    if checker.errors:
        raise LabelError("\n".join(checker.errors))
    return events


def report(label: str, articles: list[Row], events: Mapping[str, Row],
           by_event: Mapping[str, list[Row]]) -> None:  # fmt: skip
    """A summary of one set: languages, kinds of article, events, syndicated copies."""
    print(f"\n== {label}")
    print(f"articles: {len(articles)}")
    langs = collections.Counter(str(a.get("language")) for a in articles)
    for lang in sorted(LANGS):
        share = 100.0 * langs[lang] / len(articles) if articles else 0.0
        print(f"  {lang:8s} {langs[lang]:3d}  ({share:.0f} %)")
    with_event = sum(1 for a in articles if a.get("event"))
    standalone = sum(1 for a in articles if a.get("relevant") is True and not a.get("event"))
    near_miss = sum(1 for a in articles if a.get("relevant") is False)
    print(f"  relevant with event {with_event}, relevant stand-alone {standalone}, "
          f"near-miss (relevant=false) {near_miss}")  # fmt: skip
    types = collections.Counter(str(e.get("event_type")) for e in events.values())
    print(f"events: {len(events)}  by type: " + ", ".join(f"{t} {types[t]}" for t in sorted(types)))
    print("articles per event:")
    for key in sorted(events, key=lambda k: (str(events[k].get("event_date")), k)):
        group = by_event.get(key, [])
        lc = collections.Counter(str(a.get("language")) for a in group)
        e = events[key]
        print(f"  {len(group):2d}  {key}  [{e.get('event_type')}, {e.get('event_date')}, "
              f"{e.get('event_place')}]  en {lc['en']} / Hans {lc['zh-Hans']} / "
              f"Hant {lc['zh-Hant']}")  # fmt: skip
    copies: dict[tuple[str, str], list[Row]] = collections.defaultdict(list)
    for a in articles:
        copies[(str(a.get("body")), str(a.get("published_at")))].append(a)
    for group in copies.values():
        if len(group) > 1:
            names = ", ".join(f"{a.get('id')} ({a.get('publisher')})" for a in group)
            print(f"  syndicated copies: {names}")


SETS = (
    ("blind", "tracking_blind.jsonl", "tracking_blind_events.jsonl", True),
    ("labelled", "tracking_labelled.jsonl", "tracking_labelled_events.jsonl", False),
    ("heldout", "tracking_heldout.jsonl", "tracking_heldout_events.jsonl", False),
)


def check_all(
    folder: Path = HERE, sets: Iterable[tuple[str, str, str, bool]] = SETS, *, quiet: bool = False
) -> Checker:
    """Check every set of the folder; print each set's summary unless `quiet`."""
    checker = Checker()
    seen_ids: dict[str, str] = {}
    summaries = []
    for label, articles_name, events_name, compare_type in sets:
        _, raw = checker.check_events(folder / events_name)
        articles, by_event = checker.check_articles(
            folder / articles_name, raw, events_name, compare_type, seen_ids
        )
        summaries.append((label, articles, raw, by_event))
    if not quiet:
        for summary in summaries:
            report(*summary)
    return checker


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.check_labels",
        description="Check the labelled tracking sets and their event files.",
    )
    parser.add_argument("--quiet", action="store_true", help="print only the errors")
    quiet = parser.parse_args(argv).quiet  # `--help` prints this and reads no labels
    checker = check_all(quiet=quiet)
    if checker.notes and not quiet:
        print("\nnotes:")
        for note in checker.notes:
            print("  " + note)
    if checker.errors:
        print(f"\n{len(checker.errors)} error(s):")
        for error in checker.errors:
            print("  " + error)
        return 1
    print("\nOK: no errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
