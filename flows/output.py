"""Printing query results for people (rich tables) and for programs (CSV, JSON)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def plain(value: Any) -> Any:
    """A JSON-ready value: datetimes as ISO 8601 with their offset, decimals as numbers."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return value.hex()
    return value


def _cell(value: Any) -> str:
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def unique_names(columns: Sequence[str]) -> list[str]:
    """Column names made unique the way DuckDB names a subquery's: `title`, `title_1`, ...

    A query may return two columns of one name (`e.title, a.title`); a JSON object keeps only
    one of them, so every format gets the same renamed header instead. A suffix never takes a
    name the query already uses.
    """
    taken = set(columns)
    seen: set[str] = set()
    names = []
    for name in columns:
        if name in seen:
            n = 1
            while f"{name}_{n}" in taken:
                n += 1
            name = f"{name}_{n}"
            taken.add(name)
        seen.add(name)
        names.append(name)
    return names


def render(
    columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: OutputFormat, console: Console
) -> None:
    columns = unique_names(columns)
    if fmt is OutputFormat.json:
        records = [dict(zip(columns, map(plain, row), strict=True)) for row in rows]
        console.out(json.dumps(records, ensure_ascii=False, indent=2), highlight=False)
    elif fmt is OutputFormat.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_cell(v) for v in row] for row in rows)
        console.out(buffer.getvalue(), end="", highlight=False)
    else:
        # Cells and headers are Text, never markup: a title "Hangzhou [/b]" from a feed must print
        # as written (read as markup it crashed the table; "[red]x[/red]" vanished into style).
        table = Table(show_lines=False)
        for name in columns:
            table.add_column(Text(name))
        for row in rows:
            table.add_row(*(Text(_cell(v)) for v in row))
        console.print(table)
        console.print(Text(f"{len(rows)} row{'s' if len(rows) != 1 else ''}", style="dim"))
