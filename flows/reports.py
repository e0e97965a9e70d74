"""What a flow run reports: typed counts, the same facts the `runs` row and `ingest_errors` keep.

Counts are fields, not string keys spread over functions: a step returns its own counts and the
flow adds them up, so a misspelt count is a type error instead of a silent zero.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
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
    """What an ingest run did; the same facts are in the `runs` row and `ingest_errors`."""

    run_id: str
    status: str
    counts: IngestCounts
    problems: tuple[RunProblem, ...]


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
