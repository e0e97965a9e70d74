"""Reading query results by column name, never by position.

A reader that takes `row[7]` breaks silently when a column is added or the select list
reordered: it reads the wrong value with no error. Rows read here are dicts keyed by the names the
SELECT gives its columns (`coalesce(body, '') AS body`), or dataclasses built from them by field
name, so a reader survives a new column and a renamed one fails loudly. (A single value, such as a
count or a list of ids, and two or three columns unpacked right under the SELECT that names them
are read as they come: there the position is the name.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import duckdb

T = TypeVar("T")


def named_rows(result: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every row of an executed query as {column name: value}."""
    names = _names(result)
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def named_row(result: duckdb.DuckDBPyConnection) -> dict[str, Any] | None:
    """The first row of an executed query as {column name: value}; None when there is none."""
    names = _names(result)
    row = result.fetchone()
    return None if row is None else dict(zip(names, row, strict=True))


def rows_as(make: Callable[..., T], result: duckdb.DuckDBPyConnection) -> list[T]:
    """Every row built as `make(**row)`: a dataclass whose fields the SELECT names, one by one."""
    return [make(**row) for row in named_rows(result)]


def _names(result: duckdb.DuckDBPyConnection) -> list[str]:
    """The result's column names, refused when two share one (a dict would keep only one)."""
    names = [str(column[0]) for column in result.description or []]
    shared = sorted({n for n in names if names.count(n) > 1})
    if shared:
        raise ValueError(f"columns share a name, alias them apart: {', '.join(shared)}")
    return names
