"""The warehouse on a DuckLake with a SQLite catalog: the same migrations, the same merges, the
same rows as the DuckDB file; what a lake cannot hold is adapted or refused with one line.

Every check runs the same writes on both targets and compares what they hold, so a statement
that only works on one of them shows up here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from config.errors import ConfigError
from config.lake import Lake
from config.settings import load_settings
from records.articles import ArticleRecord, ArticleVersion
from warehouse import transactions
from warehouse.articles import upsert_articles
from warehouse.db import (
    Target,
    available_migrations,
    connect,
    has_search_index,
    open_warehouse,
    rebuild_search_index,
    status,
)
from warehouse.errors import WarehouseError
from warehouse.lake_schema import for_lake
from warehouse.merge import Table, merge
from warehouse.query import QueryError, read_only_query
from warehouse.sources import SourceRow, upsert_sources
from warehouse.tracking import EVENTS, MERGES, TRACKING

T0 = datetime(2025, 4, 24, 8, 30, tzinfo=UTC)
LAKE_SETTINGS = """
warehouse_target = "ducklake"
data_dir = "data"

[lake]
catalog = "sqlite"
sqlite_path = "data/lake/catalog.sqlite"
data_path = "data/lake/files"
"""


def sqlite_lake(root: Path) -> Lake:
    return Lake("sqlite", f"{root}/files/", sqlite_path=root / "catalog.sqlite")


@pytest.fixture
def targets(tmp_path: Path) -> Iterator[dict[str, duckdb.DuckDBPyConnection]]:
    """A migrated DuckDB file and a migrated DuckLake (SQLite catalog), side by side."""
    opened = {
        "file": open_warehouse(tmp_path / "warehouse.duckdb"),
        "lake": open_warehouse(sqlite_lake(tmp_path / "lake")),
    }
    yield opened
    for con in opened.values():
        con.close()


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[object, ...]]:
    return con.execute(sql).fetchall()


def same(targets: dict[str, duckdb.DuckDBPyConnection], sql: str) -> list[tuple[object, ...]]:
    """The rows `sql` finds, checked to be the same on both targets."""
    file, lake = rows(targets["file"], sql), rows(targets["lake"], sql)
    assert lake == file, sql
    return file


# --- the schema ---------------------------------------------------------------------------


def test_every_migration_applies_on_a_lake_as_on_the_file(
    targets: dict[str, duckdb.DuckDBPyConnection], tmp_path: Path
) -> None:
    latest = max(m.version for m in available_migrations())
    file = status(targets["file"], tmp_path / "warehouse.duckdb")
    lake = status(targets["lake"], sqlite_lake(tmp_path / "lake"))
    assert lake.version == file.version == latest
    assert [(v, n) for v, n, _ in lake.applied] == [(v, n) for v, n, _ in file.applied]
    assert lake.tables == file.tables  # every table, and the seed's rows in it
    assert lake.views == file.views
    columns = (  # defaults are spelt differently (a lake keeps them as text): tested below
        "SELECT table_name, column_name, data_type, is_nullable FROM duckdb_columns()"
        " WHERE database_name = current_database() AND schema_name = 'main'"
        " ORDER BY table_name, column_index"
    )
    assert same(targets, columns)
    checksums = "SELECT version, checksum FROM schema_migrations ORDER BY version"
    assert len(same(targets, checksums)) == latest  # one history for both


def test_column_defaults_fill_the_same_values(
    targets: dict[str, duckdb.DuckDBPyConnection],
) -> None:
    for con in targets.values():
        con.execute(
            "INSERT INTO fetches (fetch_id, url, outcome, fetched_at) VALUES ('f', 'u', 'ok', ?)",
            [T0],
        )
        con.execute(
            "INSERT INTO mentions (mention_id, article_id, entity_id, surface, field,"
            " start_offset, end_offset) VALUES ('m', 'a', 'e', 'HK', 'body', 0, 2)"
        )
    assert same(targets, "SELECT attempt FROM fetches") == [(1,)]
    assert same(targets, "SELECT status FROM mentions") == [("accepted",)]
    stamped = "SELECT applied_at > now() - INTERVAL 1 HOUR FROM schema_migrations LIMIT 1"
    assert same(targets, stamped) == [(True,)]  # DEFAULT now() is evaluated per row


def test_migrating_a_lake_again_changes_nothing(tmp_path: Path) -> None:
    lake = sqlite_lake(tmp_path / "lake")
    open_warehouse(lake).close()
    con = connect(lake)
    try:
        snapshots = rows(con, "SELECT count(*) FROM ducklake_snapshots('lake')")
        open_warehouse(lake).close()  # views unchanged: nothing is written
        assert rows(con, "SELECT count(*) FROM ducklake_snapshots('lake')") == snapshots
    finally:
        con.close()


def test_keys_and_indexes_are_left_to_the_merges_on_a_lake() -> None:
    [statements] = for_lake(
        [
            "CREATE TABLE t (id VARCHAR PRIMARY KEY, n INTEGER NOT NULL DEFAULT 0);"
            "CREATE TABLE pair (a VARCHAR, b VARCHAR, PRIMARY KEY (a, b));"
            "CREATE INDEX t_n ON t (n);"
            "ALTER TABLE t ADD COLUMN status VARCHAR DEFAULT 'accepted';"
        ]
    )
    assert statements == [
        'CREATE TABLE "t" ("id" VARCHAR NOT NULL, "n" INTEGER DEFAULT 0 NOT NULL)',
        'CREATE TABLE "pair" ("a" VARCHAR NOT NULL, "b" VARCHAR NOT NULL)',
        "ALTER TABLE t ADD COLUMN status VARCHAR DEFAULT 'accepted';",
    ]


@pytest.mark.parametrize(
    ("ddl", "refused"),
    [
        ("CREATE TABLE t (n INTEGER CHECK (n > 0))", "CHECK"),
        ("CREATE TABLE t (n INTEGER, m INTEGER GENERATED ALWAYS AS (n + 1))", "generated column"),
        ("CREATE SEQUENCE s", "sequences"),
    ],
)
def test_what_would_change_stored_values_is_refused_naming_it(ddl: str, refused: str) -> None:
    with pytest.raises(WarehouseError, match=f"a DuckLake cannot hold {refused}"):
        for_lake([ddl])


def test_full_text_search_is_skipped_on_a_lake_with_a_note(
    targets: dict[str, duckdb.DuckDBPyConnection], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    assert has_search_index(targets["file"])
    assert rebuild_search_index(targets["lake"]) is False
    assert not has_search_index(targets["lake"])
    assert "full-text search is not available on a DuckLake" in caplog.text


# --- the merges ---------------------------------------------------------------------------


def version(url: str, title: str, body: tuple[str, ...] = (), at: datetime = T0) -> ArticleVersion:
    record = ArticleRecord(
        url=url,
        canonical_url=url,
        parser="generic",
        publisher="Example HK",
        title=title,
        published_at=at,
        language="en",
        body=body,
    )
    return ArticleVersion(record, "example", at)


def test_article_merges_give_the_same_rows_and_counts(
    targets: dict[str, duckdb.DuckDBPyConnection],
) -> None:
    a, b, c = (f"https://www.example.hk/{n}.html" for n in "abc")
    batches = [
        # a new article twice in one batch (the one with a body wins), a headline
        [version(a, "A headline"), version(a, "A", ("Body of a.",)), version(b, "B")],
        # a body for the headline, a headline that must not replace a body, a new one
        [version(b, "B", ("Body of b.",)), version(a, "A again"), version(c, "C", ("c",))],
        [version(c, "C", ("c",))],  # unchanged: written by neither
    ]
    for batch in batches:
        counts = {
            name: upsert_articles(con, [replace(v, seen_at=T0 + timedelta(hours=1)) for v in batch])
            for name, con in targets.items()
        }
        assert counts["lake"] == counts["file"]
    same(
        targets,
        "SELECT article_id, url, title, body, first_seen_at, published_at FROM articles"
        " WHERE parser <> 'seed' ORDER BY article_id",
    )
    assert same(targets, "SELECT count(*), count(DISTINCT article_id) FROM articles") == [(4, 4)]


def test_source_merges_report_the_same_writes(
    targets: dict[str, duckdb.DuckDBPyConnection],
) -> None:
    def source(name: str, enabled: bool = True) -> SourceRow:
        return SourceRow(
            "radio", name, "rss", "https://r.example/feed", None, "en", "R", False, 60, enabled
        )

    for batch in ([source("Radio")], [source("Radio")], [source("Radio", enabled=False)]):
        written = {name: upsert_sources(con, batch, updated_at=T0) for name, con in targets.items()}
        assert written["lake"] == written["file"]
    same(targets, "SELECT * FROM sources WHERE kind <> 'seed' ORDER BY source_id")


def test_tracking_and_event_merges_give_the_same_rows(
    targets: dict[str, duckdb.DuckDBPyConnection],
) -> None:
    def event(n: int, title: str) -> dict[str, object]:
        return {
            "event_id": f"e{n}", "title": title, "event_type": "forum",
            "event_date": date(2025, 4, n), "place": "Hangzhou", "status": "new",
            "title_zh": None, "place_detail": None,
            "parts": [{"kind": "agreement_signing", "day": date(2025, 4, n),
                       "name": "signing of 2 agreements", "name_zh": None}],
        }  # fmt: skip

    writes: list[tuple[Table, list[dict[str, object]], dict[str, object]]] = [
        (EVENTS, [event(1, "Forum"), event(2, "Expo"), event(1, "Forum week")], {"tracked_at": T0}),
        (EVENTS, [event(2, "Expo 2025"), event(3, "Visit")], {"tracked_at": T0 + timedelta(1)}),
        (
            TRACKING,
            [
                {
                    "article_id": "a",
                    "body_sha256": "x",
                    "shingling": "word5",
                    "signature_hex": "00ff",
                }
            ],
            {"tracked_at": T0},
        ),
        (MERGES, [{"event_id": "e9", "merged_into": "e1"}], {"merged_at": T0}),
        (MERGES, [{"event_id": "e9", "merged_into": "e2"}], {"merged_at": T0}),
    ]
    for table, batch, params in writes:
        staged = {name: merge(con, table, batch, params).staged for name, con in targets.items()}
        assert staged["lake"] == staged["file"]
    same(targets, "SELECT * FROM events ORDER BY event_id")
    same(targets, "SELECT * FROM article_tracking ORDER BY article_id")
    same(targets, "SELECT * FROM event_merges ORDER BY event_id")


def test_an_otherwise_branch_merges_alike_on_both(
    targets: dict[str, duckdb.DuckDBPyConnection],
) -> None:
    """url_state's shape: a changed body replaces the validators, a 304 only the time asked."""
    state = Table(
        name="url_state",
        columns={"url": "VARCHAR", "etag": "VARCHAR", "last_fetched_at": "TIMESTAMPTZ",
                 "changed": "BOOLEAN"},
        key=("url",),
        staged_only=frozenset({"changed"}),
        when="s.changed",
        otherwise=("last_fetched_at",),
    )  # fmt: skip
    for etag, changed, hours in (("v1", True, 0), ("v2", False, 1), ("v3", True, 2)):
        at = (T0 + timedelta(hours=hours)).isoformat()
        row = {"url": "u", "etag": etag, "last_fetched_at": at, "changed": changed}
        for con in targets.values():
            merge(con, state, [row])
        assert same(targets, "SELECT etag, last_fetched_at FROM url_state") == [
            ("v1" if etag == "v2" else etag, T0 + timedelta(hours=hours))
        ]


