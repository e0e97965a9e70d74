"""Near-duplicate signatures and events: what tracking decides and the warehouse keeps.

A signature is plain bytes and compares with the standard library, so reading or writing one
does not import the MinHash machinery (rensa) that computes it in tracking.
"""

from __future__ import annotations

import hashlib
import sys
from array import array
from dataclasses import dataclass
from datetime import date, datetime

# The MinHash that signs articles (tracking/duplicates.py). Values of two schemes look alike and
# never agree, so the version of an article tracked includes it (warehouse/tracking.py): a new
# one makes every stored article due, and the next track run signs them again.
SIGNING = "rensa 0.5.0 RMinHash"
NUM_PERM = 120
BANDS = 40  # 40 bands of 3 rows: a pair with Jaccard 0.5 shares a bucket with p > 0.99
ROWS = NUM_PERM // BANDS


@dataclass(frozen=True)
class Signature:
    shingling: str  # "word5" or "char3"
    values: bytes  # NUM_PERM little-endian uint32 values

    def similarity(self, other: Signature) -> float:
        """The MinHash estimate of the Jaccard similarity of the two shingle sets."""
        if self.shingling != other.shingling or len(self.values) != len(other.values):
            return 0.0
        mine, theirs = _words(self.values), _words(other.values)
        if not mine:
            return 0.0
        return sum(1 for a, b in zip(mine, theirs, strict=True) if a == b) / len(mine)

    def buckets(self) -> tuple[int, ...]:
        """One 64-bit bucket key per LSH band; equal keys mean an equal band."""
        width = ROWS * 4
        return tuple(
            int.from_bytes(
                hashlib.blake2b(
                    band.to_bytes(2, "little") + self.values[band * width : (band + 1) * width],
                    digest_size=8,
                ).digest(),
                "little",
            )
            for band in range(BANDS)
        )


def _words(values: bytes) -> array[int]:
    words = array("I", values)  # 4-byte items on every platform CPython supports
    if sys.byteorder == "big":
        words.byteswap()
    return words


@dataclass(frozen=True)
class Copy:
    """An article as duplicate detection sees it: when it appeared and what it says."""

    article_id: str
    published_at: datetime | None
    signature: Signature
    duplicate_of: str | None = None  # for stored articles: the link they already have


@dataclass(frozen=True)
class DuplicateLink:
    article_id: str
    duplicate_of: str | None  # None: this article is the earliest copy of its story
    similarity: float | None  # to the closest confirmed copy, when it has one


@dataclass(frozen=True)
class EventReason:
    """Why an event got one candidate value of an attribute, from one article's sentence.

    Every candidate is kept, chosen or not, with its score, so `v_event_reasons` shows why an
    event is named, typed, dated and placed as it is (as `v_relevance_reasons` does for relevance).
    """

    attribute: str  # title, title_zh, type, date, place, detail, part
    value: str
    reason: str
    article_id: str
    sentence: str
    score: float
    chosen: bool


@dataclass(frozen=True)
class EventPart:
    """One happening an event holds besides its own (a signing inside a forum, a visit during a
    week), however many articles report it and in whichever script: its kind (one of
    records.facts.EVENT_TYPES), its day, and its name when it has a distinctive one (`name` the
    English one if the coverage gives one, else the Chinese; `name_zh` the Chinese one). A
    signing is named by what was signed ("signing of 8 memoranda of understanding")."""

    kind: str
    day: date | None
    name: str | None = None
    name_zh: str | None = None


@dataclass(frozen=True)
class Event:
    event_id: str
    title: str
    event_type: str | None
    event_date: date | None
    place: str | None
    status: str  # new (first seen in the reference week or later), continuing
    first_seen: date | None
    members: tuple[tuple[str, float], ...]  # (article_id, similarity when it joined)
    title_zh: str | None = None  # from the Chinese coverage, when there is some
    place_detail: str | None = None  # the district, park or venue inside `place`
    parts: tuple[EventPart, ...] = ()  # the happenings it holds besides its own, by day
    reasons: tuple[EventReason, ...] = ()
