"""Commands over the warehouse itself: `db migrate`, `db status`, `sql`, `archive show`."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from flows.output import OutputFormat, render

if TYPE_CHECKING:
    from config.settings import Settings
    from warehouse.db import Status, WarehouseBusy
from flows.cli.app import (
    ConfigOpt,
    DataDirOpt,
    WarehouseOpt,
    app,
    console,
    errors,
    fail,
    settings_for,
)

db_app = typer.Typer(help="Create, migrate and inspect the warehouse.", no_args_is_help=True)
app.add_typer(db_app, name="db", rich_help_panel="Query and inspect the warehouse")


@db_app.command("migrate")
def db_migrate(
    ctx: typer.Context,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Create the warehouse or bring it to the latest schema, and load the seed article.

    Example: hzhk db migrate --warehouse /tmp/test.duckdb
    """
    from warehouse.db import WarehouseError, connect, migrate

    settings = settings_for(ctx, warehouse, config, data_dir)
    try:
        con = connect(settings.warehouse_path, timezone=settings.timezone)
        try:
            applied = migrate(con)
        finally:
            con.close()
    except WarehouseError as exc:
        raise fail(str(exc)) from exc
    if applied:
        for m in applied:
            console.print(f"applied {m.version:03d}_{m.name}")
    else:
        console.print("warehouse is up to date")
    console.print(f"warehouse: {settings.warehouse_path}")


@db_app.command("status")
def db_status(
    ctx: typer.Context,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Show the schema version, the applied migrations and every table with its row count.

    Example: hzhk db status
    """
    from warehouse.db import WarehouseError, connect, status

    settings = settings_for(ctx, warehouse, config, data_dir)
    try:
        con = connect(settings.warehouse_path, read_only=True, timezone=settings.timezone)
    except WarehouseError as exc:
        raise fail(str(exc)) from exc
    try:
        st = status(con, settings.warehouse_path)
    finally:
        con.close()
    print_status(st)


def print_status(st: Status) -> None:
    console.print(f"warehouse: {st.path}")
    if st.version < st.latest:
        note = f"(latest is {st.latest})"
        console.print(Text.assemble(f"schema version: {st.version} ", (note, "yellow")))
    elif st.version > st.latest:
        note = f"(newer than this code, which knows up to {st.latest})"
        console.print(Text.assemble(f"schema version: {st.version} ", (note, "yellow")))
    else:
        console.print(f"schema version: {st.version}")
    render(
        ["migration", "name", "applied_at"],
        [(f"{v:03d}", name, at) for v, name, at in st.applied],
        OutputFormat.table,
        console,
    )
    render(
        ["table", "rows"],
        [(t.name, t.rows) for t in st.tables],
        OutputFormat.table,
        console,
    )
    console.print(f"views: {', '.join(st.views)}")


@app.command("sql", rich_help_panel="Query and inspect the warehouse")
def sql(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="SELECT or EXPLAIN statement(s).")],
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Run read-only SQL against the warehouse; writes and local files are refused.

    Times are shown in the settings' time zone (Asia/Hong_Kong unless changed). While a run
    writes the warehouse, the query is answered from the snapshot the last run left beside it,
    and a line on stderr says so and how old it is.
    Example: hzhk sql "select title, published_at from v_articles" --format csv
    """
    from warehouse.db import WarehouseBusy, WarehouseError
    from warehouse.query import QueryError, read_only_query

    settings = settings_for(ctx, warehouse, config, data_dir)
    try:
        try:
            result = read_only_query(settings.warehouse_path, query, timezone=settings.timezone)
        except WarehouseBusy as busy:
            snapshot, how_old = snapshot_instead(settings, busy)
            result = read_only_query(snapshot, query, timezone=settings.timezone)
            errors.print(f"{busy}: answered from the snapshot of {how_old}", soft_wrap=True)
    except (QueryError, WarehouseError) as exc:
        raise fail(str(exc)) from exc
    render(result.columns, result.rows, fmt, console)


def snapshot_instead(settings: Settings, busy: WarehouseBusy) -> tuple[Path, str]:
    """The snapshot to read while a run writes the DuckDB file, and how old it is, for a
    reader that found the file busy; `busy` again when there is none. (A lake is never held
    by a writer, so it never gets here.)"""
    from warehouse.snapshot import snapshot_path, snapshot_time

    target = settings.warehouse_path
    published = snapshot_time(target) if isinstance(target, Path) else None
    if published is None or not isinstance(target, Path):
        raise busy
    return snapshot_path(target), age(published)


def age(moment: datetime) -> str:
    """When a snapshot was published, for a person: "2026-12-04 14:05 UTC (12 min ago)"."""
    minutes = max(0, int((datetime.now(UTC) - moment).total_seconds() // 60))
    ago = f"{minutes} min ago" if minutes < 120 else f"{minutes // 60} h ago"
    return f"{moment:%Y-%m-%d %H:%M} UTC ({ago})"


archive_app = typer.Typer(help="Read the raw page archive (no network).", no_args_is_help=True)

app.add_typer(archive_app, name="archive", rich_help_panel="Query and inspect the warehouse")


@archive_app.command("show")
def archive_show(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="sha256 (or 8+ char prefix), archive key or URL.")],
    meta_only: Annotated[bool, typer.Option("--meta", help="Only the metadata.")] = False,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Print a stored page (metadata, then its decoded text) from the archive.

    Example: hzhk archive show https://www.news.gov.hk/eng/index.html --meta
    """
    from flows.http.fetcher import is_text
    from parsers.charset import decode_html
    from warehouse.archive import ArchiveError, read_body
    from warehouse.db import WarehouseError, connect

    settings = settings_for(ctx, warehouse, config, data_dir)
    try:
        con = connect(settings.warehouse_path, read_only=True, timezone=settings.timezone)
        try:
            page = read_body(con, settings.data_path / "archive", key)
        finally:
            con.close()
    except (ArchiveError, WarehouseError) as exc:
        raise fail(str(exc)) from exc
    if page is None:
        raise fail(f"nothing archived for {key}")
    for label, value in (
        ("sha256", page.content_sha256),
        ("url", page.url),
        ("final url", page.final_url),
        ("fetched at", page.fetched_at.isoformat()),
        ("status", page.status),
        ("content type", page.content_type),
        ("charset", page.charset),
        ("bytes", f"{page.size} ({page.stored_size} stored)"),
        ("archive key", page.archive_key),
    ):
        typer.echo(f"{label}: {value}")
    if meta_only:
        return
    typer.echo()
    if is_text(page.content_type):
        typer.echo(decode_html(page.body, page.content_type).text)
    else:
        typer.echo(f"({page.content_type} body of {page.size} bytes; not text)")
