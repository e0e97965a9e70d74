"""The labelled set meets the issue's targets, and beats the naive baselines measured beside it."""

from __future__ import annotations

import json
from collections import Counter

from bench.tracking import DEFAULT_DATA, evaluate


def test_the_labelled_set_covers_three_scripts_events_and_traps() -> None:
    rows = [json.loads(line) for line in DEFAULT_DATA.read_text("utf-8").splitlines()]
    assert len(rows) >= 60
    assert set(Counter(r["language"] for r in rows)) == {"en", "zh-Hans", "zh-Hant"}
    assert all((r["event"] is None) != r["relevant"] for r in rows)
    per_event = Counter(r["event"] for r in rows if r["event"])
    assert len(per_event) >= 5 and min(per_event.values()) >= 4
    assert sum(1 for r in rows if not r["relevant"]) >= 30


def test_tracking_meets_the_targets_on_the_labelled_set() -> None:
    scores = evaluate(DEFAULT_DATA)
    assert scores.precision >= 0.95 and scores.recall >= 0.90
    assert scores.pairwise_f1 >= 0.90
    assert scores.precision > scores.baseline_precision
    assert scores.pairwise_f1 > scores.baseline_pairwise_f1
