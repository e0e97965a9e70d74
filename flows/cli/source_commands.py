"""Commands about sources: `sources list`, `sources check`, `fetch`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from config.errors import ConfigError
from flows.output import OutputFormat, render

if TYPE_CHECKING:
    from flows.discover import SourceCheck
from flows.cli.app import (
    ConfigOpt,
    DataDirOpt,
    SourceIdsOpt,
    SourcesFileOpt,
    WarehouseOpt,
    app,
    console,
    fail,
    load_sources_for,
    settings_for,
)

sources_app = typer.Typer(help="List and check the configured sources.", no_args_is_help=True)
app.add_typer(sources_app, name="sources", rich_help_panel="Sources and fetching")


@sources_app.command("list")
def sources_list(
    ctx: typer.Context,
    sources_file: SourcesFileOpt = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
    config: ConfigOpt = None,
) -> None:
    """Show every configured source.

    Example: hzhk sources list --format csv
    """
    sources = load_sources_for(settings_for(ctx, None, config), sources_file)
    columns = [
        "id", "name", "kind", "lang", "publisher", "official", "enabled", "every_min",
        "url or query",
    ]  # fmt: skip
    rows = [
        (
            s.id,
            s.name,
            s.kind,
            s.effective_language,
            s.publisher,
            s.official,
            s.enabled,
            s.poll_interval_minutes,
            s.url or s.query,
        )
        for s in sources
    ]
    render(columns, rows, fmt, console)


@sources_app.command("check")
def sources_check(
    ctx: typer.Context,
    source_ids: SourceIdsOpt = None,
    sources_file: SourcesFileOpt = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
    config: ConfigOpt = None,
) -> None:
    """Fetch and parse each enabled source once and show how it answered; stores nothing.

    Exits 0 even when some sources fail: the table is the report.
    Example: hzhk sources check --source rthk-en-greaterchina
    """
    import asyncio

    from config.source_list import select_sources
    from flows.discover import check_sources
    from flows.http.fetcher import Fetcher

    settings = settings_for(ctx, None, config)
    try:
        chosen = select_sources(load_sources_for(settings, sources_file), source_ids)
    except ConfigError as exc:
        raise fail(str(exc)) from exc

    async def check() -> list[SourceCheck]:
        async with Fetcher(settings.fetch, settings.allow_hosts) as fetcher:
            return await check_sources(fetcher, chosen)

    checks = asyncio.run(check())
    columns = ["source", "outcome", "status", "links", "ms", "error"]
    rows = [
        (c.source_id, c.outcome, c.status, c.links, round(c.elapsed_ms), c.error) for c in checks
    ]
    render(columns, rows, fmt, console)
    failed = sum(1 for c in checks if c.outcome != "ok")
    if fmt is OutputFormat.table:
        console.print(f"{len(checks) - failed} ok, {failed} failed")


@app.command("fetch", rich_help_panel="Sources and fetching")
def fetch_command(
    ctx: typer.Context,
    url: Annotated[str, typer.Argument(help="The URL to fetch.")],
    source: Annotated[str | None, typer.Option("--source", "-s", help="Source id to log.")] = None,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Fetch one URL politely (guard, robots.txt, retries, charset) and archive it.

    Example: hzhk fetch https://www.news.gov.hk/eng/index.html
    """
    from flows.http.single import fetch_and_store
    from warehouse.db import WarehouseError

    settings = settings_for(ctx, warehouse, config, data_dir)
    try:
        stored = fetch_and_store(settings, url, source_id=source)
    except WarehouseError as exc:
        raise fail(str(exc)) from exc
    except OSError as exc:  # the archive folder could not be written
        raise fail(f"could not store the page: {exc}") from exc
    result = stored.result
    if not result.ok and result.outcome != "not_modified":
        raise fail(f"{result.outcome}: {result.error or result.error_class}")
    charset = result.decoded.charset if result.decoded else "-"
    size = len(result.body) if result.body is not None else 0
    typer.echo(f"status: {result.status} ({result.outcome})")
    typer.echo(f"final url: {result.final_url}")
    typer.echo(f"charset: {charset}  bytes: {size}")
    typer.echo(f"archive key: {stored.archive_key or '-'}")
