"""One MERGE per batch from one declared column list (warehouse.merge), and rows read by name
(warehouse.rows): each test is a sentence of what they promise."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import duckdb
import pytest

from warehouse.batch import rows_table, to_json
from warehouse.merge import Merged, Table, deduplicated, merge, merge_sql
from warehouse.rows import named_row, named_rows, rows_as

NOTES = Table(name="notes", columns={"id": "VARCHAR", "text": "VARCHAR"}, key=("id",))


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect()
    connection.execute("CREATE TABLE notes (id VARCHAR PRIMARY KEY, text VARCHAR)")
    yield connection
    connection.close()


def stored(con: duckdb.DuckDBPyConnection, table: str = "notes") -> list[tuple[object, ...]]:
    return con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()


def test_by_default_every_staged_column_is_updated_and_inserted_as_it_comes() -> None:
    assert merge_sql(NOTES) == "\n".join(
        [
            "MERGE INTO notes AS t",
            f"USING ({rows_table(NOTES.columns, '$rows')}) AS s",
            "ON t.id = s.id",
            "WHEN MATCHED THEN UPDATE SET text = s.text",
            "WHEN NOT MATCHED THEN INSERT (id, text) VALUES (s.id, s.text)",
        ]
    )


def test_the_exceptions_are_declared_and_everything_else_stays_the_default() -> None:
    """The shape of `articles`: a kept value, a staged-only time inserted under another name, an
    update only when the body is not lost and something differs, and what happened to each row."""
    pages = Table(
        name="pages",
        columns={"id": "VARCHAR", "title": "VARCHAR", "body": "VARCHAR", "seen_at": "TIMESTAMPTZ"},
        key=("id",),
        on_update={"title": "coalesce(s.title, t.title)"},
        on_insert={"first_seen_at": "s.seen_at"},
        staged_only=frozenset({"seen_at"}),
        when="s.body IS NOT NULL OR t.body IS NULL",
        compare=("title", "body"),
        returning=True,
    )
    assert merge_sql(pages).splitlines()[2:] == [
        "ON t.id = s.id",
        "WHEN MATCHED AND (s.body IS NOT NULL OR t.body IS NULL)"
        " AND (s.title, s.body) IS DISTINCT FROM (t.title, t.body)"
        " THEN UPDATE SET title = coalesce(s.title, t.title), body = s.body",
        "WHEN NOT MATCHED THEN INSERT (id, title, body, first_seen_at)"
        " VALUES (s.id, s.title, s.body, s.seen_at)",
        "RETURNING merge_action",
    ]


def test_values_are_written_on_insert_and_update_and_fixed_columns_only_on_insert() -> None:
    logged = Table(
        name="log",
        columns={"id": "VARCHAR", "run_id": "VARCHAR", "error": "VARCHAR"},
        key=("id",),
        values={"logged_at": "$at"},
        fixed=frozenset({"run_id"}),
    )
    assert merge_sql(logged).splitlines()[3:] == [
        "WHEN MATCHED THEN UPDATE SET error = s.error, logged_at = $at",
        "WHEN NOT MATCHED THEN INSERT (id, run_id, error, logged_at)"
        " VALUES (s.id, s.run_id, s.error, $at)",
    ]


def test_compare_all_compares_every_copied_column_and_json_as_text() -> None:
    sources = Table(
        name="sources",
        columns={"id": "VARCHAR", "name": "VARCHAR", "options": "JSON"},
        key=("id",),
        values={"updated_at": "$at"},
        compare="all",
    )
    assert merge_sql(sources).splitlines()[3] == (
        "WHEN MATCHED AND (s.name, s.options::VARCHAR)"
        " IS DISTINCT FROM (t.name, t.options::VARCHAR)"
        " THEN UPDATE SET name = s.name, options = s.options, updated_at = $at"
    )


def test_otherwise_updates_only_its_columns_in_the_one_matched_clause() -> None:
    """One WHEN MATCHED clause (a DuckLake MERGE takes no second): a row failing the condition
    keeps its other columns and takes the `otherwise` ones."""
    state = Table(
        name="url_state",
        columns={"url": "VARCHAR", "etag": "VARCHAR", "at": "TIMESTAMPTZ", "changed": "BOOLEAN"},
        key=("url",),
        staged_only=frozenset({"changed"}),
        when="s.changed",
        otherwise=("at",),
    )
    assert merge_sql(state).splitlines()[3] == (
        "WHEN MATCHED THEN UPDATE SET"
        " etag = CASE WHEN (s.changed) THEN s.etag ELSE t.etag END,"
        " at = CASE WHEN (s.changed) THEN s.at ELSE s.at END"
    )


def test_an_insert_only_table_never_touches_a_stored_row(con: duckdb.DuckDBPyConnection) -> None:
    once = replace(NOTES, insert_only=True)
    assert "WHEN MATCHED" not in merge_sql(once)
    merge(con, once, [{"id": "a", "text": "first"}])
    merge(con, once, [{"id": "a", "text": "second"}, {"id": "b", "text": "new"}])
    assert stored(con) == [("a", "first"), ("b", "new")]


def test_a_compound_key_matches_on_every_part() -> None:
    columns = {"bucket": "UBIGINT", "id": "VARCHAR"}
    bands = Table(name="bands", columns=columns, key=("bucket", "id"))
    assert merge_sql(bands).splitlines()[2] == "ON t.bucket = s.bucket AND t.id = s.id"


def test_the_stored_rows_are_read_by_the_batchs_keys_listed_in_the_join() -> None:
    rows = [{"id": "b", "text": "x"}, {"id": "a", "text": "y"}]
    assert merge_sql(NOTES, staged=rows).splitlines()[2] == (
        "ON t.id = s.id AND t.id IN ('a', 'b')"
    )
    bands = Table(
        name="bands", columns={"bucket": "INTEGER", "id": "VARCHAR"}, key=("bucket", "id")
    )
    assert merge_sql(
        bands, staged=[{"bucket": 3, "id": "a"}, {"bucket": 1, "id": "a"}]
    ).splitlines()[2] == (
        "ON t.bucket = s.bucket AND t.id = s.id AND t.bucket IN (1, 3) AND t.id IN ('a')"
    )


def test_keys_that_cannot_be_written_as_literals_leave_the_join_as_it_was() -> None:
    for key in (None, "a\x00b", 1.5, True):
        assert merge_sql(NOTES, staged=[{"id": key, "text": "x"}]).splitlines()[2] == (
            "ON t.id = s.id"
        ), key


def test_duckdb_filters_its_scan_of_the_stored_table_by_the_listed_keys(
    con: duckdb.DuckDBPyConnection,
) -> None:
    """Why the keys are listed: without them DuckDB reads every stored row (and every column
    the update writes) for each batch."""
    con.execute("INSERT INTO notes SELECT 'n' || i, repeat('x', 100) FROM range(5000) t(i)")
    rows = [{"id": "n7", "text": "new"}, {"id": "m1", "text": "new"}]
    sql = "EXPLAIN (FORMAT json) " + merge_sql(NOTES, staged=rows)
    plan = json.loads(con.execute(sql, {"rows": to_json(rows)}).fetchall()[0][1])

    def scans(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
        if node["name"] == "SEQ_SCAN":
            yield node
        for child in node["children"]:
            yield from scans(child)

    (scan,) = [found for top in plan for found in scans(top)]
    assert "id IN ('m1', 'n7')" in str(scan["extra_info"].get("Filters"))


def test_a_key_with_a_quote_is_matched_and_stored_as_it_is(con: duckdb.DuckDBPyConnection) -> None:
    merge(con, NOTES, [{"id": "it's", "text": "one"}])
    merge(con, NOTES, [{"id": "it's", "text": "two"}, {"id": "o''k", "text": "three"}])
    assert stored(con) == [("it's", "two"), ("o''k", "three")]


def test_the_last_row_of_a_key_wins_in_the_place_of_its_first() -> None:
    rows = [{"id": "a", "text": "1"}, {"id": "b", "text": "2"}, {"id": "a", "text": "3"}]
    assert deduplicated(NOTES, rows) == [{"id": "a", "text": "3"}, {"id": "b", "text": "2"}]


def test_a_batch_with_duplicate_keys_stores_the_last_one(con: duckdb.DuckDBPyConnection) -> None:
    """Without deduplication DuckDB refuses two new rows of one key (and applies one of several
    rows of a stored key silently)."""
    merged = merge(con, NOTES, [{"id": "a", "text": "old"}, {"id": "a", "text": "new"}])
    assert merged.staged == 1
    assert stored(con) == [("a", "new")]


def test_a_stored_row_is_updated_and_a_new_one_inserted_in_one_statement(
    con: duckdb.DuckDBPyConnection,
) -> None:
    counted = replace(NOTES, returning=True, compare="all")
    merge(con, counted, [{"id": "a", "text": "old"}, {"id": "b", "text": "same"}])
    merged = merge(
        con,
        counted,
        [{"id": "a", "text": "new"}, {"id": "b", "text": "same"}, {"id": "c", "text": "added"}],
    )
    assert (merged.staged, merged.inserted, merged.updated) == (3, 1, 1)  # b is unchanged
    assert stored(con) == [("a", "new"), ("b", "same"), ("c", "added")]


def test_parameters_reach_the_declared_expressions(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("ALTER TABLE notes ADD COLUMN revision INTEGER")
    revised = replace(NOTES, values={"revision": "$revision"})
    merge(con, revised, [{"id": "a", "text": "x"}], {"revision": 7})
    assert stored(con) == [("a", "x", 7)]


def test_an_empty_batch_runs_nothing(con: duckdb.DuckDBPyConnection) -> None:
    assert merge(con, NOTES, []) == Merged(0)


def test_a_new_column_is_a_migration_and_one_line_in_the_declaration(
    con: duckdb.DuckDBPyConnection,
) -> None:
    merge(con, NOTES, [{"id": "a", "text": "before"}])
    con.execute("ALTER TABLE notes ADD COLUMN lang VARCHAR")  # the migration
    with_lang = replace(NOTES, columns={**NOTES.columns, "lang": "VARCHAR"})  # the one line
    merge(con, with_lang, [{"id": "a", "text": "after", "lang": "en"}])
    merge(con, with_lang, [{"id": "b", "text": "new", "lang": "zh-Hant"}])
    assert stored(con) == [("a", "after", "en"), ("b", "new", "zh-Hant")]


def test_a_row_missing_a_declared_column_is_an_error_not_a_null(
    con: duckdb.DuckDBPyConnection,
) -> None:
    with pytest.raises(duckdb.Error, match="does not have key"):
        merge(con, NOTES, [{"id": "a"}])


@dataclass(frozen=True)
class Note:
    text: str
    id: str


def test_rows_are_read_by_column_name(con: duckdb.DuckDBPyConnection) -> None:
    merge(con, NOTES, [{"id": "a", "text": "x"}, {"id": "b", "text": "y"}])
    query = "SELECT * FROM notes ORDER BY id"
    assert named_rows(con.execute(query)) == [{"id": "a", "text": "x"}, {"id": "b", "text": "y"}]
    assert named_row(con.execute(query)) == {"id": "a", "text": "x"}
    assert named_row(con.execute("SELECT * FROM notes WHERE false")) is None
    assert rows_as(Note, con.execute(query)) == [Note("x", "a"), Note("y", "b")]


def test_a_reader_survives_a_new_column_between_old_ones(con: duckdb.DuckDBPyConnection) -> None:
    merge(con, NOTES, [{"id": "a", "text": "x"}])
    query = "SELECT id, 'en' AS lang, text FROM notes"
    assert named_rows(con.execute(query)) == [{"id": "a", "lang": "en", "text": "x"}]


def test_columns_sharing_a_name_are_refused_rather_than_one_dropped(
    con: duckdb.DuckDBPyConnection,
) -> None:
    with pytest.raises(ValueError, match="text"):
        named_rows(con.execute("SELECT 'a' AS text, 'b' AS text"))
