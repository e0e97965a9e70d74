"""The raw archive: a body stored once by hash, read back by hash, prefix, key or URL."""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from parsers.charset import decode_html
from records.fetch import Attempt, FetchResult, Validators
from warehouse.archive import ArchiveError, archive_key, load_body, read_body, store_body
from warehouse.db import open_warehouse
from warehouse.fetchlog import record_results, validators_for

AT = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)


def ok_result(url: str, body: bytes, at: datetime = AT, etag: str | None = None) -> FetchResult:
    headers = {"content-type": "text/html; charset=utf-8", **({"etag": etag} if etag else {})}
    return FetchResult(
        url=url,
        source_id="s",
        outcome="ok",
        status=200,
        final_url=url,
        body=body,
        headers=headers,
        decoded=decode_html(body, headers["content-type"]),
        validators=Validators(etag=etag),
        attempts=(Attempt(1, 200, None, None, 5.0, len(body), at),),
        error_class=None,
        error=None,
        content_sha256=hashlib.sha256(body).hexdigest(),
        content_type=headers["content-type"],
    )


@pytest.fixture
def con(warehouse_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = open_warehouse(warehouse_path)
    yield connection
    connection.close()


def test_store_body_is_content_addressed_and_idempotent(tmp_path: Path) -> None:
    sha, key, size = store_body(tmp_path, b"<p>page</p>")
    assert key == archive_key(sha) == f"{sha[:2]}/{sha}.gz"
    assert gzip.decompress((tmp_path / key).read_bytes()) == b"<p>page</p>"
    assert store_body(tmp_path, b"<p>page</p>") == (sha, key, size)
    assert not list(tmp_path.rglob(".tmp-*"))  # no temporary file left behind


def test_read_back_by_sha_prefix_key_and_url(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    result = ok_result("https://news.example/a", "<p>杭港</p>".encode())
    record_results(con, [result], run_id="r", archive_dir=tmp_path)
    sha = result.content_sha256
    assert sha is not None

    for key in (sha, sha[:10], archive_key(sha), "https://news.example/a"):
        page = read_body(con, tmp_path, key)
        assert page is not None and page.body == result.body, key
        assert page.charset == "utf-8" and page.fetched_at == AT
    assert read_body(con, tmp_path, "https://news.example/unknown") is None


def test_by_url_gives_the_latest_body(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    url = "https://news.example/live"
    first = ok_result(url, b"<p>v1</p>", AT, etag='"1"')
    later = ok_result(url, b"<p>v2</p>", AT.replace(hour=5), etag='"2"')
    record_results(con, [later, first], run_id="r", archive_dir=tmp_path)  # order must not matter

    page = read_body(con, tmp_path, url)
    assert page is not None and page.body == b"<p>v2</p>"
    assert validators_for(con, [url])[url].etag == '"2"'


def test_missing_or_damaged_file_is_a_clear_error(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    result = ok_result("https://news.example/b", b"<p>b</p>")
    record_results(con, [result], run_id="r", archive_dir=tmp_path)
    assert result.content_sha256 is not None
    path = tmp_path / archive_key(result.content_sha256)
    path.write_bytes(gzip.compress(b"tampered"))
    with pytest.raises(ArchiveError, match="does not match"):
        read_body(con, tmp_path, result.content_sha256)
    path.unlink()
    with pytest.raises(ArchiveError, match="missing"):
        load_body(tmp_path, result.content_sha256)


def test_a_failed_batch_leaves_no_rows(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    good = ok_result("https://news.example/c", b"<p>c</p>")
    # A status DuckDB must reject, so the batch fails after the first table was written.
    broken = replace(good, url="https://news.example/d", status="oops")  # type: ignore[arg-type]
    with pytest.raises(duckdb.Error):
        record_results(con, [good, broken], run_id="r", archive_dir=tmp_path)
    assert con.execute("SELECT count(*) FROM fetches").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM raw_pages").fetchone() == (0,)
