"""Ad hoc read-only SQL for people: the `hzhk sql` command's engine.

A read-only connection already refuses writes to the warehouse, but not `COPY ... TO`, `EXPORT`
or `ATTACH`, which write elsewhere; so statements are classified before anything runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from warehouse.db import connect

READ_STATEMENTS = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


class QueryError(Exception):
    """A query that was refused or failed; the message is meant for the person who typed it."""


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]


def read_only_query(path: Path, sql: str) -> QueryResult:
    """Run read statements against the warehouse file and return the last one's rows."""
    con = connect(path, read_only=True)
    try:
        try:
            statements = con.extract_statements(sql)
        except duckdb.Error as exc:
            raise QueryError(f"SQL error: {exc}") from exc
        if not statements:
            raise QueryError("no SQL statement given")
        for statement in statements:
            if statement.type not in READ_STATEMENTS:
                kind = statement.type.name
                raise QueryError(
                    f"refused: {kind} statements are not allowed; `hzhk sql` is read-only "
                    "(SELECT and EXPLAIN only)"
                )
        result: QueryResult | None = None
        for statement in statements:
            try:
                cursor = con.execute(statement)
                columns = [d[0] for d in cursor.description or []]
                result = QueryResult(columns, cursor.fetchall())
            except duckdb.Error as exc:
                raise QueryError(f"SQL error: {exc}") from exc
        assert result is not None
        return result
    finally:
        con.close()
