"""Storing facts: the seed's facts reach the public views, and storing again changes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from records.facts import ArticleFacts, Candidate
from tracking.entities import Gazetteer
from tracking.extraction import extract_facts
from warehouse.db import open_warehouse
from warehouse.facts import store_facts
from warehouse.seed import seed_articles


@pytest.fixture
def con(warehouse_path: Path) -> duckdb.DuckDBPyConnection:
    return open_warehouse(warehouse_path)


@pytest.fixture(scope="module")
def seed_facts(gazetteer: Gazetteer) -> tuple[str, ArticleFacts]:
    a = seed_articles()[0]
    return a.article_id, extract_facts(a.title, a.body, a.language, a.published_at, gazetteer)


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[object, ...]]:
    return con.execute(sql).fetchall()


def test_seed_facts_are_visible_in_the_views(
    con: duckdb.DuckDBPyConnection, seed_facts: tuple[str, ArticleFacts], gazetteer: Gazetteer
) -> None:
    store_facts(con, [seed_facts], gazetteer.entities)
    assert rows(
        con, "SELECT agreement_count, signed_on, fields, parties, kind FROM v_agreements"
    ) == [
        (
            8,
            date(2019, 6, 13),
            ["smart city", "high-end services", "finance", "artificial intelligence", "new energy"],
            ["Hangzhou", "Hong Kong"],
            "memorandum of understanding",
        )
    ]
    figures = rows(
        con,
        "SELECT subject, value, currency, as_of FROM v_figures WHERE unit = 'money' ORDER BY value",
    )
    assert figures == [
        ("unicorn company valuation threshold", 1e9, "USD", None),
        ("total investment", 140e9, "USD", date(2018, 12, 31)),
    ]
    people = rows(
        con,
        "SELECT name FROM v_entities WHERE entity_type = 'person' AND mention_count > 0 ORDER BY 1",
    )
    assert people == [("Nicholas Yang Wei-hsiun",), ("Timothy Fok Tsun-ting",), ("Zhang Zhongcan",)]


def test_storing_twice_leaves_the_same_rows(
    con: duckdb.DuckDBPyConnection, seed_facts: tuple[str, ArticleFacts], gazetteer: Gazetteer
) -> None:
    def snapshot() -> list[list[tuple[object, ...]]]:
        return [
            rows(con, f"SELECT * FROM {table} ORDER BY 1")
            for table in ("entities", "mentions", "figures", "agreements")
        ]

    store_facts(con, [seed_facts], gazetteer.entities)
    first = snapshot()
    counts = store_facts(
        con, [seed_facts, seed_facts], gazetteer.entities
    )  # duplicates in one batch too
    assert snapshot() == first
    assert (counts.figures, counts.agreements) == (5, 1)


def test_rerun_replaces_an_articles_old_facts(
    con: duckdb.DuckDBPyConnection, seed_facts: tuple[str, ArticleFacts], gazetteer: Gazetteer
) -> None:
    article_id, facts = seed_facts
    store_facts(con, [seed_facts], gazetteer.entities)
    fewer = ArticleFacts(facts.mentions[:1], (), facts.figures[:1], (), ())
    store_facts(con, [(article_id, fewer)], gazetteer.entities)
    assert rows(con, "SELECT count(*) FROM mentions") == [(1,)]
    assert rows(con, "SELECT count(*) FROM figures") == [(1,)]
    assert rows(con, "SELECT count(*) FROM agreements") == [(0,)]


def test_candidates_are_stored_for_review_and_never_overwrite_known_entities(
    con: duckdb.DuckDBPyConnection, gazetteer: Gazetteer
) -> None:
    proposed = Candidate("Lion Rock Capital", "organization", "Lion Rock Capital", "body", 0, 17)
    facts = ArticleFacts((), (proposed,), (), (), ())
    store_facts(con, [("a1", facts)], gazetteer.entities)
    con.execute("UPDATE entities SET description = 'checked' WHERE status = 'candidate'")
    store_facts(con, [("a1", facts)], gazetteer.entities)
    assert rows(
        con, "SELECT name, status, description FROM entities WHERE status = 'candidate'"
    ) == [("Lion Rock Capital", "candidate", "checked")]
    assert rows(con, "SELECT count(*) FROM entities WHERE status = 'known'") == [
        (len(gazetteer.entities),)
    ]
    assert rows(con, "SELECT surface FROM mentions WHERE entity_id LIKE 'candidate:%'") == [
        ("Lion Rock Capital",)
    ]


def test_a_failed_batch_leaves_the_previous_facts(
    con: duckdb.DuckDBPyConnection, seed_facts: tuple[str, ArticleFacts], gazetteer: Gazetteer
) -> None:
    article_id, facts = seed_facts
    store_facts(con, [seed_facts], gazetteer.entities)
    broken = ArticleFacts(facts.mentions, (), facts.figures, facts.agreements, ())
    con.execute("DROP VIEW v_agreements")
    con.execute("ALTER TABLE agreements RENAME TO agreements_gone")
    with pytest.raises(duckdb.Error):
        store_facts(con, [(article_id, broken)], gazetteer.entities)
    assert rows(con, "SELECT count(*) FROM figures") == [(5,)]
