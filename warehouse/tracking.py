"""Every SQL statement of tracking: which articles to track, and storing relevance, near-duplicate
state and events.

A batch is written in one transaction (`store_batch`), so a crash leaves the warehouse as it was
before the batch and the next run redoes it; writing the same batch twice gives the same rows.

`article_tracking`, `events`, `event_reasons` and `event_merges` are merged from their
declarations (`warehouse.merge`): adding a column is a migration, one line in the table's columns
below and its value in the rows. An event's reasons are replaced whole whenever it is
rewritten. Relevance, duplicate links and re-pointed merges stay hand-written `UPDATE ... FROM`s:
they change articles (or merges) that exist and must never insert one. Rows are read by column
name (`warehouse.rows`), so a reader survives a new column.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from datetime import UTC, date, datetime, timedelta
from typing import Any

import duckdb

from records.events import SIGNING, Copy, DuplicateLink, Event, Signature
from records.tracking import StoredArticle, TrackedBatch
from warehouse.batch import key_params, rows_table, to_json, values_table
from warehouse.db import transaction
from warehouse.lake import quote
from warehouse.merge import Table, merge
from warehouse.rows import named_rows

_ARTICLE_COLUMNS = """
    a.article_id, a.title, coalesce(a.body, '') AS body, a.language, a.published_at, a.publisher,
    a.version AS body_sha256, a.is_relevant, a.duplicate_of, t.shingling, t.signature
