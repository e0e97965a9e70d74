"""Opening the warehouse, applying migrations, and describing what is in it.

The warehouse is the DuckDB file or a DuckLake (settings' `warehouse_target`); `connect` opens
either, and the same migrations, views and statements run on both (warehouse/lake.py opens a
lake; warehouse/lake_schema.py adapts a migration's DDL to what a lake can hold). Connections are
opened with extension auto-install off: the machine may have no internet, and extensions are
loaded from their pinned pip packages instead (warehouse/extensions.py).
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path

import duckdb

from config.lake import Lake
from warehouse.errors import WarehouseBusy, WarehouseError
from warehouse.extensions import MissingExtension, extension_path
from warehouse.lake import CONFIG, connect_lake, is_lake, quote
from warehouse.lake_schema import for_lake
from warehouse.seed import ensure_seed
from warehouse.transactions import retried, transaction

__all__ = ["WarehouseBusy", "WarehouseError", "transaction"]  # also imported from here

DISPLAY_TIMEZONE = "Asia/Hong_Kong"
# Where the warehouse is: the DuckDB file, or a DuckLake (config/lake.py).
Target = Path | Lake

log = logging.getLogger(__name__)

NO_SEARCH_ON_LAKE = (
    "full-text search is not available on a DuckLake warehouse (DuckDB's FTS index cannot be "
    "stored in a lake); ILIKE and regexp_matches work on both"
)


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
    path: Target
    version: int
    latest: int
    applied: list[tuple[int, str, datetime]]
    tables: list[TableCount]
    views: list[str]


def fts_extension_path() -> Path:
    """The FTS extension binary shipped by the pinned package, matching duckdb's exact version."""
    try:
        return extension_path("fts")
    except MissingExtension as exc:
        raise WarehouseError(str(exc)) from exc


FIRST_WAIT_S = 0.2  # the first pause before asking again for a file another process holds
LONGEST_WAIT_S = 10.0  # pauses double up to this


def connect(
    path: Target,
    *,
    read_only: bool = False,
    timezone: str = DISPLAY_TIMEZONE,
    wait_s: float = 0.0,
    search: bool = True,
) -> duckdb.DuckDBPyConnection:
    """Open the warehouse with times shown in `timezone`: the file with FTS loaded, or the lake.

    `search=False` leaves FTS out: loading it costs 50-100 ms a connection, and a flow's writes
    never search (DuckDB's FTS index is tables and macros that only a query calling
    `match_bm25` needs the extension for; rebuilding the index loads it again).

    Times are stored as UTC instants; the zone only decides how DuckDB renders and returns them
    (settings' `timezone`, Hong Kong time unless changed). While another process holds the file
    (a person's query, a notebook, another writer), the open is tried again with growing pauses
    for up to `wait_s` seconds: a reader must delay a run, never make it fail. After that, one
    line names the holder. A lake has no file lock to wait for (warehouse/lake.py).
    """
    if isinstance(path, Lake):
        try:
            return connect_lake(path, read_only=read_only, timezone=timezone)
        except MissingExtension as exc:
            raise WarehouseError(str(exc)) from exc
    if read_only and not path.exists():
        raise WarehouseError(f"no warehouse at {path}: run `hzhk db migrate` first")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_s
    pause = FIRST_WAIT_S
    while True:
        try:
            con = _open_file(path, read_only=read_only)
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
        if search:
            con.execute(f"LOAD '{fts_extension_path()}'")
        con.execute("SET TimeZone = ?", [timezone])
    except duckdb.Error as exc:
        con.close()
        raise WarehouseError(f"cannot prepare a connection to {path}: {exc}") from exc
    except BaseException:
        con.close()
        raise
    return con


# Rows per row group of the tables a writer appends to. A checkpoint (each close of a write
# connection) rewrites the table's last row group whole, and at DuckDB's default of 122,880 rows
# that group is the whole table for years of coverage: 50-row appends of ~5 KB rows, closed each
# time, cost 28 ms a close at 2,500 rows and 148 ms at 10,000, and the process's peak grew by
# 52 MB; with groups of 2,048 rows, 22-28 ms a close all the way and no growth (measured in the
# 2026-12-05 session; figures in docs/benchmarks.md). DuckDB keeps no such setting in the file:
# it holds for the connection that attached it, so every writer opens through `_open_file`.
ROW_GROUP_ROWS = 2048
FILE_CATALOG = "warehouse"  # a writer's name for the file (its stem could be `memory`)


