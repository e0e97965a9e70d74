"""The read-only query connection cannot touch any file but the warehouse, even unasked.

`hzhk sql` also refuses writes by statement type; these tests go around that check and run
statements on a sealed connection directly, so they fail if the seal itself stops working.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from warehouse.db import connect, open_warehouse
from warehouse.query import seal


@pytest.fixture
def sealed(warehouse_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    open_warehouse(warehouse_path).close()
    con = connect(warehouse_path, read_only=True)
    seal(con)
    yield con
    con.close()


@pytest.mark.parametrize(
    "statement",
    [
        "COPY (SELECT 1) TO '{out}/copy.csv'",
        "EXPLAIN ANALYZE COPY (SELECT 1) TO '{out}/explained.csv'",
        "EXPORT DATABASE '{out}/export'",
        "ATTACH '{out}/other.duckdb'",
    ],
)
def test_a_sealed_connection_writes_no_file(
    sealed: duckdb.DuckDBPyConnection, tmp_path: Path, statement: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(duckdb.PermissionException):
        sealed.execute(statement.format(out=out))
    assert list(out.iterdir()) == []


def test_a_sealed_connection_reads_no_local_file(
    sealed: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    (tmp_path / "a.csv").write_text("a\n1\n")
    with pytest.raises(duckdb.PermissionException):
        sealed.execute(f"SELECT * FROM read_csv('{tmp_path / 'a.csv'}')")


def test_the_seal_cannot_be_broken(sealed: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(duckdb.InvalidInputException, match="locked"):
        sealed.execute("SET enable_external_access = true")


def test_full_text_search_still_works_when_sealed(sealed: duckdb.DuckDBPyConnection) -> None:
    hits = sealed.execute(
        "SELECT title FROM (SELECT title, fts_main_articles.match_bm25(article_id, 'unicorn')"
        " AS score FROM articles) WHERE score IS NOT NULL"
    ).fetchall()
    assert hits == [("HK, Hangzhou pledge economic cooperation",)]
