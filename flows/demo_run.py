"""`hzhk demo`: the whole pipeline over the bundled demo corpus, offline, in a folder of its own.

The corpus (demo/site) is served on 127.0.0.1 and fetched through the real path: the fetcher is
told to connect there for each publisher's host name (`fetch.resolve`), the guard allows that one
address on that one port and nothing else, robots.txt is read, requests are paced. Then the real
ingest, track and digest flows run into `<out>/warehouse.duckdb` and `<out>/reports/`, so what a
reader sees is exactly what the pipeline makes of coverage, on any machine, without the internet.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from config.settings import Settings, load_settings
from demo.server import SOURCES, DemoSite, serving
from flows.reports import IngestReport, TrackReport

if TYPE_CHECKING:  # importing the flows imports Prefect, which must come after its environment
    from flows.digest_flow import DigestReport

DEMO_PACE_S = 0.2  # our own server: polite pacing still on, shorter than a real site's


@dataclass(frozen=True)
class DemoReport:
    out: Path
    warehouse: Path
    ingest: IngestReport
    track: TrackReport
    digest: DigestReport


def demo_settings(base: Settings, out: Path, site: DemoSite) -> Settings:
    """The user's settings, pointed at the demo's own warehouse, archive and reports, fetching
    only from the demo server."""
    settings = load_settings(
        config_dir=base.config_dir, warehouse=out / "warehouse.duckdb", data_dir=out / "data"
    )
    fetch = settings.fetch.model_copy(
        update={
            "resolve": site.resolve(),
            "allow_hosts": [site.allow],
            "per_host_interval_s": DEMO_PACE_S,
            "max_retries": 1,
            "backoff_base_s": 0.1,
            "contact": settings.fetch.contact or "hzhk demo on 127.0.0.1",
        }
    )
    return settings.model_copy(update={"fetch": fetch, "reports_dir": out / "reports"})


def run_demo(base: Settings, out: Path) -> DemoReport:
    """Serve the corpus, then ingest, track and write every week's digest."""
    from flows.prefect_env import configure_prefect, one_off_run

    out = out.resolve()
    with serving() as site:
        settings = demo_settings(base, out, site)
        configure_prefect(settings)
        from flows.digest_flow import digest
        from flows.ingest import ingest
        from flows.track import track

        with one_off_run():
            ingested = asyncio.run(ingest(settings=settings, sources_file=SOURCES, force=True))
    with one_off_run():
        tracked = track(settings=settings)
        written = digest(settings=settings, all_weeks=True, demo=True)
    return DemoReport(out, settings.warehouse_file, ingested, tracked, written)
