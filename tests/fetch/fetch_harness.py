"""Helpers for the fetch tests: a harness over the real fetcher and warehouse, and a raw TCP
server for faults a well-behaved HTTP server cannot produce (reset connections, truncated bodies).
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from config.settings import FetchSettings
from flows.http.fetcher import Fetcher
from records.fetch import FetchRequest, FetchResult
from warehouse.fetchlog import RecordSummary, record_results

LOOPBACK = ["127.0.0.1"]


def quick_settings(**overrides: Any) -> FetchSettings:
    values: dict[str, Any] = {
        "user_agent": "hzhk-tracker-test/0.1 (+https://example.org/hzhk-tracker)",
        "connect_timeout_s": 2.0,
        "read_timeout_s": 2.0,
        "per_host_interval_s": 0.0,
        "max_concurrency": 4,
        "max_retries": 2,
        "backoff_base_s": 0.01,
        "backoff_max_s": 0.05,
        "retry_after_cap_s": 0.2,
        "max_bytes": 100_000,
        "max_redirects": 5,
    }
    values.update(overrides)
    return FetchSettings(**values)


@dataclass
class Harness:
    """Fetch through the real fetcher, store through the real warehouse functions."""

    con: duckdb.DuckDBPyConnection
    archive_dir: Path
    settings: FetchSettings
    allow_hosts: Sequence[str]
    last_fetcher: Fetcher | None = None
    robots_fetches: list[FetchResult] = field(default_factory=list)  # of the last fetch call

    def fetch_all(self, requests: Sequence[FetchRequest]) -> list[FetchResult]:
        async def go() -> list[FetchResult]:
            async with Fetcher(self.settings, self.allow_hosts) as fetcher:
                self.last_fetcher = fetcher
                results = await fetcher.fetch_all(requests)
                self.robots_fetches = fetcher.take_robots_fetches()
                return results

        return asyncio.run(go())

    def fetch(self, url: str, **kwargs: Any) -> FetchResult:
        return self.fetch_all([FetchRequest(url, **kwargs)])[0]

    def fetch_in_turn(self, urls: Sequence[str]) -> list[FetchResult]:
        """One fetcher (one run), each URL fetched after the previous one has finished."""

        async def go() -> list[FetchResult]:
            async with Fetcher(self.settings, self.allow_hosts) as fetcher:
                self.last_fetcher = fetcher
                results = [await fetcher.fetch(url) for url in urls]
                self.robots_fetches = fetcher.take_robots_fetches()
                return results

        return asyncio.run(go())

    def store(self, results: Sequence[FetchResult], run_id: str = "run-1") -> RecordSummary:
        return record_results(self.con, results, run_id=run_id, archive_dir=self.archive_dir)

    def fetch_and_store(self, url: str, **kwargs: Any) -> FetchResult:
        result = self.fetch(url, **kwargs)
        self.store([result])
        return result

    def log(self, url: str) -> list[dict[str, Any]]:
        """The fetch log rows for url, as people see them through v_fetches."""
        cursor = self.con.execute(
            "SELECT * FROM v_fetches WHERE url = ? ORDER BY fetched_at, attempt", [url]
        )
        names = [d[0] for d in cursor.description or []]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def count(self, table: str) -> int:
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0


# --- a raw TCP server for faults -------------------------------------------------------------

Reply = Callable[[socket.socket], None]


def no_robots(conn: socket.socket) -> None:
    """No robots.txt. `Connection: close`, as the server closes every connection after one
    reply: without it the client may send the next request down the closed connection, an
    attempt the server never sees (a full test run once counted 3 attempts and 2 requests)."""
    conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")


class FaultServer:
    """Answers /robots.txt (with a 404 unless told otherwise) and every other request with a
    scripted misbehaviour, one connection at a time. A client that hangs up mid-reply is fine."""

    def __init__(self, reply: Reply, robots: Reply = no_robots) -> None:
        self.reply = reply
        self.robots = robots
        self.requests: list[str] = []
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            # A client that gave up (a timeout, a size cap) is its own business.
            with conn, contextlib.suppress(OSError):
                self._answer(conn)

    def _answer(self, conn: socket.socket) -> None:
        conn.settimeout(2)
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = conn.recv(4096)
            if not chunk:
                break
            head += chunk
        line = head.split(b"\r\n", 1)[0].decode("latin-1")
        path = line.split(" ")[1] if " " in line else ""
        self.requests.append(path)
        (self.robots if path == "/robots.txt" else self.reply)(conn)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.sock.close()


def reset(conn: socket.socket) -> None:
    """Close with SO_LINGER 0: the client sees a TCP reset instead of an orderly close."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def drip(conn: socket.socket, *, every_s: float = 0.15, size: int = 40) -> None:
    """A page promised whole but sent one byte at a time: no single read ever waits long."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
    conn.sendall(f"Content-Length: {size}\r\n\r\n".encode())
    for _ in range(size):
        time.sleep(every_s)
        conn.sendall(b"x")


def chunked_flood(conn: socket.socket, *, chunk: int = 10_000, chunks: int = 50) -> None:
    """A chunked body (no Content-Length to refuse up front) far larger than any sane cap."""
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    for _ in range(chunks):
        conn.sendall(f"{chunk:x}\r\n".encode() + b"x" * chunk + b"\r\n")
    conn.sendall(b"0\r\n\r\n")


def answer(status: int = 200, reason: str = "OK", body: bytes = b"") -> Reply:
    """A well-formed reply, for the side of a fault server that behaves."""

    def reply(conn: socket.socket) -> None:
        head = f"HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\n"
        conn.sendall(f"{head}Content-Length: {len(body)}\r\n\r\n".encode() + body)

    return reply


def truncated(conn: socket.socket) -> None:
    """Promise 1000 bytes, send 100, hang up."""
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        b"Content-Length: 1000\r\nConnection: close\r\n\r\n" + b"x" * 100
    )
