"""What the ingest tests share: fetch settings for a loopback server (no pacing, no retries),
and raw-socket servers for faults."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.fetch.fetch_harness import FaultServer, Reply, no_robots

LOOPBACK_SETTINGS = """
warehouse = "data/warehouse.duckdb"
data_dir = "data"

[fetch]
per_host_interval_s = 0.0
max_retries = 0
connect_timeout_s = 5.0
read_timeout_s = 5.0
allow_hosts = ["127.0.0.1"]
"""


@pytest.fixture(scope="session")
def loopback_settings() -> str:
    """settings.toml text for tests whose sources are served on 127.0.0.1."""
    return LOOPBACK_SETTINGS


@pytest.fixture
def fault_server() -> Iterator[Callable[..., FaultServer]]:
    """Start a raw-socket FaultServer (see tests/fetch/fetch_harness.py); closed after the test."""
    servers: list[FaultServer] = []

    def start(reply: Reply, robots: Reply = no_robots) -> FaultServer:
        server = FaultServer(reply, robots)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()
