"""What a run could not do, as flows find it and the warehouse keeps it (`ingest_errors`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class RunProblem:
    """Something a run could not do, other than an HTTP attempt (those are in `fetches`)."""

    stage: str  # discover, fetch, parse
    source_id: str | None
    url: str | None
    error_class: str | None
    error: str
    at: datetime
