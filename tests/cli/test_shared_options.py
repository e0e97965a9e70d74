"""`--warehouse`, `--config` and `--data-dir` work on every command, before or after its name."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import typer
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

import flows.cli
from config.settings import PROJECT_ROOT, Settings, load_settings
from flows.cli import app
from flows.reports import IngestCounts

runner = CliRunner()
SHARED = {"warehouse", "config", "data_dir"}


def every_command(group: typer.core.TyperGroup, prefix: str = "") -> dict[str, set[str]]:
    """Each command's full name and the names of its parameters, sub-groups included."""
    found: dict[str, set[str]] = {}
    for name, command in group.commands.items():
        if isinstance(command, typer.core.TyperGroup):
            found |= every_command(command, f"{prefix}{name} ")
        else:
            found[f"{prefix}{name}"] = {p.name or "" for p in command.params}
    return found


# Commands that use only some of the shared options take only those after their name: an option
# a command accepts is one it honours (extract reads files, sources list/check read config only).
USES = {
    "sources list": {"config"},
    "sources check": {"config"},
    "extract": set[str](),
    "demo": {"config"},  # its warehouse and data folder are its own, under --out
}


def test_every_command_takes_the_shared_options_it_uses_and_no_other() -> None:
    root = typer.main.get_command(app)
    assert isinstance(root, typer.core.TyperGroup)
    commands = every_command(root)
    assert {"db migrate", "sql", "sources list", "sources check", "extract", "run"} <= set(commands)
    assert [n for n, params in commands.items() if not params >= USES.get(n, SHARED)] == []
    assert [n for n, used in USES.items() if commands[n] & (SHARED - used)] == []
    assert {p.name for p in root.params} >= SHARED


def test_options_before_the_command_name(tmp_path: Path, config_dir: Path) -> None:
    warehouse = tmp_path / "before.duckdb"
    before = ["--warehouse", str(warehouse), "--config", str(config_dir)]
    result = runner.invoke(app, [*before, "db", "migrate"])
    assert result.exit_code == 0, result.output
    assert warehouse.exists()
    result = runner.invoke(app, ["-w", str(warehouse), "sql", "select count(*) as n from articles"])
    assert result.exit_code == 0, result.output
    assert "1 row" in result.stdout


def test_an_option_after_the_command_name_wins(tmp_path: Path) -> None:
    before, after = tmp_path / "before.duckdb", tmp_path / "after.duckdb"
    result = runner.invoke(app, ["-w", str(before), "db", "migrate", "-w", str(after)])
    assert result.exit_code == 0, result.output
    assert after.exists() and not before.exists()


def test_options_before_a_command_do_not_leak_into_the_next(
    tmp_path: Path, config_dir: Path
) -> None:
    warehouse = tmp_path / "chosen.duckdb"
    before = ["-w", str(warehouse), "-c", str(config_dir)]
    assert runner.invoke(app, [*before, "db", "migrate"]).exit_code == 0
    after = runner.invoke(app, ["-c", str(config_dir), "db", "status"])  # the config's own file
    assert "chosen.duckdb" not in after.output
    own = load_settings(config_dir=config_dir).warehouse_path
    assert str(own) in " ".join(after.output.split())


def test_the_data_folder_receives_fetched_pages(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HZHK_ALLOW_HOSTS", "127.0.0.1")
    monkeypatch.setenv("HZHK_FETCH__PER_HOST_INTERVAL_S", "0")
    monkeypatch.setenv("HZHK_FETCH__MAX_RETRIES", "0")
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/page").respond_with_data("<p>hi</p>", content_type="text/html")
    data, warehouse = tmp_path / "data", tmp_path / "w.duckdb"
    url = httpserver.url_for("/page")
    result = runner.invoke(app, ["--data-dir", str(data), "fetch", url, "-w", str(warehouse)])
    assert result.exit_code == 0, result.output
    key = result.stdout.split("archive key: ")[1].strip()
    assert (data / "archive" / key).is_file()
    assert not (PROJECT_ROOT / "data" / "archive" / key).exists()


@dataclass
class FakeReport:
    run_id: str = "fake"
    status: str = "completed"
    counts: IngestCounts = field(default_factory=IngestCounts)
    problems: list[object] = field(default_factory=list)


def test_flows_are_handed_the_chosen_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ingest flow gets the command's settings as they are: no environment round-trip."""
    seen: list[Path] = []

    def fake_ingest(settings: Settings, *args: object, **kwargs: object) -> FakeReport:
        seen.append(settings.data_path)
        return FakeReport()

    monkeypatch.setattr(flows.cli.flow_commands, "start_ingest", fake_ingest)
    data = tmp_path / "data"
    result = runner.invoke(app, ["ingest", "--data-dir", str(data), "-w", str(tmp_path / "w")])
    assert result.exit_code == 0, result.output
    assert seen == [data]
    assert "HZHK_DATA_DIR" not in os.environ  # never exported to reach the flow


def test_migrating_twice_says_up_to_date_and_keeps_one_article(warehouse_path: Path) -> None:
    first = runner.invoke(app, ["db", "migrate", "-w", str(warehouse_path)])
    assert first.exit_code == 0 and "applied 001_core" in first.stdout
    again = runner.invoke(app, ["db", "migrate", "-w", str(warehouse_path)])
    assert again.exit_code == 0
    assert "warehouse is up to date" in again.stdout
    count = runner.invoke(
        app, ["sql", "select count(*) as n from articles", "-w", str(warehouse_path), "-f", "json"]
    )
    assert json.loads(count.stdout) == [{"n": 1}]


def test_db_status_lists_the_applied_migrations(warehouse_path: Path) -> None:
    assert runner.invoke(app, ["db", "migrate", "-w", str(warehouse_path)]).exit_code == 0
    result = runner.invoke(app, ["db", "status", "-w", str(warehouse_path)])
    assert result.exit_code == 0
    rows = [
        [cell.strip() for cell in line.split("│")[1:4]]
        for line in result.stdout.splitlines()
        if "│ 00" in line
    ]
    assert rows[:3] == [
        ["001", "core", rows[0][2]],
        ["002", "ingest", rows[1][2]],
        ["003", "tracking", rows[2][2]],
    ]
    assert all(applied_at.endswith("+08:00") for _, _, applied_at in rows)  # shown in HK time
