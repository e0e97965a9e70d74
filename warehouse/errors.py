"""The errors warehouse code raises for the person at the terminal: one line saying why."""

from __future__ import annotations


class WarehouseError(Exception):
    """A warehouse that cannot be opened or migrated; the message says why."""


class WarehouseBusy(WarehouseError):
    """Another process holds the file (DuckDB lets one writer or several readers in, never both)
    or the lake's write lock."""
