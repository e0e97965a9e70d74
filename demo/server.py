"""The demo corpus as a web: one loopback HTTP server answering for every publisher host.

`demo/site/<host>/<path>` is served for `http://<host>/<path>`, chosen by the request's Host
header, so the fetcher (told by `fetch.resolve` to connect here for those names) sees each site
as it would on the internet: its own robots.txt (absent: 404, no rules), its feeds and its pages
under their real addresses, which is what picks each publisher's parser. Query strings are
ignored (a search API's answer is one file); a path ending in `/` serves its `index.html`.
Standard library only: the demo must start on a machine with nothing but the project installed.
"""

from __future__ import annotations

import mimetypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

SITE = Path(__file__).resolve().parent / "site"
SOURCES = Path(__file__).resolve().parent / "sources.toml"
TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xml": "application/xml",
    ".json": "application/json",
    ".txt": "text/plain",
}


@dataclass(frozen=True)
class DemoSite:
    """A running demo server: its loopback port and the host names it answers for."""

    port: int
    hosts: tuple[str, ...]

    def resolve(self) -> dict[str, str]:
        """`fetch.resolve` entries sending every demo host's port 80 here."""
        return {f"{host}:80": f"127.0.0.1:{self.port}" for host in self.hosts}

    @property
    def allow(self) -> str:
        """The one allow-list entry the fetcher needs: this address on this port."""
        return f"127.0.0.1:{self.port}"


def site_hosts(root: Path = SITE) -> tuple[str, ...]:
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir()))


def file_for(root: Path, host: str, target: str) -> Path | None:
    """The file answering `target` on `host`, or None (never a path outside the host's folder)."""
    folder = (root / host.lower()).resolve()
    if folder.parent != root.resolve() or not folder.is_dir():
        return None
    path = unquote(urlsplit(target).path).lstrip("/")
    found = (folder / path).resolve()
    if not found.is_relative_to(folder):
        return None
    if found.is_dir():
        found = found / "index.html"
    return found if found.is_file() else None


def _handler(root: Path) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "hzhk-demo"

        def do_GET(self) -> None:
            host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
            found = file_for(root, host, self.path)
            if found is None:
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            body = found.read_bytes()
            kind = TYPES.get(found.suffix.lower()) or mimetypes.guess_type(found.name)[0]
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", kind or "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the fetch log in the warehouse is the record of what was asked."""

    return Handler


@contextmanager
def serving(root: Path = SITE) -> Iterator[DemoSite]:
    """Serve the corpus on 127.0.0.1 (a free port) for the length of the block."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(root))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="hzhk-demo-site", daemon=True)
    thread.start()
    try:
        yield DemoSite(server.server_address[1], site_hosts(root))
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
