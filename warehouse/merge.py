"""One MERGE per batch, built from one declared column list per table.

Every writer used to spell its MERGE out by hand, naming each column four times (the staged
columns, `UPDATE SET`, the `INSERT` list, `VALUES`), so a new column meant editing them all and
a missed one was silently never written. Now a writer declares its table once, as a `Table`: the
staged columns (the `Columns` dict `warehouse.batch.rows_table` already needs), the key, and only
the exceptions to the default, which is

- a row of the batch whose key is stored updates every staged column but the key: `col = s.col`;
- a row whose key is not stored inserts every staged column: `col` from `s.col`.

**Adding a column** to a table written here takes a migration (`ALTER TABLE ... ADD COLUMN`) and
one line in the table's `columns`; the writer's rows then carry the value under that name.

`merge` runs the statement with the batch as one JSON parameter (`$rows`), after deduplicating it
on the key. Without that, DuckDB's MERGE applies one of several rows for a stored key silently
and refuses several rows for a new key (a primary-key violation; DuckLake, which has no keys,
would store them all). The LAST row of a key wins, as a later row in a batch is newer news; a
writer with another rule (articles: the version with a body) applies it before calling `merge`.
No `ON CONFLICT`: DuckLake has none, and a MERGE from a deduplicated batch runs there unchanged.

On a DuckLake two more things differ, both handled here so writers need not know the target:
- `RETURNING` is not implemented for a lake's MERGE, so a `returning` table's per-row fate is
  read first, in the same transaction, by a SELECT with the MERGE's own join and conditions
  (`fates_sql`), and the MERGE then runs without it;
- a lake has no keys, so a MERGE called on its own runs in a transaction that holds the lake's
  writer lock and is retried when another writer spoils its commit (warehouse/transactions.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import duckdb

from warehouse.batch import Columns, rows_table, to_json
from warehouse.lake import is_lake
from warehouse.transactions import retried


@dataclass(frozen=True, slots=True)
class Table:
    """How a batch is merged into one table: its staged columns, its key and the exceptions.

    Expressions are SQL over the staged row `s`, the stored row `t` and named parameters
    (`$at`) that the caller passes to `merge`; `$rows` is the batch itself.
    """

    name: str
    columns: Columns  # the staged columns and their types, as `rows_table` takes them
    key: tuple[str, ...]
    # Written on insert and on update alike from an expression instead of `s.col`; may name
    # columns that are not staged (`updated_at: $at`).
    values: Mapping[str, str] = field(default_factory=dict)
    on_update: Mapping[str, str] = field(default_factory=dict)  # `external_id: coalesce(...)`
    on_insert: Mapping[str, str] = field(default_factory=dict)  # `first_seen_at: s.seen_at`
    fixed: frozenset[str] = frozenset()  # staged columns inserted, never updated afterwards
    staged_only: frozenset[str] = frozenset()  # staged for expressions, not table columns
    # Update a stored row only when one of these staged columns differs from it ("all": every
    # column the update writes as `s.col`); JSON is compared by its text, as written.
    compare: Sequence[str] | Literal["all"] = ()
    when: str | None = None  # a further condition for updating a stored row
    otherwise: Sequence[str] = ()  # a stored row failing `when`/`compare` still gets these
    insert_only: bool = False  # a stored row is left exactly as it is
    returning: bool = False  # report what happened to each row (`Merged.inserted`/`updated`)


@dataclass(frozen=True, slots=True)
class Merged:
    """What one `merge` did: the rows it staged and, for a `returning` table, each row's fate."""

    staged: int  # rows after deduplication
    actions: tuple[str, ...] = ()  # 'INSERT' or 'UPDATE' per row written; empty unless returning

    @property
    def inserted(self) -> int:
        return self.actions.count("INSERT")

    @property
    def updated(self) -> int:
        return self.actions.count("UPDATE")


