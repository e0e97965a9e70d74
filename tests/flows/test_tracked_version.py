"""Which articles the track flow takes up: those never tracked, and those whose version changed
since they were, where the version is everything tracking reads (body, title, publication time,
language, publisher), not the body alone. A re-parse that corrects only a headline or a date
must reach the events and the digest."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from records.articles import ArticleRecord, ArticleVersion
from records.relevance import Relevance
from records.tracking import TrackedBatch
from warehouse import tracking
from warehouse.articles import upsert_articles
from warehouse.db import open_warehouse
from warehouse.tracking import articles_to_track, read_due, store_batch

AT = datetime(2025, 4, 24, 10, tzinfo=UTC)
URL = "https://news.example/hangzhou-hong-kong.html"
RECORD = ArticleRecord(
    URL,
    URL,
    "generic",
    publisher="Example News",
    title="Hangzhou and Hong Kong sign a memorandum",
    published_at=AT,
    language="en",
    body=("Officials signed a memorandum on trade.", "It covers logistics and finance."),
)


@pytest.fixture
def con(warehouse_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with closing(open_warehouse(warehouse_path)) as connection:
        upsert_articles(connection, [ArticleVersion(RECORD, None, AT)])
        yield connection


def track_all(con: duckdb.DuckDBPyConnection) -> None:
    """What the track flow stores for each article it tracked: the version it read."""
    store_tracked(
        con, {a.article_id: a.body_sha256 for a in read_due(con, articles_to_track(con, None))}
    )


def store_tracked(con: duckdb.DuckDBPyConnection, versions: dict[str, str | None]) -> None:
    store_batch(
        con,
        TrackedBatch(
            relevance={article_id: Relevance(0.0, False, ()) for article_id in versions},
            body_sha256=versions,
            signatures={},
            duplicates=[],
            events=[],
            reclustered=[],
            tracked_at=AT,
        ),
    )


def stored_again(con: duckdb.DuckDBPyConnection, record: ArticleRecord) -> None:
    upsert_articles(con, [ArticleVersion(record, None, AT + timedelta(days=1))])


def test_an_article_tracked_is_not_taken_up_again(con: duckdb.DuckDBPyConnection) -> None:
    assert len(articles_to_track(con, None)) >= 1
    track_all(con)
    assert articles_to_track(con, None) == []


@pytest.mark.parametrize(
    "change",
    [
        {"title": "Hangzhou and Hong Kong sign two memoranda"},
        {"published_at": AT - timedelta(hours=8)},
        {"body": ("Officials signed two memoranda on trade.",)},
    ],
    ids=["title", "published_at", "body"],
)
def test_a_changed_title_date_or_body_makes_an_article_due_again(
    con: duckdb.DuckDBPyConnection, change: dict[str, object]
) -> None:
    track_all(con)

    stored_again(con, replace(RECORD, **change))  # type: ignore[arg-type]

    [due] = articles_to_track(con, None)
    [again] = read_due(con, [due])
    assert again.title == (change.get("title") or RECORD.title)
    assert again.body_sha256 is not None and len(again.body_sha256) == 64
    track_all(con)
    assert articles_to_track(con, None) == []


def test_storing_the_same_record_again_changes_nothing_to_track(
    con: duckdb.DuckDBPyConnection,
) -> None:
    track_all(con)
    stored_again(con, RECORD)
    assert articles_to_track(con, None) == []


def test_a_run_lists_ids_and_reads_each_batch_in_that_order(
    con: duckdb.DuckDBPyConnection,
) -> None:
    """The list holds ids only; a batch's articles are read when the run gets to them, in the
    listed (publication) order, each carrying the version it is tracked at; one gone since the
    listing is left out."""
    later = replace(
        RECORD, url=URL + "?b", canonical_url=URL + "?b", published_at=AT + timedelta(hours=1)
    )
    gone = replace(
        RECORD, url=URL + "?c", canonical_url=URL + "?c", published_at=AT + timedelta(hours=2)
    )
    upsert_articles(con, [ArticleVersion(r, None, AT) for r in (later, gone)])
    due = articles_to_track(con, None)[-3:]  # after the seed article (2019)
    assert all(isinstance(d, str) for d in due)
    versions = {a.article_id: a.body_sha256 for a in read_due(con, due)}
    assert len(set(versions.values())) == 3 and all(len(v or "") == 64 for v in versions.values())
    con.execute("DELETE FROM articles WHERE article_id = ?", [due[2]])
    read = read_due(con, [due[1], due[0], due[2]])
    assert [a.article_id for a in read] == [due[1], due[0]]
    assert [a.body_sha256 for a in read] == [versions[due[1]], versions[due[0]]]
    assert (
        read[1].body
        == "Officials signed a memorandum on trade.\n\nIt covers logistics and finance."
    )


def test_the_version_is_read_with_the_article_not_when_it_was_listed(
    con: duckdb.DuckDBPyConnection,
) -> None:
    """An article re-parsed between the listing and its batch is tracked at the version of the
    text tracking actually read, so the next run has nothing left to do for it."""
    track_all(con)
    stored_again(con, replace(RECORD, body=("Officials signed two memoranda on trade.",)))
    [due] = articles_to_track(con, None)
    stored_again(con, replace(RECORD, title="Hangzhou and Hong Kong sign two memoranda"))
    [read] = read_due(con, [due])
    assert read.title == "Hangzhou and Hong Kong sign two memoranda"
    store_tracked(con, {read.article_id: read.body_sha256})
    assert articles_to_track(con, None) == []


def test_an_article_signed_by_another_minhash_is_due_again(
    con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Signatures of two MinHash schemes never agree: the next run signs every article again."""
    with monkeypatch.context() as earlier:
        earlier.setattr(tracking, "_TRACKED_VERSION", tracking._tracked_version("an earlier one"))
        track_all(con)
        assert articles_to_track(con, None) == []

    assert sorted(articles_to_track(con, None)) == list_all(con)
    track_all(con)
    assert articles_to_track(con, None) == []


def list_all(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [str(i) for (i,) in con.execute("SELECT article_id FROM articles ORDER BY 1").fetchall()]
