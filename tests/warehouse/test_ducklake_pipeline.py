"""The pipeline on a DuckLake (SQLite catalog) gives what it gives on the DuckDB file.

Four sources of the bundled demo corpus (English and Chinese, government and media; 24 pages
about five happenings) are served on 127.0.0.1 by the demo's own server and fetched through the
real path; ingest, track and the weekly digests then run once into the default DuckDB file and
once into a lake, and the two warehouses must hold the same articles, events and digests.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from config.lake import LakeSettings
from config.settings import Settings, load_settings
from demo.server import SOURCES, serving
from flows.demo_run import demo_settings
from warehouse.db import connect

pytestmark = pytest.mark.prefect

PICKED = ["newsgovhk-en-top", "hangzhou-gov-zh", "rthk-zh-local", "infogovhk-press-en"]


@dataclass(frozen=True)
class Run:
    settings: Settings
    digests: int

    def rows(self, sql: str) -> list[tuple[object, ...]]:
        con = connect(self.settings.warehouse_path, read_only=True)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()


def pipeline(settings: Settings) -> Run:
    from flows.digest_flow import digest
    from flows.ingest import ingest
    from flows.track import track

    asyncio.run(ingest(settings=settings, sources_file=SOURCES, source_ids=PICKED, force=True))
    track(settings=settings)
    written = digest(settings=settings, all_weeks=True, demo=True)
    return Run(settings, len(written.written))


@pytest.fixture(scope="module")
def runs(
    prefect_harness: None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Run]]:
    root = tmp_path_factory.mktemp("lake-pipeline")
    done: dict[str, Run] = {}
    with serving() as site:
        for name in ("file", "lake"):
            settings = demo_settings(load_settings(), root / name, site)
            if name == "lake":
                lake = LakeSettings(
                    sqlite_path=root / name / "lake" / "catalog.sqlite",
                    data_path=str(root / name / "lake" / "files"),
                )
                settings = settings.model_copy(
                    update={"warehouse_target": "ducklake", "lake": lake}
                )
            done[name] = pipeline(settings)
    yield done


def both(runs: dict[str, Run], sql: str) -> list[tuple[object, ...]]:
    file, lake = runs["file"].rows(sql), runs["lake"].rows(sql)
    assert lake == file, sql
    return file


def test_the_lake_is_the_target_it_was_told(runs: dict[str, Run]) -> None:
    assert isinstance(runs["file"].settings.warehouse_path, Path)
    assert str(runs["lake"].settings.warehouse_path).startswith("DuckLake (SQLite catalog")
    assert not (runs["lake"].settings.warehouse_file).exists()  # no DuckDB file was made


def test_the_same_articles_arrive(runs: dict[str, Run]) -> None:
    articles = both(
        runs,
        "SELECT article_id, url, source_id, title, published_at, language, body, is_relevant,"
        " relevance, duplicate_of FROM v_articles ORDER BY article_id",
    )
    assert len(articles) == 24 + 1  # the four sources' pages and the seed
    assert both(runs, "SELECT count(*) = count(DISTINCT url) FROM articles") == [(True,)]


def test_the_same_events_are_found(runs: dict[str, Run]) -> None:
    events = both(
        runs,
        "SELECT event_id, title, title_zh, event_type, event_date, place, article_count,"
        " outlet_count, status FROM v_events ORDER BY event_id",
    )
    assert len(events) >= 4
    both(runs, "SELECT event_id, article_id FROM event_articles ORDER BY ALL")
    both(runs, "SELECT article_id, entity_id, surface, status FROM v_mentions ORDER BY ALL")
    both(runs, "SELECT article_id, value, unit, measure FROM v_figures ORDER BY ALL")


def test_the_same_digests_are_written(runs: dict[str, Run]) -> None:
    assert runs["lake"].digests == runs["file"].digests > 0
    both(runs, "SELECT period, period_start, period_end, figures::VARCHAR FROM digests ORDER BY 1")
