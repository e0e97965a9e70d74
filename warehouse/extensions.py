"""DuckDB extensions loaded from the pinned pip packages, never downloaded.

`INSTALL` needs the internet, which the machines running this may not have; the registry ships
each extension as a package (`duckdb-extension-fts`, `-ducklake`, `-sqlite-scanner`,
`-postgres-scanner`; `-httpfs` for an object-store data path) built for one exact DuckDB
version, and a connection LOADs the file by its path. Connections are opened with auto-install
and auto-load off, so nothing reaches out behind our back. Loading verifies the file's signature
(about 0.1 s for FTS, 0.2-0.3 s for each lake extension here), so a connection loads only what
its target needs.
"""

from __future__ import annotations

from importlib import import_module, resources
from pathlib import Path

import duckdb

# Extension name -> the package that ships it.
PACKAGES = {
    "fts": "duckdb_extension_fts",
    "ducklake": "duckdb_extension_ducklake",
    "sqlite_scanner": "duckdb_extension_sqlite_scanner",
    "postgres_scanner": "duckdb_extension_postgres_scanner",
    "httpfs": "duckdb_extension_httpfs",  # object-store data paths; not pinned (untested here)
}


class MissingExtension(Exception):
    """The package for an extension is absent or built for another DuckDB version."""


def extension_path(name: str) -> Path:
    """The extension binary its pinned package ships for this exact DuckDB version."""
    package = PACKAGES[name]
    try:
        module = import_module(package)
    except ImportError as exc:
        raise MissingExtension(
            f"the {name} extension needs the {package.replace('_', '-')} package "
            f"(pinned in pyproject.toml); reinstall with scripts/setup.sh"
        ) from exc
    base = Path(str(resources.files(module))) / "extensions"
    found = sorted(base.glob(f"v{duckdb.__version__}/{name}.duckdb_extension"))
    if not found:
        raise MissingExtension(
            f"no {name} extension for duckdb {duckdb.__version__} under {base}; "
            f"duckdb and {package.replace('_', '-')} must be the same version"
        )
    return found[0]


def load(con: duckdb.DuckDBPyConnection, *names: str) -> None:
    for name in names:
        con.execute(f"LOAD '{extension_path(name)}'")
