"""What `hzhk status` shows from the warehouse: the last runs, and each source's health."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb

from warehouse.rows import rows_as


@dataclass(frozen=True)
class RunRow:
    run_id: str
    flow: str
    started_at: datetime
    finished_at: datetime | None
    status: str
    counts: str | None
    error: str | None


@dataclass(frozen=True)
class SourceHealth:
    source_id: str
    enabled: bool
    last_answered: datetime | None  # the last time its feed answered (200 or 304)
    last_failed: datetime | None
    failures_in_a_row: int  # discovery failures since it last answered
    last_error: str | None
    articles: int


def recent_runs(con: duckdb.DuckDBPyConnection, limit: int = 10) -> list[RunRow]:
    return rows_as(
        RunRow,
        con.execute(
            "SELECT run_id, flow, started_at, finished_at, status, counts::VARCHAR AS counts,"
            " error FROM runs ORDER BY started_at DESC, run_id LIMIT ?",
            [limit],
        ),
    )


def source_health(con: duckdb.DuckDBPyConnection) -> list[SourceHealth]:
    """Per configured source: when it last answered, when it last failed, and how often since."""
    return rows_as(
        SourceHealth,
        con.execute(
            """
            WITH answered AS (  -- a feed, list page or search answer (not a page, not robots.txt)
                SELECT source_id, max(fetched_at) AS at FROM fetches
                WHERE outcome IN ('stored', 'not_modified') AND url NOT LIKE '%/robots.txt'
                  AND url NOT IN (SELECT url FROM articles)
                GROUP BY source_id
            ),
            failed AS (
                SELECT e.source_id, max(e.occurred_at) AS at,
                       arg_max(e.error, e.occurred_at) AS error,
                       count(*) FILTER (WHERE e.occurred_at > coalesce(a.at, '-infinity'))
                           AS in_a_row
                FROM ingest_errors AS e LEFT JOIN answered AS a USING (source_id)
                WHERE e.stage = 'discover'
                GROUP BY e.source_id
            )
            SELECT s.source_id, s.enabled, a.at AS last_answered, f.at AS last_failed,
                   coalesce(f.in_a_row, 0)::INTEGER AS failures_in_a_row,
                   f.error AS last_error,
                   (SELECT count(*) FROM articles AS x WHERE x.source_id = s.source_id)::INTEGER
                       AS articles
            FROM sources AS s
            LEFT JOIN answered AS a USING (source_id)
            LEFT JOIN failed AS f USING (source_id)
            WHERE s.kind <> 'seed'
            ORDER BY failures_in_a_row DESC, s.source_id
            """
        ),
    )
