"""`hzhk extract` parses saved pages offline: one JSON record per file, errors as records."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from flows.cli import app
from parsers.article.router import MAX_BYTES

runner = CliRunner()
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
CD_PAGE = FIXTURES / "chinadaily" / "en-2019-hk-hangzhou-forum.html"
SCMP_PAGE = FIXTURES / "scmp" / "2019-free-city-brain.html"


def lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_extract_prints_one_json_line_per_file(tmp_path: Path) -> None:
    gz = tmp_path / "page.html.gz"
    gz.write_bytes(gzip.compress(SCMP_PAGE.read_bytes()))
    result = runner.invoke(app, ["extract", str(CD_PAGE), str(gz)])
    assert result.exit_code == 0, result.output
    first, second = lines(result.stdout)
    assert first["parser"] == "chinadaily"  # routed by the page's canonical link
    assert first["title"] == "Hangzhou and HK sign eight cooperation deals"
    assert first["authors"] == ["Ma Zhenhuan", "Li Lei"]
    assert first["published_at"] == "2019-06-18T07:52:00+08:00"
    assert first["language"] == "en"
    assert isinstance(first["body"], list) and first["body"]
    assert first["file"] == str(CD_PAGE)
    assert second["parser"] == "scmp"
    assert second["access"] == "free"


def test_url_option_chooses_the_parser(tmp_path: Path) -> None:
    page = tmp_path / "saved.html"
    shutil.copy(CD_PAGE, page)
    result = runner.invoke(app, ["extract", str(page), "--url", "https://unknown.example/a"])
    assert result.exit_code == 0, result.output
    (record,) = lines(result.stdout)
    assert record["parser"] == "generic"
    assert record["url"] == "https://unknown.example/a"


def test_json_format_prints_one_array(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(CD_PAGE), str(SCMP_PAGE), "--format", "json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [r["parser"] for r in records] == ["chinadaily", "scmp"]


def test_a_failing_file_gives_an_error_record_and_exit_code_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    bad_gzip = tmp_path / "broken.html.gz"
    bad_gzip.write_bytes(b"not gzip at all")
    missing = tmp_path / "missing.html"
    result = runner.invoke(app, ["extract", str(empty), str(CD_PAGE), str(bad_gzip), str(missing)])
    assert result.exit_code == 1
    records = lines(result.stdout)
    assert [("error" in r) for r in records] == [True, False, True, True]
    assert "empty page" in str(records[0]["error"])
    assert records[1]["title"] == "Hangzhou and HK sign eight cooperation deals"
    assert "3 of 4 files failed" in result.stderr


def test_a_gzip_bomb_is_refused_per_file_while_the_other_files_still_print(
    tmp_path: Path,
) -> None:
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<html><body>" + b" " * (MAX_BYTES + 1)))  # about 25 KB
    assert bomb.stat().st_size < 100_000
    result = runner.invoke(app, ["extract", str(bomb), str(CD_PAGE)])
    assert result.exit_code == 1
    refused, parsed = lines(result.stdout)
    assert refused["file"] == str(bomb)
    assert "more than 24,000,000 bytes once decompressed" in str(refused["error"])
    assert parsed["parser"] == "chinadaily"
    assert "1 of 2 files failed" in result.stderr


def test_extract_runs_as_a_real_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "flows.cli", "extract", str(CD_PAGE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["parser"] == "chinadaily"
