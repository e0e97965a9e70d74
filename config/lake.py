"""Where the warehouse lives: the DuckDB file (the default) or a DuckLake, and the lake's settings.

A DuckLake is a catalog database (SQLite for one machine, PostgreSQL for several writers) that
records tables, snapshots and which Parquet files hold the rows, plus a data path where those
files are written. `[lake]` in settings.toml describes one; `warehouse_target = "ducklake"`
selects it. The warehouse code opens whichever target `Settings.warehouse_target` names, so every
statement runs unchanged on both (warehouse/lake.py).

The PostgreSQL password is never a setting: it is read from the environment variable
`PASSWORD_ENV` when a connection is opened, so it is in no file and not in the settings object
(which Prefect records as a flow parameter). Without it, libpq's own ways apply (trust, .pgpass).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

PASSWORD_ENV = "HZHK_LAKE_PASSWORD"

# Object stores DuckDB reaches through its httpfs extension (s3://, gs://, r2:// ...).
OBJECT_STORE_SCHEMES = frozenset({"s3", "s3a", "gs", "gcs", "r2", "az", "azure", "abfss"})
# Written unquoted into a libpq connection string, so no spaces, quotes or `=`.
_LIBPQ_WORD = re.compile(r"[A-Za-z0-9_.\-]+")


class PostgresCatalog(BaseModel):
    """The PostgreSQL database that holds the lake's catalog (tables, snapshots, file lists)."""

    model_config = ConfigDict(extra="forbid", frozen=True)  # frozen: part of a hashable `Lake`

    host: str = "127.0.0.1"
    port: int = Field(default=5432, ge=1, le=65535)
    dbname: str = "hzhk_lake"
    user: str = "hzhk"

    @model_validator(mode="before")
    @classmethod
    def _no_password(cls, value: Any) -> Any:
        if isinstance(value, dict) and "password" in value:
            raise ValueError(
                f"a password is never read from settings: set {PASSWORD_ENV} in the environment"
            )
        return value

    @field_validator("host", "dbname", "user")
    @classmethod
    def _libpq_word(cls, value: str) -> str:
        if not _LIBPQ_WORD.fullmatch(value):
            raise ValueError(f"{value!r}: use letters, digits, '.', '_' or '-' only")
        return value


class LakeSettings(BaseModel):
    """`[lake]`: the catalog and the data path of a DuckLake warehouse."""

    model_config = ConfigDict(extra="forbid")

    catalog: Literal["sqlite", "postgres"] = "sqlite"
    sqlite_path: Path = Path("data/lake/catalog.sqlite")  # the catalog = "sqlite" file
    postgres: PostgresCatalog = Field(default_factory=PostgresCatalog)
    # A local folder, or an object-store prefix such as "s3://bucket/hzhk/" (see README: Scale).
    data_path: str = "data/lake/files"

    @field_validator("data_path")
    @classmethod
    def _known_place(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must name a folder or an object-store prefix")
        scheme, sep, _ = value.partition("://")
        if sep and scheme.lower() not in OBJECT_STORE_SCHEMES:
            known = ", ".join(f"{s}://" for s in sorted(OBJECT_STORE_SCHEMES))
            raise ValueError(f"{value!r}: a local folder or one of {known}")
        return value


@dataclass(frozen=True)
class Lake:
    """A DuckLake target with its paths made absolute: what the warehouse code opens."""

    catalog: Literal["sqlite", "postgres"]
    data_path: str  # an absolute folder, or an object-store prefix, ending in "/"
    sqlite_path: Path | None = None  # for a SQLite catalog
    postgres: PostgresCatalog | None = None  # for a PostgreSQL catalog

    @property
    def is_remote_data(self) -> bool:
        return "://" in self.data_path

    def __str__(self) -> str:
        """How a person is told which warehouse a command used (never with a password)."""
        if self.postgres is not None:
            pg = self.postgres
            where = f"PostgreSQL catalog {pg.user}@{pg.host}:{pg.port}/{pg.dbname}"
        else:
            where = f"SQLite catalog {self.sqlite_path}"
        return f"DuckLake ({where}, data {self.data_path})"


def resolve_lake(settings: LakeSettings, root: Path) -> Lake:
    """The lake with relative paths read against `root`, as settings' other paths are."""
    data = settings.data_path
    if "://" not in data:
        folder = Path(data).expanduser()
        data = str(folder if folder.is_absolute() else root / folder)
    data = data if data.endswith("/") else data + "/"
    if settings.catalog == "postgres":
        return Lake("postgres", data, postgres=settings.postgres)
    sqlite = settings.sqlite_path.expanduser()
    return Lake("sqlite", data, sqlite_path=sqlite if sqlite.is_absolute() else root / sqlite)
