"""Fixtures for fetch tests over real sockets: every harness allow-lists 127.0.0.1 explicitly,
paces at 0 and backs off in milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from tests.fetch.fetch_harness import (
    LOOPBACK,
    Harness,
    quick_settings,
)
from warehouse.db import open_warehouse


@pytest.fixture
def harness_factory(warehouse_path: Path, tmp_path: Path) -> Iterator[Callable[..., Harness]]:
    con = open_warehouse(warehouse_path)

    def make(**overrides: Any) -> Harness:
        return Harness(con, tmp_path / "archive", quick_settings(**overrides), LOOPBACK)

    yield make
    con.close()


@pytest.fixture
def harness(harness_factory: Callable[..., Harness]) -> Harness:
    return harness_factory()


@pytest.fixture(scope="session")
def loopback_server() -> Iterator[HTTPServer]:
    # On 127.0.0.1 itself, not "localhost": that name may also resolve to ::1, which the guard
    # (rightly) refuses when only 127.0.0.1 is allow-listed.
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


@pytest.fixture
def server(loopback_server: HTTPServer) -> Iterator[HTTPServer]:
    """The shared test server on 127.0.0.1, emptied of handlers and log after each test."""
    yield loopback_server
    loopback_server.clear()


@pytest.fixture
def site(server: HTTPServer) -> HTTPServer:
    """The test server with no robots.txt (a 404: every path allowed)."""
    server.expect_request("/robots.txt").respond_with_data("", status=404)
    return server
