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
from flows.cli import app
from flows.settings import PROJECT_ROOT, Settings, load_settings

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


def test_every_command_takes_the_shared_options() -> None:
    root = typer.main.get_command(app)
    assert isinstance(root, typer.core.TyperGroup)
    commands = every_command(root)
    assert {"db migrate", "sql", "sources list", "sources check", "extract", "run"} <= set(commands)
    assert [name for name, params in commands.items() if not params >= SHARED] == []
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


def test_options_before_a_command_do_not_leak_into_the_next(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    assert runner.invoke(app, ["-w", str(warehouse), "db", "migrate"]).exit_code == 0
    assert flows.cli.settings_for(None, None).warehouse_path == load_settings().warehouse_path


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
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[object] = field(default_factory=list)


def test_flows_that_load_settings_again_see_the_chosen_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ingest flow reads its settings from config and environment, not from the CLI."""
    seen: list[Path] = []

    def fake_ingest(settings: Settings, *args: object, **kwargs: object) -> FakeReport:
        reloaded = load_settings(config_dir=settings.config_dir, warehouse=settings.warehouse)
        seen.append(reloaded.data_path)
        return FakeReport()

    monkeypatch.setattr(flows.cli, "run_ingest", fake_ingest)
    data = tmp_path / "data"
    result = runner.invoke(app, ["ingest", "--data-dir", str(data), "-w", str(tmp_path / "w")])
    assert result.exit_code == 0, result.output
    assert seen == [data]
    assert "HZHK_DATA_DIR" not in os.environ  # only for the length of the command


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
