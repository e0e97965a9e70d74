"""`hzhk export --parquet DIR`: the public views as Parquet for other tools."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

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
from flows.cli.warehouse_commands import snapshot_instead
from flows.output import OutputFormat, render


@app.command("export", rich_help_panel="Query and inspect the warehouse")
def export(
    ctx: typer.Context,
    parquet: Annotated[
        Path,
        typer.Option(
            "--parquet",
            help="Folder to write: one Hive-partitioned folder per public view (month=YYYY-MM).",
        ),
    ],
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Write every public view (v_articles, v_events, ...) as Parquet, partitioned by month.

    A row's month is its happening's (an article's publication, an event's date) in the
    settings' time zone; rows without one are under month=undated. Running it again replaces
    the export. While a run writes the warehouse, the snapshot the last run left is exported
    and a line on stderr says so.
    Example: hzhk export --parquet exports/ && duckdb -c "select month, count(*) from
    read_parquet('exports/v_articles/*/*.parquet', hive_partitioning=true) group by all"
    """
    from warehouse.db import WarehouseBusy, WarehouseError, connect
    from warehouse.export import ExportError, export_parquet

    settings = settings_for(ctx, warehouse, config, data_dir)
    try:
        try:
            con = connect(settings.warehouse_path, read_only=True, timezone=settings.timezone)
        except WarehouseBusy as busy:
            snapshot, how_old = snapshot_instead(settings, busy)
            con = connect(snapshot, read_only=True, timezone=settings.timezone)
            errors.print(f"{busy}: exporting the snapshot of {how_old}", soft_wrap=True)
        try:
            written = export_parquet(con, parquet.resolve())
        finally:
            con.close()
    except (ExportError, WarehouseError, OSError) as exc:
        raise fail(str(exc)) from exc
    render(
        ["view", "rows", "months", "path"],
        [(e.view, e.rows, e.months, e.path) for e in written],
        OutputFormat.table,
        console,
    )
