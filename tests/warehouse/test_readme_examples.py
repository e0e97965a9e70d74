"""Every SQL example in the README runs on a freshly migrated warehouse, through `hzhk sql`'s
engine: a reader who copies one gets rows (or none), never an error."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from warehouse.db import open_warehouse
from warehouse.query import read_only_query

README = Path(__file__).resolve().parents[2] / "README.md"
SQL_BLOCK = re.compile(r"^```sql\n(.*?)^```", re.MULTILINE | re.DOTALL)


def readme_statements() -> list[str]:
    blocks = SQL_BLOCK.findall(README.read_text("utf-8"))
    parser = duckdb.connect()
    return [s.query.strip() for block in blocks for s in parser.extract_statements(block)]


def test_the_readme_has_sql_examples() -> None:
    assert len(readme_statements()) >= 5
    assert any("match_bm25" in s for s in readme_statements())


def short(statement: str) -> str:
    """A test id: the example's comment line, else its first line."""
    return statement.splitlines()[0].removeprefix("-- ")[:60]


@pytest.mark.parametrize("statement", readme_statements(), ids=short)
def test_a_readme_example_runs_on_a_fresh_warehouse(warehouse_path: Path, statement: str) -> None:
    open_warehouse(warehouse_path).close()
    read_only_query(warehouse_path, statement)  # raises QueryError on any failure
