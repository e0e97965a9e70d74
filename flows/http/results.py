"""What a fetch produced, as plain records the warehouse can store without importing httpx.

These live apart from the fetcher so `warehouse/` depends on data, not on the HTTP client.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from parsers.charset import Decoded

# Every value FetchResult.outcome can take.
OUTCOMES = (
    "ok",
    "not_modified",
    "http_error",
    "network_error",
    "timeout",
    "refused_address",
    "disallowed",
    "too_large",
    "redirect_error",
    "invalid_url",
)


@dataclass(frozen=True, slots=True)
class Validators:
    """What the server said about a version, sent back as If-None-Match / If-Modified-Since."""

    etag: str | None = None
    last_modified: str | None = None

    def __bool__(self) -> bool:
        return bool(self.etag or self.last_modified)


@dataclass(frozen=True, slots=True)
class Attempt:
    """One row of the fetch log. Number 0 marks a URL refused before any request was sent."""

    number: int
    status: int | None
    error_class: str | None  # e.g. "ConnectTimeout", "RemoteProtocolError", "HTTPStatus"
    error: str | None  # one line a person can read
    elapsed_ms: float
    bytes: int | None
    at: datetime  # tz-aware UTC


@dataclass(frozen=True, slots=True)
class FetchRequest:
    url: str
    source_id: str | None = None
    validators: Validators | None = None


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str  # as requested
    source_id: str | None
    outcome: str  # one of OUTCOMES
    status: int | None
    final_url: str | None
    body: bytes | None  # decompressed body (outcome "ok" only)
    headers: dict[str, str]
    decoded: Decoded | None  # text for HTML/XML/text/JSON bodies
    validators: Validators  # from the response, for the next conditional GET
    attempts: tuple[Attempt, ...]
    error_class: str | None
    error: str | None
    content_sha256: str | None
    content_type: str | None = field(default=None)

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"
