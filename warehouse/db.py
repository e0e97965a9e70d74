"""Opening the DuckDB file, applying migrations, and describing what is in it.

Connections are opened with extension auto-install off: the machine may have no internet, and the
FTS extension is loaded from the pinned `duckdb-extension-fts` package instead.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path

import duckdb

from warehouse.seed import ensure_seed

DISPLAY_TIMEZONE = "Asia/Hong_Kong"


class WarehouseError(Exception):
    """A warehouse that cannot be opened or migrated; the message says why."""


class WarehouseBusy(WarehouseError):
    """Another process holds the file (DuckDB lets one writer or several readers in, never both)."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class TableCount:
    name: str
    rows: int


@dataclass(frozen=True)
class Status:
    path: Path
    version: int
    latest: int
    applied: list[tuple[int, str, datetime]]
    tables: list[TableCount]
    views: list[str]


def fts_extension_path() -> Path:
    """The FTS extension binary shipped by the pinned package, matching duckdb's exact version."""
    import duckdb_extension_fts

    base = Path(str(resources.files(duckdb_extension_fts))) / "extensions"
    found = sorted(base.glob(f"v{duckdb.__version__}/fts.duckdb_extension"))
    if not found:
        raise WarehouseError(
            f"no FTS extension for duckdb {duckdb.__version__} under {base}; "
            "duckdb and duckdb-extension-fts must be the same version"
        )
    return found[0]


FIRST_WAIT_S = 0.2  # the first pause before asking again for a file another process holds
LONGEST_WAIT_S = 10.0  # pauses double up to this


def connect(
    path: Path,
    *,
    read_only: bool = False,
    timezone: str = DISPLAY_TIMEZONE,
    wait_s: float = 0.0,
) -> duckdb.DuckDBPyConnection:
    """Open the warehouse file with FTS loaded and times shown in `timezone`.

    Times are stored as UTC instants; the zone only decides how DuckDB renders and returns them
    (settings' `timezone`, Hong Kong time unless changed). While another process holds the file
    (a person's query, a notebook, another writer), the open is tried again with growing pauses
    for up to `wait_s` seconds: a reader must delay a run, never make it fail. After that, one
    line names the holder.
    """
    if read_only and not path.exists():
        raise WarehouseError(f"no warehouse at {path}: run `hzhk db migrate` first")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_s
    pause = FIRST_WAIT_S
    while True:
        try:
            con = duckdb.connect(
                str(path),
                read_only=read_only,
                config={"autoinstall_known_extensions": False, "autoload_known_extensions": False},
            )
            break
        except duckdb.IOException as exc:
            conflict = lock_conflict(path, str(exc), read_only=read_only)
            if conflict is not None and time.monotonic() + pause <= deadline:
                time.sleep(pause)
                pause = min(pause * 2, LONGEST_WAIT_S)
                continue
            if conflict is None:
                raise WarehouseError(f"cannot open {path}: {exc}") from exc
            if wait_s > 0:
                conflict += f" (waited {wait_s:g} s: settings' warehouse_wait_s)"
            raise WarehouseBusy(conflict) from exc
    try:
        con.execute(f"LOAD '{fts_extension_path()}'")
        con.execute("SET TimeZone = ?", [timezone])
    except duckdb.Error as exc:
        con.close()
        raise WarehouseError(f"cannot prepare a connection to {path}: {exc}") from exc
    except BaseException:
        con.close()
        raise
    return con


_LOCK_HOLDER = re.compile(r"\(PID (\d+)\)")


def lock_conflict(path: Path, error: str, *, read_only: bool) -> str | None:
    """What to tell a person whose open failed because another process holds the file's lock.

    DuckDB lets one process write a file, or several read it, never both. A read-only open
    fails only when the other process is writing; a read-write open also fails while others
    read. The holder's PID is in DuckDB's message when it could tell.
    """
    if "Could not set lock" not in error:
        return None
    pid = _LOCK_HOLDER.search(error)
    holder = f"another process (PID {pid.group(1)})" if pid else "another process"
    if read_only:
        return (
            f"{holder} is writing to {path}; run again when it finishes, "
            "or query a copy of the file"
        )
    return f"{holder} has {path} open; run again when it finishes"


