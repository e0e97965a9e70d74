"""`hzhk sources list|check`, `hzhk ingest` and `hzhk run` against loopback sources."""

from __future__ import annotations

import csv
import io
import re
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner
from werkzeug import Request, Response

from config.settings import load_settings
from flows.cli import app
from flows.cli.app import TaskRunnerChoice, with_task_runner
from flows.prefect_env import configure_prefect

runner = CliRunner()
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def loopback_sources(base: str) -> str:
    return f"""
[[source]]
id = "radio-rss"
name = "Test Radio"
kind = "rss"
url = "{base}/feeds/greater-china.xml"
language = "en"
publisher = "Test Radio"

[[source]]
id = "gone"
name = "A feed that is gone"
kind = "rss"
url = "{base}/feeds/gone.xml"

[[source]]
id = "not-a-feed"
name = "An error page instead of a feed"
kind = "sitemap"
url = "{base}/sitemap.xml"

[[source]]
id = "gdelt"
name = "GDELT, throttled"
kind = "gdelt_doc"
query = "Hangzhou"
url = "{base}/api/v2/doc/doc"

[[source]]
id = "resting"
name = "Disabled"
kind = "rss"
url = "{base}/feeds/resting.xml"
enabled = false
"""


@pytest.fixture
def loopback(httpserver: HTTPServer, config_dir: Path, loopback_settings: str) -> tuple[Path, Path]:
    """A config folder with test fetch settings and loopback sources, and the server behind it."""
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    feed = (FIXTURES / "rss_greater_china.xml").read_text("utf-8").replace("{base}", base)
    httpserver.expect_request("/feeds/greater-china.xml").respond_with_data(
        feed, content_type="application/rss+xml"
    )
    httpserver.expect_request("/feeds/gone.xml").respond_with_data("gone", status=404)
    httpserver.expect_request("/sitemap.xml").respond_with_data(
        "<html><body>Oops</body></html>", content_type="text/html"
    )
    httpserver.expect_request("/api/v2/doc/doc").respond_with_data(
        "Please limit requests to one every 5 seconds or contact us for larger queries.",
        content_type="text/plain",
    )
    for page in ("plenary", "hz-hk-park"):
        html = (FIXTURES / "pages" / f"{page}.htm").read_text("utf-8").replace("{base}", base)
        httpserver.expect_request(f"/news/{page}.htm").respond_with_data(
            html, content_type="text/html; charset=utf-8"
        )
    httpserver.expect_request("/news/broken.htm").respond_with_data(b"\x00" * 64)
    httpserver.expect_request("/news/missing.htm").respond_with_data("gone", status=404)
    config = config_dir
    (config / "settings.toml").write_text(loopback_settings, "utf-8")
    (config / "sources.toml").write_text(loopback_sources(base), "utf-8")
    return config, config / "sources.toml"


