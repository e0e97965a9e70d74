"""Every SQL statement that writes parsed articles, and the known-URL lookup that precedes fetching.

A parser may read the same article again later (an updated page, a re-parse from the archive):
the row is updated in place, keeping `first_seen_at` and never touching what tracking wrote
(relevance, is_relevant, duplicate_of, ...). A version without a body (a headline from a feed)
never replaces one with a body.

One record cannot bring the batch down: each row is converted and encoded on its own first, and a
row that fails (an offset no clock has, text that is not Unicode) is returned as rejected, for the
flow to record as a problem, while the rest of the batch is stored.

The seed article goes through the same `upsert_articles` (with `new_only`), so `articles` has one
writer and one statement, `ARTICLES` below, built by `warehouse.merge`.

Adding a column to `articles`: a migration, one line in `STAGED_COLUMNS` and, in `_row`, where
its value comes from. Its UPDATE and INSERT follow from the declaration (before `warehouse.merge`
it also took a line in `UPDATE SET`, the `INSERT` list, `VALUES` and the seed's own INSERT).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

import duckdb

from records.articles import ArticleVersion
from records.ids import article_id
from warehouse.batch import to_json, values_table
from warehouse.merge import Table, merge
from warehouse.rows import rows_as


@dataclass(frozen=True, slots=True)
class Rejected:
    """A version that could not be turned into a row, and why."""

    version: ArticleVersion
    error_class: str
    error: str


@dataclass(frozen=True, slots=True)
class UpsertCounts:
    inserted: int
    updated: int
    unchanged: int
    rejected: tuple[Rejected, ...] = ()


def _preferred(old: ArticleVersion, new: ArticleVersion) -> ArticleVersion:
    """Of two versions of one article in a batch, the one with a body, else the later one."""
    if old.body and not new.body:
        return old
    return new


# The staged batch travels as one JSON document (warehouse.batch; see bench/ingest.py).
STAGED_COLUMNS = {
    "article_id": "VARCHAR",
    "url": "VARCHAR",
    "canonical_url": "VARCHAR",
    "external_id": "VARCHAR",
    "source_id": "VARCHAR",
    "publisher": "VARCHAR",
    "publisher_url": "VARCHAR",
    "title": "VARCHAR",
    "subtitle": "VARCHAR",
    "authors": "VARCHAR[]",
    "published_at": "TIMESTAMPTZ",
    "updated_at": "TIMESTAMPTZ",
    "seen_at": "TIMESTAMPTZ",
    "language": "VARCHAR",
    "section": "VARCHAR",
    "body": "VARCHAR",
    "captions": "VARCHAR[]",
    "images": "JSON",
    "access": "VARCHAR",
    "parser": "VARCHAR",
    "content_sha256": "VARCHAR",
    "body_sha256": "VARCHAR",
    "problems": "VARCHAR[]",
    "crawled_at": "TIMESTAMPTZ",
}

# A newer version updates the row; what it leaves out keeps what an earlier one said, and the
# source an article was first found through stays its source.
ARTICLES = Table(
    name="articles",
    columns=STAGED_COLUMNS,
    key=("article_id",),
    on_update={
        "external_id": "coalesce(s.external_id, t.external_id)",
        "source_id": "coalesce(t.source_id, s.source_id)",
        "publisher": "coalesce(s.publisher, t.publisher)",
        "publisher_url": "coalesce(s.publisher_url, t.publisher_url)",
        "title": "coalesce(s.title, t.title)",
        "published_at": "coalesce(s.published_at, t.published_at)",
        "language": "coalesce(s.language, t.language)",
        "crawled_at": "least(s.crawled_at, t.crawled_at)",  # the earliest sighting (NULLs skipped)
    },
    on_insert={"first_seen_at": "s.seen_at"},
    staged_only=frozenset({"seen_at"}),
    when="s.body IS NOT NULL OR t.body IS NULL",  # a headline never replaces a body
    compare=("body_sha256", "content_sha256", "title", "published_at", "updated_at", "parser"),
    returning=True,
)
# The seed: inserted when missing, never overwriting what later stages changed.
NEW_ARTICLES = replace(ARTICLES, insert_only=True)


def _time(moment: datetime | None) -> str | None:
    """ISO 8601 in UTC; a naive time (a parser bug) is taken as UTC, never as local. Converting
    here raises for an impossible offset, so the row is rejected before any SQL runs."""
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC).isoformat()


def _row(key: str, version: ArticleVersion) -> dict[str, object]:
    r = version.record
    body = version.body
    return {
        "article_id": key,
        "url": r.url,
        "canonical_url": r.canonical_url,
        "external_id": r.external_id,
        "source_id": version.source_id,
        "publisher": r.publisher,
        "publisher_url": version.publisher_url,
        "title": r.title,
        "subtitle": r.subtitle,
        "authors": list(r.authors),
        "published_at": _time(r.published_at),
        "updated_at": _time(r.updated_at),
        "seen_at": _time(version.seen_at),
        "language": r.language,
        "section": r.section,
        "body": body,
        "captions": list(r.captions),
        "images": [{"url": i.url, "caption": i.caption} for i in r.images],
        "access": r.access,
        "parser": r.parser,
        "content_sha256": version.content_sha256,
        "body_sha256": version.body_sha256,
        "problems": list(r.problems),
        "crawled_at": _time(version.crawled_at),
    }


def _staged(key: str, version: ArticleVersion) -> dict[str, object]:
    """The row, checked to survive staging: its JSON must encode as UTF-8 (a lone surrogate in a
    title does not), and its times must convert."""
    row = _row(key, version)
    to_json([row]).encode("utf-8")
    return row


def upsert_articles(
    con: duckdb.DuckDBPyConnection, versions: Sequence[ArticleVersion], *, new_only: bool = False
) -> UpsertCounts:
    """MERGE a batch in one statement, deduplicated here first with `_preferred` (DuckDB would
    apply one of several rows for a key silently). `new_only`: insert the articles not stored
    yet and leave stored ones exactly as they are."""
    chosen: dict[str, ArticleVersion] = {}
    for v in versions:
        key = v.article_id
        chosen[key] = _preferred(chosen[key], v) if key in chosen else v
    rows: list[dict[str, object]] = []
    rejected: list[Rejected] = []
    for key, v in chosen.items():
        try:
            rows.append(_staged(key, v))
        except (ValueError, OverflowError, TypeError, UnicodeError) as exc:
            rejected.append(Rejected(v, type(exc).__name__, f"cannot be stored: {exc}"))
    merged = merge(con, NEW_ARTICLES if new_only else ARTICLES, rows)
    written = len(merged.actions)
    return UpsertCounts(merged.inserted, merged.updated, len(rows) - written, tuple(rejected))


def known_urls(con: duckdb.DuckDBPyConnection, canonical_urls: Iterable[str]) -> set[str]:
    """Which of these links already have an article: as its canonical URL (the keyed id) or as
    the link it was fetched from (a page may declare another canonical URL than its link)."""
    by_id = {article_id(u): u for u in canonical_urls}
    if not by_id:
        return set()
    rows = con.execute(
        "SELECT article_id, url FROM articles"
        f" WHERE article_id IN ({values_table('$ids')}) OR url IN ({values_table('$urls')})",
        {"ids": to_json(by_id), "urls": to_json(by_id.values())},
    ).fetchall()
    found = {by_id[str(id_)] for id_, _ in rows if str(id_) in by_id}
    return found | ({str(url) for _, url in rows} & set(by_id.values()))


@dataclass(frozen=True, slots=True)
class ArchivedArticle:
    """A stored article whose raw page is in the archive: what re-parsing it needs (the page's
    hash, the address it was fetched from, its content type) and what it is compared with and
    falls back on (the stored values `ARTICLES` compares, and what a feed may have filled in)."""

    article_id: str
    url: str
    canonical_url: str
    source_id: str | None
    content_sha256: str
    page_url: str  # where the page was fetched from in the end (after redirects)
    content_type: str | None
    parser: str | None
    publisher: str | None
    title: str | None
    authors: list[str] | None
    published_at: datetime | None
    updated_at: datetime | None
    body_sha256: str | None


def archived_articles(
    con: duckdb.DuckDBPyConnection, since: date | None = None
) -> list[ArchivedArticle]:
    """Every article parsed from an archived page (headlines from a feed have none), or those
    published (or first seen) on or after `since`, in id order.

    The page is parsed again at the address its fetch ended at: the article's own fetch of that
    body when the log has it, else the address the archive first stored the body under.
    """
    where = "coalesce(a.published_at, a.first_seen_at) >= $since::DATE" if since else "true"
    result = con.execute(
        f"""
        WITH fetched AS (
            SELECT url, content_sha256, arg_max(final_url, fetched_at) AS final_url
            FROM fetches WHERE content_sha256 IS NOT NULL AND final_url IS NOT NULL
            GROUP BY url, content_sha256
        )
        SELECT a.article_id, a.url, a.canonical_url, a.source_id, a.content_sha256,
            coalesce(f.final_url, p.final_url, a.url) AS page_url, p.content_type, a.parser,
            a.publisher, a.title, a.authors, a.published_at, a.updated_at, a.body_sha256
        FROM articles AS a
        JOIN raw_pages AS p USING (content_sha256)
        LEFT JOIN fetched AS f ON f.url = a.url AND f.content_sha256 = a.content_sha256
        WHERE {where}
        ORDER BY a.article_id
        """,
        {"since": since} if since else {},
    )
    return rows_as(ArchivedArticle, result)
