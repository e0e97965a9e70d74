"""`hzhk export --parquet`: every public view as Parquet, one folder per view, partitioned by the
month of what its rows are about (in the display time zone), readable by any Parquet reader,
replaced whole on a rerun."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from records.articles import ArticleRecord, ArticleVersion
from warehouse.articles import upsert_articles
from warehouse.db import connect, open_warehouse
from warehouse.export import MONTH_OF, export_parquet, public_views

SEEN = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def article(url: str, published_at: datetime | None) -> ArticleVersion:
    record = ArticleRecord(
        url=url,
        canonical_url=url,
        parser="generic",
        publisher="Example HK",
        title=f"Hangzhou and Hong Kong sign a pact ({url[-6:]})",
        published_at=published_at,
        language="en",
        body=("Hangzhou and Hong Kong signed a memorandum on trade.",),
    )
    return ArticleVersion(record, "src", SEEN)


@pytest.fixture
def warehouse(warehouse_path: Path) -> Iterator[Path]:
    con = open_warehouse(warehouse_path)
    try:
        upsert_articles(
            con,
            [
                article("https://x.test/april-1", datetime(2025, 4, 10, 2, tzinfo=UTC)),
                # 20:00 UTC on 30 April is 04:00 on 1 May in Hong Kong: a May article there
                article("https://x.test/april-30", datetime(2025, 4, 30, 20, tzinfo=UTC)),
            ],
        )
    finally:
        con.close()
    yield warehouse_path


def read(out: Path, view: str) -> dict[str, int]:
    """Rows per month folder, as a Parquet reader sees them."""
    rows = duckdb.sql(
        f"SELECT month, count(*) FROM read_parquet('{out / view}/*/*.parquet', "
        "hive_partitioning = true, hive_types = {'month': VARCHAR}) GROUP BY month ORDER BY month"
    ).fetchall()
    return {str(month): int(count) for month, count in rows}


def test_every_public_view_declares_the_month_its_rows_are_filed_under(warehouse: Path) -> None:
    con = connect(warehouse, read_only=True)
    try:
        views = public_views(con)
    finally:
        con.close()
    assert "v_articles" in views
    assert [v for v in views if v not in MONTH_OF] == []
    assert [v for v in MONTH_OF if v not in views] == []  # no entry for a view that is gone


def test_each_view_is_a_folder_of_months_in_hong_kong_time_with_every_row(
    warehouse: Path, tmp_path: Path
) -> None:
    out = tmp_path / "export"
    con = connect(warehouse, read_only=True)
    try:
        written = {e.view: e for e in export_parquet(con, out)}
        stored = con.execute("SELECT count(*) FROM v_articles").fetchone()
    finally:
        con.close()
    assert set(written) == set(MONTH_OF)
    by_month = read(out, "v_articles")
    assert by_month["2025-04"] == 1 and by_month["2025-05"] == 1  # the 30 April one is May's
    assert stored is not None and sum(by_month.values()) == stored[0] == written["v_articles"].rows
    assert (out / "v_articles" / "month=2025-05").is_dir()


def test_rows_without_a_date_are_exported_as_undated_not_dropped(
    warehouse: Path, tmp_path: Path
) -> None:
    # an entity no article has mentioned yet (known from config) has no first sighting
    con = open_warehouse(warehouse)
    try:
        con.execute(
            "INSERT INTO entities (entity_id, name, entity_type) VALUES ('p1', 'P', 'person')"
        )
        export_parquet(con, tmp_path)
        unseen = con.execute("SELECT count(*) FROM v_entities WHERE first_seen IS NULL").fetchone()
    finally:
        con.close()
    assert unseen is not None and unseen[0] > 0
    assert (read(tmp_path, "v_entities"))["undated"] == unseen[0]


def test_an_empty_view_still_exports_its_columns(warehouse: Path, tmp_path: Path) -> None:
    con = connect(warehouse, read_only=True)
    try:
        export_parquet(con, tmp_path)
        expected = [d[0] for d in con.execute("SELECT * FROM v_event_merges").description or []]
    finally:
        con.close()
    exported = duckdb.sql(f"SELECT * FROM read_parquet('{tmp_path}/v_event_merges/*/*.parquet')")
    assert exported.columns == [*expected, "month"]  # the folder names the month, as elsewhere
    assert exported.fetchall() == []


def test_a_rerun_replaces_the_export_and_leaves_nothing_half_written(
    warehouse: Path, tmp_path: Path
) -> None:
    out = tmp_path / "export"
    stale = out / "v_articles" / "month=1999-01"
    stale.mkdir(parents=True)
    (stale / "data_0.parquet").write_bytes(b"an older export's file")
    con = connect(warehouse, read_only=True)
    try:
        export_parquet(con, out)
        export_parquet(con, out)
    finally:
        con.close()
    assert not stale.exists()
    assert sorted(p.name for p in out.iterdir()) == sorted([*MONTH_OF, "manifest.json"])


def test_the_command_prints_what_it_wrote_and_fails_in_one_line_without_a_warehouse(
    warehouse: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    done = runner.invoke(app, ["export", "--parquet", str(tmp_path / "e"), "-w", str(warehouse)])
    assert done.exit_code == 0, done.output
    assert "v_articles" in done.output and (tmp_path / "e" / "manifest.json").is_file()
    missing = runner.invoke(
        app, ["export", "--parquet", str(tmp_path / "f"), "-w", str(tmp_path / "none.duckdb")]
    )
    assert missing.exit_code == 1
    assert missing.output.strip().count("\n") == 0 and "no warehouse" in missing.output
