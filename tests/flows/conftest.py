"""What the flow tests share: a config folder whose fetch settings suit a 127.0.0.1 server (no
pacing, no retries, GDELT sources not spaced), and a read-only query helper."""

from __future__ import annotations

import shutil
from pathlib import Path

from config.settings import Settings
from tests.conftest import PROJECT_ROOT
from tests.settings_helpers import settings_at
from warehouse.db import connect

LOOPBACK_SETTINGS = """
warehouse = "data/warehouse.duckdb"
data_dir = "data"

[fetch]
per_host_interval_s = 0.0
gdelt_interval_s = 0.0
max_retries = 0
connect_timeout_s = 5.0
read_timeout_s = 5.0
allow_hosts = ["127.0.0.1"]
"""


def loopback_config(root: Path, sources: str) -> Settings:
    """A config folder under root (the project's knowledge files, test fetch settings, these
    sources) and settings for a warehouse and archive under root/data."""
    config = root / "config"
    shutil.copytree(PROJECT_ROOT / "config", config)
    (config / "settings.toml").write_text(LOOPBACK_SETTINGS, "utf-8")
    (config / "sources.toml").write_text(sources, "utf-8")
    return settings_at(config, root / "data" / "warehouse.duckdb", root / "data")


def read_rows(settings: Settings, sql: str, *params: object) -> list[tuple[object, ...]]:
    """Rows of one query on a read-only connection, closed at once (a flow may write next)."""
    con = connect(settings.warehouse_path, read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()
