"""The task runner a run parses its pages on (settings' `[compute]`, config/settings.py).

Fetching stays in the run's own process: politeness is per host (pacing, robots.txt, Retry-After,
GDELT's one request per 5 s), and one process holding that state is what keeps a run polite; the
network waits cost no CPU anyway. Storing stays there too: one writer. Parsing is the CPU, and it
is what a runner takes:

- `threads`: one thread beside the event loop. It overlaps parsing with fetching and storing, but
  shares the interpreter's lock with them.
- `processes`: Prefect's `ProcessPoolTaskRunner`, `workers` processes (one per core but one: the
  run's own process fetches and stores). Each worker costs a few seconds to start (Python, Prefect,
  the parsers), so `auto` picks it only for runs with many pages, on three cores or more: on two,
  one worker beside the run's own busy process parsed 2,000 pages slower than a thread did (87 s
  against 70 s, bench.ingest_speed) and took 265 MB more.
- `dask`: prefect-dask's `DaskTaskRunner`, on the cluster at `dask_address` or on a local cluster
  of `workers` processes. The workers must reach the Prefect API the run uses (PREFECT_API_URL)
  and have this project installed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any, Literal

from prefect import get_run_logger
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from config.settings import ComputeSettings

Runner = Literal["threads", "processes", "dask"]


def cores() -> int:
    return os.cpu_count() or 1


MIN_CORES_FOR_PROCESSES = 3  # at least two workers beside the run's own process


def chosen_runner(compute: ComputeSettings, pages: int) -> Runner:
    """The runner for a run with `pages` to parse: the one settings name, or `auto`'s choice."""
    if compute.task_runner != "auto":
        return compute.task_runner
    many = pages >= compute.processes_from_pages
    return "processes" if many and cores() >= MIN_CORES_FOR_PROCESSES else "threads"


def workers(compute: ComputeSettings) -> int:
    return compute.workers or max(1, cores() - 1)


@contextmanager
def parse_runner(compute: ComputeSettings, pages: int) -> Iterator[TaskRunner[Any]]:
    """The chosen runner, started (and stopped after); a thread when it cannot start (a Dask
    cluster that cannot be created, a pool that cannot fork): a run parses slower, not at all is
    not an option. A scheduler that is down shows at the first batch instead (flows/ingest.py)."""
    runner = new_runner(compute, pages)
    with ExitStack() as stack:
        stack.enter_context(one_api_client())
        try:
            stack.enter_context(runner)
        except Exception as exc:
            text = " ".join(str(exc).split()) or type(exc).__name__
            get_run_logger().warning(
                "the %s runner did not start (%s); parsing in a thread",
                chosen_runner(compute, pages),
                text,
            )
            runner = stack.enter_context(ThreadPoolTaskRunner(max_workers=1))
        yield runner


@contextmanager
def one_api_client() -> Iterator[None]:
    """One Prefect API client for every task this run starts from its event loop in a thread
    (the parse runner's thread, the store step's `asyncio.to_thread`).

    An async flow holds only an async client, so Prefect made each such task run a client of
    its own, and each new client loads the CA bundle into a fresh SSL context (31 ms here,
    whether or not the API is HTTPS) and opens a new connection: 124 clients and 3.8 s of CPU
    in an ingest of 2,000 pages (bench.ingest_speed --profile). A sync client in the flow's
    context is the one those tasks find, as a sync flow's tasks find its own; httpx's client is
    safe to share between threads. Tasks in worker processes still make their own.
    """
    from prefect.context import SyncClientContext

    with SyncClientContext.get_or_create():
        yield


def new_runner(compute: ComputeSettings, pages: int) -> TaskRunner[Any]:
    """The runner settings ask for, not started."""
    kind = chosen_runner(compute, pages)
    if kind == "threads":
        return ThreadPoolTaskRunner(max_workers=1)
    if kind == "processes":
        return ProcessPoolTaskRunner(max_workers=workers(compute))
    from prefect_dask.task_runners import (
        DaskTaskRunner,  # distributed: only imported when asked for
    )

    if compute.dask_address:  # a scheduler that does not answer in 10 s is down
        return DaskTaskRunner(address=compute.dask_address, client_kwargs={"timeout": "10s"})
    return DaskTaskRunner(
        cluster_kwargs={
            "n_workers": workers(compute),
            "threads_per_worker": 1,
            "processes": True,
            "dashboard_address": None,  # no web dashboard: nothing listens but the scheduler
        }
    )
