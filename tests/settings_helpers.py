"""Settings for a test's own config folder and warehouse, built the way the CLI builds them."""

from __future__ import annotations

from pathlib import Path

from config.settings import Settings, load_settings


def settings_at(config_dir: Path, warehouse: Path, data_dir: Path | None = None) -> Settings:
    return load_settings(config_dir=config_dir, warehouse=warehouse, data_dir=data_dir)
