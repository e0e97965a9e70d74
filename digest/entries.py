"""What the index page and the Atom feed know about each digest already written.

The index and the feed list every digest, not only the one being rendered, so they cannot take
`Digest` records (which would mean rebuilding every past week). An `IndexEntry` is the little
each needs: where the files are and the headline numbers. The writer keeps one per digest
(`IndexEntry.from_digest` when it writes one) and passes them all to `render_index` and
`render_feed`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from records.digest import Digest

TOP_TITLES = 3  # event titles an index line and a feed summary show


@dataclass(frozen=True)
class IndexEntry:
    """One written digest. Paths are relative to the index page (and to the feed's base URL)."""

    period_label: str  # "2019-W25", or "2019-06-10..2019-06-30"
    start: date
    end: date
    generated_at: datetime
    path_md: str
    path_html: str
    path_json: str
    relevant_articles: int
    events: int
    top_events: tuple[str, ...]  # titles of the first few top events, best first
    demo: bool = False  # built from the demo corpus: the index marks it
    timezone: str = "UTC"  # IANA name the index shows `generated_at` in (the digest's zone)

    @classmethod
    def from_digest(cls, d: Digest, path_md: str, path_html: str, path_json: str) -> IndexEntry:
        """The entry for a digest just rendered, with the paths it is written to."""
        return cls(
            period_label=d.period.label,
            start=d.period.start,
            end=d.period.end,
            generated_at=d.generated_at,
            path_md=path_md,
            path_html=path_html,
            path_json=path_json,
            relevant_articles=d.key_numbers.relevant_articles.current,
            events=d.key_numbers.events.current,
            top_events=tuple(e.title for e in d.top_events[:TOP_TITLES]),
            demo=d.demo,
            timezone=d.period.timezone,
        )


def newest_first(entries: tuple[IndexEntry, ...] | list[IndexEntry]) -> list[IndexEntry]:
    """Newest period first; ties (a re-rendered week) by the later generation, then label."""
    return sorted(
        entries,
        key=lambda e: (e.end, e.start, instant(e.generated_at), e.period_label),
        reverse=True,
    )


def instant(moment: datetime) -> float:
    """Seconds since the epoch; a naive time is taken as UTC, never as the machine's zone."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()