def _open_file(path: Path, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    """The file opened for reading as `duckdb.connect` opens it; for writing, attached with
    `ROW_GROUP_ROWS` (ATTACH is the only way to set it) as `FILE_CATALOG`, with the spill folder
    beside the file as DuckDB puts it. Every statement names tables by schema alone, and catalog
    queries ask for `current_database()`, so either catalog name serves."""
    if read_only:
        return duckdb.connect(str(path), read_only=True, config=CONFIG)
    con = duckdb.connect(config=CONFIG)
    try:
        con.execute(
            f"ATTACH {quote(str(path))} AS {FILE_CATALOG} (ROW_GROUP_SIZE {ROW_GROUP_ROWS})"
        )
        con.execute(f"USE {FILE_CATALOG}")
        con.execute("SET temp_directory = ?", [f"{path}.tmp"])
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
def writing(path: Target, wait_s: float = 0.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived read-write connection: DuckDB locks the file for others while one is open.
    Without FTS: flows write and read their own rows, never search (`connect`)."""
    con = connect(path, wait_s=wait_s, search=False)
    try:
        yield con
    finally:
        con.close()


HOLD_S = 20.0  # how long a run keeps its write connection before letting readers in


class HeldConnection:
    """A read-write connection a run keeps across its steps and batches, let go every `hold_s`.

    Closing a DuckDB connection checkpoints it, and a checkpoint rewrites the tables' indexes:
    with a connection per step, tracking paid it at every 200-article batch, 135 ms at 12,000
    stored articles and 319 ms at 50,000 (docs/benchmarks.md), and every step read its blocks
    back into a cold cache. Held, the connection checkpoints when its write-ahead log passes
    DuckDB's threshold and when it is let go. Let go between batches once `hold_s` has passed,
    so a notebook or the duckdb CLI waiting for the file gets it within that time, as it did
    between steps (and `hzhk sql` reads the snapshot meanwhile).

    A step that fails drops the connection: its retry starts on a fresh one. `memory_mb` bounds
    DuckDB's memory on it (settings' `warehouse_cache_mb`): held, its cache of the file's blocks
    would otherwise grow with the warehouse for the whole run. A step that runs out of it is
    retried with twice as much (`_grow`).
    """

    def __init__(
        self,
        path: Target,
        wait_s: float = 0.0,
        hold_s: float = HOLD_S,
        memory_mb: int | None = None,
    ) -> None:
        self.path = path
        self.wait_s = wait_s
        self.hold_s = hold_s
        self.memory_mb = memory_mb  # DuckDB's memory_limit while held; None: DuckDB's default
        self._con: duckdb.DuckDBPyConnection | None = None
        self._opened = 0.0
        self.opened = 0  # connections opened so far (a run's figure, and the tests')

    @contextmanager
    def use(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The held connection, opened when there is none (without FTS, as `writing`)."""
        if self._con is None:
            con = connect(self.path, wait_s=self.wait_s, search=False)
            if self.memory_mb is not None:
                con.execute(f"SET memory_limit = '{int(self.memory_mb)}MB'")
            self._con = con
            self._opened = time.monotonic()
            self.opened += 1
        try:
            yield self._con
        except BaseException as failure:
            self.close()
            if isinstance(failure, duckdb.OutOfMemoryException):
                self._grow()
            raise

    def _grow(self) -> None:
        """After DuckDB ran out of the memory it was given, the step's retry opens with twice
        the limit, and so does the rest of the run. Not all of DuckDB's memory can spill: its
        indexes and the rows written since the last checkpoint stay in memory, and the indexes
        grow with the warehouse, so a limit that suits one warehouse stops a run on a bigger one
        (64 MB did on 100,000 stored articles, issue 13)."""
        if self.memory_mb is not None:
            log.warning(
                "DuckDB needed more than %d MB on the held connection; allowing %d MB",
                self.memory_mb,
                2 * self.memory_mb,
            )
            self.memory_mb *= 2

    def let_go_if_due(self) -> None:
        """Close the connection if it has been held `hold_s`: called between batches."""
        if self._con is not None and time.monotonic() - self._opened >= self.hold_s:
            self.close()

    def close(self) -> None:
        con, self._con = self._con, None
        if con is not None:
            con.close()


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


SCHEMA_MIGRATIONS = (
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, checksum VARCHAR NOT NULL,"
    " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
)


def migrate(con: duckdb.DuckDBPyConnection) -> list[Migration]:
    """Apply pending migrations, refresh the views, ensure the seed and the search index.

    All in one transaction: a crash at any point leaves the warehouse as it was before; a second
    call changes nothing. The history is read inside the transaction, so two processes
    migrating one lake at once apply each migration once (the second sees the first's work).
    On a lake each migration's DDL is adapted to what a lake holds (warehouse/lake_schema.py);
    its checksum stays the file's, so both targets keep the same history. The search index is
    built only when missing (the README's full-text example must work on a fresh warehouse);
    `rebuild_search_index` refreshes it after loads. A lake has none (`NO_SEARCH_ON_LAKE`).
    """
    lake = is_lake(con)
    migrations = available_migrations()

    def apply() -> list[Migration]:
        for statement in for_lake([SCHEMA_MIGRATIONS])[0] if lake else [SCHEMA_MIGRATIONS]:
            con.execute(statement)
        pending = check_history(_applied(con), migrations)
        scripts = [[m.sql] for m in migrations]
        if lake and pending:  # adapted in order: each migration builds on the ones before
            scripts = for_lake([m.sql for m in migrations])
        adapted = dict(zip(migrations, scripts, strict=True))
        for m in pending:
            for statement in adapted[m]:
                con.execute(statement)
            con.execute(
                "INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)",
                [m.version, m.name, m.checksum],
            )
        refresh_views(con, everything=bool(pending))
        ensure_seed(con)
        if not lake and not has_search_index(con):
            rebuild_search_index(con)
        return pending

    return retried(con, apply)


def refresh_views(con: duckdb.DuckDBPyConnection, *, everything: bool) -> None:
    """(Re)create the public views whose file changed, or all of them after a migration.

    Each view carries its file's checksum as its comment, so an unchanged view is left alone:
    on a lake every CREATE is a catalog change (a snapshot, and a commit other writers wait on).
    """
    stored = {
        str(name): comment
        for name, comment in con.execute(
            "SELECT view_name, comment FROM duckdb_views()"
            " WHERE database_name = current_database() AND schema_name = 'main'"
        ).fetchall()
    }
    for name, sql in view_definitions():
        checksum = hashlib.sha256(sql.encode()).hexdigest()[:16]
        if not everything and stored.get(name) == checksum:
            continue
        con.execute(sql)
        con.execute(f"COMMENT ON VIEW {name} IS '{checksum}'")


def open_warehouse(path: Target, wait_s: float = 0.0) -> duckdb.DuckDBPyConnection:
    """A read-write connection to an up-to-date, seeded warehouse."""
    con = connect(path, wait_s=wait_s)
    try:
        migrate(con)
    except Exception:
        con.close()
        raise
    return con


def status(con: duckdb.DuckDBPyConnection, path: Target) -> Status:
    latest = max((m.version for m in available_migrations()), default=0)
    has_table = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'schema_migrations'"
        " AND database_name = current_database()"
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
            "SELECT table_name FROM duckdb_tables()"
            " WHERE database_name = current_database() AND schema_name = 'main'"
            " ORDER BY table_name"
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
            " AND database_name = current_database() ORDER BY view_name"
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
        " AND database_name = current_database()"
    ).fetchone()
    return bool(found and found[0])


def rebuild_search_index(con: duckdb.DuckDBPyConnection) -> bool:
    """Rebuild the full-text index over articles; DuckDB's FTS index is a snapshot, not live.

    On a lake there is none to build (its commit fails: the index's tables and macros cannot be
    stored there): this says so once in the log and returns False instead of failing the run.
    """
    if is_lake(con):
        log.info("%s", NO_SEARCH_ON_LAKE)
        return False
    con.execute(f"LOAD '{fts_extension_path()}'")  # a no-op on a connection that has it
    con.execute("PRAGMA create_fts_index('articles', 'article_id', 'title', 'body', overwrite=1)")
    return True
