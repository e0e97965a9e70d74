"""Event ids survive re-clustering: a group keeps the stored id it overlaps most; merges are kept.

An id readers have seen (in a digest, a saved query) must keep meaning the same happening when
earlier coverage arrives later, when tracking runs again, and when two events turn out to be one.
"""

from __future__ import annotations

from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path

from records.events import Event
from records.ids import stable_id
from records.tracking import TrackedBatch
from tracking.event_ids import carry_ids
from warehouse.db import open_warehouse
from warehouse.tracking import store_batch


def event(*members: str) -> Event:
    """A freshly clustered event: provisional id from its earliest (first) member."""
    return Event(
        event_id=stable_id("event", members[0]),
        title="t",
        event_type="forum",
        event_date=date(2019, 6, 13),
        place=None,
        status="new",
        first_seen=date(2019, 6, 14),
        members=tuple((m, 1.0) for m in members),
    )


def ids(events: list[Event]) -> dict[frozenset[str], str]:
    return {frozenset(a for a, _ in e.members): e.event_id for e in events}


def test_earlier_coverage_joining_an_event_keeps_its_stored_id() -> None:
    # "seed" founded the event; "early" was published before it but arrived later
    carried = carry_ids([event("early", "seed")], {"seed": "stored-1"})
    assert ids(carried.events) == {frozenset({"early", "seed"}): "stored-1"}
    assert carried.merged == {}


def test_a_group_overlapping_no_stored_event_gets_a_new_id_from_its_earliest_article() -> None:
    carried = carry_ids([event("a", "b"), event("c")], {"a": "stored-1"})
    assert ids(carried.events) == {
        frozenset({"a", "b"}): "stored-1",
        frozenset({"c"}): stable_id("event", "c"),
    }


def test_two_stored_events_becoming_one_keep_the_larger_and_record_the_other_as_merged() -> None:
    stored = {"a": "stored-small", "b": "stored-big", "c": "stored-big"}
    carried = carry_ids([event("a", "b", "c")], stored)
    assert ids(carried.events) == {frozenset({"a", "b", "c"}): "stored-big"}
    assert carried.merged == {"stored-small": "stored-big"}


def test_an_even_merge_keeps_the_smaller_id_whatever_the_order() -> None:
    stored = {"a": "stored-2", "b": "stored-1"}
    for members in (("a", "b"), ("b", "a")):
        carried = carry_ids([event(*members)], stored)
        assert [e.event_id for e in carried.events] == ["stored-1"]
        assert carried.merged == {"stored-2": "stored-1"}


def test_a_split_event_keeps_its_id_on_the_larger_part() -> None:
    stored = {"a": "stored-1", "b": "stored-1", "c": "stored-1"}
    carried = carry_ids([event("c"), event("a", "b")], stored)
    assert ids(carried.events) == {
        frozenset({"a", "b"}): "stored-1",
        frozenset({"c"}): stable_id("event", "c"),
    }
    assert carried.merged == {}


def test_a_new_id_never_takes_one_in_use() -> None:
    taken = stable_id("event", "a")  # "a" founded an event that lives on under that id
    carried = carry_ids([event("a", "x")], {}, live={taken})
    (new,) = carried.events
    assert new.event_id not in {taken}
    assert new.event_id == stable_id("event", "a", "a", "x")


def test_the_same_state_gives_the_same_ids_in_any_order() -> None:
    stored = {"a": "s1", "b": "s1", "c": "s2", "d": "s3"}
    groups = [event("a", "c"), event("b"), event("d", "e")]
    first = ids(carry_ids(groups, stored).events)
    assert ids(carry_ids(groups[::-1], stored).events) == first


def test_merges_are_stored_queryable_and_follow_chains(warehouse_path: Path) -> None:
    at = datetime(2026, 1, 1, tzinfo=UTC)

    def store(events: list[Event], merged: dict[str, str]) -> None:
        batch = TrackedBatch({}, {}, {}, [], events, ["a", "b", "c"], at, merged)
        with closing(open_warehouse(warehouse_path)) as con:
            store_batch(con, batch)

    store([event("a"), event("b"), event("c")], {})
    first, second, third = (stable_id("event", x) for x in "abc")
    store([event("a", "b"), event("c")], {second: first})
    store([event("a", "b", "c")], {third: first})
    with closing(open_warehouse(warehouse_path)) as con:
        merges = con.execute(
            "SELECT event_id, merged_into FROM v_event_merges ORDER BY event_id"
        ).fetchall()
        live = con.execute("SELECT event_id FROM v_events").fetchall()
    assert sorted(merges) == sorted([(second, first), (third, first)])
    assert live == [(first,)]

    # b's old event becomes the holder of everything: the older pointer follows it
    store([event("b", "a", "c")], {first: second})
    with closing(open_warehouse(warehouse_path)) as con:
        merges = con.execute("SELECT event_id, merged_into FROM v_event_merges").fetchall()
    assert sorted(merges) == sorted([(first, second), (third, second)])
