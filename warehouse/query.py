"""Ad hoc read-only SQL for people: the `hzhk sql` command's engine.

Two layers keep it read-only. The connection is the guarantee: the file is opened read-only, then
file access outside it is switched off (`enable_external_access`) and the configuration locked,
so no statement can write a file (`COPY ... TO`, `EXPORT`, profiling output), read one, attach
another database or switch the setting back on. The statements are also classified before
anything runs, so a write is refused with a message that says why instead of failing halfway
with DuckDB's own error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

from warehouse.db import DISPLAY_TIMEZONE, Target, connect
from warehouse.lake import NAME as LAKE_NAME
from warehouse.lake import is_lake

READ_STATEMENTS = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
ALLOWED = "`hzhk sql` is read-only (SELECT and EXPLAIN only)"

# The words that may open an EXPLAIN before the statement it explains: comments, `ANALYZE`
# (or `ANALYSE`), or an option list such as `(ANALYZE, FORMAT json)`.
_GAP = r"(?:\s+|--[^\n]*|/\*.*?\*/)*"
_EXPLAIN = re.compile(rf"{_GAP}EXPLAIN\b", re.IGNORECASE | re.DOTALL)
_EXPLAIN_PREFIXES = (
    re.compile(rf"{_GAP}ANALY[SZ]E\b", re.IGNORECASE | re.DOTALL),
    re.compile(rf"{_GAP}\([^()]*\)", re.DOTALL),
)


class QueryError(Exception):
    """A query that was refused or failed; the message is meant for the person who typed it."""


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]


def read_only_query(path: Target, sql: str, *, timezone: str = DISPLAY_TIMEZONE) -> QueryResult:
    """Run read statements against the warehouse file and return the last one's rows."""
    con = connect(path, read_only=True, timezone=timezone)
    try:
        seal(con)
        statements = parse(con, sql)
        if not statements:
            raise QueryError("no SQL statement given")
        reason = refusal(con, statements)
        if reason:
            raise QueryError(f"refused: {reason}")
        result = QueryResult([], [])
        for statement in statements:
            try:
                cursor = con.execute(statement)
                if statement.type in READ_STATEMENTS:
                    columns = [d[0] for d in cursor.description or []]
                    result = QueryResult(columns, cursor.fetchall())
            except duckdb.PermissionException as exc:
                first = str(exc).splitlines()[0]
                raise QueryError(
                    f"refused: `hzhk sql` reads only the warehouse, not local files ({first})"
                ) from exc
            except duckdb.Error as exc:
                raise QueryError(f"SQL error: {one_line(exc)}") from exc
        return result
    finally:
        con.close()


def seal(con: duckdb.DuckDBPyConnection) -> None:
    """Cut the connection off from every file but the open warehouse, for good.

    Runs after the FTS extension is loaded (loading reads a file); locking the configuration
    stops a statement from turning external access back on, or changing anything else. A lake's
    rows sit in Parquet files under its data path, read through the same file system: that one
    folder stays readable (its catalog is already open).
    """
    if is_lake(con):
        found = con.execute(f"SELECT data_path FROM ducklake_settings('{LAKE_NAME}')").fetchone()
        if found:
            con.execute("SET allowed_directories = [?]", [str(found[0])])
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")


def parse(con: duckdb.DuckDBPyConnection, sql: str) -> list[duckdb.Statement]:
    try:
        return list(con.extract_statements(sql))
    except duckdb.Error as exc:
        raise QueryError(f"SQL error: {one_line(exc)}") from exc


MAX_ERROR_CHARS = 300


def one_line(exc: BaseException) -> str:
    """DuckDB's message on one line: it spans several ("LINE 1: ..." and a caret line under the
    spot), which a terminal shows as a broken error and a log as several entries. The caret
    line is dropped, the rest kept in order (the query text as typed, brackets and all), and a
    message quoting a 100 KB query is cut short."""
    parts = [" ".join(line.split()) for line in str(exc).splitlines()]
    parts = [part for part in parts if part and set(part) != {"^"}]
    text = parts[0] if parts else type(exc).__name__
    if len(parts) > 1:
        text += f" ({'; '.join(parts[1:])})"
    return text if len(text) <= MAX_ERROR_CHARS else text[: MAX_ERROR_CHARS - 1] + "…"


def refusal(con: duckdb.DuckDBPyConnection, statements: Sequence[duckdb.Statement]) -> str | None:
    """Why these statements may not run, or None when all they do is read.

    DuckDB rewrites a PIVOT without an `IN (...)` list into statements of its own, which carry no
    text: a CREATE of a temporary enum type (and sometimes a transaction around it) before the
    statement that reads. Those are allowed when what follows them reads; a user's own CREATE,
    COPY or INSERT around a PIVOT is still refused.
    """
    for index, statement in enumerate(statements):
        kind = statement.type
        if kind == duckdb.StatementType.SELECT:
            continue
        if kind == duckdb.StatementType.EXPLAIN:
            reason = _explain_refusal(con, statement)
            if reason:
                return reason
            continue
        if not statement.query and kind == duckdb.StatementType.TRANSACTION:
            continue  # DuckDB's own, around a rewrite whose statements are checked one by one
        if not statement.query and kind == duckdb.StatementType.CREATE:
            after = _after_setup(statements[index + 1 :])
            if after is not None and after.type in READ_STATEMENTS:
                continue  # a PIVOT's setup; the statement that reads is checked in its turn
            if after is not None and after.type != duckdb.StatementType.TRANSACTION:
                kind = after.type  # name what the user wrote around the PIVOT: COPY, INSERT
        return f"{kind.name} statements are not allowed; {ALLOWED}"
    return None


def _after_setup(rest: Sequence[duckdb.Statement]) -> duckdb.Statement | None:
    """The first statement after a run of text-less CREATEs (what a PIVOT's setup serves)."""
    for statement in rest:
        if statement.query or statement.type != duckdb.StatementType.CREATE:
            return statement
    return None


def _explain_refusal(con: duckdb.DuckDBPyConnection, statement: duckdb.Statement) -> str | None:
    """EXPLAIN ANALYZE runs the statement it explains, so that statement must be a read too.

    Any EXPLAIN of a write is refused, with or without ANALYZE: in DuckDB 1.5.5 even
    `EXPLAIN (ANALYZE false)` runs it, so the option cannot be trusted to mean "plan only".
    """
    if not statement.query:
        return (
            "DuckDB rewrites an EXPLAIN of a PIVOT without an IN list into statements hzhk "
            "cannot check; name the pivoted values (PIVOT ... ON col IN ('a', 'b') ...)"
        )
    explained = [inner for text in _explained_texts(statement.query) if (inner := _try(con, text))]
    if not explained:
        return f"cannot tell which statement this EXPLAIN runs; {ALLOWED}"
    for inner in explained:
        reason = refusal(con, inner)
        if reason:
            return f"EXPLAIN runs the statement it explains: {reason}"
    return None


def _explained_texts(text: str) -> list[str]:
    """Every reading of what follows EXPLAIN: as it stands, and after ANALYZE or an option list."""
    found = _EXPLAIN.match(text)
    if not found:
        return []
    rest = text[found.end() :]
    texts = [rest]
    for prefix in _EXPLAIN_PREFIXES:
        if matched := prefix.match(rest):
            texts.append(rest[matched.end() :])
    return texts


def _try(con: duckdb.DuckDBPyConnection, text: str) -> list[duckdb.Statement]:
    try:
        return list(con.extract_statements(text))
    except duckdb.Error:
        return []
