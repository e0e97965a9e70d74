"""The public views as Parquet, partitioned by month: `hzhk export --parquet DIR`.

For people who read the warehouse with other tools (DuckDB, Spark, pandas, a BI tool): each
public view becomes a Hive-partitioned folder, `DIR/v_articles/month=2025-04/data_0.parquet`, so
a reader can ask for one month without scanning the rest. A view's month is the month of the
happening its rows are about, in the display time zone: an article's publication (first sighting
when it has no date), an event's date, a fetch's time. Rows with no date of their own take their
article's or their event's month; a row that has none at all goes to `month=undated`, never
dropped.

Every public view must say how it is partitioned (`MONTH_OF`): a new view without an entry is an
error the test suite names, not a view silently left out of the export.

The export is written beside `DIR` first and swapped in view by view (a rename), so a reader of
`DIR` sees the previous export or the new one, never half of one; running it again replaces it.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

UNDATED = "undated"
_ARTICLE_MONTH = (
    "(SELECT coalesce(a.published_at, a.first_seen_at) FROM articles AS a "
    "WHERE a.article_id = v.article_id)"
)
_EVENT_MONTH = (
    "(SELECT coalesce(e.event_date, e.created_at) FROM events AS e WHERE e.event_id = v.event_id)"
)

# The instant or day a view's row is filed under, as SQL over the view's row `v`.
MONTH_OF: dict[str, str] = {
    "v_articles": "coalesce(v.published_at, v.first_seen_at)",
    "v_events": "coalesce(v.event_date, v.first_seen)",
    "v_event_reasons": _EVENT_MONTH,
    "v_event_merges": "v.merged_at",
    "v_agreements": f"coalesce(v.signed_on, v.planned_on, {_ARTICLE_MONTH})",
    "v_figures": f"coalesce(v.as_of, {_ARTICLE_MONTH})",
    "v_measures": "coalesce(v.as_of, v.reported_at)",
    "v_mentions": _ARTICLE_MONTH,
    "v_relevance_reasons": _ARTICLE_MONTH,
    "v_entities": "v.first_seen",
    "v_coverage": "v.appeared_at",
    "v_digests": "v.period_start",
    "v_fetches": "v.fetched_at",
    "v_ingest_errors": "v.occurred_at",
}


class ExportError(Exception):
    """An export that cannot be made; the message is one line for the person who asked."""


@dataclass(frozen=True, slots=True)
class Exported:
    view: str
    rows: int
    months: int  # partitions written, `undated` included
    path: str


def public_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The views people query (`v_*`), as the warehouse has them."""
    rows = con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' "
        "AND starts_with(view_name, 'v_') ORDER BY view_name"
    ).fetchall()
    return [str(name) for (name,) in rows]


def export_parquet(con: duckdb.DuckDBPyConnection, out: Path) -> list[Exported]:
    """Write every public view under `out`, partitioned by month; returns what was written."""
    views = public_views(con)
    unknown = [v for v in views if v not in MONTH_OF]
    if unknown:
        raise ExportError(f"no month is declared for {', '.join(unknown)} (warehouse/export.py)")
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".export-", dir=out))
    try:
        written = [_export_view(con, view, staging) for view in views]
        for item in written:
            final = out / item.view
            _swap(staging / item.view, final)
        manifest = {
            "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "partitioned_by": "month (YYYY-MM in the display time zone, or 'undated')",
            "views": [asdict(item) | {"path": item.view} for item in written],
        }
        (staging / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
        (staging / "manifest.json").replace(out / "manifest.json")
    except duckdb.Error as exc:
        raise ExportError(f"export failed: {' '.join(str(exc).split())[:300]}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [Exported(i.view, i.rows, i.months, str(out / i.view)) for i in written]


def _export_view(con: duckdb.DuckDBPyConnection, view: str, staging: Path) -> Exported:
    month = f"coalesce(strftime({MONTH_OF[view]}, '%Y-%m'), '{UNDATED}')"
    select = f"SELECT v.*, {month} AS month FROM {view} AS v"
    target = staging / view
    counted = con.execute(f"SELECT count(*), count(DISTINCT month) FROM ({select})").fetchone()
    rows, months = (int(counted[0]), int(counted[1])) if counted else (0, 0)
    if rows:
        con.execute(
            f"COPY ({select}) TO '{_quoted(target)}' "
            "(FORMAT parquet, PARTITION_BY (month), COMPRESSION zstd)"
        )
    else:  # an empty view still gets its columns, so a reader's schema does not vanish
        (target / f"month={UNDATED}").mkdir(parents=True)
        empty = target / f"month={UNDATED}" / "data_0.parquet"
        con.execute(f"COPY (SELECT v.* FROM {view} AS v) TO '{_quoted(empty)}' (FORMAT parquet)")
    return Exported(view, rows, months, str(target))


def _swap(new: Path, final: Path) -> None:
    """Put `new` where `final` is, so readers see the old folder or the new one."""
    if final.exists():
        old = final.with_name(f".{final.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        final.rename(old)
        new.rename(final)
        shutil.rmtree(old, ignore_errors=True)
    else:
        new.rename(final)


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")
