"""A flow run started from the command line runs without Prefect's flow-run heartbeats (a sync
flow waited up to a second for the heartbeat thread at its end); Prefect's own setting is back
as it was afterwards, for `hzhk serve`'s scheduled runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.prefect_env import one_off_run
from flows.reports import TrackCounts, TrackReport
from tests.settings_helpers import settings_at


def heartbeat() -> int | None:
    from prefect.settings import get_current_settings

    return get_current_settings().flows.heartbeat_frequency


def test_one_off_runs_have_no_heartbeat_and_the_setting_comes_back() -> None:
    before = heartbeat()
    with one_off_run():
        assert heartbeat() is None
    assert heartbeat() == before


@pytest.mark.prefect
def test_hzhk_track_runs_its_flow_without_heartbeats(
    prefect_harness: None, config_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import flows.track
    from flows.cli.flow_commands import start_track

    seen: list[int | None] = []

    def run_track(*args: object) -> TrackReport:
        seen.append(heartbeat())
        return TrackReport("track-test", "completed", TrackCounts())

    monkeypatch.setattr(flows.track, "run_track", run_track)
    report = start_track(settings_at(config_dir, tmp_path / "w.duckdb"), None)
    assert report.status == "completed" and seen == [None]
    assert heartbeat() is not None
