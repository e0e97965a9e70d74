"""The warehouse builds itself from numbered migrations, once, and starts with the seed article."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from warehouse import db
from warehouse.db import Migration, WarehouseError, connect, migrate, open_warehouse, status

PUBLIC_VIEWS = {
    "v_articles": [
        "article_id",
        "url",
        "canonical_url",
        "source_id",
        "publisher",
        "title",
        "published_at",
        "language",
        "relevance",
        "is_relevant",
        "event_id",
        "body",
    ],
    "v_events": [
        "event_id",
        "title",
        "event_type",
        "event_date",
        "place",
        "first_seen",
        "last_seen",
        "article_count",
        "outlet_count",
        "status",
        "title_zh",
        "place_detail",
        "parts",
    ],
    "v_event_reasons": [
        "event_id",
        "attribute",
        "value",
        "reason",
        "article_id",
        "sentence",
        "score",
        "chosen",
        "position",
    ],
    "v_agreements": ["event_id", "article_id", "signed_on", "agreement_count", "fields", "parties"],
    "v_figures": [
        "article_id",
        "event_id",
        "subject",
        "value",
        "unit",
        "currency",
        "as_of",
        "sentence",
    ],
    "v_entities": [
        "entity_id",
        "name",
        "entity_type",
        "name_zh_hans",
        "name_zh_hant",
        "mention_count",
        "first_seen",
    ],
    "v_fetches": ["url", "source_id", "status", "error", "fetched_at", "elapsed_ms", "bytes"],
    "v_digests": ["period", "generated_at", "path_md", "path_html", "path_json"],
}


def test_a_fresh_warehouse_is_at_the_latest_version(warehouse_path: Path) -> None:
    con = open_warehouse(warehouse_path)
    st = status(con, warehouse_path)
    assert st.version == st.latest >= 1
    assert {t.name for t in st.tables} >= {
        "sources",
        "fetches",
        "raw_pages",
        "articles",
        "entities",
        "mentions",
        "figures",
        "agreements",
        "topics",
        "events",
        "event_articles",
        "digests",
        "schema_migrations",
    }


def test_migrating_twice_changes_nothing(warehouse_path: Path) -> None:
    con = open_warehouse(warehouse_path)
    assert migrate(con) == []
    con.close()
    con = open_warehouse(warehouse_path)
    assert con.execute("SELECT count(*) FROM schema_migrations").fetchone() == (
        len(db.available_migrations()),
    )
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)


@pytest.mark.parametrize("view", sorted(PUBLIC_VIEWS))
def test_public_views_keep_their_documented_columns(warehouse_path: Path, view: str) -> None:
    con = open_warehouse(warehouse_path)
    columns = [d[0] for d in con.execute(f"SELECT * FROM {view} LIMIT 0").description]
    assert columns[: len(PUBLIC_VIEWS[view])] == PUBLIC_VIEWS[view]


def test_a_failing_migration_leaves_the_warehouse_as_it_was(
    warehouse_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_warehouse(warehouse_path).close()
    good = db.available_migrations()
    broken = Migration(999, "broken", "CREATE TABLE half_done (a INTEGER); SELECT * FROM nowhere;")
    monkeypatch.setattr(db, "available_migrations", lambda: [*good, broken])
    con = connect(warehouse_path)
    with pytest.raises(duckdb.CatalogException):
        migrate(con)
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert "half_done" not in tables
    assert con.execute("SELECT max(version) FROM schema_migrations").fetchone() == (
        good[-1].version,
    )


def test_an_edited_applied_migration_is_refused(
    warehouse_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_warehouse(warehouse_path).close()
    first, *rest = db.available_migrations()
    edited = Migration(first.version, first.name, first.sql + "\n-- edited\n")
    monkeypatch.setattr(db, "available_migrations", lambda: [edited, *rest])
    with pytest.raises(WarehouseError, match="changed after it was applied"):
        open_warehouse(warehouse_path)


def test_read_only_open_of_a_missing_warehouse_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(WarehouseError, match="hzhk db migrate"):
        connect(tmp_path / "nowhere.duckdb", read_only=True)


def test_full_text_search_works_offline(warehouse_path: Path) -> None:
    con = open_warehouse(warehouse_path)
    db.rebuild_search_index(con)
    hits = con.execute(
        "SELECT title FROM (SELECT *, fts_main_articles.match_bm25(article_id, 'unicorn') AS s"
        " FROM articles) WHERE s IS NOT NULL"
    ).fetchall()
    assert hits == [("HK, Hangzhou pledge economic cooperation",)]


def test_a_writer_inside_a_transaction_joins_it(warehouse_path: Path) -> None:
    con = open_warehouse(warehouse_path)
    with pytest.raises(RuntimeError), db.transaction(con):
        with db.transaction(con):  # a writer's own block joins the caller's
            con.execute("UPDATE articles SET title = 'changed'")
        raise RuntimeError("the batch fails after the writer finished")
    assert con.execute("SELECT title FROM articles").fetchone() == (
        "HK, Hangzhou pledge economic cooperation",
    )
    with db.transaction(con):
        con.execute("UPDATE articles SET title = 'committed'")
    assert con.execute("SELECT title FROM articles").fetchone() == ("committed",)


def test_full_text_search_works_right_after_the_first_migrate(warehouse_path: Path) -> None:
    """The README's search example must not need a pipeline run first."""
    con = open_warehouse(warehouse_path)
    hits = con.execute(
        "SELECT count(*) FROM (SELECT fts_main_articles.match_bm25(article_id, 'Hangzhou') AS s"
        " FROM articles) WHERE s IS NOT NULL"
    ).fetchone()
    assert hits == (1,)


