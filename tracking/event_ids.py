"""Event ids that survive re-clustering.

Clustering regroups the coverage of a time window every time articles arrive, and earlier
coverage may arrive after later coverage. An id derived from the group's earliest article would
then change under the reader's feet (a saved query, a digest link). So ids are carried over: a
re-clustered group keeps the stored id it overlaps most, and only a group that overlaps no stored
event gets a new id (a hash of its earliest article). When one group holds the coverage of two
stored events, it keeps one id and the other is recorded as merged into it.

Ties are broken by the smaller id, so the same stored state and the same articles always give
the same ids, whatever order the articles are listed in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from records.events import Event
from records.ids import stable_id


@dataclass(frozen=True)
class CarriedEvents:
    events: list[Event]
    merged: dict[str, str]  # a stored event id no group kept -> the event now holding its coverage


def carry_ids(
    events: Sequence[Event],
    stored: Mapping[str, str],
    live: Collection[str] = (),
) -> CarriedEvents:
    """Give each re-clustered event the id of the stored event it overlaps most.

    `stored` maps each re-clustered article to its stored event id (articles new to events are
    absent); `live` holds every event id in the warehouse, which a new id must not reuse. Each
    stored id goes to at most one group: to the group holding most of its articles, ties to the
    group whose own provisional id is smaller. A stored id no group keeps is merged into the
    group that holds most of its former articles (if any still belong to an event).
    """
    pairs: list[tuple[int, str, int]] = []  # (overlap, stored id, group index)
    for index, event in enumerate(events):
        overlap = Counter(stored[a] for a, _ in event.members if a in stored)
        pairs += [(count, old, index) for old, count in overlap.items()]
    pairs.sort(key=lambda p: (-p[0], p[1], events[p[2]].event_id))
    chosen: dict[int, str] = {}
    kept: set[str] = set()
    for _, old, index in pairs:
        if index not in chosen and old not in kept:
            chosen[index] = old
            kept.add(old)
    taken = set(live) | set(stored.values()) | kept
    for index, event in sorted(enumerate(events), key=lambda p: p[1].event_id):
        if index not in chosen:
            chosen[index] = _new_id(event, taken)
            taken.add(chosen[index])
    carried = [replace(e, event_id=chosen[i]) for i, e in enumerate(events)]
    return CarriedEvents(carried, _merged(carried, stored, kept))


def _new_id(event: Event, taken: set[str]) -> str:
    """A hash of the earliest article; of all the articles if that id is already some event's."""
    founder = event.members[0][0]
    candidate = stable_id("event", founder)
    if candidate in taken:
        candidate = stable_id("event", founder, *sorted(a for a, _ in event.members))
    return candidate


def _merged(events: Sequence[Event], stored: Mapping[str, str], kept: set[str]) -> dict[str, str]:
    holder = {a: e.event_id for e in events for a, _ in e.members}
    merged: dict[str, str] = {}
    for old in sorted(set(stored.values()) - kept):
        now = Counter(holder[a] for a, was in stored.items() if was == old and a in holder)
        if now:
            merged[old] = min(now.items(), key=lambda item: (-item[1], item[0]))[0]
    return merged
