"""Opening a DuckLake warehouse, and the writers' lock that keeps its keys unique.

A lake connection is a DuckDB connection with the lake ATTACHed as `lake` and USEd, so every
statement written for the DuckDB file (warehouse/*.py, the views) runs on it unchanged. The
extensions come from their pip packages (warehouse/extensions.py), loaded by path.

**Why writers take a lock.** DuckLake has no primary keys, and its commits are optimistic. Two
processes that MERGE the same new key at once both insert it: measured on a PostgreSQL catalog
(two MERGEs of two new keys, each transaction open 0.5 s): both commits succeeded and each key
was stored twice. Two transactions that update rows of one table conflict at commit ("attempting
to insert into table ... but another transaction has deleted inlined data from it") even when the
rows differ; a SQLite catalog refuses a second concurrent commit outright ("database is locked").
So every write transaction holds the lake's writer lock from before its first read of the lake to
after its commit (`write_lock`, used by warehouse/transactions.py): writers fetch and parse in
parallel and commit one after another, and each commit's MERGE sees every earlier commit. Measured
with the lock, the same runs stored each key once and neither commit conflicted.

- PostgreSQL catalog: a transaction-scoped advisory lock (`pg_try_advisory_xact_lock`) taken
  through a second attachment of the catalog database as the transaction's first statement. DuckDB
  commits the databases of a transaction in the reverse order it touched them, so the lake commits
  before the lock's PostgreSQL transaction ends; a process that dies releases it with its session.
- SQLite catalog (one machine): an advisory `flock` on `<catalog>.write-lock`, released by the
  operating system however the process ends.

Writer connections share one DuckDB instance per lake and process (`con.cursor()`): loading the
lake extensions verifies ~80 MB of signed binaries (0.4-0.6 s here), which every short write
connection would otherwise pay. Read-only connections get an instance of their own, attached
READ_ONLY, so `hzhk sql` can seal it (warehouse/query.py) without sealing the writers'.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from config.lake import PASSWORD_ENV, Lake
from warehouse.errors import WarehouseBusy, WarehouseError
from warehouse.extensions import load

NAME = "lake"  # what the lake is attached as, and USEd
GUARD = "hzhk_lake_guard"  # the PostgreSQL catalog attached again, for the writers' lock
SECRET = "hzhk_lake_pg"  # the catalog's connection settings (and password), kept by DuckDB
CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}

ATTACH_ATTEMPTS = 6  # a catalog being created by another process, or a SQLite file busy
FIRST_PAUSE_S = 0.2
WRITE_WAIT_S = 600.0  # how long a writer waits for the lock before it gives up, with one line
# Messages of errors that another writer caused and that go away when tried again.
RETRYABLE = (
    "conflict",
    "database is locked",
    "deadlock detected",
    "could not serialize",
    "duplicate key value violates unique constraint",  # two processes creating the catalog
    "already exists",
)

_shared: dict[Lake, duckdb.DuckDBPyConnection] = {}
_shared_lock = threading.Lock()


def connect_lake(lake: Lake, *, read_only: bool, timezone: str) -> duckdb.DuckDBPyConnection:
    """A connection with the lake attached and USEd, times shown in `timezone`."""
    if read_only:
        con = _open(lake, read_only=True)
    else:
        with _shared_lock:
            root = _shared.get(lake)
            if root is None:
                root = _shared[lake] = _open(lake, read_only=False)
        con = root.cursor()
    try:
        con.execute(f"USE {NAME}")
        con.execute("SET TimeZone = ?", [timezone])
    except BaseException:
        con.close()
        raise
    return con


def close_shared() -> None:
    """Close the writers' shared instances (tests do, before stopping a catalog's server)."""
    with _shared_lock:
        for con in _shared.values():
            con.close()
        _shared.clear()


def _open(lake: Lake, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    if lake.sqlite_path is not None:
        if read_only and not lake.sqlite_path.exists():
            raise WarehouseError(f"no warehouse at {lake}: run `hzhk db migrate` first")
        lake.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
    if not lake.is_remote_data and not read_only:
        Path(lake.data_path).mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(config=CONFIG)
    try:
        extensions = ["ducklake", "postgres_scanner" if lake.postgres else "sqlite_scanner"]
        load(con, *extensions, *(["httpfs"] if lake.is_remote_data else []))
        if lake.postgres is not None:
            con.execute(_secret_sql(lake))
        _attach(con, lake, read_only=read_only)
        if lake.postgres is not None and not read_only:
            con.execute(f"ATTACH '' AS {GUARD} (TYPE postgres, SECRET {SECRET}, READ_ONLY)")
    except duckdb.Error as exc:
        con.close()
        raise WarehouseError(f"cannot open {lake}: {first_line(exc)}") from exc
    except BaseException:
        con.close()
        raise
    return con


def _secret_sql(lake: Lake) -> str:
    """The catalog's connection as a temporary DuckDB secret: the password (from the
    environment) stays out of the ATTACH string, `duckdb_databases()` and error messages."""
    pg = lake.postgres
    assert pg is not None
    parts = [
        "TYPE postgres",
        f"HOST {quote(pg.host)}",
        f"PORT {pg.port}",
        f"DATABASE {quote(pg.dbname)}",
        f"USER {quote(pg.user)}",
    ]
    password = os.environ.get(PASSWORD_ENV)
    if password:
        parts.append(f"PASSWORD {quote(password)}")
    return f"CREATE OR REPLACE TEMPORARY SECRET {SECRET} ({', '.join(parts)})"


def _attach(con: duckdb.DuckDBPyConnection, lake: Lake, *, read_only: bool) -> None:
    """ATTACH the lake, again after a pause when another process is creating its catalog (two
    first attaches of an empty PostgreSQL database race: "duplicate key ... pg_type_typname")."""
    if lake.postgres is not None:
        metadata = "ducklake:postgres:"
        options = [f"METADATA_PARAMETERS MAP {{'SECRET': {quote(SECRET)}}}"]
    else:
        metadata = f"ducklake:sqlite:{lake.sqlite_path}"
        options = []
    options.insert(0, f"DATA_PATH {quote(lake.data_path)}")
    if read_only:
        options.append("READ_ONLY")
    sql = f"ATTACH {quote(metadata)} AS {NAME} ({', '.join(options)})"
    pause = FIRST_PAUSE_S
    for attempt in range(1, ATTACH_ATTEMPTS + 1):
        try:
            con.execute(sql)
            return
        except duckdb.Error as exc:
            if attempt == ATTACH_ATTEMPTS or not retryable(exc):
                raise
            time.sleep(pause)
            pause *= 2


def quote(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return " ".join(lines[:2]) if lines else type(exc).__name__


def retryable(exc: BaseException) -> bool:
    """An error another writer caused, gone when the transaction runs again."""
    message = str(exc).lower()
    return isinstance(exc, duckdb.Error) and any(m in message for m in RETRYABLE)


def catalog_of(con: duckdb.DuckDBPyConnection) -> str | None:
    """The catalog behind the connection's current database: `postgres:...` or `sqlite:<file>`
    for a lake, None for a DuckDB file."""
    row = con.execute(
        "SELECT type, path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchone()
    if row is None or row[0] != "ducklake":
        return None
    return str(row[1])


def is_lake(con: duckdb.DuckDBPyConnection) -> bool:
    return catalog_of(con) is not None


@contextmanager
def file_lock(catalog: str | None) -> Iterator[None]:
    """The writers' lock of a SQLite catalog, held around a whole transaction; nothing for
    other targets (a PostgreSQL catalog's lock is taken inside the transaction)."""
    if catalog is None or not catalog.startswith("sqlite:"):
        yield
        return
    path = Path(catalog.removeprefix("sqlite:") + ".write-lock")
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _wait(lambda: _try_flock(handle), f"another process is writing to the lake at {path}")
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        os.close(handle)


def catalog_lock(con: duckdb.DuckDBPyConnection, catalog: str | None) -> None:
    """Inside a just-begun transaction: the PostgreSQL catalog's writer lock, until it ends.

    `system.main.` keeps the call from touching the lake, whose snapshot must be taken after the
    lock is held (an unqualified name is looked up in the lake first, which fixes the snapshot).
    """
    if catalog is None or not catalog.startswith("postgres:"):
        return
    query = (
        f"SELECT locked FROM system.main.postgres_query({quote(GUARD)}, "
        "'SELECT pg_try_advisory_xact_lock(hashtext(''hzhk-tracker lake writer'')) AS locked')"
    )

    def attempt() -> bool:
        row = con.execute(query).fetchone()
        return bool(row and row[0])

    _wait(attempt, "another writer holds the lake's write lock")


def _try_flock(handle: int) -> bool:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _wait(attempt: Callable[[], bool], busy: str) -> None:
    """Try `attempt` with short growing pauses (writers hold the lock for one commit) until
    WRITE_WAIT_S; then stop with one line."""
    deadline = time.monotonic() + WRITE_WAIT_S
    pause = 0.005
    while not attempt():
        if time.monotonic() + pause > deadline:
            raise WarehouseBusy(f"{busy} (waited {WRITE_WAIT_S:g} s)")
        time.sleep(pause)
        pause = min(pause * 2, 0.2)
