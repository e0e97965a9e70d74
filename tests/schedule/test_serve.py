"""`hzhk serve` fires scheduled runs: a real Prefect server starts on loopback, the pipeline
deployment runs on its interval against a loopback source, and the warehouse (read through the
snapshot each run leaves) gains the source's articles."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import httpx
import pytest

from tests.schedule.conftest import Site
from warehouse.snapshot import snapshot_path

pytestmark = pytest.mark.slow
DEADLINE_S = 300.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def snapshot_rows(site: Site, sql: str) -> list[tuple[object, ...]]:
    path = snapshot_path(site.warehouse)
    if not path.exists():
        return []
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_serve_starts_a_server_and_its_schedule_fires(site: Site) -> None:
    port = free_port()
    settings = site.config / "settings.toml"
    settings.write_text(
        settings.read_text("utf-8")
        + f"\n[schedule]\npipeline_every_minutes = 0.2\nserver_port = {port}\n",
        "utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "HZHK_"))}
    env["PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS"] = "2"  # schedule runs soon in a test
    log = site.data.parent / "serve.log"
    with log.open("w") as out:
        serve = subprocess.Popen(
            [sys.executable, "-m", "flows.cli", *site.cli(), "serve"],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
            cwd=Path(__file__).resolve().parents[2],
        )
    api = f"http://127.0.0.1:{port}/api"
    try:
        done: list[tuple[object, ...]] = []
        deadline = time.monotonic() + DEADLINE_S
        while time.monotonic() < deadline and not done:
            assert serve.poll() is None, log.read_text("utf-8")[-3000:]
            time.sleep(3)
            done = snapshot_rows(site, "SELECT run_id FROM runs WHERE flow = 'pipeline' AND "
                                       "status = 'completed'")  # fmt: skip
        assert done, log.read_text("utf-8")[-3000:]
        articles = snapshot_rows(site, "SELECT count(*) FROM articles WHERE source_id = 'site'")
        assert articles == [(3,)]
        runs = httpx.post(
            f"{api}/flow_runs/filter",
            json={"flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}}},
            timeout=10,
        ).json()
        assert any(r["deployment_id"] for r in runs)  # a scheduled deployment's run, not ad hoc
    finally:
        os.killpg(serve.pid, signal.SIGINT)
        try:
            serve.wait(timeout=120)
        except subprocess.TimeoutExpired:  # a flow run winding down on busy cores
            os.killpg(serve.pid, signal.SIGKILL)
            serve.wait()
    assert server_gone(api, within_s=30)  # the server it started is gone with it, however it ended


def server_gone(api: str, within_s: float) -> bool:
    """Whether the server at `api` stops answering within `within_s` (it shuts down gracefully)."""
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{api}/health", timeout=2)
        except httpx.HTTPError:
            return True
        time.sleep(1)
    return False


def test_the_server_serve_started_dies_with_it_even_when_serve_is_killed(site: Site) -> None:
    """SIGKILL leaves `serve` no time to stop its server: the kernel tells the server instead."""
    port = free_port()
    settings = site.config / "settings.toml"
    settings.write_text(settings.read_text("utf-8") + f"\n[schedule]\nserver_port = {port}\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "HZHK_"))}
    api = f"http://127.0.0.1:{port}/api"
    serve = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", *site.cli(), "serve"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        deadline = time.monotonic() + DEADLINE_S
        while time.monotonic() < deadline and serve.poll() is None:
            try:
                if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(1)
        assert serve.poll() is None
    finally:
        os.killpg(serve.pid, signal.SIGKILL)
        serve.wait()
    assert server_gone(api, within_s=30)
