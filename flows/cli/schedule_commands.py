"""Commands for scheduled operation: `pipeline`, `serve`, `status`."""

from __future__ import annotations

import os
from datetime import datetime
from typing import Annotated, Any

import typer

from config.errors import ConfigError
from flows.cli.app import (
    ConfigOpt,
    DataDirOpt,
    WarehouseOpt,
    app,
    console,
    fail,
    settings_for,
)
from flows.output import OutputFormat, render

PANEL = "Scheduled operation"
WaitOpt = Annotated[
    bool,
    typer.Option("--wait", help="If another run holds the warehouse, wait for it (else stop)."),
]


@app.command("pipeline", rich_help_panel=PANEL)
def pipeline_command(
    ctx: typer.Context,
    wait: WaitOpt = False,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Ingest the sources that are due, track, write last week's and this week's digests.

    What the hourly deployment of `hzhk serve` runs, as one flow run.
    Example: hzhk pipeline --wait
    """
    import asyncio

    from flows.cli.flow_commands import (
        print_digest_report,
        print_ingest_report,
        print_track_report,
    )
    from flows.prefect_env import configure_prefect, one_off_run
    from flows.run_guard import AlreadyRunning, exclusive_run
    from warehouse.db import WarehouseError

    settings = settings_for(ctx, warehouse, config, data_dir)
    try:
        with exclusive_run(settings, "pipeline", wait=wait):  # before Prefect's start-up
            configure_prefect(settings)
            from flows.pipeline import pipeline

            with one_off_run():
                report = asyncio.run(pipeline(settings=settings))
    except (AlreadyRunning, ConfigError, WarehouseError) as exc:
        raise fail(str(exc)) from exc
    print_ingest_report(report.ingest)
    print_track_report(report.track)
    for written in report.digests:
        print_digest_report(written)


@app.command("serve", rich_help_panel=PANEL)
def serve_command(
    ctx: typer.Context,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Run the deployments on their schedules until stopped (Ctrl-C).

    Starts a Prefect server on 127.0.0.1 (settings.toml's schedule.server_port; its state under
    the data folder), or uses the one PREFECT_API_URL names, then serves the pipeline every
    schedule.pipeline_every_minutes and the weekly digest on schedule.digest_cron in
    schedule.timezone. Schedules fire only with a server, which is why this starts one.
    Example: hzhk serve
    """
    from flows.serve import ServerUnavailable, prefect_server, serve_deployments

    settings = settings_for(ctx, warehouse, config, data_dir)
    try:
        with prefect_server(settings) as server:
            how = "started" if server.started else "using"
            console.print(f"{how} the Prefect server at {server.api_url}", soft_wrap=True)
            s = settings.schedule
            console.print(
                f"serving: pipeline every {s.pipeline_every_minutes:g} min, digest at "
                f"'{s.digest_cron}' ({s.timezone}); Ctrl-C stops",
                soft_wrap=True,
            )
            serve_deployments(settings)
    except ServerUnavailable as exc:
        raise fail(str(exc)) from exc
    except KeyboardInterrupt:
        console.print("stopped")


@app.command("status", rich_help_panel=PANEL)
def status_command(
    ctx: typer.Context,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """The last runs, the next scheduled runs and each source's health.

    The runs and the sources' health come from the warehouse, the next scheduled runs from the
    Prefect server when one answers.

    Example: hzhk status
    """
    from warehouse.db import WarehouseError, connect
    from warehouse.health import recent_runs, source_health

    settings = settings_for(ctx, warehouse, config, data_dir)
    try:
        con = connect(settings.warehouse_path, read_only=True, timezone=settings.timezone)
    except WarehouseError as exc:
        raise fail(str(exc)) from exc
    try:
        runs = recent_runs(con)
        sources = source_health(con)
    finally:
        con.close()
    console.print("last runs")
    render(
        ["flow", "started", "finished", "status", "error"],
        [(r.flow, r.started_at, r.finished_at, r.status, r.error) for r in runs],
        OutputFormat.table,
        console,
    )
    api = os.environ.get("PREFECT_API_URL") or (
        f"http://127.0.0.1:{settings.schedule.server_port}/api"
    )
    upcoming = scheduled_runs(api)
    if upcoming is None:
        console.print(f"next scheduled runs: no Prefect server answers at {api} (hzhk serve)")
    else:
        console.print("next scheduled runs")
        render(["deployment", "expected start"], upcoming, OutputFormat.table, console)
    console.print("sources")
    render(
        ["source", "enabled", "last answered", "failed since", "last failed", "articles", "error"],
        [
            (s.source_id, s.enabled, s.last_answered, s.failures_in_a_row, s.last_failed,
             s.articles, s.last_error)
            for s in sources
        ],
        OutputFormat.table,
        console,
    )  # fmt: skip


def scheduled_runs(api: str, limit: int = 5) -> list[tuple[str, datetime | str]] | None:
    """The next scheduled flow runs the server knows, or None when no server answers.

    Read over the REST API, so `hzhk status` does not import Prefect (seconds) to ask.
    """
    import httpx

    base = api.rstrip("/")
    body: dict[str, Any] = {
        "flow_runs": {"state": {"type": {"any_": ["SCHEDULED"]}}},
        "sort": "EXPECTED_START_TIME_ASC",
        "limit": limit,
    }
    try:
        runs = httpx.post(f"{base}/flow_runs/filter", json=body, timeout=3.0)
        runs.raise_for_status()
        names: dict[str, str] = {}
        found: list[tuple[str, datetime | str]] = []
        for run in runs.json():
            deployment = str(run.get("deployment_id") or "")
            if deployment and deployment not in names:
                answer = httpx.get(f"{base}/deployments/{deployment}", timeout=3.0)
                named = answer.json().get("name") if answer.is_success else None
                names[deployment] = str(named or deployment)
            when = run.get("expected_start_time") or "?"
            found.append((names.get(deployment, str(run.get("name", "?"))), when))
        return found
    except (httpx.HTTPError, ValueError):
        return None
