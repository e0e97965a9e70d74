"""Discovery: ask each source for its list of links, and turn that into what is worth fetching.

Feeds are fetched with conditional GET, so an unchanged feed costs a 304 and yields nothing.
Links are canonicalised before they are compared, so an article listed by three feeds (with
different tracking parameters) is fetched once, and never again once it is in the warehouse.

A feed that answers but cannot be parsed (an HTML error page, GDELT's "please limit requests"
text) is a failure like any other: its fetch becomes `parse_error` (`FetchResult.unusable`), so
its validators are not kept and the poll does not count as answered.

A sitemap index is followed one level deep: only the child sitemaps changed within
`sitemap_index_window_days` (newest first, at most `sitemap_index_max_children`) are fetched, in
the same discovery, and their page URLs become the candidates.

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
from datetime import UTC, datetime, timedelta

from config.source_list import Source
from flows.http.fetcher import Fetcher
from flows.polling import parse_options, request_url
from parsers.errors import ParseError
from parsers.feeds import parse_feed
from parsers.feeds.sitemap import read_sitemap
from parsers.urls import canonicalize, is_fetchable
from records.articles import ArticleRecord, ArticleVersion, FeedItem
from records.fetch import FetchRequest, FetchResult, Validators

HEADLINE_KINDS = frozenset({"google_news"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A link found by a source: `url` is canonical; `item` keeps what the feed said about it."""

    url: str
    source_id: str
    item: FeedItem
    headline_only: bool = False


@dataclass(frozen=True, slots=True)
class ChildError:
    """A child sitemap of an index that could not be fetched or parsed."""

    url: str
    error_class: str | None
    error: str


@dataclass(frozen=True, slots=True)
class Discovery:
    """What one source gave in one run. `error` says why it gave nothing, if it failed.

    `children` are the child sitemaps fetched for a sitemap index; `child_errors` those of them
    that failed (the source still counts as answered for what the others gave).
    """

    source_id: str
    request_url: str
    feed: FetchResult | None
    candidates: tuple[Candidate, ...] = ()
    error_class: str | None = None
    error: str | None = None
    children: tuple[FetchResult, ...] = ()
    child_errors: tuple[ChildError, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None

    def fetches_to_log(self, *, keep_validators: bool = True) -> list[FetchResult]:
        """The feed's fetch and its children's, for the fetch log once the run has used them.

        The feed's validators are dropped when asked, or when a child sitemap failed: the next
        run must read the index in full to reach that child again.
        """
        if self.feed is None:
            return []
        feed = self.feed
        if not keep_validators or self.child_errors:
            feed = replace(feed, validators=Validators())
        return [feed, *self.children]


class GdeltGate:
    """Spaces requests to the GDELT DOC API (shared by every GDELT source in a run): it answers
    one request per `[fetch] gdelt_interval_s` (5 s) per client and throttles the rest."""

    def __init__(self, interval_s: float) -> None:
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
    now: datetime | None = None,
) -> Discovery:
    """Fetch the source's feed/API/list page and parse it into candidates; never raises."""
    url = request_url(source)
    if source.kind == "gdelt_doc" and gdelt_gate is not None:
        async with gdelt_gate:
            feed = await fetcher.fetch(url, source_id=source.id, validators=validators)
    else:
        feed = await fetcher.fetch(url, source_id=source.id, validators=validators)
    if feed.outcome == "not_modified":  # unchanged since the last run: nothing new, no failure
        return Discovery(source.id, url, feed)
    if not feed.ok or feed.body is None:
        reason = feed.error or f"HTTP {feed.status}"
        return Discovery(source.id, url, feed, error_class=feed.outcome, error=reason)
    base = feed.final_url or url
    try:
        if source.kind == "sitemap":
            sitemap = read_sitemap(feed.body, base, parse_options(source), datetime.now(UTC))
            if sitemap.is_index:
                return await follow_index(fetcher, source, feed, sitemap.items, now)
            items = sitemap.items
        else:
            items = parse_feed(
                source.kind, feed.body, base, now=datetime.now(UTC), **parse_options(source)
            )
    except Exception as exc:  # a feed parser bug must not take the run down either: recorded
        error_class, error = parse_failure(exc)
        return Discovery(
            source.id, url, feed.unusable(error_class, error), error_class=error_class, error=error
        )
    return Discovery(source.id, url, feed, tuple(candidates_from(source, items)))