# --- settings and reading -----------------------------------------------------------------


def test_settings_select_a_lake_with_paths_from_the_project(config_dir: Path) -> None:
    (config_dir / "settings.toml").write_text(LAKE_SETTINGS)
    target = load_settings(config_dir=config_dir).warehouse_path
    root = config_dir.parent
    assert target == Lake(
        "sqlite", f"{root}/data/lake/files/", sqlite_path=root / "data/lake/catalog.sqlite"
    )
    named = load_settings(config_dir=config_dir, warehouse=root / "w.duckdb").warehouse_path
    assert named == root / "w.duckdb"  # a file named on the command line wins


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[lake.postgres]\npassword = 'x'\n", "never read from settings: set HZHK_LAKE_PASSWORD"),
        ("[lake]\ndata_path = 'ftp://x/y'\n", "a local folder or one of"),
        ("[lake]\ncatalog = 'mysql'\n", "lake.catalog: Input should be 'sqlite' or 'postgres'"),
        ("[lake.postgres]\nuser = 'a b'\n", "lake.postgres.user: .*letters, digits"),
        ("warehouse_target = 'lake'\n", "warehouse_target: Input should be 'duckdb' or"),
    ],
)
def test_a_bad_lake_setting_is_one_line_naming_the_key(
    config_dir: Path, text: str, message: str
) -> None:
    (config_dir / "settings.toml").write_text(text)
    with pytest.raises(ConfigError, match=message) as raised:
        load_settings(config_dir=config_dir)
    assert "\n" not in str(raised.value)


