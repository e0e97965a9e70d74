"""The labelled set meets the issue's targets, and beats the naive baselines measured beside it."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from itertools import pairwise

from bench.check_labels import check_all, events_file, read_event_labels
from bench.tracking import DEFAULT_DATA, evaluate
from records.facts import EVENT_TYPES


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
    """Each event is described once, in the events file beside the articles, in tracking's own
    vocabulary of types (the labels' `signing` read as `agreement_signing`)."""
    rows = [json.loads(line) for line in DEFAULT_DATA.read_text("utf-8").splitlines()]
    labels = read_event_labels(events_file(DEFAULT_DATA))
    assert {r["event"] for r in rows if r["event"]} == set(labels)
    for r in rows:
        if r["event"] is None:
            assert "event_type" not in r
            continue
        label = labels[r["event"]]
        assert label.event_type in EVENT_TYPES
        assert (r["event_date"], r["event_place"]) == (label.event_date.isoformat(), label.place)
        assert label.event_date <= date.fromisoformat(r["published_at"][:10])
    days = sorted(label.event_date for label in labels.values())
    close = sum(1 for a, b in pairwise(days) if (b - a).days <= 10)
    assert close >= 2  # different happenings within one event window


def test_the_label_files_are_well_formed() -> None:
    """bench/check_labels.py finds no problem in any labelled set or events file."""
    assert check_all(quiet=True).errors == []


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
