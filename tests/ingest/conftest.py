"""What the ingest tests share: fetch settings for a loopback server (no pacing, no retries);
raw-socket fault servers come from the root conftest."""

from __future__ import annotations

from pathlib import Path

import pytest

from warehouse.db import connect

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


def read_rows(warehouse: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    """Rows of one query on a read-only connection, closed at once (a flow may write next)."""
    con = connect(warehouse, read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()
