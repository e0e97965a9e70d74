"""The raw page archive: every fetched body kept once, by its sha256, so pages re-parse offline.

Bodies are files `<archive_dir>/<sha[:2]>/<sha>.gz` (two-character folders keep directories
small); their metadata is the `raw_pages` row written by `warehouse.fetchlog`. A file is written to
a temporary name and renamed into place, so a crash never leaves a half-written body under a real
key, and a body already present is not written again.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from warehouse.rows import named_row

_SHA = re.compile(r"[0-9a-f]{8,64}")
_KEY = re.compile(r"[0-9a-f]{2}/([0-9a-f]{64})\.gz")


class ArchiveError(Exception):
    """A stored page that cannot be read back (missing or damaged file, ambiguous key)."""


@dataclass(frozen=True, slots=True)
class StoredPage:
    content_sha256: str
    url: str
    final_url: str
    status: int | None
    content_type: str | None
    charset: str | None
    headers: dict[str, str]
    size: int  # body bytes
    stored_size: int | None  # compressed, on disk
    archive_key: str
    fetched_at: datetime
    body: bytes


def archive_key(sha256: str) -> str:
    return f"{sha256[:2]}/{sha256}.gz"


def store_body(archive_dir: Path, body: bytes) -> tuple[str, str, int]:
    """Write body under its hash unless already there: (sha256, archive key, compressed size)."""
    sha = hashlib.sha256(body).hexdigest()
    key = archive_key(sha)
    path = archive_dir / key
    if path.exists():
        return sha, key, path.stat().st_size
    path.parent.mkdir(parents=True, exist_ok=True)
    packed = gzip.compress(body, compresslevel=6, mtime=0)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".gz")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(packed)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return sha, key, len(packed)


def load_body(archive_dir: Path, sha256: str) -> bytes:
    """The body stored under sha256, checked against its hash."""
    path = archive_dir / archive_key(sha256)
    try:
        body = gzip.decompress(path.read_bytes())
    except FileNotFoundError as exc:
        raise ArchiveError(f"archive file missing: {path}") from exc
    except (OSError, EOFError) as exc:
        raise ArchiveError(f"archive file damaged: {path}: {exc}") from exc
    if hashlib.sha256(body).hexdigest() != sha256:
        raise ArchiveError(f"archive file {path} does not match its hash")
    return body


def _resolve_sha(con: duckdb.DuckDBPyConnection, key_or_url: str) -> str | None:
    """A sha256 (or unique prefix of at least 8), an archive key, or a URL (its latest body)."""
    text = key_or_url.strip()
    if found := _KEY.fullmatch(text):
        return found.group(1)
    if _SHA.fullmatch(text.lower()):
        rows = con.execute(
            "SELECT content_sha256 FROM raw_pages WHERE starts_with(content_sha256, ?) LIMIT 2",
            [text.lower()],
        ).fetchall()
        if len(rows) > 1:
            raise ArchiveError(f"{text} matches more than one stored page; give more characters")
        if rows:
            return str(rows[0][0])
    row = con.execute(
        "SELECT content_sha256 FROM fetches"
        " WHERE (url = $u OR final_url = $u) AND content_sha256 IS NOT NULL"
        " ORDER BY fetched_at DESC LIMIT 1",
        {"u": text},
    ).fetchone()
    return str(row[0]) if row else None


def read_body(
    con: duckdb.DuckDBPyConnection, archive_dir: Path, key_or_url: str
) -> StoredPage | None:
    """A stored page with its metadata, without the network; None when nothing matches."""
    sha = _resolve_sha(con, key_or_url)
    if sha is None:
        return None
    row = named_row(
        con.execute(
            "SELECT content_sha256, url, final_url, status, content_type, charset,"
            " CAST(headers AS VARCHAR) AS headers, bytes AS size, stored_bytes AS stored_size,"
            " archive_key, fetched_at FROM raw_pages WHERE content_sha256 = ?",
            [sha],
        )
    )
    if row is None:
        return None
    headers = json.loads(row["headers"]) if row["headers"] else {}
    return StoredPage(
        **row | {"headers": {str(k): str(v) for k, v in headers.items()}},
        body=load_body(archive_dir, sha),
    )
