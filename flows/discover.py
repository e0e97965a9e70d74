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

A backfill passes a `Window` and each source is asked for that span instead of "what is new"
(`discover_window`): GDELT with start and end times, split where an answer comes back full;
Google News with `after:`/`before:`; a sitemap index's children chosen by the window; a list
page followed back through its next-page links while its items' dates still reach into the
window. Feeds (RSS, Atom, govhk, InvestHK) list only their latest items, whatever is asked: they
are read as usual and filtered, and a feed that does not reach back to the window's start says
so in a note. Every item is kept only if its date (published, else updated, else when an
aggregator saw it) falls in the window; an undated item is kept (its page's date will tell),
except in a sitemap, which lists a whole site.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from config.source_list import Source
from flows.http.fetcher import Fetcher
from flows.polling import (
    GDELT_HISTORY,
    GDELT_MAX_RECORDS,
    Window,
    gdelt_span,
    gdelt_url,
    google_news_url,
    parse_options,
    request_url,
)
from parsers.errors import ParseError
from parsers.feeds import parse_feed
from parsers.feeds.html_list import next_page_url
from parsers.feeds.sitemap import read_sitemap
from parsers.urls import canonicalize, is_fetchable
from records.articles import ArticleRecord, ArticleVersion, FeedItem
from records.fetch import FetchRequest, FetchResult, Validators

HEADLINE_KINDS = frozenset({"google_news"})
# Kinds that list only their latest items, whatever window is asked for.
LATEST_ONLY_KINDS = frozenset({"rss", "atom", "govhk_press", "investhk_json"})
# A backfill follows a list page back at most this many pages (the first one included).
LIST_PAGE_CAP = 20
# A GDELT window is split while its answer comes back full, down to this span, in at most this
# many requests per source (one per gdelt_interval_s: 48 take four minutes).
GDELT_SMALLEST_SPAN = timedelta(hours=1)
GDELT_MAX_REQUESTS = 48


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

    `children` are the child sitemaps fetched for a sitemap index (in a backfill also a list's
    older pages and GDELT's further parts of the window); `child_errors` those of them that
    failed (the source still counts as answered for what the others gave). `notes` say, in one
    line each, what a backfill could not reach (a feed that does not go back far enough, a page
    cap met, undated sitemap entries left out).
    """

    source_id: str
    request_url: str
    feed: FetchResult | None
    candidates: tuple[Candidate, ...] = ()
    error_class: str | None = None
    error: str | None = None
    children: tuple[FetchResult, ...] = ()
    child_errors: tuple[ChildError, ...] = ()
    notes: tuple[str, ...] = ()

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


async def fetch_feed(
    fetcher: Fetcher,
    source: Source,
    url: str,
    validators: Validators | None = None,
    gdelt_gate: GdeltGate | None = None,
) -> FetchResult:
    """One request of a source's, GDELT's through the gate that spaces them."""
    gate = gdelt_gate if source.kind == "gdelt_doc" and gdelt_gate is not None else None
    async with gate or contextlib.nullcontext():
        return await fetcher.fetch(url, source_id=source.id, validators=validators)


async def discover_source(
    fetcher: Fetcher,
    source: Source,
    *,
    validators: Validators | None = None,
    gdelt_gate: GdeltGate | None = None,
    now: datetime | None = None,
    window: Window | None = None,
) -> Discovery:
    """Fetch the source's feed/API/list page and parse it into candidates; never raises.

    With a window (a backfill), the source is asked for that span instead (`discover_window`).
    """
    if window is not None:
        return await discover_window(fetcher, source, window, gdelt_gate, now)
    url = request_url(source)
    feed = await fetch_feed(fetcher, source, url, validators, gdelt_gate)
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
                chosen = recent_children(
                    sitemap.items,
                    now or datetime.now(UTC),
                    timedelta(days=fetcher.settings.sitemap_index_window_days),
                    fetcher.settings.sitemap_index_max_children,
                )
                return await follow_index(fetcher, source, feed, chosen, now)
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


def window_children(children: Iterable[FeedItem], window: Window, limit: int) -> list[FeedItem]:
    """The child sitemaps that may list pages of the window: changed on or after its start (a
    child last changed before it cannot hold a later page), the ones changed closest to the
    window first, at most limit. A child without a lastmod cannot be judged and is left out."""
    fit = [c for c in children if c.updated_at is not None and c.updated_at >= window.start]
    fit.sort(key=lambda c: c.updated_at or window.start)
    return fit[: max(0, limit)]


async def follow_index(
    fetcher: Fetcher,
    source: Source,
    feed: FetchResult,
    chosen: Sequence[FeedItem],
    now: datetime | None,
    window: Window | None = None,
) -> Discovery:
    """Fetch the chosen child sitemaps of an index and gather their pages (one level only); with
    a window, only the pages dated within it."""
    fetched = await fetcher.fetch_all([FetchRequest(c.url, source.id) for c in chosen])
    candidates: list[Candidate] = []
    logged: list[FetchResult] = []
    errors: list[ChildError] = []
    undated = 0
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
            items = child.items
            if window is not None:
                items, left_out = within(items, window, keep_undated=False)
                undated += left_out
            candidates.extend(candidates_from(source, items))
    return Discovery(
        source.id,
        feed.url,
        feed,
        tuple(candidates),
        children=tuple(logged),
        child_errors=tuple(errors),
        notes=(undated_note(source, undated),) if undated else (),
    )


# --- a backfill: a window of time instead of "what is new" -----------------------------------


def item_date(item: FeedItem) -> datetime | None:
    """When an item appeared, as well as its feed says: published, else updated, else when an
    aggregator's crawler saw it (GDELT)."""
    return item.published_at or item.updated_at or item.crawled_at


def within(
    items: Iterable[FeedItem], window: Window, *, keep_undated: bool
) -> tuple[list[FeedItem], int]:
    """The items dated within the window (and the undated ones, if kept); and how many undated
    ones were left out."""
    kept: list[FeedItem] = []
    left_out = 0
    for item in items:
        moment = item_date(item)
        if moment is None:
            if keep_undated:
                kept.append(item)
            else:
                left_out += 1
        elif moment in window:
            kept.append(item)
    return kept, left_out


def undated_note(source: Source, count: int) -> str:
    return f"{source.id}: {count} sitemap entries without a date left out (cannot be placed)"


async def discover_window(
    fetcher: Fetcher,
    source: Source,
    window: Window,
    gdelt_gate: GdeltGate | None = None,
    now: datetime | None = None,
) -> Discovery:
    """Ask one source for the links of a window of time; never raises.

    Requests are unconditional (a 304 would say nothing about the window), and the feed's
    validators are not to be remembered from them: the window's items are not all it lists.
    """
    at = now or datetime.now(UTC)
    if source.kind == "gdelt_doc":
        return await gdelt_window(fetcher, source, window, gdelt_gate, at)
    url = google_news_url(source, window) if source.kind == "google_news" else request_url(source)
    feed = await fetch_feed(fetcher, source, url, None, gdelt_gate)
    if not feed.ok or feed.body is None:
        reason = feed.error or f"HTTP {feed.status}"
        return Discovery(source.id, url, feed, error_class=feed.outcome, error=reason)
    base = feed.final_url or url
    index = False
    try:
        if source.kind == "sitemap":
            sitemap = read_sitemap(feed.body, base, parse_options(source), at)
            index, listed = sitemap.is_index, sitemap.items
        else:
            listed = parse_feed(source.kind, feed.body, base, now=at, **parse_options(source))
    except Exception as exc:  # recorded like any feed that cannot be parsed
        error_class, error = parse_failure(exc)
        return Discovery(
            source.id, url, feed.unusable(error_class, error), error_class=error_class, error=error
        )
    if index:
        chosen = window_children(listed, window, fetcher.settings.sitemap_index_max_children)
        found = await follow_index(fetcher, source, feed, chosen, at, window)
        if unjudged := sum(1 for child in listed if child.updated_at is None):
            note = f"{source.id}: {unjudged} child sitemaps without a lastmod not followed"
            found = replace(found, notes=(*found.notes, note))
        return found
    if source.kind == "html_list":
        return await walk_list(fetcher, source, feed, listed, window, at)
    notes: tuple[str, ...] = ()
    if source.kind == "sitemap":  # a whole site's listing: what cannot be placed stays out
        items, undated = within(listed, window, keep_undated=False)
        notes = (undated_note(source, undated),) if undated else ()
    else:
        items, _ = within(listed, window, keep_undated=True)
        notes = reach_note(source, listed, window) if source.kind in LATEST_ONLY_KINDS else ()
    return Discovery(source.id, url, feed, tuple(candidates_from(source, items)), notes=notes)


def reach_note(source: Source, listed: Sequence[FeedItem], window: Window) -> tuple[str, ...]:
    """A feed lists only its latest items: when its oldest is newer than the window's start, the
    days before it cannot be had from this feed, and a person should know."""
    dates = [d for item in listed if (d := item_date(item)) is not None]
    if dates and min(dates) <= window.start:
        return ()
    since = f"back to {min(dates):%Y-%m-%d}" if dates else "nothing dated"
    return (
        f"{source.id}: a {source.kind} feed lists only its latest items ({since}); "
        f"earlier days of {window.label()} cannot be had from it",
    )


async def walk_list(
    fetcher: Fetcher,
    source: Source,
    first: FetchResult,
    listed: list[FeedItem],
    window: Window,
    now: datetime,
) -> Discovery:
    """Follow a list page back through its next-page links while its items still reach into the
    window: a page whose dated items go back before the window's start is the last one needed.
    A page without dates cannot say where it stands, and the walk stops there too, as it does
    at LIST_PAGE_CAP pages or on a page that fails (recorded as a child error)."""
    pages = [first]
    seen = {canonicalize(first.final_url or first.url)}
    items: list[FeedItem] = []
    errors: list[ChildError] = []
    notes: list[str] = []
    page, found = first, listed
    while True:
        kept, _ = within(found, window, keep_undated=True)
        items.extend(kept)
        dates = [d for item in found if (d := item_date(item)) is not None]
        if not dates:
            notes.append(f"{source.id}: {page.url} shows no dates; not followed further back")
            break
        if min(dates) < window.start:
            break
        assert page.body is not None
        base = page.final_url or page.url
        older = next_page_url(page.body, base, source.next_selector)
        if older is None or canonicalize(older) in seen:
            notes.append(
                f"{source.id}: {base} links to no older page (rel=next or next_selector); "
                f"the list reaches back to {min(dates):%Y-%m-%d} only"
            )
            break
        if len(pages) >= LIST_PAGE_CAP:
            notes.append(f"{source.id}: stopped after {LIST_PAGE_CAP} list pages, at {base}")
            break
        seen.add(canonicalize(older))
        page = await fetcher.fetch(older, source_id=source.id)
        if not page.ok or page.body is None:
            pages.append(page)
            errors.append(ChildError(page.url, page.outcome, page.error or f"HTTP {page.status}"))
            break
        try:
            found = parse_feed(
                "html_list", page.body, page.final_url or older, now=now, **parse_options(source)
            )
        except Exception as exc:
            error_class, error = parse_failure(exc)
            pages.append(page.unusable(error_class, error))
            errors.append(ChildError(page.url, error_class, error))
            break
        pages.append(page)
    return Discovery(
        source.id,
        first.url,
        first,
        tuple(candidates_from(source, items)),
        children=tuple(pages[1:]),
        child_errors=tuple(errors),
        notes=tuple(notes),
    )


async def gdelt_window(
    fetcher: Fetcher,
    source: Source,
    window: Window,
    gate: GdeltGate | None,
    now: datetime,
) -> Discovery:
    """GDELT's answers for the window: the part GDELT keeps (`gdelt_span`; the flow says once
    what was clamped), split in halves while an answer comes back full (GDELT_MAX_RECORDS, newest
    first: a full answer has lost its oldest records), down to GDELT_SMALLEST_SPAN and within
    GDELT_MAX_REQUESTS. The first request is the source's feed (it failing fails the source);
    the others are its children."""
    span = gdelt_span(window, now)
    if span is None:  # nothing of the window is within GDELT's reach
        return Discovery(source.id, gdelt_url(source, start=window.start, end=window.end), None)
    pending = [span]
    results: list[FetchResult] = []
    errors: list[ChildError] = []
    candidates: list[Candidate] = []
    full: list[Window] = []
    while pending and len(results) < GDELT_MAX_REQUESTS:
        part = pending.pop()
        url = gdelt_url(source, start=part.start, end=part.end)
        result = await fetch_feed(fetcher, source, url, None, gate)
        if not result.ok or result.body is None:
            error = result.error or f"HTTP {result.status}"
            if not results:
                return Discovery(source.id, url, result, error_class=result.outcome, error=error)
            results.append(result)
            errors.append(ChildError(url, result.outcome, error))
            continue
        try:
            found = parse_feed("gdelt_doc", result.body, url, now=now, **parse_options(source))
        except Exception as exc:
            error_class, error = parse_failure(exc)
            if not results:
                unusable = result.unusable(error_class, error)
                return Discovery(source.id, url, unusable, error_class=error_class, error=error)
            results.append(result.unusable(error_class, error))
            errors.append(ChildError(url, error_class, error))
            continue
        results.append(result)
        if len(found) >= GDELT_MAX_RECORDS:
            if part.end - part.start > GDELT_SMALLEST_SPAN:
                pending.extend(part.halves())  # the later half is asked first
            else:
                full.append(part)
        kept, _ = within(found, window, keep_undated=True)
        candidates.extend(candidates_from(source, kept))
    notes = []
    if pending:
        notes.append(
            f"{source.id}: GDELT asked {len(results)} times (the most per source); "
            f"{len(pending)} parts of {span.label()} not asked"
        )
    if full:
        notes.append(
            f"{source.id}: GDELT still answered its {GDELT_MAX_RECORDS}-record cap for "
            f"{len(full)} span(s) of {GDELT_SMALLEST_SPAN}; some records may be missing"
        )
    return Discovery(
        source.id,
        results[0].url,
        results[0],
        tuple(candidates),
        children=tuple(results[1:]),
        child_errors=tuple(errors),
        notes=tuple(notes),
    )


def gdelt_clamp_note(window: Window, now: datetime) -> str | None:
    """One line saying which part of a backfill's window GDELT cannot answer (it keeps about
    three months), or None when it can answer all of it."""
    span = gdelt_span(window, now)
    reach = f"GDELT keeps about {GDELT_HISTORY.days} days (back to {now - GDELT_HISTORY:%Y-%m-%d})"
    if span is None:
        return f"{reach}: {window.label()} is older, GDELT sources not asked"
    if span.start > window.start:
        return f"{reach}: {window.label()} asked of GDELT from {span.start:%Y-%m-%d %H:%M} UTC only"
    return None


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
