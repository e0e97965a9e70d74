"""What a flow run reports: typed counts, the same facts the `runs` row and `ingest_errors` keep.

Counts are fields, not string keys spread over functions: a step returns its own counts and the
flow adds them up, so a misspelt count is a type error instead of a silent zero.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date
from typing import Self

from records.runs import RunProblem


@dataclass
class Counts:
    """Integer counts that add up field by field."""

    def add(self, other: Self) -> Self:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self

    def as_dict(self) -> dict[str, int]:
        return {name: int(value) for name, value in asdict(self).items()}


@dataclass
class IngestCounts(Counts):
    sources: int = 0  # polled in this run
    sources_not_due: int = 0  # skipped: their poll interval has not passed
    sources_failed: int = 0
    feeds_not_modified: int = 0
    links: int = 0  # listed by the feeds, in all
    links_unique: int = 0
    links_known: int = 0  # already in the warehouse
    links_held: int = 0  # held back after failing for good
    headlines_new: int = 0  # headline-only articles (Google News)
    pages_fetched: int = 0
    pages_failed: int = 0
    pages_not_modified: int = 0
    pages_held: int = 0  # newly held back
    parse_failures: int = 0
    store_failures: int = 0  # pages or articles the warehouse could not take
    fetch_task_failures: int = 0
    articles_new: int = 0
    articles_updated: int = 0


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What an ingest run did; the same facts are in the `runs` row and `ingest_errors`.

    `notes` are what a backfill's discovery could not reach (one line each; not failures)."""

    run_id: str
    status: str
    counts: IngestCounts
    problems: tuple[RunProblem, ...]
    notes: tuple[str, ...] = ()


@dataclass
class TrackCounts(Counts):
    articles: int = 0  # tracked in this run
    relevant: int = 0
    duplicates: int = 0  # linked to an earlier copy
    events_total: int = 0  # in the warehouse after the run


@dataclass(frozen=True, slots=True)
class TrackReport:
    run_id: str
    status: str
    counts: TrackCounts


@dataclass
class ReparseCounts(Counts):
    pages: int = 0  # archived pages parsed again
    unchanged: int = 0  # parsed to the record already stored
    changed: int = 0  # parsed to a different record: stored (or, in a dry run, would be)
    failed: int = 0  # could not be read back or parsed: one `reparse` problem each
    store_failures: int = 0  # changed records the warehouse could not take
    retracked: int = 0  # changed articles tracked again


@dataclass(frozen=True, slots=True)
class ReparseReport:
    """What a reparse run did; `track` is the track run that followed it (None when nothing
    changed, or in a dry run, which writes nothing and records no run)."""

    run_id: str
    status: str
    dry_run: bool
    counts: ReparseCounts
    problems: tuple[RunProblem, ...]
    track: TrackReport | None = None


@dataclass(frozen=True, slots=True)
class BackfillReport:
    """What a backfill did: the window asked for (first and last day, inclusive), the ingest run
    that fetched and stored it (recorded in `runs` as `backfill`), and what could not be had, one
    line each (GDELT's clamped part, feeds that do not reach back, caps met)."""

    first_day: date
    last_day: date
    ingest: IngestReport
    notes: tuple[str, ...]
