"""`hzhk fetch` and `hzhk archive show` against a real server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

from flows.cli import app

PAGE = "<html><head><meta charset='gbk'></head><body><p>杭港合作新进展</p></body></html>"


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, config_dir: Path, warehouse_path: Path) -> list[str]:
    monkeypatch.setenv("HZHK_ALLOW_HOSTS", "127.0.0.1")
    monkeypatch.setenv("HZHK_FETCH__PER_HOST_INTERVAL_S", "0")
    monkeypatch.setenv("HZHK_FETCH__BACKOFF_BASE_S", "0.01")
    return ["--config", str(config_dir), "--warehouse", str(warehouse_path)]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_fetch_prints_what_it_stored_and_archive_shows_it(
    cli_env: list[str], site: HTTPServer, config_dir: Path
) -> None:
    site.expect_request("/story").respond_with_data(
        PAGE.encode("gbk"), content_type="text/html", headers={"ETag": '"s1"'}
    )
    url = site.url_for("/story")

    code, out, _ = run("fetch", url, "--source", "manual", *cli_env)

    assert code == 0, out
    assert "status: 200 (ok)" in out and f"final url: {url}" in out
    assert "charset: gb18030" in out and f"bytes: {len(PAGE.encode('gbk'))}" in out
    key = out.split("archive key: ")[1].strip()
    assert (config_dir.parent / "data" / "archive" / key).is_file()

    code, shown, _ = run("archive", "show", url, *cli_env)
    assert code == 0 and "杭港合作新进展" in shown and "charset: gb18030" in shown

    sha = key.split("/")[1].removesuffix(".gz")
    code, meta, _ = run("archive", "show", sha[:12], "--meta", *cli_env)
    assert code == 0 and f"url: {url}" in meta and "杭港" not in meta


def test_second_fetch_is_conditional(cli_env: list[str], site: HTTPServer) -> None:
    url = site.url_for("/feed")
    site.expect_oneshot_request("/feed").respond_with_data(
        "<rss/>", content_type="application/rss+xml", headers={"ETag": '"f1"'}
    )
    site.expect_request("/feed", headers={"If-None-Match": '"f1"'}).respond_with_data(
        "", status=304
    )

    assert run("fetch", url, *cli_env)[0] == 0
    code, out, _ = run("fetch", url, *cli_env)

    assert code == 0 and "status: 304 (not_modified)" in out


def test_failure_exits_1_with_a_one_line_reason(cli_env: list[str], site: HTTPServer) -> None:
    site.expect_request("/missing").respond_with_data("no", status=404)

    code, _, err = run("fetch", site.url_for("/missing"), *cli_env)

    assert code == 1
    assert err.strip().count("\n") == 0 and "http_error: HTTP 404" in err


def test_refused_address_without_allow_list(
    cli_env: list[str], site: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HZHK_ALLOW_HOSTS")

    code, _, err = run("fetch", site.url_for("/x"), *cli_env)

    assert code == 1 and "refused_address" in err and "loopback" in err


def test_archive_show_unknown_key(cli_env: list[str]) -> None:
    run("db", "migrate", *cli_env)
    code, _, err = run("archive", "show", "https://nowhere.example/", *cli_env)
    assert code == 1 and "nothing archived" in err