def parse_failure(exc: Exception) -> tuple[str, str]:
    """Error class and message for a feed that could not be parsed (or crashed its parser)."""
    if isinstance(exc, ParseError):
        return "ParseError", str(exc)
    return type(exc).__name__, f"feed parser crashed: {type(exc).__name__}: {exc}"


def recent_children(
    children: Iterable[FeedItem], now: datetime, window: timedelta, limit: int
) -> list[FeedItem]:
    """The child sitemaps changed within window before now, newest first, at most limit.

    A child without a lastmod cannot be judged and is left out: on a large site most such
    children are archives that never change.
    """
    recent = [c for c in children if c.updated_at is not None and now - c.updated_at <= window]
    recent.sort(key=lambda c: c.updated_at or now, reverse=True)
    return recent[: max(0, limit)]


async def follow_index(
    fetcher: Fetcher,
    source: Source,
    feed: FetchResult,
    children: Sequence[FeedItem],
    now: datetime | None,
) -> Discovery:
    """Fetch the recent child sitemaps of an index and gather their pages (one level only)."""
    settings = fetcher.settings
    chosen = recent_children(
        children,
        now or datetime.now(UTC),
        timedelta(days=settings.sitemap_index_window_days),
        settings.sitemap_index_max_children,
    )
    fetched = await fetcher.fetch_all([FetchRequest(c.url, source.id) for c in chosen])
    candidates: list[Candidate] = []
    logged: list[FetchResult] = []
    errors: list[ChildError] = []
    for result in fetched:
        if not result.ok or result.body is None:
            logged.append(result)
            errors.append(ChildError(result.url, result.outcome, result.error or "no body"))
            continue
        try:
            child = read_sitemap(
                result.body, result.final_url or result.url, parse_options(source), now
            )
        except Exception as exc:
            error_class, error = parse_failure(exc)
            logged.append(result.unusable(error_class, error))
            errors.append(ChildError(result.url, error_class, error))
            continue
        logged.append(result)
        if not child.is_index:  # an index inside an index is not followed: one level deep
            candidates.extend(candidates_from(source, child.items))
    return Discovery(
        source.id,
        feed.url,
        feed,
        tuple(candidates),
        children=tuple(logged),
        child_errors=tuple(errors),
    )


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
        problems=(
            "headline only: the aggregator link does not lead to the publisher's page",
            *item.problems,
        ),
    )
    return ArticleVersion(
        record,
        candidate.source_id,
        seen_at,
        publisher_url=item.publisher_url,
        crawled_at=item.crawled_at,
    )


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
    if item.problems:  # what the feed said that could not be trusted stays visible
        changes["problems"] = (*record.problems, *item.problems)
    return replace(record, **changes) if changes else record  # type: ignore[arg-type]


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
    gate = GdeltGate(fetcher.settings.gdelt_interval_s)
    found = await asyncio.gather(*(discover_source(fetcher, s, gdelt_gate=gate) for s in sources))
    checks = []
    for d in found:
        feed = d.feed
        outcome = "error" if feed is None else feed.outcome
        error = d.error or "; ".join(f"{e.url}: {e.error}" for e in d.child_errors) or None
        checks.append(
            SourceCheck(
                source_id=d.source_id,
                url=d.request_url,
                outcome=outcome,
                status=feed.status if feed else None,
                links=len(d.candidates),
                elapsed_ms=sum(a.elapsed_ms for a in feed.attempts) if feed else 0.0,
                error=error,
            )
        )
    return checks
