"""Scheduled runs that really fire: a Prefect server, and the deployments served against it.

Measured with Prefect 3.9.1: without a server, `serve()` registers deployments but never runs a
schedule (the temporary API it starts has no scheduler), silently. So `hzhk serve` starts a real
`prefect server` on loopback (its home under the data folder, not the user's), or reuses the one
`PREFECT_API_URL` names, waits for its health endpoint, and serves two deployments whose
schedules come from settings: the pipeline every `pipeline_every_minutes` and the weekly digest
on `digest_cron` in `schedule.timezone`. Flow runs start in child processes that read the same
config folder, warehouse and data folder (exported here as HZHK_* for them). With a running
server, a flow command's start-up is 2.7-3.3 s here instead of the temporary server's 12-18 s
(Prefect's own import and flow-run bookkeeping are ≈ 2.2 s of it): point `PREFECT_API_URL` at it.
The server started here never outlives `hzhk serve`, however it ends (`_die_with_parent`).
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import httpx

from config.settings import Settings
from flows.prefect_env import configure_prefect

HEALTH_TIMEOUT_S = 120.0  # a first start on 2 busy cores builds the database: give it time
PIPELINE_DEPLOYMENT = "hourly"
DIGEST_DEPLOYMENT = "weekly"


class ServerUnavailable(Exception):
    """The Prefect server could not be started or reached; the message says which and why."""


@dataclass(frozen=True)
class Server:
    api_url: str
    started: subprocess.Popen[bytes] | None  # None: someone else's server, reused


def healthy(api_url: str) -> bool:
    try:
        answer = httpx.get(f"{api_url.rstrip('/')}/health", timeout=2.0)
    except httpx.HTTPError:
        return False
    return answer.status_code == 200


def wait_until_healthy(
    api_url: str, process: subprocess.Popen[bytes] | None, limit_s: float
) -> None:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if healthy(api_url):
            return
        if process is not None and process.poll() is not None:
            raise ServerUnavailable(f"prefect server exited with code {process.returncode}")
        time.sleep(0.5)
    raise ServerUnavailable(f"no answer from {api_url}/health within {limit_s:g} s")


@contextmanager
def prefect_server(settings: Settings, log: Path | None = None) -> Iterator[Server]:
    """The server `PREFECT_API_URL` names (checked), else one started here until the block ends."""
    configure_prefect(settings)
    given = os.environ.get("PREFECT_API_URL")
    if given:
        if not healthy(given):
            raise ServerUnavailable(f"PREFECT_API_URL={given} does not answer its health check")
        yield Server(given, None)
        return
    port = settings.schedule.server_port
    api_url = f"http://127.0.0.1:{port}/api"
    if healthy(api_url):  # one started earlier (another `hzhk serve`, a person): share it
        os.environ["PREFECT_API_URL"] = api_url
        yield Server(api_url, None)
        return
    log_path = log or settings.data_path / "prefect" / "server.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
             "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_die_with_parent if sys.platform == "linux" else None,
        )  # fmt: skip
    try:
        wait_until_healthy(api_url, process, HEALTH_TIMEOUT_S)
        os.environ["PREFECT_API_URL"] = api_url
        yield Server(api_url, process)
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        stop(process)


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _die_with_parent() -> None:
    """In the server's process, before it starts: SIGTERM when `hzhk serve` dies, even by
    SIGKILL or a crash, when `stop` never runs. Without it, a `serve` killed while a flow run was
    winding down left its server answering on the port (seen once in a full test run)."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the server and the workers it started (its whole process group)."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def export_for_runs(settings: Settings) -> None:
    """Flow runs start in child processes: they read the same config, warehouse and data folder."""
    os.environ["HZHK_CONFIG"] = str(settings.config_dir)
    os.environ["HZHK_WAREHOUSE_TARGET"] = settings.warehouse_target
    os.environ["HZHK_WAREHOUSE"] = str(settings.warehouse_file)
    os.environ["HZHK_DATA_DIR"] = str(settings.data_path)
    os.environ["HZHK_REPORTS_DIR"] = str(settings.reports_path)


def serve_deployments(settings: Settings) -> None:
    """Serve the pipeline and the weekly digest on their schedules; returns when stopped."""
    export_for_runs(settings)
    from prefect import serve
    from prefect.deployments.runner import RunnerDeployment
    from prefect.schedules import Cron, Interval

    from flows.digest_flow import digest
    from flows.pipeline import pipeline

    schedule = settings.schedule
    every = timedelta(minutes=schedule.pipeline_every_minutes)
    hourly = pipeline.to_deployment(
        name=PIPELINE_DEPLOYMENT,
        schedule=Interval(every),
        description="Ingest what is due, track, write this and last week's digests.",
    )
    weekly = digest.to_deployment(
        name=DIGEST_DEPLOYMENT,
        schedule=Cron(schedule.digest_cron, timezone=schedule.timezone),
        description="The last complete week's digest.",
    )
    # Called outside an event loop, `to_deployment` answers at once (not with a coroutine).
    assert isinstance(hourly, RunnerDeployment) and isinstance(weekly, RunnerDeployment)
    serve(hourly, weekly, print_starting_message=False)
