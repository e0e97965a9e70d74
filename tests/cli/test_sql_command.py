"""`hzhk sql` answers read-only questions in three formats and refuses everything else."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app

runner = CliRunner()


@pytest.fixture
def migrated(warehouse_path: Path) -> Path:
    result = runner.invoke(app, ["db", "migrate", "--warehouse", str(warehouse_path)])
    assert result.exit_code == 0, result.output
    return warehouse_path


def sql(warehouse: Path, query: str, *extra: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["sql", query, "--warehouse", str(warehouse), *extra])
    return result.exit_code, result.stdout, result.stderr


def test_the_seed_title_comes_back_as_csv(migrated: Path) -> None:
    code, out, _ = sql(migrated, "select title, published_at from v_articles", "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows == [
        ["title", "published_at"],
        ["HK, Hangzhou pledge economic cooperation", "2019-06-18T00:00:00+08:00"],
    ]


def test_json_output_keeps_lists_and_times(migrated: Path) -> None:
    code, out, _ = sql(migrated, "select publisher, captions from v_articles", "-f", "json")
    assert code == 0
    (record,) = json.loads(out)
    assert record["publisher"] == "China Daily"
    assert record["captions"][0].endswith("[Photo/Xinhua]")


def test_the_default_table_shows_the_row_count(migrated: Path) -> None:
    code, out, _ = sql(migrated, "select title from v_articles")
    assert code == 0
    assert "HK, Hangzhou pledge economic cooperation" in out
    assert "1 row" in out


@pytest.mark.parametrize(
    "statement",
    [
        "delete from articles",
        "update articles set title = 'x'",
        "drop view v_articles",
        "create table t (a int)",
        "copy (select * from articles) to 'leak.csv'",
        "attach 'other.duckdb'",
        "select 1; delete from articles",
    ],
)
def test_writes_are_refused_with_exit_code_1(migrated: Path, statement: str) -> None:
    code, _, err = sql(migrated, statement)
    assert code == 1
    assert "refused" in err and "read-only" in err
    code, out, _ = sql(migrated, "select count(*) as n from articles", "-f", "json")
    assert json.loads(out) == [{"n": 1}]


# Each statement would write a file (or change the connection) if it ran; the target folder is
# the test's own, so "nothing written" can be checked by listing it.
WRITES_ELSEWHERE = {
    "export": "EXPORT DATABASE '{out}/export'",
    "pragma": "PRAGMA enable_profiling",
    "pragma output": "PRAGMA profiling_output = '{out}/profile.json'",
    "set": "SET enable_external_access = true",
    "install": "INSTALL fts",
    "load": "LOAD fts",
    "checkpoint": "CHECKPOINT",
    "call": "CALL pragma_version()",
    "attach": "ATTACH '{out}/other.duckdb'",
    "copy to": "COPY (SELECT * FROM articles) TO '{out}/leak.csv'",
    "explain analyze copy to": "EXPLAIN ANALYZE COPY (SELECT 1) TO '{out}/explained.csv'",
    "explain (analyze) copy to": "EXPLAIN (ANALYZE) COPY (SELECT 1) TO '{out}/explained.csv'",
    "copy of a pivot": "COPY (PIVOT v_articles ON language USING count(*)) TO '{out}/p.csv'",
}


@pytest.mark.parametrize("statement", WRITES_ELSEWHERE.values(), ids=WRITES_ELSEWHERE.keys())
def test_statements_that_reach_beyond_the_warehouse_are_refused_and_write_nothing(
    migrated: Path, tmp_path: Path, statement: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    code, _, err = sql(migrated, statement.format(out=out))
    assert code == 1
    assert "refused" in err and "read-only" in err
    assert list(out.iterdir()) == []


def test_local_files_cannot_be_read(migrated: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("a\n1\n")
    code, _, err = sql(migrated, f"SELECT * FROM read_csv('{secret}')")
    assert code == 1
    assert "reads only the warehouse, not local files" in err


def test_explain_analyze_of_a_read_runs(migrated: Path) -> None:
    code, out, _ = sql(migrated, "EXPLAIN ANALYZE SELECT count(*) FROM articles", "-f", "json")
    assert code == 0
    assert json.loads(out)[0]["explain_key"] == "analyzed_plan"


def test_a_pivot_reads_like_a_select(migrated: Path) -> None:
    """DuckDB runs a PIVOT as a temporary type plus a SELECT; hzhk allows that pair."""
    code, out, err = sql(
        migrated, "PIVOT v_articles ON language USING count(*) GROUP BY publisher", "-f", "json"
    )
    assert code == 0, err
    assert json.loads(out) == [{"publisher": "China Daily", "en": 1}]


def test_a_create_around_a_pivot_is_still_refused(migrated: Path) -> None:
    code, _, err = sql(
        migrated, "CREATE TEMP TABLE t AS PIVOT v_articles ON language USING count(*)"
    )
    assert code == 1
    assert "refused: CREATE statements are not allowed" in err


def test_an_explained_pivot_says_how_to_write_it(migrated: Path) -> None:
    code, _, err = sql(migrated, "EXPLAIN PIVOT v_articles ON language USING count(*)")
    assert code == 1
    assert "IN ('a', 'b')" in err


def test_repeated_column_names_stay_apart_in_json_and_csv(migrated: Path) -> None:
    query = "SELECT 1 AS a, 2 AS a, 3 AS a_1"
    code, out, _ = sql(migrated, query, "-f", "json")
    assert code == 0
    assert json.loads(out) == [{"a": 1, "a_2": 2, "a_1": 3}]
    code, out, _ = sql(migrated, query, "-f", "csv")
    assert out.splitlines() == ["a,a_2,a_1", "1,2,3"]


def test_times_are_shown_in_the_configured_zone(
    migrated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    query = "SELECT published_at FROM v_articles"
    code, out, _ = sql(migrated, query, "-f", "csv")
    assert out.splitlines()[1] == "2019-06-18T00:00:00+08:00"  # Asia/Hong_Kong by default
    monkeypatch.setenv("HZHK_TIMEZONE", "Europe/London")
    code, out, _ = sql(migrated, query, "-f", "csv")
    assert code == 0
    assert out.splitlines()[1] == "2019-06-17T17:00:00+01:00"


def test_a_syntax_error_is_shown_with_exit_code_1(migrated: Path) -> None:
    code, _, err = sql(migrated, "selec title from v_articles")
    assert code == 1
    assert "syntax error" in err


def test_an_unknown_table_is_a_clear_error(migrated: Path) -> None:
    code, _, err = sql(migrated, "select * from no_such_table")
    assert code == 1
    assert "no_such_table" in err


def test_a_missing_warehouse_tells_the_user_to_migrate(tmp_path: Path) -> None:
    code, _, err = sql(tmp_path / "absent.duckdb", "select 1")
    assert code == 1
    assert "hzhk db migrate" in err


def test_db_status_lists_tables_with_row_counts(migrated: Path) -> None:
    result = runner.invoke(app, ["db", "status", "--warehouse", str(migrated)])
    assert result.exit_code == 0
    assert "schema version" in result.stdout
    assert "articles" in result.stdout and "v_articles" in result.stdout


def test_the_installed_console_script_answers(migrated: Path) -> None:
    hzhk = Path(sys.executable).parent / "hzhk"
    done = subprocess.run(
        [str(hzhk), "sql", "select title from v_articles", "-f", "csv", "-w", str(migrated)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert list(csv.reader(io.StringIO(done.stdout))) == [
        ["title"],
        ["HK, Hangzhou pledge economic cooperation"],
    ]
