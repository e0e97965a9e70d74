"""The `pipeline` flow: ingest, track, then the digests of the last complete week and of this
week so far — what the hourly deployment runs.

It holds the warehouse's run lock for the whole sequence (its subflows join it), so a scheduled
run never interleaves with a person's `hzhk run`, and the snapshot is published once, at the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from prefect import flow

from config.settings import Settings, load_settings
from flows.digest_flow import DigestReport, digest, last_complete_week
from flows.ingest import ingest
from flows.reports import IngestReport, TrackReport
from flows.run_guard import exclusive_run, recorded_run
from flows.track import track
from warehouse.digest import week_of

FLOW_NAME = "pipeline"


@dataclass(frozen=True)
class PipelineReport:
    ingest: IngestReport
    track: TrackReport
    digests: tuple[DigestReport, ...]


@flow(name=FLOW_NAME)
async def pipeline(settings: Settings | None = None, wait: bool = False) -> PipelineReport:
    """Ingest the sources that are due, track, and write last week's and this week's digests."""
    settings = settings or load_settings()
    with exclusive_run(settings, FLOW_NAME, wait=wait), recorded_run(settings, FLOW_NAME) as run:
        ingested = await ingest(settings=settings)
        tracked = track(settings=settings)
        today = datetime.now(ZoneInfo(settings.timezone)).date()
        weeks = (last_complete_week(today, settings.timezone), week_of(today, settings.timezone))
        written = tuple(digest(settings=settings, week=w.label) for w in weeks)
        run.counts.update(
            articles_new=ingested.counts.articles_new,
            tracked=tracked.counts.articles,
            events_total=tracked.counts.events_total,
            digests=len(written),
        )
    return PipelineReport(ingested, tracked, written)
