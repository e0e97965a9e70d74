"""The one settings object: `config/settings.toml`, then the environment, then CLI flags.

Every command takes `--warehouse` and `--config` so a test, a benchmark or a user can point the
whole tool elsewhere without editing files.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG_DIR = PROJECT_ROOT / "config"


class FetchSettings(BaseModel):
    user_agent: str = "hzhk-tracker/0.1 (+https://github.com/hzhk-tracker/hzhk-tracker)"
    connect_timeout_s: float = 10.0
    read_timeout_s: float = 30.0
    per_host_interval_s: float = 3.0
    max_concurrency: int = 8
    max_retries: int = 3
    backoff_base_s: float = 1.0
    backoff_max_s: float = 60.0
    retry_after_cap_s: float = 120.0
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    allow_hosts: list[str] = Field(default_factory=list)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HZHK_", env_nested_delimiter="__", extra="ignore")

    config_dir: Path = DEFAULT_CONFIG_DIR
    warehouse: Path = Path("data/warehouse.duckdb")
    data_dir: Path = Path("data")
    reports_dir: Path = Path("reports")
    timezone: str = "Asia/Hong_Kong"
    relevance_threshold: float | None = None  # None: the default in config/relevance.toml
    fetch: FetchSettings = Field(default_factory=FetchSettings)

    @property
    def root(self) -> Path:
        """Relative paths in settings are read against the folder that holds the config folder."""
        return self.config_dir.parent

    def path(self, value: Path) -> Path:
        return value if value.is_absolute() else self.root / value

    @property
    def warehouse_path(self) -> Path:
        return self.path(self.warehouse)

    @property
    def data_path(self) -> Path:
        return self.path(self.data_dir)

    @property
    def reports_path(self) -> Path:
        return self.path(self.reports_dir)

    @property
    def allow_hosts(self) -> list[str]:
        """Settings' allow-list plus HZHK_ALLOW_HOSTS (comma-separated), the documented shortcut."""
        extra = [h.strip() for h in os.environ.get("HZHK_ALLOW_HOSTS", "").split(",") if h.strip()]
        return [*self.fetch.allow_hosts, *extra]


def load_settings(config_dir: Path | None = None, warehouse: Path | None = None) -> Settings:
    """Build settings from (lowest first) defaults, `<config>/settings.toml`, env, then arguments.

    The config folder itself comes from the argument, else `HZHK_CONFIG`, else the project's.
    """
    chosen = config_dir or Path(os.environ.get("HZHK_CONFIG") or DEFAULT_CONFIG_DIR)
    chosen = chosen.resolve()
    toml_file = chosen / "settings.toml"

    class _Settings(Settings):
        @classmethod
        def settings_customise_sources(
            cls,
            settings_cls: type[BaseSettings],
            init_settings: PydanticBaseSettingsSource,
            env_settings: PydanticBaseSettingsSource,
            dotenv_settings: PydanticBaseSettingsSource,
            file_secret_settings: PydanticBaseSettingsSource,
        ) -> tuple[PydanticBaseSettingsSource, ...]:
            return (
                init_settings,
                env_settings,
                TomlConfigSettingsSource(settings_cls, toml_file=toml_file),
            )

    overrides: dict[str, Any] = {"config_dir": chosen}
    if warehouse is not None:
        overrides["warehouse"] = warehouse.resolve()
    return _Settings(**overrides)
