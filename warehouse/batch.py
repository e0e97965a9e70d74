"""Handing DuckDB a batch of rows as ONE JSON parameter: the one way every writer stages rows.

Why not list parameters: duckdb 1.5.5 converts Python lists value by value and tries
`import pandas` twice per value when pandas is absent (about 0.15 ms each, measured: 2,000 values
take ~300 ms, the same rows as one JSON string ~20 ms). `executemany` runs at a few thousand rows
per second. A JSON document turned into typed columns inside DuckDB avoids both.

A writer that MERGEs does not call `rows_table` itself: it declares its table for
`warehouse.merge`, which builds the statement around it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

# A DuckDB JSON structure: column name -> type, e.g. {"id": "VARCHAR", "tags": ["VARCHAR"]}.
Columns = Mapping[str, Any]


def rows_table(columns: Columns, param: str = "?") -> str:
    """A SELECT turning the JSON array of objects in `param` into typed columns.

    `json_transform_strict` refuses rows whose values do not fit their column's type, so a
    writer's mistake is an error instead of a silent NULL.
    """
    shape = json.dumps([dict(columns)])
    return f"SELECT unnest(json_transform_strict({param}::JSON, '{shape}'), recursive := true)"


def values_table(param: str = "?", sql_type: str = "VARCHAR") -> str:
    """A one-column SELECT over the JSON array of scalars in `param` (for `IN (...)`)."""
    return f"SELECT unnest(json_transform_strict({param}::JSON, '[\"{sql_type}\"]'))"


def to_json(rows: Sequence[Mapping[str, Any]] | Iterable[Any]) -> str:
    """The parameter for `rows_table` / `values_table`; times as ISO 8601 with their offset."""
    return json.dumps(list(rows), ensure_ascii=False, default=_jsonable)


def _jsonable(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot stage a {type(value).__name__} value in a batch")


def key_params(keys: Sequence[str]) -> str:
    """`?, ?, ...`, one per key, for an `IN (...)` that must read a wide table by its primary key.

    The exception to one JSON parameter: DuckDB 1.5.5 plans a list unnested from a parameter as
    a semi-join that scans the whole table, and when the rows are wide (article bodies) that
    scan is the memory of the query. Bound one by one, the keys are constants and the primary
    key's index is read. Measured on a 24,000-article warehouse, reading 163 bodies: one JSON
    parameter 180 ms and +145 MB of memory (growing with the warehouse); bound keys 19 ms and
    +37 MB. Handing over costs ~0.1 ms a key (module docstring), so keep it to hundreds.
    """
    return ", ".join("?" * len(keys))