"""


def _article(row: Mapping[str, Any]) -> StoredArticle:
    blob = row["signature"]
    signature = Signature(str(row["shingling"]), bytes(blob)) if isinstance(blob, bytes) else None
    return StoredArticle(
        article_id=str(row["article_id"]),
        title=_text(row["title"]),
        body=str(row["body"]),
        language=_text(row["language"]),
        published_at=_moment(row["published_at"]),
        publisher=_text(row["publisher"]),
        body_sha256=_text(row["body_sha256"]),
        is_relevant=None if row["is_relevant"] is None else bool(row["is_relevant"]),
        duplicate_of=_text(row["duplicate_of"]),
        signature=signature,
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _moment(value: object) -> datetime | None:
    return value if isinstance(value, datetime) else None


def _tracked_version(signing: str) -> str:
    """The version of an article tracking reads, as SQL over `articles AS a`: a hash of the
    MinHash that signs it (`signing`), its body's hash, title, publication time (as an instant),
    language and publisher, which are all tracking looks at.

    It is what `article_tracking.body_sha256` records as the version tracked, so a re-parse that
    changes only a title or a date makes the article due again like a new body does, and so does
    a new MinHash: signatures of two schemes cannot be compared. (Rows written before it are each
    tracked once more, then compared as here.)
    """
    return f"""sha256(concat_ws(chr(31), {quote(signing)},
    coalesce(a.body_sha256, ''), coalesce(a.title, ''),
    coalesce(CAST(epoch_us(a.published_at) AS VARCHAR), ''),
    coalesce(a.language, ''), coalesce(a.publisher, '')))"""


_TRACKED_VERSION = _tracked_version(SIGNING)


def articles_to_track(con: duckdb.DuckDBPyConnection, since: date | None) -> list[str]:
    """With `since`: every article published (or first seen) on or after that day, tracked or not.

    Without: the articles never tracked, or changed since they were tracked (body, title, date,
    language or publisher: `_TRACKED_VERSION`). Ids only, in publication order: `read_due` reads
    the articles, and the version each is tracked at, a batch at a time. A run over 100,000
    articles once held every body from its start; listing ids with their versions still raised
    a 90,000-article run's peak by 89 MB, ids alone by 55 MB (issue 13, P4).
    """
    if since is not None:
        where = "coalesce(a.published_at, a.first_seen_at) >= ?::DATE"
        params: list[object] = [since]
    else:
        where = f"t.article_id IS NULL OR t.body_sha256 IS DISTINCT FROM {_TRACKED_VERSION}"
        params = []
    rows = con.execute(
        f"""
        SELECT a.article_id
        FROM articles AS a LEFT JOIN article_tracking AS t USING (article_id)
        WHERE {where}
        ORDER BY coalesce(a.published_at, a.first_seen_at), a.article_id
        """,
        params,
    ).fetchall()
    return [str(article_id) for (article_id,) in rows]


def read_due(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[StoredArticle]:
    """The articles of a batch of `articles_to_track`, in its order, read by primary key
    (`key_params`), each with the version to store as tracked (`_TRACKED_VERSION`, read with
    the article, so it is the version of what tracking reads) as its `body_sha256`. An article
    deleted since it was listed is left out."""
    found = {a.article_id: a for a in _articles_by_key(con, ids, version=_TRACKED_VERSION)}
    return [found[i] for i in ids if i in found]


def copies_sharing_buckets(
    con: duckdb.DuckDBPyConnection,
    buckets: Iterable[int],
    exclude: Iterable[str],
    between: tuple[datetime, datetime] | None = None,
) -> list[Copy]:
    """Stored articles in any of these LSH buckets, plus the articles they point at as originals.

    The buckets are found by a scan of `article_bands`' narrow columns (it has no index:
    rewriting one at every batch's checkpoint cost more than the scan, migration 011), of the
    days `between` covers only (a band's day is its article's publication day, else the day it
    was first seen; migration 013: the scan no longer grows with the warehouse); the
    articles they name are then read by primary key, with the keys as a constant list (a join
    or a sub-query lets DuckDB scan the wide tables instead), so only the rows of the matches
    are read from those (tests/tracking/test_duplicate_lookup.py checks it on DuckDB's own
    profile). `between`
    keeps only the articles published (or, undated, first seen) in that window: on templated
    coverage whole families of stories share buckets, and a batch compared with every one of
    them costs more as the warehouse grows (issue 13's profile).
    """
    days = ""
    if between is not None:  # whole row groups of other days are skipped (migration 013)
        first, last = (_utc_day(moment) for moment in between)
        days = f" AND day BETWEEN DATE '{first - _DAY}' AND DATE '{last + _DAY}'"
    rows = con.execute(
        f"SELECT DISTINCT article_id FROM article_bands "
        f"WHERE bucket IN ({values_table('?', 'UBIGINT')}){days}",
        [to_json(sorted(set(buckets)))],
    ).fetchall()
    hits = sorted({str(r[0]) for r in rows} - set(exclude))
    found = _stored_copies(con, hits, between)
    originals = sorted({c.duplicate_of for c in found if c.duplicate_of} - set(hits))
    return sorted(found + _stored_copies(con, originals), key=lambda c: c.article_id)


_DAY = timedelta(days=1)  # a band's day is a UTC date: one day's margin either side


def _utc_day(moment: datetime) -> date:
    return moment.astimezone(UTC).date()


def _band_days(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, date | None]:
    """The day each article's bands are filed under: its publication day, else the day it was
    first seen, in UTC (read by key: `key_params`)."""
    rows = con.execute(
        f"SELECT article_id, (coalesce(published_at, first_seen_at) AT TIME ZONE 'UTC')::DATE "
        f"FROM articles WHERE article_id IN ({key_params(ids)})",
        list(ids),
    ).fetchall()
    return {str(r[0]): r[1] for r in rows}


def _stored_copies(
    con: duckdb.DuckDBPyConnection,
    ids: Sequence[str | None],
    between: tuple[datetime, datetime] | None = None,
) -> list[Copy]:
    """The tracked articles with these ids that have a signature (and fall `between`)."""
    if not ids:
        return []
    start, end = between or (datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=UTC))
    result = con.execute(
        f"""
        WITH a AS MATERIALIZED (
            SELECT article_id, published_at, duplicate_of FROM articles
            WHERE article_id IN ({values_table()})
        ), t AS MATERIALIZED (
            SELECT article_id, shingling, signature FROM article_tracking
            WHERE article_id IN ({values_table()}) AND signature IS NOT NULL
        )
        SELECT a.article_id, a.published_at, a.duplicate_of, t.shingling, t.signature
        FROM a JOIN t USING (article_id)
        WHERE coalesce(a.published_at, ?::TIMESTAMPTZ) BETWEEN ?::TIMESTAMPTZ AND ?::TIMESTAMPTZ
        """,
        [to_json(ids), to_json(ids), start, start, end],
    )
    return [
        Copy(
            article_id=str(r["article_id"]),
            published_at=_moment(r["published_at"]),
            duplicate_of=_text(r["duplicate_of"]),
            signature=Signature(str(r["shingling"]), bytes(r["signature"])),
        )
        for r in named_rows(result)
    ]


def event_context(
    con: duckdb.DuckDBPyConnection, start: date, end: date, exclude: Iterable[str]
) -> list[StoredArticle]:
    """The relevant stored articles that a batch's events may touch.

    Those published between `start` and `end`, plus every member of the events they (or the
    excluded batch articles) belong to, so an event is always re-clustered whole.

    Found in two reads: the ids, from the narrow columns only, then those articles' rows by key
    (`key_params`). One query joining the chosen ids to the articles made DuckDB read every
    article's body first: 175 MB of memory for 163 articles on a 24,000-article warehouse,
    growing with it (issue 13, P4).
    """
    skip = sorted(set(exclude))
    ids = [
        str(r[0])
        for r in con.execute(
            f"""
            WITH near AS (
                SELECT article_id FROM articles
                WHERE is_relevant
                  AND coalesce(published_at, first_seen_at) >= ?::DATE
                  AND coalesce(published_at, first_seen_at) < ?::DATE + INTERVAL 1 DAY
                UNION
                {values_table()}
            ), touched AS (
                SELECT DISTINCT ea2.article_id
                FROM event_articles AS ea1
                JOIN event_articles AS ea2 USING (event_id)
                WHERE ea1.article_id IN (SELECT article_id FROM near)
            )
            SELECT article_id FROM near UNION SELECT article_id FROM touched
            """,
            [start, end, to_json(skip)],
        ).fetchall()
    ]
    chosen = sorted(set(ids) - set(skip))
    return [a for a in _articles_by_key(con, chosen) if a.is_relevant]


def _articles_by_key(
    con: duckdb.DuckDBPyConnection, ids: Sequence[str], version: str = "a.body_sha256"
) -> list[StoredArticle]:
    """These articles with their stored signatures, by id, read by primary key (`key_params`:
    no other filter beside the key list, or DuckDB scans every body instead of the index).
    `version` is what each carries as its `body_sha256`: the body's hash, or the version
    tracking stores (`_TRACKED_VERSION`), computed in the same read."""
    if not ids:
        return []
    result = con.execute(
        f"""
        WITH a AS MATERIALIZED (
            SELECT article_id, title, body, language, published_at, publisher,
                   {version} AS version, is_relevant, duplicate_of
            FROM articles AS a WHERE article_id IN ({key_params(ids)})
        ), t AS MATERIALIZED (
            SELECT article_id, shingling, signature FROM article_tracking
            WHERE article_id IN ({key_params(ids)})
        )
        SELECT {_ARTICLE_COLUMNS}
        FROM a LEFT JOIN t USING (article_id)
        ORDER BY a.article_id
        """,
        [*ids, *ids],
    )
    return [_article(r) for r in named_rows(result)]


def event_membership(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> dict[str, str]:
    """The stored event of each of these articles that has one (ids carry over from it)."""
    rows = con.execute(
        f"""
        SELECT article_id, min(event_id) FROM event_articles
        WHERE article_id IN ({values_table()})
        GROUP BY article_id
        """,
        [to_json(sorted(set(article_ids)))],
    ).fetchall()
    return {str(a): str(e) for a, e in rows}


def live_event_ids(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Every event id in use, which a new event must not take."""
    return {str(r[0]) for r in con.execute("SELECT event_id FROM events").fetchall()}


# Which version of each article was tracked, stamped `$tracked_at`. Signatures travel as hex
# (JSON has no bytes) and become BLOBs again in SQL.
TRACKING_COLUMNS = {
    "article_id": "VARCHAR", "body_sha256": "VARCHAR", "shingling": "VARCHAR",
    "signature_hex": "VARCHAR",
}  # fmt: skip
TRACKING = Table(
    name="article_tracking",
    columns=TRACKING_COLUMNS,
    key=("article_id",),
    staged_only=frozenset({"signature_hex"}),
    values={"tracked_at": "$tracked_at", "signature": "unhex(s.signature_hex)"},
)
# An event keeps its created_at; every batch that re-clusters it stamps updated_at.
EVENT_COLUMNS = {
    "event_id": "VARCHAR", "title": "VARCHAR", "event_type": "VARCHAR", "event_date": "DATE",
    "place": "VARCHAR", "status": "VARCHAR",
    "title_zh": "VARCHAR", "place_detail": "VARCHAR",
    "parts": [{"kind": "VARCHAR", "day": "DATE", "name": "VARCHAR", "name_zh": "VARCHAR"}],
}  # fmt: skip
EVENTS = Table(
    name="events",
    columns=EVENT_COLUMNS,
    key=("event_id",),
    values={"updated_at": "$tracked_at"},
    on_insert={"created_at": "$tracked_at"},
)
# Why an event got each of its values (tracking/events.py): every candidate, chosen or not.
REASONS = Table(
    name="event_reasons",
    columns={
        "event_id": "VARCHAR", "position": "INTEGER", "attribute": "VARCHAR", "value": "VARCHAR",
        "reason": "VARCHAR", "article_id": "VARCHAR", "sentence": "VARCHAR", "score": "DOUBLE",
        "chosen": "BOOLEAN",
    },
    key=("event_id", "position"),
)  # fmt: skip
# A retired event id and the live event that holds its coverage now.
MERGES = Table(
    name="event_merges",
    columns={"event_id": "VARCHAR", "merged_into": "VARCHAR"},
    key=("event_id",),
    values={"merged_at": "$merged_at"},
)


def store_batch(con: duckdb.DuckDBPyConnection, batch: TrackedBatch) -> None:
    """Write a batch's relevance, signatures, duplicate links and events in one transaction."""
    with transaction(con):
        _store_relevance(con, batch)
        _store_signatures(con, batch)
        _store_duplicates(con, batch.duplicates)
        _store_events(con, batch.events, batch.reclustered, batch.tracked_at)
        _store_merges(con, batch.merged, [e.event_id for e in batch.events], batch.tracked_at)


def _store_relevance(con: duckdb.DuckDBPyConnection, batch: TrackedBatch) -> None:
    ids = sorted(batch.relevance)
    if not ids:
        return
    columns = {"article_id": "VARCHAR", "relevance": "DOUBLE", "reasons": "JSON",
               "is_relevant": "BOOLEAN"}  # fmt: skip
    rows = [
        {
            "article_id": i,
            "relevance": batch.relevance[i].score,
            "reasons": [asdict(r) for r in batch.relevance[i].reasons],
            "is_relevant": batch.relevance[i].is_relevant,
        }
        for i in ids
    ]
    con.execute(
        f"""
        UPDATE articles AS t SET
            relevance = s.relevance, relevance_reasons = s.reasons, is_relevant = s.is_relevant
        FROM ({rows_table(columns)}) AS s
        WHERE t.article_id = s.article_id
        """,
        [to_json(rows)],
    )


def _store_signatures(con: duckdb.DuckDBPyConnection, batch: TrackedBatch) -> None:
    ids = sorted(batch.relevance)
    if not ids:
        return
    signatures = [batch.signatures.get(i) for i in ids]
    rows = [
        {
            "article_id": i,
            "body_sha256": batch.body_sha256.get(i),
            "shingling": sig.shingling if sig else None,
            "signature_hex": sig.values.hex() if sig else None,
        }
        for i, sig in zip(ids, signatures, strict=True)
    ]
    # only articles tracked before have bands to replace: a run of new ones skips the scan
    again = [
        str(r[0])
        for r in con.execute(
            f"SELECT article_id FROM article_tracking WHERE article_id IN ({key_params(ids)})",
            ids,
        ).fetchall()
    ]
    merge(con, TRACKING, rows, {"tracked_at": batch.tracked_at})
    if again:
        con.execute(
            f"DELETE FROM article_bands WHERE article_id IN ({values_table()})", [to_json(again)]
        )
    days = _band_days(con, ids)
    bands = [
        {"bucket": bucket, "article_id": article_id, "day": days.get(article_id)}
        for article_id, sig in zip(ids, signatures, strict=True)
        if sig is not None
        for bucket in sorted(set(sig.buckets()))
    ]
    if bands:
        columns = {"bucket": "UBIGINT", "article_id": "VARCHAR", "day": "DATE"}
        con.execute(f"INSERT INTO article_bands BY NAME {rows_table(columns)}", [to_json(bands)])


def _store_duplicates(con: duckdb.DuckDBPyConnection, links: Sequence[DuplicateLink]) -> None:
    chosen = {link.article_id: link.duplicate_of for link in links}
    if not chosen:
        return
    ids = sorted(chosen)
    columns = {"article_id": "VARCHAR", "duplicate_of": "VARCHAR"}
    con.execute(
        f"""
        UPDATE articles AS t SET duplicate_of = s.duplicate_of
        FROM ({rows_table(columns)}) AS s
        WHERE t.article_id = s.article_id
        """,
        [to_json({"article_id": i, "duplicate_of": chosen[i]} for i in ids)],
    )


def _store_events(
    con: duckdb.DuckDBPyConnection,
    events: Sequence[Event],
    reclustered: Sequence[str],
    tracked_at: datetime,
) -> None:
    """Replace the event membership of the re-clustered articles and the reasons of the events
    written; drop events left empty, with their reasons."""
    ids = sorted(set(reclustered))
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE _emptied AS
        SELECT DISTINCT event_id FROM event_articles
        WHERE article_id IN ({values_table()})
        """,
        [to_json(ids)],
    )
    con.execute(
        f"DELETE FROM event_articles WHERE article_id IN ({values_table()})", [to_json(ids)]
    )
    by_id = {e.event_id: e for e in events}
    con.execute(
        f"DELETE FROM event_reasons WHERE event_id IN ({values_table()})", [to_json(sorted(by_id))]
    )
    if by_id:
        chosen = [by_id[k] for k in sorted(by_id)]
        rows = [
            {
                "event_id": e.event_id,
                "title": e.title,
                "event_type": e.event_type,
                "event_date": e.event_date,
                "place": e.place,
                "status": e.status,
                "title_zh": e.title_zh,
                "place_detail": e.place_detail,
                "parts": [asdict(p) for p in e.parts],
            }
            for e in chosen
        ]
        merge(con, EVENTS, rows, {"tracked_at": tracked_at})
        reasons = [
            {"event_id": e.event_id, "position": i, **asdict(r)}
            for e in chosen
            for i, r in enumerate(e.reasons)
        ]
        merge(con, REASONS, reasons)
        members = [
            {"event_id": e.event_id, "article_id": a, "similarity": sim}
            for e in chosen
            for a, sim in e.members
        ]
        columns = {"event_id": "VARCHAR", "article_id": "VARCHAR", "similarity": "DOUBLE"}
        con.execute(
            f"""
            INSERT INTO event_articles (event_id, article_id, similarity, joined_at)
            SELECT event_id, article_id, similarity, ? FROM ({rows_table(columns)})
            """,
            [tracked_at, to_json(members)],
        )
    con.execute(
        """
        DELETE FROM events
        WHERE event_id IN (SELECT event_id FROM _emptied)
          AND event_id NOT IN (SELECT event_id FROM event_articles)
        """
    )
    con.execute(
        """
        DELETE FROM event_reasons
        WHERE event_id IN (SELECT event_id FROM _emptied)
          AND event_id NOT IN (SELECT event_id FROM events)
        """
    )
    con.execute("DROP TABLE _emptied")


def _store_merges(
    con: duckdb.DuckDBPyConnection,
    merged: Mapping[str, str],
    live: Sequence[str],
    merged_at: datetime,
) -> None:
    """Record retired ids, keep older pointers at a live event, and un-retire revived ids."""
    if merged:
        rows = [{"event_id": k, "merged_into": merged[k]} for k in sorted(merged)]
        con.execute(
            f"""
            UPDATE event_merges AS t SET merged_into = s.merged_into
            FROM ({rows_table(MERGES.columns)}) AS s
            WHERE t.merged_into = s.event_id
            """,
            [to_json(rows)],
        )
        merge(con, MERGES, rows, {"merged_at": merged_at})
    if live:
        con.execute(
            f"DELETE FROM event_merges WHERE event_id IN ({values_table()})",
            [to_json(sorted(set(live)))],
        )


def count_events(con: duckdb.DuckDBPyConnection) -> int:
    counted = con.execute("SELECT count(*) FROM events").fetchone()
    return int(counted[0]) if counted else 0


def refresh_event_status(con: duckdb.DuckDBPyConnection, week_start: date) -> None:
    """Status relative to the run's week: new if first seen in it (or later), else continuing."""
    con.execute(
        """
        UPDATE events AS e SET status = s.status
        FROM (
            SELECT ea.event_id,
                   CASE WHEN min(coalesce(a.published_at, a.first_seen_at)) >= ?::DATE
                        THEN 'new' ELSE 'continuing' END AS status
            FROM event_articles AS ea JOIN articles AS a USING (article_id)
            GROUP BY ea.event_id
        ) AS s
        WHERE e.event_id = s.event_id AND e.status IS DISTINCT FROM s.status
        """,
        [week_start],
    )