def test_a_pending_migration_below_the_newest_applied_is_refused(
    warehouse_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A migration written against an older schema than the file has must not run on it."""
    good = db.available_migrations()
    newest = good[-1].version
    ahead = Migration(newest + 10, "ahead", "CREATE TABLE ahead (a INTEGER);")
    monkeypatch.setattr(db, "available_migrations", lambda: [*good, ahead])
    open_warehouse(warehouse_path).close()
    behind = Migration(newest + 1, "behind", "CREATE TABLE behind (a INTEGER);")
    monkeypatch.setattr(db, "available_migrations", lambda: [*good, behind, ahead])
    con = connect(warehouse_path)
    with pytest.raises(WarehouseError, match=f"{behind.version:03d}_behind is not applied"):
        migrate(con)
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert "behind" not in tables


def test_an_applied_migration_missing_from_disk_is_refused(
    warehouse_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_warehouse(warehouse_path).close()
    good = db.available_migrations()
    gone = good[0]
    monkeypatch.setattr(db, "available_migrations", lambda: [*good[1:]])
    with pytest.raises(
        WarehouseError, match=f"{gone.version:03d}_{gone.name} was applied .* missing"
    ):
        open_warehouse(warehouse_path)


def test_a_warehouse_newer_than_the_code_is_refused(
    warehouse_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = db.available_migrations()
    future = Migration(good[-1].version + 1, "future", "CREATE TABLE future (a INTEGER);")
    monkeypatch.setattr(db, "available_migrations", lambda: [*good, future])
    open_warehouse(warehouse_path).close()  # a newer hzhk-tracker migrated this file
    monkeypatch.setattr(db, "available_migrations", lambda: good)
    with pytest.raises(WarehouseError, match="newer than this code knows"):
        open_warehouse(warehouse_path)


def test_bands_stored_before_migration_13_get_their_articles_days_in_day_order(
    warehouse_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The near-duplicate lookup filters bands by day: bands already stored take their
    article's publication day (else first seen, UTC) and are rewritten in day order."""
    every = db.available_migrations()
    monkeypatch.setattr(db, "available_migrations", lambda: [m for m in every if m.version < 13])
    with open_warehouse(warehouse_path) as con:
        con.execute(
            "INSERT INTO articles (article_id, url, canonical_url, published_at, first_seen_at) "
            "VALUES ('late', 'u1', 'u1', TIMESTAMPTZ '2024-05-02 01:00:00+08', now()), "
            "('undated', 'u2', 'u2', NULL, TIMESTAMPTZ '2024-03-01 12:00:00+00'), "
            "('early', 'u3', 'u3', TIMESTAMPTZ '2023-01-05 12:00:00+00', now())"
        )
        con.execute("INSERT INTO article_bands VALUES (1, 'late'), (2, 'undated'), (3, 'early')")
    monkeypatch.setattr(db, "available_migrations", lambda: every)
    with open_warehouse(warehouse_path) as con:
        rows = con.execute("SELECT article_id, day::VARCHAR FROM article_bands").fetchall()
    assert rows == [("early", "2023-01-05"), ("undated", "2024-03-01"), ("late", "2024-05-01")]
