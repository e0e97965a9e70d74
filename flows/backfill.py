"""The `backfill` flow: every source asked for a window of days instead of "what is new".

A source is asked for the window in the way it can answer (flows/discover.py, `discover_window`):
- GDELT DOC with `startdatetime`/`enddatetime`, split where an answer comes back full (250
  records). GDELT keeps about three months: a window reaching further back is clamped to what it
  keeps, and the part left out is said in one line of the report, never dropped silently;
- Google News with `after:`/`before:` in the query in place of `when:7d`;
- a sitemap index by the children changed since the window began, and sitemaps' entries by their
  dates (undated entries left out, and counted);
- a list page (`html_list`) followed back through its next-page links (`rel="next"`, or the
  source's `next_selector`) while its items' dates reach into the window, at most 20 pages;
- RSS, Atom, govhk and InvestHK list only their latest items whatever is asked: they are read
  and filtered to the window, and one that does not reach back to its start says so.

The links then go through ingest's own steps (flows/ingest.py, `run_ingest` with the window):
the same fetch, parse and store path, politeness, holds and problem recording; the run is
recorded in `runs` as `backfill`. The feeds' answers are logged without validators, so the next
ingest reads them in full. The window is checked first: whole days, the first not after the
last, the last not after today (in the display time zone).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from prefect import flow

from config.settings import Settings, load_settings
from config.source_list import load_sources, select_sources
from flows.discover import gdelt_clamp_note
from flows.ingest import BATCH_SIZE, run_ingest
from flows.polling import Window, backfill_days
from flows.reports import BackfillReport
from flows.run_guard import exclusive_run

FLOW_NAME = "backfill"


@flow(name=FLOW_NAME)
async def backfill(
    first: date,
    last: date,
    settings: Settings | None = None,
    sources_file: Path | None = None,
    source_ids: list[str] | None = None,
    batch_size: int = BATCH_SIZE,
    wait: bool = False,
) -> BackfillReport:
    """Ask the enabled sources (or the named ones) for the articles of `first`..`last` and
    fetch, parse and store them as ingest does. One run at a time per warehouse."""
    settings = settings or load_settings()
    days = backfill_days(first, last, settings.timezone)  # a deployment's too, not only the CLI's
    window = Window.of_days(days.first, days.last, ZoneInfo(settings.timezone))
    path = sources_file or settings.config_dir / "sources.toml"
    sources = select_sources(load_sources(path), source_ids)
    notes: list[str] = []
    if any(s.kind == "gdelt_doc" for s in sources):
        clamped = gdelt_clamp_note(window, datetime.now(UTC))
        notes += [clamped] if clamped else []
    with exclusive_run(settings, FLOW_NAME, wait=wait):
        report = await run_ingest(
            settings,
            sources_file,
            source_ids,
            batch_size,
            True,  # every source chosen is asked: a window is no poll, nothing is "due"
            window=window,
            flow_name=FLOW_NAME,
        )
    return BackfillReport(days.first, days.last, report, (*notes, *report.notes))
