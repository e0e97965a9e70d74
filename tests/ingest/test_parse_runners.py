"""Where a run parses its pages ([compute] task_runner) changes how fast it goes, never what it
stores: the same loopback sources ingested on a thread, on a pool of worker processes and on a
local Dask cluster give the same rows. A runner that cannot take the work costs speed, not pages.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from config.settings import ComputeSettings
from flows.ingest import ingest
from flows.reports import IngestReport
from flows.runners import MIN_CORES_FOR_PROCESSES, chosen_runner
from tests.ingest.conftest import read_rows
from tests.ingest.test_ingest_flow import SOURCES, serve
from tests.prefect_links import counting_forget
from tests.settings_helpers import settings_at

ARTICLES = """
SELECT url, source_id, title, published_at, language, md5(body), problems
FROM v_articles WHERE url LIKE 'http://%' ORDER BY url
"""
PROBLEMS = "SELECT source_id, stage, url FROM v_ingest_errors ORDER BY ALL"


def ingest_with(
    compute: str, loopback_settings: str, server: HTTPServer, root: Path
) -> tuple[IngestReport, Path]:
    """One forced ingest of the loopback sources (served afresh: the flaky page fails once), in
    batches of two links, with `compute` as the settings' [compute] table."""
    server.clear()
    serve(server)
    config = root / "config"
    config.mkdir(parents=True)
    (config / "settings.toml").write_text(f"{loopback_settings}\n[compute]\n{compute}\n", "utf-8")
    sources = root / "sources.toml"
    sources.write_text(SOURCES.replace("{base}", server.url_for("").rstrip("/")), "utf-8")
    warehouse = root / "warehouse.duckdb"
    flow = ingest(
        settings=settings_at(config, warehouse), sources_file=sources, batch_size=2, force=True
    )
    return asyncio.run(flow), warehouse


def test_auto_takes_a_process_pool_only_for_many_pages_on_three_cores_or_more(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compute = ComputeSettings(processes_from_pages=200)
    monkeypatch.setattr("flows.runners.cores", lambda: 8)
    assert chosen_runner(compute, 199) == "threads"
    assert chosen_runner(compute, 200) == "processes"
    monkeypatch.setattr("flows.runners.cores", lambda: MIN_CORES_FOR_PROCESSES - 1)
    assert chosen_runner(compute, 10_000) == "threads"  # one worker beside the run: no gain


def test_a_runner_named_in_settings_is_used_whatever_the_run_size() -> None:
    for kind in ("threads", "processes", "dask"):
        assert chosen_runner(ComputeSettings(task_runner=kind), 1) == kind


def test_a_dask_address_must_name_a_scheduler() -> None:
    with pytest.raises(ValueError, match="not a Dask scheduler address"):
        ComputeSettings(dask_address="scheduler:8786")


@pytest.mark.prefect
@pytest.mark.slow
def test_threads_processes_and_dask_store_the_same_rows(
    prefect_harness: None,
    loopback_settings: str,
    httpserver: HTTPServer,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    stored: dict[str, list[tuple[object, ...]]] = {}
    problems: dict[str, list[tuple[object, ...]]] = {}
    for kind in ("threads", "processes", "dask"):
        compute = f'task_runner = "{kind}"\nworkers = 2'
        report, warehouse = ingest_with(compute, loopback_settings, httpserver, tmp_path / kind)
        assert report.status == "completed"
        stored[kind] = read_rows(warehouse, ARTICLES)
        problems[kind] = read_rows(warehouse, PROBLEMS)
    # Each runner did the parsing itself: none fell back to parsing in the run's own process.
    assert not [r.message for r in caplog.records if "parse runner" in r.message]
    assert len(stored["threads"]) >= 4  # the fixture's pages, parsed and stored
    assert stored["processes"] == stored["threads"]
    assert stored["dask"] == stored["threads"]
    # The page that cannot be parsed is recorded wherever it was parsed.
    assert any(stage == "parse" for _, stage, _ in problems["threads"])
    assert problems["processes"] == problems["dask"] == problems["threads"]


@pytest.mark.prefect
@pytest.mark.slow
def test_a_dask_scheduler_that_is_down_costs_speed_not_pages(
    prefect_harness: None,
    loopback_settings: str,
    httpserver: HTTPServer,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    threads, at_threads = ingest_with(
        'task_runner = "threads"', loopback_settings, httpserver, tmp_path / "threads"
    )
    nobody = HTTPServer(host="127.0.0.1", port=0)  # a port that was just free: nothing listens
    nobody.start()
    port = nobody.port
    nobody.stop()
    down, at_down = ingest_with(
        f'task_runner = "dask"\ndask_address = "tcp://127.0.0.1:{port}"',
        loopback_settings,
        httpserver,
        tmp_path / "down",
    )
    assert down.status == threads.status == "completed"
    assert any("parse runner failed" in r.message for r in caplog.records)
    assert read_rows(at_down, ARTICLES) == read_rows(at_threads, ARTICLES)
    assert down.counts.articles_new == threads.counts.articles_new


@pytest.mark.prefect
def test_the_tasks_a_run_starts_in_threads_share_one_api_client(
    prefect_harness: None,
    loopback_settings: str,
    httpserver: HTTPServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each new client costs an SSL context (the CA bundle read again, ~31 ms) and a connection.
    A parse and a store task per batch each made one before: 16 clients for this run's 5
    batches, against the 5 it makes outside them (discovery's tasks, the flow's own)."""
    from prefect.client.orchestration import SyncPrefectClient

    made: list[object] = []
    init = SyncPrefectClient.__init__

    def counted(self: SyncPrefectClient, *args: Any, **kwargs: Any) -> None:
        made.append(self)
        init(self, *args, **kwargs)

    monkeypatch.setattr(SyncPrefectClient, "__init__", counted)
    report, _ = ingest_with('task_runner = "threads"', loopback_settings, httpserver, tmp_path)
    assert report.status == "completed"
    batches = -(-report.counts.links_unique // 2)
    assert batches >= 4
    assert len(made) <= 5, f"{len(made)} clients for {batches} batches"


def test_prefects_links_to_a_batchs_values_are_let_go_after_the_batch(
    prefect_harness: None,
    loopback_settings: str,
    httpserver: HTTPServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Prefect links each task result and its items to the task's run for the whole flow run
    (flows/prefect_results.py); once a batch is stored the run drops them."""
    counted, links_before = counting_forget()
    monkeypatch.setattr("flows.ingest.forget_task_results", counted)
    report, _ = ingest_with('task_runner = "threads"', loopback_settings, httpserver, tmp_path)
    assert report.status == "completed"
    assert len(links_before) >= 4  # one a stored batch
    assert links_before[0] > links_before[-1] > 0  # the first batch's and discovery's
