"""A loopback web site made of misbehaviours, for the fault matrix and the defect tests.

`Site` listens on 127.0.0.1 (a port of its own, so each case is its own host for pacing,
robots.txt and Retry-After holds) and answers each path with a scripted `Reply`: a well-formed
page, or one of the faults a real server (or a hostile one) produces and a well-behaved test
server cannot: a stall, a drip, a reset, a body shorter than announced, a gzip bomb, a header
flood. Each connection is answered on its own thread, so a stalled page never delays the feed
that lists it; every reply closes its connection, so no client ever reuses a socket a fault left
in an unknown state.
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import struct
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

Reply = Callable[[socket.socket], None]


@dataclass
class Site:
    """Routes (path -> reply) served on 127.0.0.1 until `close`; unknown paths are 404s.

    `robots` answers /robots.txt (a 404 by default: every path allowed). `requests` lists the
    paths asked, in order, so a case can tell what the client did.
    """

    routes: dict[str, Reply] = field(default_factory=dict)
    robots: Reply | None = None
    requests: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.sock.settimeout(0.2)
        self.port: int = self.sock.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        # A client that gave up (a timeout, a size cap) is its own business.
        with conn, contextlib.suppress(OSError):
            conn.settimeout(10)
            head = b""
            while b"\r\n\r\n" not in head and len(head) < 65_536:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                head += chunk
            line = head.split(b"\r\n", 1)[0].decode("latin-1")
            target = line.split(" ")[1] if line.count(" ") >= 2 else ""
            path = target.split("?", 1)[0]
            self.requests.append(target)
            if path == "/robots.txt":
                (self.robots or not_found)(conn)
            else:
                self.routes.get(path, not_found)(conn)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.sock.close()


# --- well-formed replies ---------------------------------------------------------------------


def respond(
    body: bytes | str = b"",
    *,
    status: int = 200,
    reason: str = "OK",
    content_type: str = "text/html; charset=utf-8",
    headers: Mapping[str, str] | None = None,
) -> Reply:
    """A complete reply with a correct Content-Length."""
    data = body.encode("utf-8") if isinstance(body, str) else body

    def reply(conn: socket.socket) -> None:
        lines = [f"HTTP/1.1 {status} {reason}", f"Content-Length: {len(data)}"]
        if content_type:
            lines.append(f"Content-Type: {content_type}")
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        lines.append("Connection: close")
        conn.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + data)

    return reply


def not_found(conn: socket.socket) -> None:
    respond("not here", status=404, reason="Not Found", content_type="text/plain")(conn)


def redirect(location: str, status: int = 302) -> Reply:
    return respond(b"", status=status, reason="Found", headers={"Location": location})


# --- faults ----------------------------------------------------------------------------------


def stall(seconds: float = 8.0) -> Reply:
    """Accept, read the request, then say nothing: only a read timeout ends the wait."""

    def reply(conn: socket.socket) -> None:
        time.sleep(seconds)

    return reply


def drip(every_s: float = 0.1, size: int = 200) -> Reply:
    """Headers at once, then the promised body one byte at a time: no single read waits long,
    so only a deadline on the whole attempt stops it."""

    def reply(conn: socket.socket) -> None:
        conn.sendall(
            f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {size}\r\n"
            "Connection: close\r\n\r\n".encode()
        )
        for _ in range(size):
            time.sleep(every_s)
            conn.sendall(b"x")

    return reply


def reset(conn: socket.socket) -> None:
    """Close with SO_LINGER 0: the client sees a TCP reset instead of an answer."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def hang_up(conn: socket.socket) -> None:
    """Close in good order without a single byte of reply."""


def short_body(conn: socket.socket) -> None:
    """Promise 5,000 bytes, send 300, hang up."""
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        b"Content-Length: 5000\r\nConnection: close\r\n\r\n" + b"<html><p>" + b"x" * 291
    )


def garbage_status(conn: socket.socket) -> None:
    """Something that is not HTTP at all."""
    conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\nthis is not a web server\r\n\r\n")


def header_flood(conn: socket.socket) -> None:
    """A status line followed by more header bytes than any client should hold."""
    conn.sendall(b"HTTP/1.1 200 OK\r\n")
    for n in range(4000):
        conn.sendall(f"X-Filler-{n}: {'y' * 60}\r\n".encode())
    conn.sendall(b"Content-Length: 0\r\n\r\n")


def announced_oversize(conn: socket.socket) -> None:
    """A Content-Length of a terabyte: refused before a byte of body is read."""
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000000000000\r\n"
        b"Connection: close\r\n\r\n" + b"x" * 1000
    )


def chunked_flood(chunk: int = 16_384, chunks: int = 200) -> Reply:
    """A chunked body (no Content-Length to refuse up front) far larger than any cap here."""

    def reply(conn: socket.socket) -> None:
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
            b"Connection: close\r\n\r\n"
        )
        for _ in range(chunks):
            conn.sendall(f"{chunk:x}\r\n".encode() + b"x" * chunk + b"\r\n")
        conn.sendall(b"0\r\n\r\n")

    return reply


def gzip_bomb_bytes(size: int = 200_000_000) -> bytes:
    """A few hundred kilobytes of gzip that inflate to `size` zero bytes."""
    return gzip.compress(b"\x00" * size, compresslevel=9)


_BOMB: list[bytes] = []


def gzip_bomb(conn: socket.socket) -> None:
    """A small gzip-encoded body that inflates far past the size cap."""
    if not _BOMB:
        _BOMB.append(gzip_bomb_bytes())
    respond(_BOMB[0], headers={"Content-Encoding": "gzip"})(conn)


def broken_gzip(conn: socket.socket) -> None:
    """Content-Encoding: gzip on bytes that are not gzip."""
    respond(b"<html><p>plain, not gzip</p></html>" * 10, headers={"Content-Encoding": "gzip"})(conn)
