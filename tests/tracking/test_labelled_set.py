"""The labelled set meets the issue's targets, and beats the naive baselines measured beside it."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from itertools import pairwise

from bench.tracking import DEFAULT_DATA, evaluate
from tracking.events import EVENT_TYPES


def test_the_labelled_set_covers_three_scripts_events_and_traps() -> None:
    rows = [json.loads(line) for line in DEFAULT_DATA.read_text("utf-8").splitlines()]
    assert len(rows) >= 100
    assert set(Counter(r["language"] for r in rows)) == {"en", "zh-Hans", "zh-Hant"}
    assert all(r["relevant"] for r in rows if r["event"] is not None)
    assert sum(1 for r in rows if r["relevant"] and r["event"] is None) >= 3  # stand-alone pieces
    per_event = Counter(r["event"] for r in rows if r["event"])
    assert len(per_event) >= 10 and min(per_event.values()) >= 2
    assert sum(1 for r in rows if not r["relevant"]) >= 60


def test_every_labelled_event_has_one_type_date_and_place() -> None:
    rows = [json.loads(line) for line in DEFAULT_DATA.read_text("utf-8").splitlines()]
    attributes: dict[str, set[tuple[str, str, str]]] = {}
    for r in rows:
        if r["event"] is None:
            assert "event_type" not in r
            continue
        assert r["event_type"] in EVENT_TYPES
        happened = date.fromisoformat(r["event_date"])
        assert happened <= date.fromisoformat(r["published_at"][:10])
        attributes.setdefault(r["event"], set()).add(
            (r["event_type"], r["event_date"], r["event_place"])
        )
    assert all(len(found) == 1 for found in attributes.values()), attributes
    days = sorted(date.fromisoformat(next(iter(a))[1]) for a in attributes.values())
    close = sum(1 for a, b in pairwise(days) if (b - a).days <= 10)
    assert close >= 2  # different happenings within one event window


def test_relevance_meets_the_targets_on_the_labelled_set() -> None:
    scores = evaluate(DEFAULT_DATA)
    assert scores.precision >= 0.95 and scores.recall >= 0.90
    assert scores.precision > scores.baseline_precision
    for language, (_, precision, recall, _, _) in scores.per_language.items():
        assert precision >= 0.9 and recall >= 0.9, language


def test_events_meet_the_target_on_the_labelled_set() -> None:
    scores = evaluate(DEFAULT_DATA)
    assert scores.pairwise_f1 >= 0.90
    assert scores.pairwise_f1 > scores.baseline_pairwise_f1
    assert scores.attributes.events >= 10
