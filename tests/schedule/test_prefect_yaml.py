"""prefect.yaml describes the same two deployments `hzhk serve` serves: entrypoints that load as
flows, the pipeline's interval and the digest's cron in Hong Kong time."""

from __future__ import annotations

import importlib
from pathlib import Path

import yaml
from prefect import Flow

from config.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]


def test_every_entrypoint_is_a_flow_of_the_project() -> None:
    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text("utf-8"))
    for deployment in spec["deployments"]:
        path, name = deployment["entrypoint"].split(":")
        module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
        assert isinstance(getattr(module, name), Flow), deployment["name"]


def test_the_schedules_match_the_settings_defaults() -> None:
    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text("utf-8"))
    schedules = {d["name"]: d["schedules"][0] for d in spec["deployments"]}
    defaults = load_settings().schedule
    assert schedules["hourly"]["interval"] == defaults.pipeline_every_minutes * 60
    assert schedules["weekly"] == {"cron": defaults.digest_cron, "timezone": defaults.timezone}
