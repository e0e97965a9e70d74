"""A throwaway PostgreSQL server on a free loopback port, for the DuckLake catalog tests.

Debian's `postgresql` package (scripts/postgres.sh installs it for the test command) puts
`initdb` and `pg_ctl` under /usr/lib/postgresql/<version>/bin. `initdb` refuses to run as root,
so as root the cluster's folder is handed to the `postgres` user and every command runs as it
(`runuser`). The cluster trusts loopback connections: it lives for one test module in a
temporary folder and listens only on 127.0.0.1.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

DATABASE = "hzhk_lake"


@dataclass(frozen=True)
class Postgres:
    port: int
    dbname: str = DATABASE
    user: str = "postgres"
    host: str = "127.0.0.1"


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl, or None when PostgreSQL is not installed."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).resolve().parent
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    return versions[-1].parent if versions else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_owner(command: list[str]) -> list[str]:
    """The command as the `postgres` user when we are root (initdb and postgres refuse root)."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@contextmanager
def running_postgres() -> Iterator[Postgres]:
    """initdb into a new folder, start on a free port, create the catalog database; stop and
    remove it all at the end. The folder is made directly under the system's temporary folder:
    pytest's own are private to root, and the `postgres` user could not reach one inside."""
    bin_dir = binaries()
    if bin_dir is None:
        raise FileNotFoundError("PostgreSQL is not installed (apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="hzhk-postgres-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data = folder / "data"
    port = free_port()

    def run(*command: str) -> None:
        done = subprocess.run(
            _as_owner([str(bin_dir / command[0]), *command[1:]]),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            raise RuntimeError(f"{command[0]} failed: {done.stderr.strip() or done.stdout}")

    run("initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync")
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    run("pg_ctl", "-D", str(data), "-o", options, "-l", str(folder / "server.log"), "-w", "start")
    try:
        psql = shutil.which("psql") or str(bin_dir / "psql")
        subprocess.run(
            [psql, "-q", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres",
             "-c", f"CREATE DATABASE {DATABASE}"],
            check=True, stdin=subprocess.DEVNULL, capture_output=True, timeout=60,
        )  # fmt: skip
        yield Postgres(port)
    finally:
        try:
            run("pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def create_database(server: Postgres, name: str) -> Postgres:
    """A new, empty database on the server (one lake catalog per test)."""
    bin_dir = binaries()
    psql = shutil.which("psql") or str(Path(bin_dir or "/usr/bin") / "psql")
    subprocess.run(
        [psql, "-q", "-h", server.host, "-p", str(server.port), "-U", server.user,
         "-c", f"CREATE DATABASE {name}"],
        check=True, stdin=subprocess.DEVNULL, capture_output=True, timeout=60,
    )  # fmt: skip
    return Postgres(server.port, name)