def test_hzhk_sql_reads_a_lake_and_refuses_writes(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.cli import app

    (config_dir / "settings.toml").write_text(LAKE_SETTINGS)
    monkeypatch.setenv("HZHK_CONFIG", str(config_dir))
    runner = CliRunner()
    migrated = runner.invoke(app, ["db", "migrate"])
    assert migrated.exit_code == 0, migrated.output
    assert "DuckLake (SQLite catalog" in migrated.output
    read = runner.invoke(app, ["sql", "SELECT count(*) AS n FROM v_articles", "-f", "csv"])
    assert (read.exit_code, read.output.split()) == (0, ["n", "1"])
    refused = runner.invoke(app, ["sql", "DELETE FROM articles"])
    assert refused.exit_code == 1
    assert "refused" in refused.output


def test_a_lake_read_is_sealed_like_the_file(tmp_path: Path) -> None:
    lake: Target = sqlite_lake(tmp_path / "lake")
    open_warehouse(lake).close()
    with pytest.raises(QueryError, match="refused"):
        read_only_query(lake, "SELECT * FROM read_csv('/etc/passwd')")
    assert read_only_query(lake, "SELECT count(*) FROM articles").rows == [(1,)]


def test_a_commit_another_writer_spoiled_is_run_again_a_bounded_number_of_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pauses: list[float] = []
    monkeypatch.setattr(transactions, "sleep", pauses.append)
    con = open_warehouse(sqlite_lake(tmp_path / "lake"))
    calls: list[int] = []

    def conflicting(times: int) -> Callable[[], str]:
        def work() -> str:
            calls.append(1)
            if len(calls) <= times:
                raise duckdb.TransactionException(
                    "Failed to commit DuckLake transaction. Transaction conflict - attempting to"
                    ' insert into table with index "2" - but another transaction has deleted it'
                )
            return "committed"

        return work

    try:
        assert transactions.retried(con, conflicting(2)) == "committed"
        assert len(calls) == 3
        assert pauses[1] > pauses[0] / 2  # growing (with jitter)
        calls.clear()
        with pytest.raises(duckdb.TransactionException, match="conflict"):
            transactions.retried(con, conflicting(99))
        assert len(calls) == transactions.RETRY_ATTEMPTS
        calls.clear()

        def broken() -> None:
            calls.append(1)
            raise duckdb.BinderException("no such column")

        with pytest.raises(duckdb.BinderException):
            transactions.retried(con, broken)
        assert len(calls) == 1  # a mistake is not retried
    finally:
        con.close()
