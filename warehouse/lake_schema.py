"""The migrations as a DuckLake can hold them: one schema, adapted, never forked.

A lake refuses PRIMARY KEY and UNIQUE constraints, indexes, CHECK constraints, sequences and
generated columns (DuckLake 1.5.5, each checked); it accepts NOT NULL, DEFAULT (constants and
`now()`), ALTER TABLE ... ADD COLUMN, UPDATE, views and comments. Rather than keep a second set of
migrations that would drift from the first, each migration is adapted when it is applied:

- it is run, statement by statement, on a scratch in-memory DuckDB that has every earlier
  migration, and DuckDB itself says what each statement made (no parsing of our own);
- a CREATE TABLE whose table has a PRIMARY KEY or UNIQUE constraint is written again from the
  scratch catalog's columns (names, types, defaults, NOT NULL) without them: the keys are still
  kept, by the deduplicated MERGE every writer uses (warehouse/merge.py) and the writers' lock
  (warehouse/lake.py);
- a CREATE INDEX is left out: an index is only speed, and a lake has none;
- CHECK and FOREIGN KEY constraints, sequences and generated columns change what is stored, so
  a migration with one stops with an error naming it (tests/warehouse/test_ducklake.py applies
  every migration on both targets, so such a migration is caught before it ships);
- every other statement runs as written.

The checksum recorded in `schema_migrations` stays that of the migration file, so both targets
keep the same history.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

import duckdb

from warehouse.errors import WarehouseError

log = logging.getLogger(__name__)

DROPPED = frozenset({"PRIMARY KEY", "UNIQUE"})  # kept by the MERGEs instead
REFUSED = frozenset({"CHECK", "FOREIGN KEY"})
_LEADING_COMMENTS = re.compile(r"\A(?:\s+|--[^\n]*\n?)*")
_IF_NOT_EXISTS = re.compile(r"CREATE\s+TABLE\s+IF\s+NOT\s+EXISTS\b", re.IGNORECASE)


def for_lake(scripts: Sequence[str]) -> list[list[str]]:
    """Each script's statements as a lake can hold them; the scripts build on one another, in
    order, as migrations do."""
    scratch = duckdb.connect()
    try:
        return [_adapt(scratch, script) for script in scripts]
    finally:
        scratch.close()


def _adapt(scratch: duckdb.DuckDBPyConnection, script: str) -> list[str]:
    adapted: list[str] = []
    for statement in scratch.extract_statements(script):
        text = statement.query
        tables, indexes, sequences = _objects(scratch)
        scratch.execute(text)
        new_tables, new_indexes, new_sequences = (
            after - before
            for after, before in zip(_objects(scratch), (tables, indexes, sequences), strict=True)
        )
        if new_sequences:
            raise WarehouseError(
                f"a DuckLake cannot hold sequences ({', '.join(sorted(new_sequences))}): "
                "use natural or hashed keys, as the other tables do"
            )
        if new_indexes:
            log.info("index %s left out on a DuckLake (it has none)", ", ".join(new_indexes))
            continue
        if new_tables and any(_needs_rewrite(scratch, name) for name in new_tables):
            exists = bool(_IF_NOT_EXISTS.match(_LEADING_COMMENTS.sub("", text)))
            adapted.extend(create_table(scratch, name, exists) for name in sorted(new_tables))
            continue
        adapted.append(text)
    return adapted


def _objects(scratch: duckdb.DuckDBPyConnection) -> tuple[set[str], set[str], set[str]]:
    def names(sql: str) -> set[str]:
        return {str(name) for (name,) in scratch.execute(sql).fetchall()}

    return (
        names("SELECT table_name FROM duckdb_tables() WHERE NOT temporary"),
        names("SELECT index_name FROM duckdb_indexes()"),
        names("SELECT sequence_name FROM duckdb_sequences()"),
    )


def _needs_rewrite(scratch: duckdb.DuckDBPyConnection, table: str) -> bool:
    """Whether the table has a constraint to drop; refuses one a lake cannot do without."""
    kinds = {
        str(kind)
        for (kind,) in scratch.execute(
            "SELECT constraint_type FROM duckdb_constraints() WHERE table_name = ?", [table]
        ).fetchall()
    }
    created = scratch.execute("SELECT sql FROM duckdb_tables() WHERE table_name = ?", [table])
    row = created.fetchone()
    if row and "GENERATED ALWAYS" in str(row[0]).upper():
        kinds.add("generated column")
    refused = kinds & (REFUSED | {"generated column"})
    if refused:
        raise WarehouseError(
            f"table {table}: a DuckLake cannot hold {', '.join(sorted(refused))}; "
            "check the value where it is written instead"
        )
    return bool(kinds & DROPPED)


def create_table(scratch: duckdb.DuckDBPyConnection, table: str, if_not_exists: bool) -> str:
    """CREATE TABLE for `table` as the scratch catalog has it, without keys."""
    columns = scratch.execute(
        "SELECT column_name, data_type, column_default, is_nullable FROM duckdb_columns()"
        " WHERE table_name = ? ORDER BY column_index",
        [table],
    ).fetchall()
    parts = []
    for name, sql_type, default, nullable in columns:
        part = f"{_ident(str(name))} {sql_type}"
        if default is not None:
            part += f" DEFAULT {default}"
        if not nullable:
            part += " NOT NULL"
        parts.append(part)
    exists = " IF NOT EXISTS" if if_not_exists else ""
    return f"CREATE TABLE{exists} {_ident(table)} ({', '.join(parts)})"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
