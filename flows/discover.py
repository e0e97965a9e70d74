"""Discovery: ask each source for its list of links, and turn that into what is worth fetching.

Feeds are fetched with conditional GET, so an unchanged feed costs a 304 and yields nothing.
Links are canonicalised before they are compared, so an article listed by three feeds (with
different tracking parameters) is fetched once, and never again once it is in the warehouse.

Google News items are different: their links are opaque aggregator ids that do not lead to the
publisher's page, so they are never fetched. Each becomes a headline-only article (title,
publisher, the publisher's site, date, the source's language; parser "google_news", no body),
which is enough for relevance scoring and for a person to find the story; when the same story is
later fetched from the publisher through another source it is a separate, complete article.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from flows.http.fetcher import Fetcher
from flows.http.results import FetchResult, Validators
from flows.sources import Source, parse_options, request_url
from parsers.feeds import parse_feed
from parsers.records import ArticleRecord, FeedItem, ParseError
from parsers.urls import canonicalize, is_fetchable
from warehouse.articles import ArticleVersion

HEADLINE_KINDS = frozenset({"google_news"})
GDELT_MIN_INTERVAL_S = 5.0  # GDELT DOC answers one request per 5 s per client; more is throttled


@dataclass(frozen=True, slots=True)
class Candidate:
    """A link found by a source: `url` is canonical; `item` keeps what the feed said about it."""

    url: str
    source_id: str
    item: FeedItem
    headline_only: bool = False


@dataclass(frozen=True, slots=True)
class Discovery:
    """What one source gave in one run. `error` says why it gave nothing, if it failed."""

    source_id: str
    request_url: str
    feed: FetchResult | None
    candidates: tuple[Candidate, ...] = ()
    error_class: str | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class GdeltGate:
    """Spaces requests to the GDELT DOC API (shared by every GDELT source in a run)."""

    def __init__(self, interval_s: float = GDELT_MIN_INTERVAL_S) -> None:
        self.interval_s = interval_s
        self._lock = asyncio.Lock()
        self._last: float | None = None

    async def __aenter__(self) -> None:
        await self._lock.acquire()
        if self._last is not None:
            wait = self._last + self.interval_s - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)

    async def __aexit__(self, *exc: object) -> None:
        self._last = time.monotonic()
        self._lock.release()


async def discover_source(
    fetcher: Fetcher,
    source: Source,
    *,
    validators: Validators | None = None,
    gdelt_gate: GdeltGate | None = None,
) -> Discovery:
    """Fetch the source's feed/API/list page and parse it into candidates; never raises."""
    url = request_url(source)
    if source.kind == "gdelt_doc" and gdelt_gate is not None:
        async with gdelt_gate:
            feed = await fetcher.fetch(url, source_id=source.id, validators=validators)
    else:
        feed = await fetcher.fetch(url, source_id=source.id, validators=validators)
    if feed.outcome == "not_modified":
        return Discovery(source.id, url, feed)
    if not feed.ok or feed.body is None:
        reason = feed.error or f"HTTP {feed.status}"
        return Discovery(source.id, url, feed, error_class=feed.outcome, error=reason)
    try:
        items = parse_feed(source.kind, feed.body, feed.final_url or url, **parse_options(source))
    except ParseError as exc:
        return Discovery(source.id, url, feed, error_class="ParseError", error=str(exc))
    except Exception as exc:  # a feed parser bug must not take the run down: it is recorded
        crash = f"feed parser crashed: {type(exc).__name__}: {exc}"
        return Discovery(source.id, url, feed, error_class=type(exc).__name__, error=crash)
    return Discovery(source.id, url, feed, tuple(candidates_from(source, items)))


def candidates_from(source: Source, items: Iterable[FeedItem]) -> list[Candidate]:
    """Canonical, fetchable links; a Google News top-story cluster contributes its other stories."""
    headline = source.kind in HEADLINE_KINDS
    found: list[Candidate] = []
    for item in items:
        for one in (item, *item.related) if headline else (item,):
            if is_fetchable(one.url):
                found.append(Candidate(canonicalize(one.url), source.id, one, headline))
    return found


def unique_candidates(discoveries: Sequence[Discovery]) -> list[Candidate]:
    """One candidate per canonical URL across all sources, in source order (the first wins)."""
    chosen: dict[str, Candidate] = {}
    for discovery in discoveries:
        for candidate in discovery.candidates:
            chosen.setdefault(candidate.url, candidate)
    return list(chosen.values())


def headline_article(
    candidate: Candidate, source: Source | None, seen_at: datetime
) -> ArticleVersion:
    """A Google News item as a stored article: what the aggregator said, no body."""
    item = candidate.item
    record = ArticleRecord(
        url=item.url,
        canonical_url=candidate.url,
        parser="google_news",
        publisher=item.publisher,
        title=item.title,
        published_at=item.published_at,
        updated_at=item.updated_at,
        language=source.effective_language if source else None,
        problems=("headline only: the aggregator link does not lead to the publisher's page",),
    )
    return ArticleVersion(record, candidate.source_id, seen_at, publisher_url=item.publisher_url)


def with_feed_metadata(record: ArticleRecord, item: FeedItem) -> ArticleRecord:
    """Fill what the page parser could not find from what the feed said about the link."""
    changes: dict[str, object] = {}
    if not record.title and item.title:
        changes["title"] = item.title
    if record.published_at is None and item.published_at is not None:
        changes["published_at"] = item.published_at
    if not record.publisher and item.publisher:
        changes["publisher"] = item.publisher
    if not record.authors and item.authors:
        changes["authors"] = item.authors
    return replace(record, **changes) if changes else record  # type: ignore[arg-type]


def worth_retrying(result: FetchResult) -> bool:
    """A failure that may pass by itself (network, timeout, 5xx, 429), unlike a 404 or a refusal."""
    if result.outcome in ("network_error", "timeout"):
        return True
    status = result.status or 0
    return result.outcome == "http_error" and (status >= 500 or status == 429)


@dataclass(frozen=True, slots=True)
class SourceCheck:
    """One source's answer to `hzhk sources check`."""

    source_id: str
    url: str
    outcome: str  # ok, parse_error, or the fetch outcome (http_error, timeout, ...)
    status: int | None
    links: int
    elapsed_ms: float
    error: str | None


async def check_sources(fetcher: Fetcher, sources: Sequence[Source]) -> list[SourceCheck]:
    """Fetch and parse every source once, unconditionally, storing nothing."""
    gate = GdeltGate()
    found = await asyncio.gather(*(discover_source(fetcher, s, gdelt_gate=gate) for s in sources))
    checks = []
    for d in found:
        feed = d.feed
        if feed is None:
            outcome = "error"
        elif feed.ok and d.error is not None:
            outcome = "parse_error"
        else:
            outcome = feed.outcome
        checks.append(
            SourceCheck(
                source_id=d.source_id,
                url=d.request_url,
                outcome=outcome,
                status=feed.status if feed else None,
                links=len(d.candidates),
                elapsed_ms=sum(a.elapsed_ms for a in feed.attempts) if feed else 0.0,
                error=d.error,
            )
        )
    return checks
