"""Fetch path speed: `python -m bench.fetching [--pages N]`.

1. The polite fetcher (address guard, robots.txt, pacing bookkeeping, bounded body, charset)
   against a local HTTP server, beside bare `httpx.AsyncClient.get` over the same URLs with the
   same concurrency, measured in the same run: the ratio is what the courtesies cost.
2. `record_results` storing all results in one batch, beside the same results stored one per
   call (one transaction each): the ratio is what batching buys.

Pages are generated here (a few KB of Chinese text each); nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

from config.settings import FetchSettings
from flows.http.fetcher import Fetcher
from records.fetch import FetchRequest, FetchResult
from warehouse.db import open_warehouse
from warehouse.fetchlog import record_results

CONCURRENCY = 8


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/robots.txt":
            body = b"User-agent: *\nDisallow: /private/\n"
            kind = "text/plain"
        else:
            text = f"<html><body><h1>{self.path}</h1>" + "<p>杭州与香港深化合作。</p>" * 200
            body = text.encode("utf-8")
            kind = "text/html; charset=utf-8"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


@contextmanager
def local_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


async def polite(urls: list[str]) -> list[FetchResult]:
    settings = FetchSettings(per_host_interval_s=0.0, max_concurrency=CONCURRENCY)
    async with Fetcher(settings, ["127.0.0.1"]) as fetcher:
        return await fetcher.fetch_all([FetchRequest(u) for u in urls])


async def bare(urls: list[str]) -> int:
    limit = asyncio.Semaphore(CONCURRENCY)
    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=CONCURRENCY)) as client:

        async def get(url: str) -> int:
            async with limit:
                return len((await client.get(url)).content)

        return sum(await asyncio.gather(*(get(u) for u in urls)))


def timed(label: str, seconds: float, count: int, unit: str) -> None:
    print(f"{label:<44} {seconds * 1000 / count:8.2f} ms/{unit}  ({count} in {seconds:.2f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=400)
    args = parser.parse_args()

    with local_server() as base:
        urls = [f"{base}/news/{n}.html" for n in range(args.pages)]
        asyncio.run(bare(urls[:10]))  # warm up imports and the server
        start = time.perf_counter()
        asyncio.run(bare(urls))
        bare_s = time.perf_counter() - start
        start = time.perf_counter()
        results = asyncio.run(polite(urls))
        polite_s = time.perf_counter() - start
    assert all(r.ok for r in results), {r.outcome for r in results}
    timed("bare httpx GET", bare_s, len(urls), "page")
    timed("Fetcher.fetch_all (guard, robots, caps, charset)", polite_s, len(urls), "page")
    print(f"ratio polite/bare: {polite_s / bare_s:.2f}")

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        con = open_warehouse(root / "one.duckdb")
        start = time.perf_counter()
        for result in results:
            record_results(con, [result], run_id="bench-one", archive_dir=root / "a1")
        one_s = time.perf_counter() - start
        con.close()
        con = open_warehouse(root / "batch.duckdb")
        start = time.perf_counter()
        record_results(con, results, run_id="bench-batch", archive_dir=root / "a2")
        batch_s = time.perf_counter() - start
        con.close()
    timed("record_results, one result per call", one_s, len(results), "result")
    timed("record_results, one batch", batch_s, len(results), "result")
    print(f"ratio one-by-one/batch: {one_s / batch_s:.1f}")


if __name__ == "__main__":
    main()
