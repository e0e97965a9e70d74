"""A write connection appends in row groups of `ROW_GROUP_ROWS` rows, so each close (a
checkpoint, which rewrites a table's last row group whole) costs the same at any size of table;
the file still opens as DuckDB opens it, and readers see every row."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from warehouse.db import ROW_GROUP_ROWS, connect, writing

ROWS_PER_CLOSE = 500


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "w.duckdb"


def append(path: Path, closes: int, start: int = 0) -> None:
    """`closes` short write connections, each appending ROWS_PER_CLOSE rows, as a run does."""
    for batch in range(closes):
        with writing(path) as con:
            first = start + batch * ROWS_PER_CLOSE
            con.execute(
                "INSERT INTO t SELECT i, repeat('x', 200) FROM range(?, ?) AS r(i)",
                [first, first + ROWS_PER_CLOSE],
            )


def row_groups(path: Path) -> list[int]:
    """The rows in each row group of `t`, in order, as the file holds them."""
    with duckdb.connect(str(path), read_only=True) as con:
        rows = con.execute(
            "SELECT sum(count) FROM pragma_storage_info('t') WHERE column_path = '[0]' "
            "GROUP BY row_group_id ORDER BY row_group_id"
        ).fetchall()
    return [int(n) for (n,) in rows]


def test_appends_closed_one_after_another_fill_row_groups_of_the_set_size(path: Path) -> None:
    with writing(path) as con:
        con.execute("CREATE TABLE t (id BIGINT, body VARCHAR)")
    append(path, closes=10)  # 5,000 rows; DuckDB's default would keep them in one group
    groups = row_groups(path)
    assert sum(groups) == 5000 and len(groups) >= 3
    assert max(groups) <= ROW_GROUP_ROWS


def test_a_file_written_with_duckdbs_default_keeps_its_rows_and_takes_new_ones(
    path: Path,
) -> None:
    with duckdb.connect(str(path)) as con:  # a warehouse from before, or a person's own writes
        con.execute("CREATE TABLE t (id BIGINT, body VARCHAR)")
        con.execute("INSERT INTO t SELECT i, 'old' FROM range(3000) AS r(i)")
    append(path, closes=2, start=3000)
    with connect(path, read_only=True, search=False) as con:
        assert con.execute("SELECT count(*), count(DISTINCT id) FROM t").fetchone() == (4000, 4000)
    assert row_groups(path) == [3000, 1000]  # the old group as it was, the new rows in their own


def test_a_writer_spills_beside_the_file_and_names_its_catalog_for_queries(path: Path) -> None:
    with writing(path) as con:
        spill, catalog = con.execute(
            "SELECT current_setting('temp_directory'), current_database()"
        ).fetchone() or (None, None)
        con.execute("CREATE TABLE t (x INTEGER)")
        tables = con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
        ).fetchall()
    assert spill == f"{path}.tmp"
    assert catalog == "warehouse" and tables == [("t",)]
