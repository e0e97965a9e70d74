"""The one settings object: `config/settings.toml`, then the environment, then CLI flags.

Every command takes `--warehouse`, `--config` and `--data-dir` so a test, a benchmark or a user
can point the whole tool elsewhere without editing files. A config folder without
`settings.toml`, a file that is not TOML, an unknown key or a value of the wrong type is an
error (`ConfigError`, one line naming the key): silently running on defaults would create a
warehouse somewhere the user did not ask for.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)
from pydantic_settings import SettingsError as EnvParseError

from config.errors import ConfigError
from config.lake import Lake, LakeSettings, resolve_lake

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG_DIR = PROJECT_ROOT / "config"
ENV_PREFIX = "HZHK_"
ENV_NESTING = "__"


HOUR_S = 3600.0
DAY_S = 86_400.0
TEN_YEARS_H = 87_600.0


class FetchSettings(BaseModel):
    """Politeness and limits. Each number has bounds: an absurd value (`1e20` seconds, a negative
    size) is refused when the settings are read, not met as an overflow deep inside a run."""

    model_config = ConfigDict(extra="forbid")

    user_agent: str = ""  # empty: built from the project's name, version and `contact`
    contact: str = ""  # an email address or URL where site owners can reach whoever runs this
    connect_timeout_s: float = Field(default=10.0, gt=0, le=DAY_S)
    read_timeout_s: float = Field(default=30.0, gt=0, le=DAY_S)
    total_timeout_s: float = Field(default=120.0, gt=0, le=DAY_S)  # one attempt, first byte to last
    gdelt_interval_s: float = Field(default=5.0, ge=0, le=HOUR_S)
    hold_failed_url_h: float = Field(
        default=24.0, gt=0, le=TEN_YEARS_H
    )  # a gone page skipped this long,
    hold_failed_url_max_h: float = Field(default=720.0, gt=0, le=TEN_YEARS_H)  # doubling up to this
    sitemap_index_window_days: float = Field(default=7.0, gt=0, le=3650)
    sitemap_index_max_children: int = Field(default=10, ge=1, le=10_000)
    per_host_interval_s: float = Field(default=3.0, ge=0, le=HOUR_S)
    max_concurrency: int = Field(default=8, ge=1, le=1024)
    max_retries: int = Field(default=3, ge=0, le=50)
    backoff_base_s: float = Field(default=1.0, ge=0, le=HOUR_S)
    backoff_max_s: float = Field(default=60.0, ge=0, le=DAY_S)
    retry_after_cap_s: float = Field(default=120.0, ge=0, le=DAY_S)
    max_bytes: int = Field(default=10_000_000, ge=1, le=2_000_000_000)
    max_redirects: int = Field(default=5, ge=0, le=50)
    allow_hosts: list[str] = Field(default_factory=list)
    # Fixed answers, like curl's --resolve: {"www.example.com:80" = "127.0.0.1:8765"} connects to
    # the address given while URLs, Host headers and stored links keep the real name (the demo
    # serves its corpus this way). The address must be allow-listed ("127.0.0.1:8765").
    resolve: dict[str, str] = Field(default_factory=dict)

    @field_validator("resolve")
    @classmethod
    def _host_ports(cls, value: dict[str, str]) -> dict[str, str]:
        for source, target in value.items():
            for text in (source, target):
                name, colon, port = text.rpartition(":")
                if not (colon and name and port.isdigit() and 0 < int(port) < 65536):
                    raise ValueError(f"{text!r} is not host:port")
        return value


class ScheduleSettings(BaseModel):
    """When `hzhk serve` runs the deployments. A source's own `poll_interval_minutes` still
    decides whether a run asks it."""

    model_config = ConfigDict(extra="forbid")

    pipeline_every_minutes: float = Field(default=60.0, gt=0, le=10_080)  # ingest+track+digests
    digest_cron: str = "0 9 * * 1"  # the weekly digest: Monday 09:00 ...
    timezone: str = "Asia/Hong_Kong"  # ... in this zone
    server_port: int = Field(default=4200, ge=1, le=65535)  # the Prefect server `serve` starts

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r} (use an IANA name)") from exc
        return value

    @field_validator("digest_cron")
    @classmethod
    def _five_fields(cls, value: str) -> str:
        if len(value.split()) != 5:
            raise ValueError(f"{value!r} is not a cron expression of five fields")
        return value


class ComputeSettings(BaseModel):
    """Where a run's CPU work (parsing pages) goes, while the run itself fetches and writes.

    `auto` parses in a pool of worker processes when a run has at least `processes_from_pages`
    pages to parse and the machine three cores or more, else in a thread beside the fetching: a
    worker process costs a few seconds to start, more than parsing an hourly run's few pages.
    `dask` sends the parse batches to a Dask cluster: the one at `dask_address`, or a local one
    of `workers` processes.
    """

    model_config = ConfigDict(extra="forbid")

    task_runner: Literal["auto", "threads", "processes", "dask"] = "auto"
    workers: int | None = Field(default=None, ge=1, le=1024)  # None: one per core but one, >= 1
    processes_from_pages: int = Field(default=200, ge=0, le=10_000_000)
    dask_address: str | None = None  # "tcp://scheduler:8786"; None: a local cluster

    @field_validator("dask_address")
    @classmethod
    def _scheduler_address(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"(tcp|tls|inproc|ucx)://\S+", value):
            raise ValueError(f"{value!r} is not a Dask scheduler address (tcp://host:8786)")
        return value


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_nested_delimiter=ENV_NESTING, extra="forbid"
    )

    config_dir: Path = DEFAULT_CONFIG_DIR
    # The DuckDB file (`duckdb`, the default) or the DuckLake described by `[lake]` (`ducklake`).
    warehouse_target: Literal["duckdb", "ducklake"] = "duckdb"
    warehouse: Path = Path("data/warehouse.duckdb")
    data_dir: Path = Path("data")
    reports_dir: Path = Path("reports")
    timezone: str = "Asia/Hong_Kong"
    # How long a run waits for a warehouse file another process holds (a query, a notebook)
    # before failing with one line; pauses double from 0.2 s to 10 s.
    warehouse_wait_s: float = Field(default=600.0, ge=0, le=DAY_S)
    # After each run, a read-only copy beside the warehouse (`<name>.snapshot.duckdb`) that
    # queries, notebooks and the duckdb CLI open without waiting for a run to finish.
    publish_snapshot: bool = True
    # DuckDB's memory limit, in MB, on the write connection a track run holds across its
    # batches: mostly its cache of the file's blocks, which grows with the warehouse. A
    # 90,000-article run on 100,000 stored peaked at 428 MB with 128 and 398 MB with 96, at
    # 9.5 and 9.0 ms an article (issue 13, P4; docs/benchmarks.md), and at 341-355 MB with 96
    # once Prefect's links to task results were let go (flows/prefect_results.py). Work that
    # needs more spills to a temporary folder beside the file, but not all of it can: the indexes
    # read and the rows written since the last checkpoint stay in memory, and with 64 MB a run on
    # 100,000 stored articles ran out at its second batch (2026-12-05). A step that runs out is
    # retried with twice the limit, which the rest of the run keeps (warehouse/db.py
    # `HeldConnection`). None: DuckDB's default, 80 % of the machine's memory.
    warehouse_cache_mb: int | None = Field(default=96, ge=16, le=10_000_000)
    relevance_threshold: float | None = Field(
        default=None, ge=-1e6, le=1e6
    )  # None: relevance.toml's
    fetch: FetchSettings = Field(default_factory=FetchSettings)
    schedule: ScheduleSettings = Field(default_factory=ScheduleSettings)
    compute: ComputeSettings = Field(default_factory=ComputeSettings)
    lake: LakeSettings = Field(default_factory=LakeSettings)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        """A zone name DuckDB would reject only when the first query runs is refused here."""
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r} (use an IANA name)") from exc
        return value

    @property
    def root(self) -> Path:
        """Relative paths in settings are read against the folder that holds the config folder."""
        return self.config_dir.parent

    def path(self, value: Path) -> Path:
        return value if value.is_absolute() else self.root / value

    @property
    def warehouse_path(self) -> Path | Lake:
        """Where the warehouse is: the DuckDB file, or the lake when `warehouse_target` says so.

        Every warehouse function takes either (warehouse/db.py `connect`); code that needs the
        file itself (its lock, its snapshot) asks for `warehouse_file` or checks the type.
        """
        if self.warehouse_target == "ducklake":
            return resolve_lake(self.lake, self.root)
        return self.warehouse_file

    @property
    def warehouse_file(self) -> Path:
        """The DuckDB file `warehouse` names (the target unless settings select a lake)."""
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


def load_settings(
    config_dir: Path | None = None,
    warehouse: Path | None = None,
    data_dir: Path | None = None,
) -> Settings:
    """Build settings from (lowest first) defaults, `<config>/settings.toml`, env, then arguments.

    The config folder itself comes from the argument, else `HZHK_CONFIG`, else the project's.
    Path arguments are taken from the current folder, as a person typing them would expect.
    """
    chosen = (config_dir or Path(os.environ.get("HZHK_CONFIG") or DEFAULT_CONFIG_DIR)).resolve()
    toml_file = chosen / "settings.toml"
    if not toml_file.is_file():
        raise ConfigError(
            f"no settings.toml in {chosen}: --config (or HZHK_CONFIG) must name a config folder"
        )

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
    if warehouse is not None:  # a file named on the command line is the target, lake or not
        overrides["warehouse"] = warehouse.resolve()
        overrides["warehouse_target"] = "duckdb"
    if data_dir is not None:
        overrides["data_dir"] = data_dir.resolve()
    try:
        return _Settings(**overrides)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{toml_file} is not valid TOML: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{toml_file} is not valid TOML: not UTF-8 text ({exc.reason})") from exc
    except EnvParseError as exc:
        raise ConfigError(_describe_env(exc)) from exc
    except ValidationError as exc:
        raise ConfigError("; ".join(_describe(error, toml_file) for error in exc.errors())) from exc


def _describe(error: Any, toml_file: Path) -> str:
    """One validation error as `where: key: problem`, naming the variable when env set it."""
    loc = [str(part) for part in error["loc"]]
    key = ".".join(loc)
    variable = ENV_PREFIX + ENV_NESTING.join(loc).upper()
    given = {name.upper(): value for name, value in os.environ.items()}
    where = f"{variable}={given[variable]!r}" if variable in given else str(toml_file)
    problem = "unknown setting" if error["type"] == "extra_forbidden" else error["msg"]
    return f"{where}: {key}: {problem}"


def _describe_env(exc: EnvParseError) -> str:
    """An environment value pydantic-settings could not even parse (a list or section as JSON)."""
    field = re.search(r'field "([^"]+)"', str(exc))
    key = field.group(1) if field else "?"
    variable = (ENV_PREFIX + key).upper()
    named = sorted(
        f"{name}={value!r}"
        for name, value in os.environ.items()
        if name.upper() == variable or name.upper().startswith(variable + ENV_NESTING)
    )
    cause = f" ({exc.__cause__})" if exc.__cause__ else ""
    return (
        f"{', '.join(named) or 'environment'}: {key}: cannot be read{cause}; "
        """lists are written as JSON, e.g. '["a", "b"]'"""
    )
