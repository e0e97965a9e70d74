"""Settings come from config/settings.toml, then the environment, then command-line flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.settings import PROJECT_ROOT, load_settings


def test_defaults_come_from_the_project_config() -> None:
    s = load_settings()
    assert s.config_dir == PROJECT_ROOT / "config"
    assert s.warehouse_path == PROJECT_ROOT / "data" / "warehouse.duckdb"
    assert s.fetch.max_redirects == 5


def test_a_config_folder_can_be_chosen(config_dir: Path) -> None:
    (config_dir / "settings.toml").write_text('warehouse = "elsewhere/w.duckdb"\n')
    s = load_settings(config_dir=config_dir)
    assert s.warehouse_path == config_dir.parent / "elsewhere" / "w.duckdb"


def test_environment_overrides_the_file(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HZHK_CONFIG", str(config_dir))
    monkeypatch.setenv("HZHK_WAREHOUSE", str(tmp_path / "env.duckdb"))
    monkeypatch.setenv("HZHK_FETCH__MAX_RETRIES", "7")
    s = load_settings()
    assert s.config_dir == config_dir
    assert s.warehouse_path == tmp_path / "env.duckdb"
    assert s.fetch.max_retries == 7


def test_flags_override_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HZHK_WAREHOUSE", str(tmp_path / "env.duckdb"))
    s = load_settings(warehouse=tmp_path / "flag.duckdb")
    assert s.warehouse_path == tmp_path / "flag.duckdb"


def test_allow_hosts_adds_the_environment_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HZHK_ALLOW_HOSTS", "127.0.0.1, 10.0.0.0/8")
    assert load_settings().allow_hosts == ["127.0.0.1", "10.0.0.0/8"]


def test_the_cli_honours_the_warehouse_variable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from flows.cli import app

    target = tmp_path / "from-env.duckdb"
    monkeypatch.setenv("HZHK_WAREHOUSE", str(target))
    result = CliRunner().invoke(app, ["db", "migrate"])
    assert result.exit_code == 0, result.output
    assert target.exists()