def test_sources_list_shows_every_configured_source_as_csv(loopback: tuple[Path, Path]) -> None:
    config, _ = loopback
    result = runner.invoke(app, ["sources", "list", "--config", str(config), "-f", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == ["radio-rss", "gone", "not-a-feed", "gdelt", "resting"]
    assert rows[4]["enabled"] == "False"
    assert (rows[0]["name"], rows[0]["publisher"]) == ("Test Radio", "Test Radio")


def test_sources_list_explains_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "sources.toml"
    bad.write_text('[[source]]\nid = "x"\nname = "X"\nkind = "rss"\n', "utf-8")
    result = runner.invoke(app, ["sources", "list", "--sources", str(bad)])
    assert result.exit_code == 1
    assert "source #1 (id 'x'): kind 'rss' needs a url" in result.stderr


def test_sources_check_reports_each_source_and_exits_zero(loopback: tuple[Path, Path]) -> None:
    config, sources = loopback
    result = runner.invoke(
        app, ["sources", "check", "--config", str(config), "--sources", str(sources), "-f", "csv"]
    )
    assert result.exit_code == 0, result.output
    rows = {r["source"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    assert set(rows) == {"radio-rss", "gone", "not-a-feed", "gdelt"}
    assert (rows["radio-rss"]["outcome"], rows["radio-rss"]["status"]) == ("ok", "200")
    assert rows["radio-rss"]["links"] == "4"
    assert (rows["gone"]["outcome"], rows["gone"]["status"]) == ("http_error", "404")
    assert rows["not-a-feed"]["outcome"] == "parse_error"
    assert rows["not-a-feed"]["error"]
    # GDELT throttles with HTTP 200 and a line of text: that is a failure, not an empty answer.
    assert (rows["gdelt"]["outcome"], rows["gdelt"]["status"]) == ("parse_error", "200")
    assert "limit" in rows["gdelt"]["error"].lower()


def test_sources_check_spaces_gdelt_sources_by_the_setting(
    httpserver: HTTPServer, config_dir: Path, loopback_settings: str
) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    asked: list[float] = []

    def gdelt(request: Request) -> Response:
        asked.append(time.monotonic())
        return Response('{"articles": []}', content_type="application/json")

    httpserver.expect_request("/api/v2/doc/doc").respond_with_handler(gdelt)
    api = httpserver.url_for("/api/v2/doc/doc")
    settings = loopback_settings.replace("[fetch]\n", "[fetch]\ngdelt_interval_s = 0.5\n")
    (config_dir / "settings.toml").write_text(settings, "utf-8")
    (config_dir / "sources.toml").write_text(
        "".join(
            f'[[source]]\nid = "gdelt-{n}"\nname = "G{n}"\nkind = "gdelt_doc"\n'
            f'query = "Hangzhou {n}"\nurl = "{api}"\n'
            for n in (1, 2)
        ),
        "utf-8",
    )

    result = runner.invoke(app, ["sources", "check", "-c", str(config_dir), "-f", "csv"])

    assert result.exit_code == 0, result.output
    assert [r["outcome"] for r in csv.DictReader(io.StringIO(result.stdout))] == ["ok", "ok"]
    # Per-host pacing is 0 in these settings: only the GDELT gate spaced the two requests.
    assert len(asked) == 2 and asked[1] - asked[0] >= 0.4


def test_a_crashing_feed_parser_is_reported_not_raised(
    loopback: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def bug(*args: object, **options: str) -> list[object]:
        raise RuntimeError("a bug in a feed parser")

    monkeypatch.setattr("flows.discover.parse_feed", bug)
    config, _ = loopback
    result = runner.invoke(
        app, ["sources", "check", "-c", str(config), "--source", "radio-rss", "-f", "csv"]
    )
    assert result.exit_code == 0, result.output
    (row,) = csv.DictReader(io.StringIO(result.stdout))
    assert row["outcome"] == "parse_error"
    assert row["error"] == "feed parser crashed: RuntimeError: a bug in a feed parser"


def test_sources_check_runs_a_named_disabled_source(loopback: tuple[Path, Path]) -> None:
    config, _ = loopback
    result = runner.invoke(
        app, ["sources", "check", "-c", str(config), "--source", "resting", "-f", "csv"]
    )
    assert result.exit_code == 0, result.output
    assert [r["source"] for r in csv.DictReader(io.StringIO(result.stdout))] == ["resting"]


def test_sources_check_refuses_an_unknown_source(loopback: tuple[Path, Path]) -> None:
    config, _ = loopback
    result = runner.invoke(app, ["sources", "check", "-c", str(config), "--source", "nope"])
    assert result.exit_code == 1
    assert "unknown source id(s): nope" in result.stderr


def test_prefect_lives_under_the_data_folder_unless_told_otherwise(
    monkeypatch: pytest.MonkeyPatch, config_dir: Path
) -> None:
    for name in (
        "PREFECT_HOME",
        "PREFECT_SERVER_ANALYTICS_ENABLED",
        "DO_NOT_TRACK",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS",
    ):
        monkeypatch.setenv(name, "")  # so that monkeypatch restores the original afterwards
        monkeypatch.delenv(name)
    settings = load_settings(config_dir=config_dir)
    configure_prefect(settings)
    import os

    assert os.environ["PREFECT_HOME"] == str(settings.data_path / "prefect")
    assert os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"
    assert os.environ["DO_NOT_TRACK"] == "1"  # nor the client's
    assert int(os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"]) > 20
    monkeypatch.setenv("PREFECT_HOME", "/elsewhere")
    configure_prefect(settings)
    assert os.environ["PREFECT_HOME"] == "/elsewhere"


@pytest.mark.prefect
def test_ingest_command_reports_the_run(
    prefect_harness: None, loopback: tuple[Path, Path], tmp_path: Path
) -> None:
    config, sources = loopback
    warehouse = tmp_path / "w.duckdb"
    command = ["ingest", "-c", str(config), "-w", str(warehouse), "--sources", str(sources)]
    result = runner.invoke(app, [*command, "--task-runner", "processes"])
    assert result.exit_code == 0, result.output
    assert "completed" in result.stdout
    assert "articles_new" in result.stdout
    assert "gone" in result.stdout  # the failed source is shown
    sql = runner.invoke(
        app, ["sql", "select count(*) as n from v_articles", "-w", str(warehouse), "-f", "csv"]
    )
    assert sql.stdout.splitlines() == ["n", "3"]  # the seed and two parsed pages


def test_task_runner_option_takes_the_place_of_the_setting(config_dir: Path) -> None:
    settings = load_settings(config_dir=config_dir)
    chosen = with_task_runner(settings, TaskRunnerChoice.dask)
    assert chosen.compute.task_runner == "dask"
    assert chosen.compute.processes_from_pages == settings.compute.processes_from_pages
    assert with_task_runner(settings, None) is settings


def test_an_unknown_task_runner_is_refused_in_one_line(loopback: tuple[Path, Path]) -> None:
    config, _ = loopback
    result = runner.invoke(app, ["ingest", "-c", str(config), "--task-runner", "gpu"])
    assert result.exit_code == 2
    assert "gpu" in result.output
    assert "Traceback" not in result.output


@pytest.mark.prefect
def test_run_migrates_ingests_and_shows_status(
    prefect_harness: None, loopback: tuple[Path, Path], tmp_path: Path
) -> None:
    config, _ = loopback
    warehouse = tmp_path / "w.duckdb"
    result = runner.invoke(app, ["run", "-c", str(config), "-w", str(warehouse)])
    assert result.exit_code == 0, result.output
    assert "ingest run" in result.stdout
    assert re.search(r"track run track-\w+: completed", result.stdout)  # the run ends tracking
    assert "events_total" in result.stdout
    assert "schema version" in result.stdout
