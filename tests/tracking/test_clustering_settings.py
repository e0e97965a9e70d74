"""The clustering weights are data (config/events.toml `[clustering]`), checked when read: a bad
value stops the run with one line naming the file, the key and the reason."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from config.errors import ConfigError
from config.knowledge import load_events

PROJECT_EVENTS = Path(__file__).resolve().parents[2] / "config" / "events.toml"


def with_value(tmp_path: Path, key: str, value: str) -> Path:
    """A copy of the project's events.toml with one `[clustering]` key set to `value`."""
    text = PROJECT_EVENTS.read_text("utf-8")
    changed, n = re.subn(rf"(?m)^{key} = [^#\n]*", f"{key} = {value} ", text)
    assert n == 1, key
    (tmp_path / "events.toml").write_text(changed, "utf-8")
    return tmp_path


def test_the_undated_and_same_day_weights_are_read_from_the_file(tmp_path: Path) -> None:
    clustering = load_events(with_value(tmp_path, "undated_days", "5")).clustering
    assert clustering.undated_days == 5
    assert clustering.same_day_kind_weight == 0.5  # the project's value, untouched


@pytest.mark.parametrize(
    ("key", "value", "reason"),
    [
        ("undated_days", "0", "greater than 0"),
        ("undated_kind_weight", "-1.0", "greater than or equal to 0"),
        ("same_day_place_weight", "1e20", "less than or equal to 100"),
        ("rare_share", "1.5", "less than or equal to 1"),
        ("shared_terms", '"three"', "valid integer"),
    ],
)
def test_a_bad_clustering_value_is_refused_in_one_line(
    tmp_path: Path, key: str, value: str, reason: str
) -> None:
    with pytest.raises(ConfigError) as refused:
        load_events(with_value(tmp_path, key, value))
    message = str(refused.value)
    assert "\n" not in message
    assert "events.toml" in message and f"clustering.{key}" in message and reason in message


def test_a_missing_clustering_key_is_refused(tmp_path: Path) -> None:
    text = PROJECT_EVENTS.read_text("utf-8")
    (tmp_path / "events.toml").write_text(re.sub(r"(?m)^same_day_kind_weight = .*\n", "", text))
    with pytest.raises(ConfigError, match=r"clustering\.same_day_kind_weight: Field required"):
        load_events(tmp_path)
