"""Transactions on either target: one block of writes, committed whole, retried when it conflicts.

`transaction` is the one way writes are grouped (a flow's batch: fetch log, articles, problems).
On a DuckLake it also holds the lake's writer lock from before the block's first read to after its
commit (warehouse/lake.py says why: without it two writers insert the same new key twice). On the
DuckDB file the file lock already keeps other processes out.

`retried` runs a unit of work in a transaction of its own and runs it again, a bounded number of
times with growing pauses, when the commit failed because of another writer (a DuckLake conflict,
a busy SQLite catalog). A `with transaction(...)` block cannot be replayed from inside (Python runs
a block once), so a flow's own blocks are retried a level up, by their Prefect task's retries; what
warehouse code owns whole (a MERGE on its own, a migration, a run's bookkeeping) goes through here.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from time import sleep
from typing import TypeVar

import duckdb

from warehouse.lake import catalog_lock, catalog_of, file_lock, retryable

T = TypeVar("T")

RETRY_ATTEMPTS = 6
FIRST_PAUSE_S = 0.05
LONGEST_PAUSE_S = 2.0

# Connections (by id) inside a `transaction` block; DuckDB cannot be asked, and a second BEGIN
# would abort the open transaction.
_open_transactions: set[int] = set()


def in_transaction(con: duckdb.DuckDBPyConnection) -> bool:
    return id(con) in _open_transactions


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
    catalog = catalog_of(con)
    with file_lock(catalog):
        con.execute("BEGIN TRANSACTION")
        _open_transactions.add(key)
        try:
            catalog_lock(con, catalog)
            yield
        except BaseException:
            con.execute("ROLLBACK")
            raise
        else:
            try:
                con.execute("COMMIT")
            except BaseException:
                with suppress(duckdb.Error):  # a failed commit may have ended it already
                    con.execute("ROLLBACK")
                raise
        finally:
            _open_transactions.discard(key)


def retried(con: duckdb.DuckDBPyConnection, work: Callable[[], T]) -> T:
    """`work` in a transaction of its own, run again after a commit another writer spoiled.

    Inside an open transaction `work` simply joins it: the block that opened it decides.
    """
    if in_transaction(con):
        return work()
    pause = FIRST_PAUSE_S
    attempt = 1
    while True:
        try:
            with transaction(con):
                return work()
        except duckdb.Error as exc:
            if attempt >= RETRY_ATTEMPTS or not retryable(exc):
                raise
        sleep(pause * random.uniform(0.5, 1.0))  # jitter: two losers do not meet again
        pause = min(pause * 2, LONGEST_PAUSE_S)
        attempt += 1
