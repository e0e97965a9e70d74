"""Commands that run the flows: `ingest`, `track`, `digest`, `demo`, `run`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from config.errors import ConfigError
from config.settings import Settings
from flows.output import OutputFormat, render

if TYPE_CHECKING:
    from flows.digest_flow import DigestReport
    from flows.reports import IngestReport, TrackReport
from flows.cli.app import (
    ConfigOpt,
    DataDirOpt,
    SourceIdsOpt,
    SourcesFileOpt,
    TaskRunnerOpt,
    WarehouseOpt,
    app,
    console,
    fail,
    load_sources_for,
    settings_for,
    with_task_runner,
)
from flows.cli.schedule_commands import WaitOpt
from flows.cli.warehouse_commands import print_status
from flows.run_guard import AlreadyRunning, exclusive_run


def start_ingest(
    settings: Settings,
    sources_file: Path | None,
    source_ids: list[str] | None,
    *,
    force: bool = False,
    wait: bool = False,
) -> IngestReport:
    """Run the Prefect `ingest` flow; Prefect's environment is set before it is imported."""
    import asyncio

    from flows.prefect_env import configure_prefect, one_off_run

    # The run lock first, so a second run stops at once, not after Prefect's start-up; the
    # flow joins it.
    with exclusive_run(settings, "ingest", wait=wait):
        configure_prefect(settings)
        from flows.ingest import ingest

        with one_off_run():
            return asyncio.run(
                ingest(
                    settings=settings, sources_file=sources_file, source_ids=source_ids, force=force
                )
            )


PROBLEMS_SHOWN = 30  # the rest are in v_ingest_errors


def print_ingest_report(report: IngestReport) -> None:
    """The counts, then one line per failure (cut to the terminal's width): which source, which
    stage, what went wrong; and plainly so when no source could be reached at all."""
    console.print(f"ingest run {report.run_id}: {report.status}")
    render(["count", "value"], sorted(report.counts.as_dict().items()), OutputFormat.table, console)
    for p in report.problems[:PROBLEMS_SHOWN]:
        where = f" {p.url}" if p.url and p.stage != "discover" else ""
        line = f"✗ {p.source_id or '-'} [{p.stage}] {p.error_class or ''}: {p.error}{where}"
        text = " ".join(line.split())
        if console.is_terminal:  # one screen line each; to a file or a pipe, the whole line
            console.print(text, overflow="ellipsis", no_wrap=True, style="yellow")
        else:
            console.print(text, soft_wrap=True)
    if len(report.problems) > PROBLEMS_SHOWN:
        more = len(report.problems) - PROBLEMS_SHOWN
        console.print(f'... and {more} more: hzhk sql "select * from v_ingest_errors"')
    counts = report.counts
    if counts.sources and counts.sources_failed == counts.sources:
        console.print(
            f"no source could be reached ({counts.sources} tried): offline? What the warehouse "
            "already holds is tracked and digested as usual.",
            soft_wrap=True,
        )


@app.command("ingest", rich_help_panel="Run the pipeline")
def ingest_command(
    ctx: typer.Context,
    source_ids: SourceIdsOpt = None,
    sources_file: SourcesFileOpt = None,
    wait: WaitOpt = False,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
    force: Annotated[
        bool, typer.Option("--force", help="Poll every enabled source, due or not.")
    ] = False,
    task_runner: TaskRunnerOpt = None,
) -> None:
    """Discover, fetch, parse and store the enabled sources that are due (or the named ones).

    A source is due when its poll_interval_minutes have passed since its feed last answered.
    Failing sources and pages are reported and recorded (v_ingest_errors, v_fetches); the run
    goes on without them and exits 0.
    Example: hzhk ingest --source infogovhk-press-en
    """
    from config.source_list import select_sources
    from warehouse.db import WarehouseError

    settings = with_task_runner(settings_for(ctx, warehouse, config, data_dir), task_runner)
    try:
        select_sources(load_sources_for(settings, sources_file), source_ids)
        report = start_ingest(settings, sources_file, source_ids, force=force, wait=wait)
    except (AlreadyRunning, ConfigError, WarehouseError) as exc:
        raise fail(str(exc)) from exc
    print_ingest_report(report)