@contextmanager
def writing(path: Path, wait_s: float = 0.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived read-write connection: DuckDB locks the file for others while one is open."""
    con = connect(path, wait_s=wait_s)
    try:
        yield con
    finally:
        con.close()


# Connections (by id) inside a `transaction` block; DuckDB cannot be asked, and a second BEGIN
# would abort the open transaction.
_open_transactions: set[int] = set()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One transaction around a write; inside an already open one, join it instead.

    Joining lets a flow put several writers (fetch log, articles, problems) into the single
    transaction of its batch, while each writer stays atomic when called on its own.
    """
    key = id(con)
    if key in _open_transactions:
        yield  # the outer block commits or rolls back
        return
    con.execute("BEGIN TRANSACTION")
    _open_transactions.add(key)
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    else:
        con.execute("COMMIT")
    finally:
        _open_transactions.discard(key)


def available_migrations() -> list[Migration]:
    folder = resources.files("warehouse") / "migrations"
    found = []
    for item in folder.iterdir():
        if item.name.endswith(".sql"):
            number, _, rest = item.name.partition("_")
            found.append(Migration(int(number), rest.removesuffix(".sql"), item.read_text("utf-8")))
    versions = [m.version for m in found]
    if len(versions) != len(set(versions)):
        raise WarehouseError(f"two migrations share a number: {sorted(versions)}")
    return sorted(found, key=lambda m: m.version)


def view_definitions() -> list[tuple[str, str]]:
    folder = resources.files("warehouse") / "views"
    return sorted(
        (item.name.removesuffix(".sql"), item.read_text("utf-8"))
        for item in folder.iterdir()
        if item.name.endswith(".sql")
    )


@dataclass(frozen=True)
class Applied:
    version: int
    name: str
    checksum: str


def _applied(con: duckdb.DuckDBPyConnection) -> dict[int, Applied]:
    rows = con.execute("SELECT version, name, checksum FROM schema_migrations").fetchall()
    return {int(v): Applied(int(v), str(n), str(c)) for v, n, c in rows}


def check_history(applied: dict[int, Applied], migrations: list[Migration]) -> list[Migration]:
    """The migrations still to apply, after refusing a history that cannot be trusted.

    Applying is safe only when the warehouse's history is a prefix of the code's: every applied
    migration still on disk and unchanged, and every pending one numbered after the newest
    applied (one numbered below it was written against an older schema than the file has).
    """
    known = {m.version: m for m in migrations}
    newest_applied = max(applied, default=0)
    newest_known = max(known, default=0)
    if newest_applied > newest_known:
        raise WarehouseError(
            f"the warehouse schema is at version {newest_applied}, newer than this code knows "
            f"(up to {newest_known}); update hzhk-tracker before using this warehouse"
        )
    for a in sorted(applied.values(), key=lambda a: a.version):
        m = known.get(a.version)
        if m is None:
            raise WarehouseError(
                f"migration {a.version:03d}_{a.name} was applied to this warehouse but is "
                "missing from warehouse/migrations; restore the file"
            )
        if m.checksum != a.checksum:
            raise WarehouseError(
                f"migration {m.version:03d}_{m.name} changed after it was applied; "
                "add a new migration instead of editing an old one"
            )
    pending = [m for m in migrations if m.version not in applied]
    for m in pending:
        if m.version < newest_applied:
            raise WarehouseError(
                f"migration {m.version:03d}_{m.name} is not applied but is numbered below "
                f"{newest_applied:03d}, which is; renumber it after {newest_applied:03d}"
            )
    return pending


def migrate(con: duckdb.DuckDBPyConnection) -> list[Migration]:
    """Apply pending migrations, refresh the views, ensure the seed and the search index.

    All in one transaction: a crash at any point leaves the file as it was before; a second
    call changes nothing. The search index is built only when missing (the README's full-text
    example must work on a fresh warehouse); `rebuild_search_index` refreshes it after loads.
    """
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, checksum VARCHAR NOT NULL,"
        " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
    )
    pending = check_history(_applied(con), available_migrations())
    with transaction(con):
        for m in pending:
            con.execute(m.sql)
            con.execute(
                "INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)",
                [m.version, m.name, m.checksum],
            )
        for _, sql in view_definitions():
            con.execute(sql)
        ensure_seed(con)
        if not has_search_index(con):
            rebuild_search_index(con)
    return pending


def open_warehouse(path: Path, wait_s: float = 0.0) -> duckdb.DuckDBPyConnection:
    """A read-write connection to an up-to-date, seeded warehouse."""
    con = connect(path, wait_s=wait_s)
    try:
        migrate(con)
    except Exception:
        con.close()
        raise
    return con


def status(con: duckdb.DuckDBPyConnection, path: Path) -> Status:
    latest = max((m.version for m in available_migrations()), default=0)
    has_table = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'schema_migrations'"
    ).fetchone()
    applied: list[tuple[int, str, datetime]] = []
    if has_table and has_table[0]:
        applied = [
            (int(v), str(n), t)
            for v, n, t in con.execute(
                "SELECT version, name, applied_at FROM schema_migrations ORDER BY version"
            ).fetchall()
        ]
    names = [
        str(r[0])
        for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY table_name"
        ).fetchall()
    ]
    tables = []
    for name in names:
        counted = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()
        tables.append(TableCount(name, int(counted[0]) if counted else 0))
    views = [
        str(r[0])
        for r in con.execute(
            "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main'"
            " ORDER BY view_name"
        ).fetchall()
    ]
    return Status(
        path=path,
        version=max((v for v, _, _ in applied), default=0),
        latest=latest,
        applied=applied,
        tables=tables,
        views=views,
    )


def has_search_index(con: duckdb.DuckDBPyConnection) -> bool:
    found = con.execute(
        "SELECT count(*) FROM duckdb_schemas() WHERE schema_name = 'fts_main_articles'"
    ).fetchone()
    return bool(found and found[0])


def rebuild_search_index(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild the full-text index over articles; DuckDB's FTS index is a snapshot, not live."""
    con.execute("PRAGMA create_fts_index('articles', 'article_id', 'title', 'body', overwrite=1)")
