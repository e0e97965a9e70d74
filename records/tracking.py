"""Articles as tracking reads them, and what one tracking step decided about a batch."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from records.events import DuplicateLink, Event, Signature
from records.relevance import Relevance


@dataclass(frozen=True)
class StoredArticle:
    """An article as tracking reads it from the warehouse."""

    article_id: str
    title: str | None
    body: str
    language: str | None
    published_at: datetime | None
    publisher: str | None
    body_sha256: str | None
    is_relevant: bool | None
    duplicate_of: str | None
    signature: Signature | None  # as stored by an earlier run


@dataclass(frozen=True)
class TrackedBatch:
    """Everything one tracking step decided about a batch, written together."""

    relevance: Mapping[str, Relevance]  # by article id: every article of the batch
    body_sha256: Mapping[str, str | None]  # the version each article was tracked at
    signatures: Mapping[str, Signature | None]
    duplicates: Sequence[DuplicateLink]
    events: Sequence[Event]
    reclustered: Sequence[str]  # article ids whose event membership `events` replaces
    tracked_at: datetime
    merged: Mapping[str, str] = field(default_factory=dict)  # retired event id -> its new holder
