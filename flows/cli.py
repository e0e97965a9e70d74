"""The `hzhk` command: a thin layer over the warehouse and flow APIs.

Prefect is imported only inside the commands that run flows, so `hzhk --help` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from flows.output import OutputFormat, render
from flows.settings import Settings, load_settings

app = typer.Typer(
    help="Track Hangzhou-Hong Kong cooperation news into a DuckDB warehouse.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Create, migrate and inspect the warehouse.", no_args_is_help=True)
app.add_typer(db_app, name="db")

console = Console()
errors = Console(stderr=True)

WarehouseOpt = Annotated[
    Path | None,
    typer.Option(
        "--warehouse",
        "-w",
        help="Warehouse file (default from settings; env HZHK_WAREHOUSE).",
        dir_okay=False,
    ),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        help="Config folder holding settings.toml and sources.toml (env HZHK_CONFIG).",
        file_okay=False,
    ),
]


def settings_for(warehouse: Path | None, config: Path | None) -> Settings:
    return load_settings(config_dir=config, warehouse=warehouse)


def fail(message: str) -> typer.Exit:
    errors.print(f"[bold red]error:[/bold red] {message}", highlight=False)
    return typer.Exit(code=1)


@db_app.command("migrate")
def db_migrate(warehouse: WarehouseOpt = None, config: ConfigOpt = None) -> None:
    """Create the warehouse or bring it to the latest schema, and load the seed article.

    Example: hzhk db migrate --warehouse /tmp/test.duckdb
    """
    from warehouse.db import WarehouseError, connect, migrate

    settings = settings_for(warehouse, config)
    try:
        con = connect(settings.warehouse_path)
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
def db_status(warehouse: WarehouseOpt = None, config: ConfigOpt = None) -> None:
    """Show the schema version and every table with its row count.

    Example: hzhk db status
    """
    from warehouse.db import WarehouseError, connect, status

    settings = settings_for(warehouse, config)
    try:
        con = connect(settings.warehouse_path, read_only=True)
    except WarehouseError as exc:
        raise fail(str(exc)) from exc
    try:
        st = status(con, settings.warehouse_path)
    finally:
        con.close()
    print_status(st)


def print_status(st: object) -> None:
    from warehouse.db import Status

    assert isinstance(st, Status)
    console.print(f"warehouse: {st.path}")
    behind = "" if st.version == st.latest else f" [yellow](latest is {st.latest})[/yellow]"
    console.print(f"schema version: {st.version}{behind}")
    render(
        ["table", "rows"],
        [(t.name, t.rows) for t in st.tables],
        OutputFormat.table,
        console,
    )
    console.print(f"views: {', '.join(st.views)}")


@app.command("sql")
def sql(
    query: Annotated[str, typer.Argument(help="SELECT or EXPLAIN statement(s).")],
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Run read-only SQL against the warehouse; writes are refused.

    Example: hzhk sql "select title, published_at from v_articles" --format csv
    """
    from warehouse.db import WarehouseError
    from warehouse.query import QueryError, read_only_query

    settings = settings_for(warehouse, config)
    try:
        result = read_only_query(settings.warehouse_path, query)
    except (QueryError, WarehouseError) as exc:
        raise fail(str(exc)) from exc
    render(result.columns, result.rows, fmt, console)


@app.command("run")
def run(warehouse: WarehouseOpt = None, config: ConfigOpt = None) -> None:
    """The main job: migrate and seed the warehouse, then every pipeline stage that exists.

    Example: hzhk run
    """
    from warehouse.db import WarehouseError, open_warehouse, rebuild_search_index, status

    settings = settings_for(warehouse, config)
    try:
        con = open_warehouse(settings.warehouse_path)
    except WarehouseError as exc:
        raise fail(str(exc)) from exc
    try:
        rebuild_search_index(con)
        st = status(con, settings.warehouse_path)
    finally:
        con.close()
    print_status(st)


if __name__ == "__main__":
    app()
