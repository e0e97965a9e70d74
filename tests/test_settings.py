"""Settings come from config/settings.toml, then the environment, then command-line flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.errors import ConfigError
from config.settings import PROJECT_ROOT, load_settings


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


def test_the_data_folder_can_be_chosen_apart_from_the_warehouse(tmp_path: Path) -> None:
    s = load_settings(warehouse=tmp_path / "w.duckdb", data_dir=tmp_path / "data")
    assert s.warehouse_path == tmp_path / "w.duckdb"
    assert s.data_path == tmp_path / "data"
    assert load_settings(warehouse=tmp_path / "w.duckdb").data_path == PROJECT_ROOT / "data"


def test_a_config_folder_without_settings_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"no settings\.toml in .*typo"):
        load_settings(config_dir=tmp_path / "typo")


def test_a_file_that_is_not_toml_is_an_error(config_dir: Path) -> None:
    (config_dir / "settings.toml").write_text("warehouse = \n")
    with pytest.raises(ConfigError, match=r"settings\.toml is not valid TOML"):
        load_settings(config_dir=config_dir)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[fetch]\nmax_retries = 'many'\n", "fetch.max_retries: Input should be a valid integer"),
        ("timezone = 'Mars/Olympus'\n", "timezone: .*unknown time zone 'Mars/Olympus'"),
        ("warehose = 'typo.duckdb'\n", "warehose: unknown setting"),
        ("[fetch]\nmax_retry = 5\n", "fetch.max_retry: unknown setting"),
    ],
)
def test_a_bad_value_in_the_file_names_the_file_and_key(
    config_dir: Path, text: str, message: str
) -> None:
    (config_dir / "settings.toml").write_text(text)
    with pytest.raises(ConfigError, match=rf"settings\.toml: {message}"):
        load_settings(config_dir=config_dir)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("HZHK_FETCH__MAX_RETRIES", "many", "fetch.max_retries: Input should be a valid integer"),
        ("HZHK_RELEVANCE_THRESHOLD", "high", "relevance_threshold: Input should be a valid"),
        ("HZHK_FETCH__ALLOW_HOSTS", "a.example", "fetch: cannot be read .* written as JSON"),
    ],
)
def test_a_bad_value_in_the_environment_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, message: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=f"{name}='{value}': {message}"):
        load_settings()


def test_the_time_zone_is_a_setting(config_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings(config_dir=config_dir).timezone == "Asia/Hong_Kong"
    monkeypatch.setenv("HZHK_TIMEZONE", "UTC")
    assert load_settings(config_dir=config_dir).timezone == "UTC"


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
