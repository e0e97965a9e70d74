"""What a fetch produced, as plain records the warehouse can store without importing httpx.

The fetcher (flows/http) produces them, the warehouse logs them, parsers read the decoded text:
they live here so none of those layers imports another for a type.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

TRUNCATED = "truncated: the page ends inside a character (cut off in transfer?)"


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    charset: str  # the codec actually used (normalised Python name)
    declared: str | None  # what the header/meta/BOM said, if anything
    source: str  # bom, header, meta, utf-8, detected, fallback
    corrected: bool  # a declaration existed but the bytes said otherwise
    truncated: bool = False  # the bytes ended inside a character, which was dropped

    @property
    def problems(self) -> tuple[str, ...]:
        """What a record made from this text should report about the decoding."""
        return (TRUNCATED,) if self.truncated else ()


# Every value FetchResult.outcome can take.
OUTCOMES = (
    "ok",
    "not_modified",
    "http_error",
    "network_error",
    "timeout",  # a read or connect timeout, or the attempt's total_timeout_s ran out
    "refused_address",
    "disallowed",  # robots.txt rules forbid the URL
    "robots_unavailable",  # robots.txt could not be read (5xx, 429, unreachable): not this run
    "no_robots",  # a robots.txt fetch answered 4xx: the site has no rules (not a failure)
    "throttled",  # the host asked for a longer pause (Retry-After) than retry_after_cap_s
    "too_large",
    "redirect_error",
    "invalid_url",
    "parse_error",  # set by the caller: a 2xx body that is not what was asked for (unusable)
)


# Failures that may pass by themselves: the URL is worth asking again on the next run.
PASSING_OUTCOMES = frozenset({"network_error", "timeout", "robots_unavailable", "throttled"})
# Failures that will not: the URL is held back for a while (warehouse.holds).
PERMANENT_OUTCOMES = frozenset({"too_large", "refused_address", "invalid_url", "parse_error"})
PERMANENT_STATUSES = frozenset({404, 410})


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
    body: bytes | None  # decompressed body (outcomes "ok" and "parse_error" only)
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

    def unusable(self, error_class: str, error: str) -> FetchResult:
        """This answer as a failure: a 200 whose body could not be used (an HTML error page in
        place of a feed, GDELT's "please limit requests" text).

        The body stays, so the archive shows what came; the validators go, so the next poll
        asks unconditionally instead of getting a 304 for the same error page; and the outcome
        `parse_error` is not counted as an answered poll, so the source is due again next run.
        """
        attempts = self.attempts
        if attempts:  # the log row of the answer says why it was not used
            attempts = (*attempts[:-1], replace(attempts[-1], error_class=error_class, error=error))
        return replace(
            self,
            outcome="parse_error",
            validators=Validators(),
            attempts=attempts,
            error_class=error_class,
            error=error,
        )


def worth_retrying(result: FetchResult) -> bool:
    """A failure that may pass by itself (network, timeout, 5xx, 429, robots.txt unreadable, a
    host asking for a long pause), unlike a 404 or a refusal."""
    if result.outcome in PASSING_OUTCOMES:
        return True
    status = result.status or 0
    return result.outcome == "http_error" and (status >= 500 or status == 429)


def permanent_failure(result: FetchResult) -> bool:
    """A failure that asking again soon will not change: gone (404/410), unusable, too large,
    refused. Such a page is held back from discovery for a while (`warehouse.holds`)."""
    if result.outcome in PERMANENT_OUTCOMES:
        return True
    return result.outcome == "http_error" and result.status in PERMANENT_STATUSES


@dataclass(frozen=True, slots=True)
class UrlFailure:
    """One permanent failure of a URL, as the flow judged it."""

    url: str
    outcome: str  # http_error (404/410), parse_error, too_large, refused_address, invalid_url
    status: int | None
    error: str | None
    at: datetime  # tz-aware
