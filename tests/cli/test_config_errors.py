"""A missing or broken configuration stops every command at once: one line, exit code 1, and
nothing created, instead of running on defaults somewhere the user did not ask for."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from flows.cli import app

runner = CliRunner()

COMMANDS = {
    "db migrate": ["db", "migrate"],
    "db status": ["db", "status"],
    "sql": ["sql", "select 1"],
    "sources list": ["sources", "list"],
    "sources check": ["sources", "check"],
    "ingest": ["ingest"],
    "fetch": ["fetch", "https://example.invalid/"],
    "archive show": ["archive", "show", "abcdef12"],
    "track": ["track"],
    "run": ["run"],
}


def assert_one_line_error(result: Result, *expected: str) -> None:
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)  # a clean exit, not a traceback
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    for text in expected:
        assert text in lines[0]


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_config_folder_without_settings_stops_every_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    typo = tmp_path / "confg"
    result = runner.invoke(app, [*command, "--config", str(typo)])
    assert_one_line_error(result, "no settings.toml in", str(typo))
    assert list(tmp_path.iterdir()) == []


def test_the_config_variable_is_checked_the_same_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HZHK_CONFIG", str(tmp_path / "nowhere"))
    result = runner.invoke(app, ["db", "migrate"])
    assert_one_line_error(result, "no settings.toml in")
    assert list(tmp_path.iterdir()) == []


def test_the_config_option_before_the_command_is_checked_too(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--config", str(tmp_path / "confg"), "db", "migrate"])
    assert_one_line_error(result, "no settings.toml in")
    assert list(tmp_path.iterdir()) == []


def test_a_settings_file_that_is_not_toml_is_named(config_dir: Path, warehouse_path: Path) -> None:
    (config_dir / "settings.toml").write_text("[fetch\nmax_retries = 3\n")
    result = runner.invoke(app, ["db", "migrate", "-c", str(config_dir), "-w", str(warehouse_path)])
    assert_one_line_error(result, "settings.toml is not valid TOML")
    assert not warehouse_path.exists()


def test_a_bad_value_in_the_file_names_its_key(config_dir: Path, warehouse_path: Path) -> None:
    (config_dir / "settings.toml").write_text("[fetch]\nmax_retries = 'lots'\n")
    result = runner.invoke(app, ["db", "migrate", "-c", str(config_dir), "-w", str(warehouse_path)])
    assert_one_line_error(result, "settings.toml: fetch.max_retries:")
    assert not warehouse_path.exists()


def test_a_bad_value_in_the_environment_names_the_variable(
    warehouse_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HZHK_TIMEZONE", "Hong Kong")
    result = runner.invoke(app, ["db", "migrate", "-w", str(warehouse_path)])
    assert_one_line_error(result, "HZHK_TIMEZONE='Hong Kong': timezone:", "unknown time zone")
    assert not warehouse_path.exists()