def merge(
    con: duckdb.DuckDBPyConnection,
    table: Table,
    rows: Iterable[Mapping[str, Any]],
    params: Mapping[str, object] | None = None,
) -> Merged:
    """Merge a batch into `table` in one statement, the last row of each key winning."""
    staged = deduplicated(table, rows)
    if not staged:
        return Merged(0)
    values = {**(params or {}), "rows": to_json(staged)}

    def write() -> Merged:
        if not table.returning:
            con.execute(merge_sql(table, staged=staged), values)
            return Merged(len(staged))
        if is_lake(con):
            reading = fates_sql(table, staged)
            used = {k: v for k, v in values.items() if re.search(rf"\${k}\b", reading)}
            fates = con.execute(reading, used).fetchall()
            con.execute(merge_sql(table, returning=False, staged=staged), values)
        else:
            fates = con.execute(merge_sql(table, staged=staged), values).fetchall()
        return Merged(len(staged), tuple(str(fate) for (fate,) in fates if fate is not None))

    return retried(con, write)


def deduplicated(table: Table, rows: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """One row per key: the last one given (kept in the place of the key's first row)."""
    by_key: dict[tuple[Any, ...], Mapping[str, Any]] = {}
    for row in rows:
        by_key[tuple(row[k] for k in table.key)] = row
    return list(by_key.values())


def merge_sql(
    table: Table, *, returning: bool | None = None, staged: Sequence[Mapping[str, Any]] = ()
) -> str:
    """The MERGE statement for a declaration (its rows as the JSON parameter `$rows`);
    `returning` (default: the table's) adds each row's action; `staged`, the rows it will
    merge, lets the stored rows be read by their keys (see `_keys_in`)."""
    parts = [
        f"MERGE INTO {table.name} AS t",
        f"USING ({rows_table(table.columns, '$rows')}) AS s",
        f"ON {_on(table)}{_keys_in(table, staged)}",
    ]
    if not table.insert_only:
        parts.append(_when_matched(table))
    inserted = _inserted(table)
    parts.append(
        f"WHEN NOT MATCHED THEN INSERT ({', '.join(inserted)})"
        f" VALUES ({', '.join(inserted.values())})"
    )
    if table.returning if returning is None else returning:
        parts.append("RETURNING merge_action")
    return "\n".join(parts)


def fates_sql(table: Table, staged: Sequence[Mapping[str, Any]] = ()) -> str:
    """What `merge_sql` would do with each staged row, read before it runs: 'INSERT',
    'UPDATE' or NULL (left as stored), as `RETURNING merge_action` reports on the DuckDB file."""
    if table.insert_only:
        updated = "NULL"
    elif table.otherwise:
        updated = "'UPDATE'"  # what the condition leaves, `otherwise` updates
    else:
        condition = _matched_condition(table)
        updated = f"CASE WHEN {condition} THEN 'UPDATE' END" if condition else "'UPDATE'"
    return "\n".join(
        [
            f"SELECT CASE WHEN t.{table.key[0]} IS NULL THEN 'INSERT' ELSE {updated} END",
            f"FROM ({rows_table(table.columns, '$rows')}) AS s",
            f"LEFT JOIN {table.name} AS t ON {_on(table)}{_keys_in(table, staged)}",
        ]
    )


def _on(table: Table) -> str:
    return " AND ".join(f"t.{k} = s.{k}" for k in table.key)


MAX_LISTED_KEYS = 10_000


def _keys_in(table: Table, staged: Sequence[Mapping[str, Any]]) -> str:
    """`AND t.key IN ('a', 'b', ...)`: the batch's keys, as literals, for each key column.

    DuckDB joins a MERGE's rows to a sequential scan of the whole stored table, reading every
    column the statement may write or compare (an article's body among them), so each batch
    cost more as the table grew and held the blocks it read until the connection closed. A
    list of literals is pushed into that scan as a filter, and the rest of a stored row is read
    only where a key matches. Measured (100 articles into 12,000 stored by earlier batches):
    +107 MB and 0.15 s without it, +25 MB and 0.06 s with it; in an ingest of 10,000 pages the
    store step's rise grew from +27 MB at the first batch to +80 MB at the last without it. A
    parameter or a subquery is not pushed, hence the literals: strings quoted (a quote
    doubled), integers as written; a key of another type (or NULL, or a string with a NUL
    character, which SQL text cannot carry), or a batch of more than `MAX_LISTED_KEYS`, is
    merged without the list, as before."""
    if not staged or len(staged) > MAX_LISTED_KEYS:
        return ""
    lists = []
    for k in table.key:
        literals = {_literal(row[k]) for row in staged}
        if None in literals:
            return ""
        lists.append(f" AND t.{k} IN ({', '.join(sorted(str(v) for v in literals))})")
    return "".join(lists)


def _literal(value: object) -> str | None:
    if isinstance(value, str):
        return None if "\x00" in value else "'" + value.replace("'", "''") + "'"
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _and(condition: str) -> str:
    return f" AND {condition}" if condition else ""


def _stored(table: Table) -> list[str]:
    """The staged columns that are columns of the table."""
    return [c for c in table.columns if c not in table.staged_only]


def _copied(table: Table) -> list[str]:
    """The staged columns an update writes as they come (`col = s.col`)."""
    skip = set(table.key) | table.fixed | set(table.values) | set(table.on_update)
    return [c for c in _stored(table) if c not in skip]


def _updated(table: Table) -> list[str]:
    """Every column an update writes, staged ones first."""
    skip = set(table.key) | table.fixed
    names = [c for c in _stored(table) if c not in skip]
    return list(dict.fromkeys([*names, *table.values, *table.on_update]))


def _set(table: Table, columns: Iterable[str]) -> str:
    exprs = {**table.values, **table.on_update}
    return ", ".join(f"{c} = {exprs.get(c, f's.{c}')}" for c in columns)


def _when_matched(table: Table) -> str:
    """The one WHEN MATCHED clause (a DuckLake MERGE takes no second): a row failing `when` or
    `compare` gets what `otherwise` lists, through a CASE per column, as a second clause would."""
    condition = _matched_condition(table)
    updated = _updated(table)
    if not (table.otherwise and condition):
        return f"WHEN MATCHED{_and(condition)} THEN UPDATE SET {_set(table, updated)}"
    exprs = {**table.values, **table.on_update}
    columns = list(dict.fromkeys([*updated, *table.otherwise]))
    cases = []
    for c in columns:
        first = exprs.get(c, f"s.{c}") if c in updated else f"t.{c}"
        second = exprs.get(c, f"s.{c}") if c in table.otherwise else f"t.{c}"
        cases.append(f"{c} = CASE WHEN {condition} THEN {first} ELSE {second} END")
    return f"WHEN MATCHED THEN UPDATE SET {', '.join(cases)}"


def _matched_condition(table: Table) -> str:
    """When a stored row takes the update (`when` and `compare`); empty: always."""
    conditions = [f"({table.when})"] if table.when else []
    compared = _copied(table) if table.compare == "all" else list(table.compare)
    if compared:
        staged = ", ".join(_compared(table, "s", c) for c in compared)
        stored = ", ".join(_compared(table, "t", c) for c in compared)
        conditions.append(f"({staged}) IS DISTINCT FROM ({stored})")
    return " AND ".join(conditions)


def _compared(table: Table, alias: str, column: str) -> str:
    """A column as `compare` reads it: JSON by its text (`{"a": 1}` as stored, not parsed)."""
    cast = "::VARCHAR" if table.columns.get(column) == "JSON" else ""
    return f"{alias}.{column}{cast}"


def _inserted(table: Table) -> dict[str, str]:
    """Each column an insert writes, with its value: staged ones first, in declared order."""
    exprs = {c: f"s.{c}" for c in _stored(table)}
    return {**exprs, **table.values, **table.on_insert}
