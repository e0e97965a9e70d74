"""Commands that repair and complete the warehouse: `reparse` (archived pages, today's parsers)
and `backfill` (a window of days asked of every source)."""

from __future__ import annotations

import contextlib
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from config.errors import ConfigError
from config.settings import Settings
from flows.output import OutputFormat, render

if TYPE_CHECKING:
    from flows.reports import BackfillReport, ReparseReport
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
from flows.cli.flow_commands import PROBLEMS_SHOWN, print_ingest_report, print_track_report
from flows.cli.schedule_commands import WaitOpt
from flows.run_guard import AlreadyRunning, exclusive_run

PANEL = "Repair and catch up"
DAY = ["%Y-%m-%d"]


def start_reparse(
    settings: Settings,
    publisher: str | None,
    since: date | None,
    *,
    dry_run: bool,
    wait: bool = False,
) -> ReparseReport:
    """Run the Prefect `reparse` flow; Prefect's environment is set before it is imported. A dry
    run writes nothing, so it takes no turn at the warehouse."""
    from flows.prefect_env import configure_prefect, one_off_run

    turn = contextlib.nullcontext() if dry_run else exclusive_run(settings, "reparse", wait=wait)
    with turn:  # before Prefect starts; the flow joins it
        configure_prefect(settings)
        from flows.reparse import reparse

        with one_off_run():
            return reparse(settings=settings, publisher=publisher, since=since, dry_run=dry_run)


def print_reparse_report(report: ReparseReport) -> None:
    """The counts, one line per page that failed, and the track run that followed."""
    title = "dry run (nothing written)" if report.dry_run else f"reparse run {report.run_id}"
    console.print(f"{title}: {report.status}")
    render(["count", "value"], list(report.counts.as_dict().items()), OutputFormat.table, console)
    for p in report.problems[:PROBLEMS_SHOWN]:
        line = f"✗ {p.source_id or '-'} [{p.stage}] {p.error_class or ''}: {p.error} {p.url or ''}"
        console.print(" ".join(line.split()), soft_wrap=True)
    if len(report.problems) > PROBLEMS_SHOWN:
        console.print(f"... and {len(report.problems) - PROBLEMS_SHOWN} more in v_ingest_errors")
    if report.track is not None:
        print_track_report(report.track)


@app.command("reparse", rich_help_panel=PANEL)
def reparse_command(
    ctx: typer.Context,
    publisher: Annotated[
        str | None,
        typer.Option(
            "--publisher",
            help="Only this publisher's pages: a parser name (chinadaily, generic) or a "
            'publisher as stored ("China Daily").',
        ),
    ] = None,
    since: Annotated[
        datetime | None,
        typer.Option("--since", formats=DAY, help="Only articles published on or after this day."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Parse and compare only; write nothing.")
    ] = False,
    wait: WaitOpt = False,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Parse the archived pages of stored articles again with today's parsers (no network).

    After a parser fix: each article whose raw page is in the archive is parsed again; those
    that read differently (body, title, dates, parser) are stored and tracked again. A page
    that fails to parse is reported (v_ingest_errors, stage reparse) and its article kept.
    Example: hzhk reparse --publisher chinadaily --since 2025-01-01 --dry-run
    """
    from warehouse.db import WarehouseError

    settings = settings_for(ctx, warehouse, config, data_dir)
    target = settings.warehouse_path
    if dry_run and isinstance(target, Path) and not target.exists():  # read-only: creates none
        raise fail(f"no warehouse at {settings.warehouse_path}: run `hzhk db migrate` first")
    try:
        day = since.date() if since else None
        report = start_reparse(settings, publisher, day, dry_run=dry_run, wait=wait)
    except (AlreadyRunning, ConfigError, WarehouseError) as exc:
        raise fail(str(exc)) from exc
    print_reparse_report(report)


def start_backfill(
    settings: Settings,
    first: date,
    last: date,
    sources_file: Path | None,
    source_ids: list[str] | None,
    *,
    wait: bool = False,
) -> BackfillReport:
    """Run the Prefect `backfill` flow; Prefect's environment is set before it is imported."""
    import asyncio

    from flows.prefect_env import configure_prefect, one_off_run

    with exclusive_run(settings, "backfill", wait=wait):  # before Prefect starts; the flow joins
        configure_prefect(settings)
        from flows.backfill import backfill

        with one_off_run():
            return asyncio.run(
                backfill(
                    first,
                    last,
                    settings=settings,
                    sources_file=sources_file,
                    source_ids=source_ids,
                )
            )


def print_backfill_report(report: BackfillReport) -> None:
    console.print(f"backfill {report.first_day}..{report.last_day}")
    for note in report.notes:  # what could not be had: one line each
        console.print(f"• {note}", soft_wrap=True)
    print_ingest_report(report.ingest)


@app.command("backfill", rich_help_panel=PANEL)
def backfill_command(
    ctx: typer.Context,
    first: Annotated[
        datetime, typer.Option("--from", formats=DAY, help="First day of the window.")
    ],
    last: Annotated[
        datetime, typer.Option("--to", formats=DAY, help="Last day of the window (inclusive).")
    ],
    source_ids: SourceIdsOpt = None,
    sources_file: SourcesFileOpt = None,
    wait: WaitOpt = False,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
    task_runner: TaskRunnerOpt = None,
) -> None:
    """Ask the sources for the articles of a window of days, and fetch and store them as ingest.

    GDELT is asked for the window (it keeps about three months: an older part is not asked, and
    the report says so), Google News with after:/before:, sitemaps and list pages by their
    dates (list pages followed back through their next-page links). RSS, Atom and press-release
    feeds list only their latest items: they are filtered to the window, and one that does not
    reach back far enough is named. Days are in the display time zone; --to may not be after
    today.
    Example: hzhk backfill --from 2025-04-20 --to 2025-04-27 --source zhejiang-gov-sitemap
    """
    from pydantic import ValidationError

    from config.source_list import select_sources
    from flows.polling import backfill_days
    from warehouse.db import WarehouseError

    settings = with_task_runner(settings_for(ctx, warehouse, config, data_dir), task_runner)
    try:
        days = backfill_days(first.date(), last.date(), settings.timezone)
    except ValidationError as exc:
        raise fail(str(exc.errors()[0]["msg"]).removeprefix("Value error, ")) from exc
    try:
        select_sources(load_sources_for(settings, sources_file), source_ids)
        report = start_backfill(
            settings, days.first, days.last, sources_file, source_ids, wait=wait
        )
    except (AlreadyRunning, ConfigError, WarehouseError) as exc:
        raise fail(str(exc)) from exc
    print_backfill_report(report)
