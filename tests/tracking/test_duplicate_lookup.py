"""The near-duplicate lookup reads, of the wide tables, only the rows that share an LSH bucket
with the batch; the band table carries no index for every write to rewrite.

Checked on what DuckDB reports it read (its query profile) and on the schema, never on time:
the articles and their signatures are read by index, only the rows of the matches; the bands
are one scan of two narrow columns, and no index or key on them is rewritten at each checkpoint
(migration 011: that rewrite grew with the warehouse and cost more than the scan).
"""

from __future__ import annotations

import json
import random
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from records.articles import ArticleRecord, ArticleVersion
from records.events import NUM_PERM, ROWS, Signature
from records.relevance import Relevance
from records.tracking import TrackedBatch
from tracking.duplicates import COPY_WINDOW, copy_window
from warehouse.articles import upsert_articles
from warehouse.db import open_warehouse
from warehouse.tracking import copies_sharing_buckets, event_context, store_batch

STORED = 1500
AT = datetime(2026, 1, 1, tzinfo=UTC)


def random_signature(rng: random.Random) -> Signature:
    values = [rng.getrandbits(32) for _ in range(NUM_PERM)]
    return Signature("word5", b"".join(v.to_bytes(4, "little") for v in values))


def half_copy(original: Signature, rng: random.Random) -> Signature:
    """A signature sharing the first half of its bands with `original`."""
    keep = (NUM_PERM // 2) * 4
    other = random_signature(rng).values
    return Signature("word5", original.values[:keep] + other[keep:])


def store(
    con: duckdb.DuckDBPyConnection,
    signatures: dict[str, Signature],
    published: dict[str, datetime] | None = None,
) -> None:
    """Store articles with these signatures, published at AT unless `published` says otherwise."""
    when = published or {}
    versions = [
        ArticleVersion(
            ArticleRecord(url=f"https://news.example/{i}", canonical_url=f"https://news.example/{i}",
                          parser="test", title=i, body=("text",), published_at=when.get(i, AT)),
            "test",
            AT,
        )
        for i in signatures
    ]  # fmt: skip
    upsert_articles(con, versions)
    ids = {
        i: str(r[0]) for i, r in zip(signatures, _article_ids(con, list(signatures)), strict=True)
    }
    nothing = Relevance(0.0, False, ())
    store_batch(
        con,
        TrackedBatch(
            {ids[i]: nothing for i in signatures},
            {},
            {ids[i]: s for i, s in signatures.items()},
            [],
            [],
            [],
            AT,
        ),
    )


def _article_ids(con: duckdb.DuckDBPyConnection, titles: list[str]) -> list[tuple[object, ...]]:
    return [
        con.execute("SELECT article_id FROM articles WHERE title = ?", [t]).fetchall()[0]
        for t in titles
    ]


def scans(profile: dict[str, object]) -> list[tuple[str, str, int]]:
    """(table, scan type, rows read) of every table scan in a DuckDB JSON profile."""
    found: list[tuple[str, str, int]] = []
    extra = profile.get("extra_info")
    if isinstance(extra, dict) and "Table" in extra:
        table = str(extra["Table"]).rsplit(".", 1)[-1]  # "w.main.articles"
        found.append((table, str(extra.get("Type")), int(str(profile["operator_rows_scanned"]))))
    children = profile.get("children")
    for child in children if isinstance(children, list) else []:
        found += scans(child)
    return found


@dataclass(frozen=True)
class Fetched:
    """A statement's result, kept before the profiler's own statements replace it."""

    rows: list[tuple[object, ...]]
    description: list[tuple[object, ...]]  # the column names readers map rows by

    def fetchall(self) -> list[tuple[object, ...]]:
        return self.rows


class Profiled:
    """A connection that runs each statement under DuckDB's profiler and keeps what it read."""

    def __init__(self, con: duckdb.DuckDBPyConnection, folder: Path) -> None:
        self.con = con
        self.folder = folder
        self.reads: list[tuple[str, str, int]] = []
        self.statements = 0

    def execute(self, sql: str, params: object = None) -> Fetched:
        self.statements += 1
        profile = self.folder / f"profile-{self.statements}.json"
        self.con.execute("PRAGMA enable_profiling = 'json'")
        self.con.execute(f"PRAGMA profiling_output = '{profile}'")
        result = self.con.execute(sql, params)
        fetched = Fetched(result.fetchall(), list(result.description or []))
        self.reads += scans(json.loads(profile.read_text("utf-8")))
        self.con.execute("PRAGMA disable_profiling")
        return fetched


def test_the_lookup_reads_only_the_rows_of_the_buckets_asked_for(tmp_path: Path) -> None:
    rng = random.Random(13)
    target = random_signature(rng)
    stored = {f"stored-{n}": random_signature(rng) for n in range(STORED)}
    stored["the-copy"] = half_copy(target, rng)
    with closing(open_warehouse(tmp_path / "w.duckdb")) as con:
        store(con, stored)
        bands_total = con.execute("SELECT count(*) FROM article_bands").fetchone()
        assert bands_total == (len(stored) * NUM_PERM // ROWS,)
        profiled = Profiled(con, tmp_path)
        found = copies_sharing_buckets(profiled, target.buckets(), [])  # type: ignore[arg-type]

    assert [c.signature for c in found] == [stored["the-copy"]]
    shared = NUM_PERM // ROWS // 2  # the copy shares half of the target's bands
    assert {table for table, _, _ in profiled.reads} == {
        "article_bands",
        "articles",
        "article_tracking",
    }
    for table, kind, rows in profiled.reads:
        if table == "article_bands":
            assert kind == "Sequential Scan"
            continue
        assert kind == "Index Scan", (table, kind)
        assert rows <= shared, (table, rows)  # of 1,500 articles


@pytest.mark.parametrize("table", ["article_bands", "mentions", "figures", "event_reasons"])
def test_tables_every_batch_rewrites_have_no_index_or_key_to_rewrite_at_each_checkpoint(
    tmp_path: Path, table: str
) -> None:
    """DuckDB writes an ART index out whole at every checkpoint, and each stored batch ends in
    one: an index on a table every batch deletes from and inserts into costs more each batch
    (migrations 011 and 012)."""
    with closing(open_warehouse(tmp_path / "w.duckdb")) as con:
        indexes = con.execute(
            "SELECT index_name FROM duckdb_indexes() WHERE table_name = ?", [table]
        ).fetchall()
        keys = con.execute(
            "SELECT constraint_type FROM duckdb_constraints() WHERE table_name = ? "
            "AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')",
            [table],
        ).fetchall()
    assert indexes == [] and keys == []


def test_storing_an_article_again_replaces_its_bands(tmp_path: Path) -> None:
    """Without a key, the writer keeps each (bucket, article) once: it deletes before inserting."""
    rng = random.Random(15)
    first, second = random_signature(rng), random_signature(rng)
    with closing(open_warehouse(tmp_path / "w.duckdb")) as con:
        store(con, {"one": first})
        store(con, {"one": second})
        rows = con.execute("SELECT bucket FROM article_bands ORDER BY bucket").fetchall()
    assert [r[0] for r in rows] == sorted(set(second.buckets()))


def test_only_copies_published_within_the_window_of_the_batch_are_looked_up(
    tmp_path: Path,
) -> None:
    rng = random.Random(14)
    target = random_signature(rng)
    stored = {"same-week": half_copy(target, rng), "months-before": half_copy(target, rng)}
    published = {"same-week": AT - timedelta(days=3), "months-before": AT - timedelta(days=90)}
    window = copy_window([AT], AT)
    assert window == (AT - COPY_WINDOW, AT + COPY_WINDOW)
    with closing(open_warehouse(tmp_path / "w.duckdb")) as con:
        store(con, stored, published)
        found = copies_sharing_buckets(con, target.buckets(), [], window)
        everything = copies_sharing_buckets(con, target.buckets(), [])
    assert [c.signature for c in found] == [stored["same-week"]]
    assert len(everything) == 2  # without a window, both


def test_an_undated_article_looks_for_copies_around_the_time_it_is_tracked() -> None:
    now = AT + timedelta(days=400)
    assert copy_window([None, AT], now) == (AT - COPY_WINDOW, now + COPY_WINDOW)


def test_the_events_context_reads_the_articles_bodies_by_key(tmp_path: Path) -> None:
    """The window's ids come from the narrow columns; the bodies of only those articles are
    read, by index: a join to the articles made DuckDB read every body (issue 13, P4)."""
    rng = random.Random(16)
    signatures = {f"a-{n}": random_signature(rng) for n in range(300)}
    published = {i: AT - timedelta(days=n) for n, i in enumerate(signatures)}
    with closing(open_warehouse(tmp_path / "w.duckdb")) as con:
        store(con, signatures, published)
        con.execute("UPDATE articles SET is_relevant = true")
        profiled = Profiled(con, tmp_path)
        found = event_context(profiled, (AT - timedelta(days=4)).date(), AT.date(), [])  # type: ignore[arg-type]
    assert len(found) == 5 and all(a.body == "text" for a in found)
    articles = [(kind, rows) for table, kind, rows in profiled.reads if table == "articles"]
    assert ("Index Scan", 5) in articles
    assert [kind for kind, _ in articles].count("Sequential Scan") <= 1  # the dates, narrow


def test_the_bands_of_articles_published_outside_the_window_are_not_read(tmp_path: Path) -> None:
    """Each band carries its article's publication day and a batch's bands are stored in
    publication order, so the lookup skips whole row groups of other days: its scan stays the
    size of the window, not of the warehouse (migration 013)."""
    rng = random.Random(17)
    target = random_signature(rng)
    old = {f"old-{n}": random_signature(rng) for n in range(4000)}
    recent = {f"recent-{n}": random_signature(rng) for n in range(2000)}
    recent["the-copy"] = half_copy(target, rng)
    with closing(open_warehouse(tmp_path / "w.duckdb")) as con:
        store(con, old, dict.fromkeys(old, AT - timedelta(days=400)))
        store(con, recent)
        (total,) = con.execute("SELECT count(*) FROM article_bands").fetchone() or (0,)
        days = con.execute("SELECT DISTINCT day FROM article_bands ORDER BY day").fetchall()
        profiled = Profiled(con, tmp_path)
        window = copy_window([AT], AT)
        found = copies_sharing_buckets(profiled, target.buckets(), [], window)  # type: ignore[arg-type]
    assert [c.signature for c in found] == [recent["the-copy"]]
    assert days == [((AT - timedelta(days=400)).date(),), (AT.date(),)]
    (scanned,) = [rows for table, _, rows in profiled.reads if table == "article_bands"]
    assert scanned < total // 2  # the old articles' row groups were skipped
