"""Concurrency limit and per-host pacing, observed with an in-process transport (a unit test:
what is measured is how the fetcher schedules requests, not the network)."""

from __future__ import annotations

import asyncio
import itertools
import time

import httpx

from flows.http.fetcher import Fetcher
from records.fetch import FetchRequest, FetchResult
from tests.fetch.fetch_harness import quick_settings

HOSTS = ["a.example", "b.example", "c.example", "d.example"]


class Recorder:
    def __init__(self, delay_s: float) -> None:
        self.delay_s = delay_s
        self.active = 0
        self.peak = 0
        self.times: dict[str, list[float]] = {}

    async def handle(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        self.times.setdefault(request.url.host, []).append(time.monotonic())
        self.active += 1
        self.peak = max(self.peak, self.active)
        await asyncio.sleep(self.delay_s)
        self.active -= 1
        return httpx.Response(200, text="<p>ok</p>", headers={"Content-Type": "text/html"})


def run(recorder: Recorder, requests: list[FetchRequest], **settings: float) -> list[FetchResult]:
    async def go() -> list[FetchResult]:
        transport = httpx.MockTransport(recorder.handle)
        async with Fetcher(quick_settings(**settings), HOSTS, transport=transport) as fetcher:
            return await fetcher.fetch_all(requests)

    return asyncio.run(go())


def test_no_more_than_max_concurrency_requests_at_once() -> None:
    recorder = Recorder(delay_s=0.05)
    requests = [FetchRequest(f"https://{h}/{n}") for n in range(5) for h in HOSTS]

    results = run(recorder, requests, max_concurrency=3)

    assert all(r.ok for r in results) and recorder.peak == 3
    assert [r.url for r in results] == [r.url for r in requests]  # request order kept


def test_one_host_is_paced_while_others_proceed() -> None:
    recorder = Recorder(delay_s=0.0)
    requests = [FetchRequest(f"https://a.example/{n}") for n in range(3)]
    requests.append(FetchRequest("https://b.example/1"))

    run(recorder, requests, per_host_interval_s=0.15)

    a = recorder.times["a.example"]
    assert all(later - earlier >= 0.14 for earlier, later in itertools.pairwise(a))
    assert recorder.times["b.example"][0] < a[1]  # b did not queue behind a's pacing


def test_host_not_on_allow_list_that_does_not_resolve_is_a_network_error() -> None:
    recorder = Recorder(delay_s=0.0)

    [result] = run(recorder, [FetchRequest("https://no-such-host.invalid/")], max_retries=0)

    assert result.outcome == "network_error" and result.error_class == "Unresolvable"