def start_track(settings: Settings, since: datetime | None, *, wait: bool = False) -> TrackReport:
    """Run the Prefect `track` flow; Prefect's environment is set before it is imported."""
    from flows.prefect_env import configure_prefect, one_off_run

    with exclusive_run(settings, "track", wait=wait):  # before Prefect starts; the flow joins it
        configure_prefect(settings)
        from flows.track import track

        with one_off_run():
            return track(settings=settings, since=since.date() if since else None)


def print_track_report(report: TrackReport) -> None:
    console.print(f"track run {report.run_id}: {report.status}")
    render(["count", "value"], sorted(report.counts.as_dict().items()), OutputFormat.table, console)


@app.command("track", rich_help_panel="Run the pipeline")
def track_command(
    ctx: typer.Context,
    since: Annotated[
        datetime | None,
        typer.Option(
            "--since",
            formats=["%Y-%m-%d"],
            help="Re-track every article published on or after this day (default: only new "
            "or changed articles).",
        ),
    ] = None,
    wait: WaitOpt = False,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Score relevance, extract facts, link near-duplicates and group articles into events.

    Idempotent: tracking the same articles again gives the same events and ids.
    Example: hzhk track --since 2019-06-01
    """
    from warehouse.db import WarehouseError

    settings = settings_for(ctx, warehouse, config, data_dir)
    try:
        report = start_track(settings, since, wait=wait)
    except (AlreadyRunning, WarehouseError, ConfigError) as exc:
        raise fail(str(exc)) from exc
    print_track_report(report)


def start_digest(
    settings: Settings,
    *,
    week: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    all_weeks: bool = False,
    out: Path | None = None,
    demo: bool = False,
    wait: bool = False,
) -> DigestReport:
    """Run the Prefect `digest` flow; Prefect's environment is set before it is imported."""
    from flows.prefect_env import configure_prefect, one_off_run

    with exclusive_run(settings, "digest", wait=wait):  # before Prefect starts; the flow joins it
        configure_prefect(settings)
        from flows.digest_flow import digest

        with one_off_run():
            return digest(
                settings=settings,
                week=week,
                start=start.date() if start else None,
                end=end.date() if end else None,
                all_weeks=all_weeks,
                out=out,
                demo=demo,
            )


def print_digest_report(report: DigestReport) -> None:
    """One line per digest (its HTML; the .md and .json sit beside it), then index and feed."""
    for period, _md, html, _json in report.written:
        console.print(f"{period}: {html}", soft_wrap=True)
    if report.written:
        console.print("(each with its .md and .json beside it)", style="dim")
    console.print(f"index: {report.index}", soft_wrap=True)
    console.print(f"feed:  {report.feed}", soft_wrap=True)


@app.command("digest", rich_help_panel="Run the pipeline")
def digest_command(
    ctx: typer.Context,
    week: Annotated[
        str | None,
        typer.Option(
            "--week", help="An ISO week, e.g. 2019-W25 (default: the last complete week)."
        ),
    ] = None,
    start: Annotated[
        datetime | None,
        typer.Option("--from", formats=["%Y-%m-%d"], help="First day of a span (with --to)."),
    ] = None,
    end: Annotated[
        datetime | None,
        typer.Option("--to", formats=["%Y-%m-%d"], help="Last day of a span (with --from)."),
    ] = None,
    all_weeks: Annotated[
        bool, typer.Option("--all", help="Every ISO week with relevant coverage.")
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option("--out", file_okay=False, help="Reports folder (default from settings)."),
    ] = None,
    wait: WaitOpt = False,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Write weekly digests (Markdown, HTML, JSON) and refresh the reports' index and feed.

    Writes reports/<year>/<year>-W<week>.{md,html,json}, reports/index.html and reports/feed.xml,
    and records each digest in v_digests.
    Example: hzhk digest --week 2019-W25
    """
    from warehouse.db import WarehouseError

    settings = settings_for(ctx, warehouse, config, data_dir)
    chosen = [week is not None, start is not None or end is not None, all_weeks]
    if sum(chosen) > 1:
        raise fail("choose one of --week, --from/--to and --all")
    if (start is None) != (end is None):
        raise fail("--from and --to go together")
    try:
        report = start_digest(
            settings, week=week, start=start, end=end, all_weeks=all_weeks, out=out, wait=wait
        )
    except (AlreadyRunning, ConfigError, WarehouseError, ValueError) as exc:
        raise fail(str(exc)) from exc
    print_digest_report(report)


DEMO_QUERIES = (
    "select event_date, title, place, article_count, outlet_count from v_events order by 1",
    "select measure, as_of, value, unit, source from v_measures order by measure, as_of",
    "select period, path_html from v_digests order by period",
)


@app.command("demo", rich_help_panel="Run the pipeline")
def demo_command(
    ctx: typer.Context,
    out: Annotated[
        Path,
        typer.Option("--out", file_okay=False, help="Folder for the demo's warehouse and reports."),
    ] = Path("data/demo"),
    config: ConfigOpt = None,
) -> None:
    """Run the whole pipeline offline over the bundled demo corpus and write its digests.

    The demo corpus (written by us, modelled on real coverage of five Hangzhou-Hong Kong
    happenings, 2018-2025) is served on 127.0.0.1 and fetched through the real path; ingest,
    track and digest run into OUT/warehouse.duckdb and OUT/reports. Needs no internet.
    Example: hzhk demo --out /tmp/hzhk-demo
    """
    from flows.demo_run import run_demo
    from warehouse.db import WarehouseError

    settings = settings_for(ctx, None, config)
    console.print(f"demo: serving the bundled corpus on 127.0.0.1, writing to {out.resolve()}")
    try:
        report = run_demo(settings, out)
    except (AlreadyRunning, ConfigError, WarehouseError) as exc:
        raise fail(str(exc)) from exc
    i, t = report.ingest.counts, report.track.counts
    console.print(
        f"ingest: {i.sources} sources, {i.pages_fetched} pages fetched, {i.articles_new} new "
        f"articles, {i.headlines_new} headlines, {i.sources_failed} sources failed"
    )
    console.print(
        f"track: {t.articles} articles, {t.relevant} relevant, {t.duplicates} copies linked, "
        f"{t.events_total} events"
    )
    print_digest_report(report.digest)
    console.print(f"\nopen {report.digest.index} in a browser, or try:")
    for query in DEMO_QUERIES:
        console.print(f'  hzhk sql -w {report.warehouse} "{query}"', soft_wrap=True)


@app.command("run", rich_help_panel="Run the pipeline")
def run(
    ctx: typer.Context,
    wait: WaitOpt = False,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
    task_runner: TaskRunnerOpt = None,
) -> None:
    """The main job on the real sources: ingest what is due, track, digest, show the status.

    Migrates and seeds the warehouse, ingests the enabled sources that are due, tracks, writes
    the last complete week's digest, and shows the warehouse's status.

    Offline, every source fails (one line each, recorded in v_ingest_errors) and the digest is
    written from what the warehouse already holds.
    Example: hzhk run
    """
    from warehouse.db import WarehouseError, connect, open_warehouse, rebuild_search_index, status

    settings = with_task_runner(settings_for(ctx, warehouse, config, data_dir), task_runner)
    try:
        open_warehouse(settings.warehouse_path).close()
        with exclusive_run(settings, "run", wait=wait):  # one lock over the three flows
            print_ingest_report(start_ingest(settings, None, None))
            print_track_report(start_track(settings, None))
            print_digest_report(start_digest(settings))
        con = connect(settings.warehouse_path, timezone=settings.timezone)
    except (AlreadyRunning, WarehouseError, ConfigError) as exc:
        raise fail(str(exc)) from exc
    try:
        rebuild_search_index(con)
        st = status(con, settings.warehouse_path)
    finally:
        con.close()
    print_status(st)
