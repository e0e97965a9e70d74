"""Storing sources, articles and runs: batches are deduplicated, reruns change nothing, and a
newer version of an article updates it without losing when it was first seen or what tracking
decided about it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from records.articles import ArticleRecord, ArticleVersion, Image
from records.ids import article_id
from records.runs import RunProblem
from warehouse.articles import known_urls, upsert_articles
from warehouse.db import open_warehouse
from warehouse.runs import finish_run, record_problems, run_problems, start_run
from warehouse.sources import SourceRow, upsert_sources

T0 = datetime(2025, 4, 24, 8, 30, tzinfo=UTC)
URL = "https://www.example.hk/news/2025/04/24/hz-hk-plenary.html"


@pytest.fixture
def con(warehouse_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = open_warehouse(warehouse_path)
    yield connection
    connection.close()


def record(**changes: object) -> ArticleRecord:
    fields: dict[str, object] = {
        "url": URL,
        "canonical_url": URL,
        "parser": "generic",
        "publisher": "Example HK",
        "title": "Hong Kong and Zhejiang agree 13 areas of co-operation",
        "published_at": T0,
        "language": "en",
        "body": ("The conference met in Hangzhou.", "Fifty-one projects were listed."),
        "captions": ("Officials at the plenary session.",),
        "images": (Image("https://www.example.hk/a.jpg", "Officials at the plenary session."),),
        "access": "free",
    }
    fields.update(changes)
    return ArticleRecord(**fields)  # type: ignore[arg-type]


def row(con: duckdb.DuckDBPyConnection, *columns: str) -> tuple[object, ...]:
    found = con.execute(
        f"SELECT {', '.join(columns)} FROM articles WHERE article_id = ?", [article_id(URL)]
    ).fetchone()
    assert found is not None
    return found


def test_a_new_article_lands_with_its_body_captions_and_images(
    con: duckdb.DuckDBPyConnection,
) -> None:
    counts = upsert_articles(con, [ArticleVersion(record(), "src", T0, content_sha256="ab" * 32)])
    assert (counts.inserted, counts.updated) == (1, 0)
    body, captions, images, first_seen, sha = row(
        con, "body", "captions", "images::VARCHAR", "first_seen_at", "content_sha256"
    )
    assert body == "The conference met in Hangzhou.\n\nFifty-one projects were listed."
    assert captions == ["Officials at the plenary session."]
    assert json.loads(str(images)) == [
        {"url": "https://www.example.hk/a.jpg", "caption": "Officials at the plenary session."}
    ]
    assert first_seen == T0
    assert sha == "ab" * 32


def test_the_same_batch_twice_changes_nothing(con: duckdb.DuckDBPyConnection) -> None:
    batch = [ArticleVersion(record(), "src", T0)]
    upsert_articles(con, batch)
    again = upsert_articles(con, batch)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 1)


def test_duplicates_inside_one_batch_keep_the_version_with_a_body(
    con: duckdb.DuckDBPyConnection,
) -> None:
    headline = ArticleVersion(record(body=(), parser="google_news"), "gn", T0)
    full = ArticleVersion(record(), "src", T0)
    counts = upsert_articles(con, [full, headline])
    assert counts.inserted == 1
    assert row(con, "parser") == ("generic",)


def test_an_update_keeps_first_seen_and_tracking_columns(con: duckdb.DuckDBPyConnection) -> None:
    upsert_articles(con, [ArticleVersion(record(), "src", T0)])
    con.execute(
        "UPDATE articles SET relevance = 0.9, is_relevant = true, duplicate_of = 'x'"
        " WHERE article_id = ?",
        [article_id(URL)],
    )
    newer = record(body=("The conference met in Hangzhou on Thursday.",), title="Updated")
    counts = upsert_articles(con, [ArticleVersion(newer, "other", T0 + timedelta(days=1))])
    assert counts.updated == 1
    assert row(
        con,
        "title",
        "body",
        "first_seen_at",
        "relevance",
        "is_relevant",
        "duplicate_of",
        "source_id",
    ) == ("Updated", "The conference met in Hangzhou on Thursday.", T0, 0.9, True, "x", "src")


def test_a_headline_never_replaces_a_parsed_body(con: duckdb.DuckDBPyConnection) -> None:
    upsert_articles(con, [ArticleVersion(record(), "src", T0)])
    headline = record(body=(), parser="google_news", title="Shorter headline")
    counts = upsert_articles(con, [ArticleVersion(headline, "gn", T0 + timedelta(hours=1))])
    assert counts.unchanged == 1
    assert row(con, "parser", "title") == ("generic", record().title)


def test_known_urls_answers_from_the_warehouse(con: duckdb.DuckDBPyConnection) -> None:
    upsert_articles(con, [ArticleVersion(record(), "src", T0)])
    other = "https://www.example.hk/news/other.html"
    assert known_urls(con, [URL, other]) == {URL}
    assert known_urls(con, []) == set()


def test_a_link_is_known_by_the_url_it_was_fetched_from_too(
    con: duckdb.DuckDBPyConnection,
) -> None:
    link = "https://m.example.hk/news/2025/04/24/hz-hk-plenary.html"
    upsert_articles(con, [ArticleVersion(record(url=link), "src", T0)])
    assert known_urls(con, [link]) == {link}


def test_sources_are_upserted_and_only_changes_are_written(con: duckdb.DuckDBPyConnection) -> None:
    rows = [
        SourceRow(
            "gn-en",
            "Google News (en-HK)",
            "google_news",
            None,
            "Hangzhou Hong Kong",
            "en",
            None,
            False,
            60,
            True,
            {"edition": "en-HK"},
        ),
        SourceRow(
            "rthk-en", "RTHK", "rss", "https://rthk.hk/feed.xml", None, "en", "RTHK", True, 30, True
        ),
    ]
    assert upsert_sources(con, rows, updated_at=T0) == 2
    assert upsert_sources(con, rows, updated_at=T0) == 0
    changed = [rows[0], replace(rows[1], enabled=False)]
    assert upsert_sources(con, changed, updated_at=T0) == 1
    found = con.execute(
        "SELECT source_id, enabled, options->>'edition' FROM sources"
        " WHERE kind <> 'seed' ORDER BY source_id"
    ).fetchall()
    assert found == [("gn-en", True, "en-HK"), ("rthk-en", False, None)]


def test_a_run_records_its_counts_and_problems(con: duckdb.DuckDBPyConnection) -> None:
    start_run(con, "run-1", "ingest", T0)
    problem = RunProblem(
        "discover", "gdelt", "https://api.example/doc", "ParseError", "throttled", T0
    )
    assert record_problems(con, "run-1", [problem, problem]) == 1
    finish_run(
        con,
        "run-1",
        finished_at=T0 + timedelta(seconds=5),
        status="completed",
        counts={"stored": 3},
    )
    status, counts = con.execute(
        "SELECT status, counts->>'stored' FROM runs WHERE run_id = 'run-1'"
    ).fetchone() or (None, None)
    assert (status, counts) == ("completed", "3")
    assert run_problems(con, "run-1") == [problem]
