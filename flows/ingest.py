"""The `ingest` flow: sources -> discovery -> page fetches -> parsed articles in the warehouse.

Read top to bottom, it is the run:
1. prepare: migrate, record the run, mirror the sources, load the feeds' remembered validators;
2. discover: one task per source (conditional GET of its feed, parse, canonical links);
3. store what discovery found: headline-only articles (Google News) and discovery failures, and
   drop links the warehouse already has or holds back (pages that failed for good recently);
4. for each batch of new links: one fetch task, then one store task (fetch log + archive, then
   the parsed articles and parse failures, and the pages to hold back or release);
5. finish: record the feeds' own fetches (so their new ETags count only once their items are
   stored: a crash before this point makes the next run read the feeds again and pick up where
   this one stopped; a feed whose pages failed for a passing reason is recorded without its
   validators, so the next run reads it again and retries them; a feed that could not be parsed
   is recorded as `parse_error`, without validators and not as answered) and close the run.

robots.txt fetches made along the way are logged by the store step that follows them.

The same run serves `backfill` (flows/backfill.py): given a `Window`, discovery asks each source
for that span instead of "what is new", unconditionally, and the feeds' answers are logged
without validators (they were read for the window, not as the feed's state); the rest, from
fetching to the holds, is this run's.

Failures are values: a failing source or page becomes a row in `ingest_errors` (and its HTTP
attempts rows in `fetches`), and the rest of the run goes on. Each store step opens its own short
DuckDB connection, because an open read-write connection locks the file for every other process.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import State
from prefect.futures import PrefectFuture

from config.settings import Settings, load_settings
from config.source_list import Source, load_sources, select_sources
from flows.discover import (
    Candidate,
    Discovery,
    GdeltGate,
    discover_source,
    headline_article,
    unique_candidates,
)
from flows.heap import set_apart_start_up
from flows.http.fetcher import Fetcher
from flows.page_parsing import Boxed, PageToParse, Parsed, parse_pages, parse_pages_task
from flows.polling import Window, due_sources, request_url, source_row
from flows.prefect_args import as_is
from flows.prefect_results import forget_task_results
from flows.reports import IngestCounts, IngestReport
from flows.run_guard import exclusive_run
from flows.runners import parse_runner
from records.articles import ArticleVersion
from records.fetch import (
    FetchRequest,
    FetchResult,
    UrlFailure,
    Validators,
    permanent_failure,
    worth_retrying,
)
from records.runs import RunProblem
from warehouse.articles import UpsertCounts, known_urls, upsert_articles
from warehouse.db import open_warehouse, transaction, writing
from warehouse.fetchlog import last_answered, record_results, validators_for
from warehouse.holds import held_urls, hold_urls, release_urls
from warehouse.runs import finish_run, record_problems, run_problems, start_run
from warehouse.sources import upsert_sources

FLOW_NAME = "ingest"
# Pages per fetch, parse and store step. Each step is a Prefect task run, and a task run costs
# the API server and this process CPU whatever its size (bench.ingest_speed, 2,000 pages: 50 a
# batch 33.9 s, 100 a batch 25.9 s); more pages a batch hold more in memory at once (a 10,000-page
# ingest peaked at 390 MB with 100 once the store step read stored rows by key, 424 MB before).
BATCH_SIZE = 100
DISCOVER_TIMEOUT_S = 600.0  # one source: its feed fetch with all retries, and the parse
FETCH_TIMEOUT_S = 3600.0  # one batch of pages, paced per host
STORE_RETRIES = 2  # a store step that failed (e.g. the file briefly locked) is run again


def now() -> datetime:
    return datetime.now(UTC)


def chunks(items: Sequence[Candidate], size: int) -> Iterator[Sequence[Candidate]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- 1. prepare -----------------------------------------------------------------------------


@task(name="prepare", cache_policy=NO_CACHE, retries=STORE_RETRIES, retry_delay_seconds=2)
def prepare(
    settings: Settings,
    run_id: str,
    configured: Sequence[Source],
    sources: Sequence[Source],
    flow_name: str = FLOW_NAME,
) -> tuple[dict[str, Validators], dict[str, datetime]]:
    """Migrate, record the run (as `flow_name`'s), mirror every configured source; then, by
    source, the feeds' validators and when each feed last answered."""
    con = open_warehouse(settings.warehouse_path, settings.warehouse_wait_s)
    try:
        with transaction(con):
            start_run(con, run_id, flow_name, now())
            upsert_sources(con, [source_row(s) for s in configured], updated_at=now())
        urls = [request_url(s) for s in sources]
        stored = validators_for(con, urls)
        answered = last_answered(con, urls)
    finally:
        con.close()
    validators = {s.id: stored[request_url(s)] for s in sources if request_url(s) in stored}
    polled = {s.id: answered[request_url(s)] for s in sources if request_url(s) in answered}
    return validators, polled


# --- 2. discover ----------------------------------------------------------------------------


@task(
    name="discover",
    task_run_name="discover-{source.id}",
    cache_policy=NO_CACHE,
    timeout_seconds=DISCOVER_TIMEOUT_S,
)
async def discover(
    fetcher: Fetcher,
    source: Source,
    validators: Validators | None,
    gate: GdeltGate,
    window: Window | None = None,
) -> Discovery:
    found = await discover_source(
        fetcher, source, validators=validators, gdelt_gate=gate, window=window
    )
    logger = get_run_logger()
    if found.ok:
        logger.info("%s: %d links", source.id, len(found.candidates))
    else:  # recorded in ingest_errors and listed by the CLI, one line per source
        logger.info("%s failed: %s", source.id, found.error)
    for note in found.notes:
        logger.info("%s", note)
    return found


async def discover_all(
    fetcher: Fetcher,
    sources: Sequence[Source],
    validators: dict[str, Validators],
    window: Window | None = None,
) -> list[Discovery]:
    """All sources at once (the fetcher paces per host); a crashed task is a failed source.
    With a window (a backfill), each source is asked for that span of time."""
    gate = GdeltGate(fetcher.settings.gdelt_interval_s)
    calls = [
        discover(fetcher, s, validators.get(s.id), gate, window, return_state=True) for s in sources
    ]
    # An async task called with return_state gives an awaitable of its State.
    states = await asyncio.gather(*cast(list[Awaitable[State[Discovery]]], calls))
    found: list[Discovery] = []
    for source, state in zip(sources, states, strict=True):
        if state.is_completed():
            found.append(await state.aresult())
        else:
            reason = state.message or state.name or "task failed"
            found.append(
                Discovery(source.id, request_url(source), None, error_class="Task", error=reason)
            )
    return found


# --- 3. store discovery ---------------------------------------------------------------------


@task(name="store-discovery", cache_policy=NO_CACHE, retries=STORE_RETRIES, retry_delay_seconds=2)
def store_discovery(
    settings: Settings,
    run_id: str,
    sources: Sequence[Source],
    discoveries: Sequence[Discovery],
    robots: Sequence[FetchResult] = (),
) -> tuple[list[Candidate], IngestCounts]:
    """Store headline-only articles, discovery failures and the robots.txt fetches so far;
    return the links still to fetch: not in the warehouse, and not held back."""
    counts = IngestCounts()
    at = now()
    by_id = {s.id: s for s in sources}
    problems = [
        RunProblem("discover", d.source_id, d.request_url, d.error_class, d.error, at)
        for d in discoveries
        if d.error is not None
    ]
    problems += [
        RunProblem("discover", d.source_id, e.url, e.error_class, e.error, at)
        for d in discoveries
        for e in d.child_errors
    ]
    candidates = unique_candidates(discoveries)
    counts.links = sum(len(d.candidates) for d in discoveries)
    counts.links_unique = len(candidates)
    headlines = [c for c in candidates if c.headline_only]
    pages = [c for c in candidates if not c.headline_only]
    with writing(settings.warehouse_path, settings.warehouse_wait_s) as con:
        known = known_urls(con, [c.url for c in pages])
        held = held_urls(con, [c.url for c in pages if c.url not in known], at)
        with transaction(con):
            upserted = upsert_articles(
                con, [headline_article(c, by_id.get(c.source_id), at) for c in headlines]
            )
            record_problems(con, run_id, [*problems, *rejected_problems(upserted, at)])
            record_results(con, robots, run_id=run_id, archive_dir=settings.data_path / "archive")
    counts.headlines_new = upserted.inserted
    counts.links_known = len(known)
    counts.links_held = len(held)
    return [c for c in pages if c.url not in known and c.url not in held], counts


# --- 4. fetch, parse and store pages ---------------------------------------------------------
#
# A pipeline: while batch n is parsed (on the parse runner: a thread, worker processes or a Dask
# cluster, flows/runners.py) and batch n-1 stored (in a thread: DuckDB works without the GIL),
# the event loop is already fetching batch n+1. At most `AHEAD` fetched batches wait to be
# stored, so memory stays bounded however many pages a run has. Batches are stored in order,
# one transaction each, by this process alone (one writer).

AHEAD = 2


@dataclass(frozen=True, slots=True)
class FetchedBatch:
    number: int
    batch: Sequence[Candidate]
    results: Sequence[FetchResult]
    error: str | None  # the fetch task failed as a whole
    robots: Sequence[FetchResult]
    parsing: PrefectFuture[Parsed] | None = None

    def pages(self) -> list[PageToParse]:
        return [
            PageToParse(c.url, c.source_id, c.item, r)
            for c, r in zip(self.batch, self.results, strict=True)
        ]


@task(
    name="fetch-pages",
    task_run_name="fetch-pages-{number}",
    cache_policy=NO_CACHE,
    timeout_seconds=FETCH_TIMEOUT_S,
)
async def fetch_pages(
    fetcher: Fetcher, number: int, batch: Sequence[Candidate]
) -> list[FetchResult]:
    """New links are fetched without validators: an article not in the warehouse needs its body."""
    return await fetcher.fetch_all([FetchRequest(c.url, c.source_id) for c in batch])


async def fetch_parse_store(
    settings: Settings,
    run_id: str,
    fetcher: Fetcher,
    to_fetch: Sequence[Candidate],
    batch_size: int,
    counts: IngestCounts,
) -> set[str]:
    """Step 4 for every batch of new links (see above); returns the sources whose feeds the next
    run must read in full, because some of their pages may be fetched again."""
    logger = get_run_logger()
    retry: set[str] = set()
    waiting: asyncio.Queue[FetchedBatch | None] = asyncio.Queue(maxsize=AHEAD)
    with parse_runner(settings.compute, len(to_fetch)) as runner:
        runner_down = False

        def submit_parse(item: FetchedBatch) -> PrefectFuture[Parsed] | None:
            """The batch's parse on the runner; None (parse it in the store step) once the runner
            failed to take one: a Dask scheduler that is down, a pool that could not start."""
            nonlocal runner_down
            if runner_down:
                return None
            try:
                parameters = {"number": item.number, "boxed": Boxed(item.pages())}
                return cast(PrefectFuture[Parsed], runner.submit(parse_pages_task, parameters))
            except Exception as exc:
                runner_down = True
                logger.warning(
                    "the parse runner failed (%s); this run parses its pages itself",
                    first_line(exc),
                )
                return None

        async def fetch_all() -> None:
            for number, batch in enumerate(chunks(to_fetch, batch_size), start=1):
                fetched = await cast(
                    Awaitable[State[list[FetchResult]]],
                    fetch_pages(fetcher, number, as_is(batch), return_state=True),
                )
                robots = fetcher.take_robots_fetches()
                if fetched.is_completed():
                    results: list[FetchResult] = await fetched.aresult()
                    item = FetchedBatch(number, batch, results, None, robots)
                    pairs = zip(batch, results, strict=True)
                    retry.update(c.source_id for c, r in pairs if worth_retrying(r))
                    item = replace(item, parsing=submit_parse(item))
                else:
                    error = fetched.message or "fetch task failed"
                    item = FetchedBatch(number, batch, [], error, robots)
                    retry.update(c.source_id for c in batch)
                await waiting.put(item)
            await waiting.put(None)

        async def store_all() -> None:
            while (item := await waiting.get()) is not None:
                parsed = await asyncio.to_thread(parsed_batch, item)
                stored, whole = await asyncio.to_thread(store_batch, settings, run_id, item, parsed)
                counts.add(stored)
                if not whole:
                    retry.update(c.source_id for c in item.batch)
                logger.info("batch %d: %d pages", item.number, len(item.batch))
                forget_task_results()  # Prefect's links to the batch's values

        try:
            async with asyncio.TaskGroup() as group:
                group.create_task(fetch_all())
                group.create_task(store_all())
        except ExceptionGroup as failed:  # one side failed and the other was cancelled
            raise failed.exceptions[0] from None
    return retry


def store_batch(
    settings: Settings, run_id: str, item: FetchedBatch, parsed: Parsed
) -> tuple[IngestCounts, bool]:
    """Store a batch (a task with retries), page by page when that keeps failing; returns the
    counts and whether the batch went in whole."""
    batch, results, robots = as_is(item.batch), as_is(item.results), as_is(item.robots)
    try:
        counts = store_pages(
            settings, run_id, item.number, batch, results, as_is(parsed), item.error, robots
        )
        return counts, True
    except Exception as exc:
        get_run_logger().warning(
            "batch %d: storing it failed (%s); storing it page by page",
            item.number,
            first_line(exc),
        )
    counts = store_one_by_one(settings, run_id, batch, results, parsed, item.error, robots)
    return counts, False


def parsed_batch(item: FetchedBatch) -> Parsed:
    """The batch's parse, from the runner; parsed here instead if the runner did not take it or
    lost it (a worker process that died, a cluster gone): the pages are in hand, and losing them
    is not an option."""
    if item.parsing is None:
        return parse_pages(item.pages())
    try:
        return item.parsing.result()
    except Exception as exc:
        get_run_logger().warning(
            "batch %d: the parse runner failed (%s); parsing here", item.number, first_line(exc)
        )
        return parse_pages(item.pages())


@task(
    name="store-pages",
    task_run_name="store-pages-{number}",
    cache_policy=NO_CACHE,
    retries=STORE_RETRIES,
    retry_delay_seconds=2,
)
def store_pages(
    settings: Settings,
    run_id: str,
    number: int,
    batch: Sequence[Candidate],
    results: Sequence[FetchResult],
    parsed: Parsed,
    fetch_error: str | None = None,
    robots: Sequence[FetchResult] = (),
) -> IngestCounts:
    """Archive and log the fetches, store the parsed articles and the parse failures (see
    `write_pages`)."""
    return write_pages(settings, run_id, batch, results, parsed, fetch_error, robots)


def write_pages(
    settings: Settings,
    run_id: str,
    batch: Sequence[Candidate],
    results: Sequence[FetchResult],
    parsed: Parsed,
    fetch_error: str | None = None,
    robots: Sequence[FetchResult] = (),
) -> IngestCounts:
    """Fetch log, articles, problems and holds in one transaction, so a crash leaves either the
    whole batch or none of it; bodies are archived (content-addressed files) before it, and a
    file left without its rows is simply reused when the page is fetched again. A batch whose
    fetch task failed as a whole (`fetch_error`) is recorded as one fetch problem per link.
    Pages that failed for good are held back from discovery; pages stored are released; an
    article the warehouse cannot take is one `store` problem while the others are stored.
    """
    if fetch_error is not None:
        at = now()
        problems = [RunProblem("fetch", c.source_id, c.url, "Task", fetch_error, at) for c in batch]
        versions: list[ArticleVersion] = []
    else:
        versions, problems = list(parsed.versions), list(parsed.problems)
    problems += fetch_problems(results)
    failures = failed_for_good(results, problems)
    at = now()
    archive = settings.data_path / "archive"
    with writing(settings.warehouse_path, settings.warehouse_wait_s) as con, transaction(con):
        logged = record_results(con, results, run_id=run_id, archive_dir=archive)
        record_results(con, robots, run_id=run_id, archive_dir=archive)
        upserted = upsert_articles(con, versions)
        problems += rejected_problems(upserted, at)
        record_problems(con, run_id, problems)
        hold_urls(
            con,
            failures,
            first_h=settings.fetch.hold_failed_url_h,
            longest_h=settings.fetch.hold_failed_url_max_h,
        )
        release_urls(con, [v.record.url for v in versions])
    return IngestCounts(
        pages_fetched=logged.stored,
        pages_failed=logged.failed,
        pages_not_modified=logged.not_modified,
        parse_failures=sum(1 for p in problems if p.stage == "parse"),
        store_failures=len(upserted.rejected),
        fetch_task_failures=sum(1 for p in problems if p.error_class == "Task"),
        articles_new=upserted.inserted,
        articles_updated=upserted.updated,
        pages_held=len(failures),
    )


@task(name="store-pages-one-by-one", cache_policy=NO_CACHE)
def store_one_by_one(
    settings: Settings,
    run_id: str,
    batch: Sequence[Candidate],
    results: Sequence[FetchResult],
    parsed: Parsed,
    fetch_error: str | None,
    robots: Sequence[FetchResult],
) -> IngestCounts:
    """A batch whose store step kept failing, stored page by page: a page no check foresaw then
    costs only itself (one `store` problem) instead of the batch, every later batch and every
    later run. When no page with an article can be stored on its own either, the cause is not a
    page (a full disk, a file held by another process): the error is raised and the run stops,
    as it must, leaving the batch for the next run."""
    counts = IngestCounts()
    lost: list[tuple[Candidate, FetchResult | None, Exception]] = []
    for index, candidate in enumerate(batch):
        result = results[index] if results else None
        try:
            counts.add(
                write_pages(
                    settings,
                    run_id,
                    [candidate],
                    [result] if result is not None else [],
                    parsed.only(candidate.url),
                    fetch_error,
                    robots if index == 0 else (),
                )
            )
        except Exception as exc:
            lost.append((candidate, result, exc))
    if lost and not (counts.articles_new or counts.articles_updated):
        raise lost[-1][2]
    if lost:
        at = now()
        problems = [
            RunProblem("store", c.source_id, c.url, type(e).__name__, first_line(e), at)
            for c, _, e in lost
        ]
        logged = [r for _, r, _ in lost if r is not None]
        with writing(settings.warehouse_path, settings.warehouse_wait_s) as con, transaction(con):
            record_results(con, logged, run_id=run_id, archive_dir=settings.data_path / "archive")
            record_problems(con, run_id, problems)
        counts.store_failures += len(lost)
    return counts


def first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__


def rejected_problems(upserted: UpsertCounts, at: datetime) -> list[RunProblem]:
    """Articles the warehouse could not take (a value no conversion survives), as problems."""
    return [
        RunProblem("store", r.version.source_id, r.version.record.url, r.error_class, r.error, at)
        for r in upserted.rejected
    ]


def fetch_problems(results: Sequence[FetchResult]) -> list[RunProblem]:
    """Pages whose fetch failed, as problems: `v_ingest_errors` is the one place that says what
    failed in a run (`v_fetches` keeps every attempt). A 304 or a robots.txt without rules is no
    failure."""
    return [
        RunProblem(
            "fetch",
            r.source_id,
            r.url,
            r.error_class or r.outcome,
            r.error or f"{r.outcome} (HTTP {r.status})",
            r.attempts[-1].at if r.attempts else now(),
        )
        for r in results
        if not r.ok and r.outcome not in ("not_modified", "no_robots")
    ]


def failed_for_good(
    results: Sequence[FetchResult], problems: Sequence[RunProblem]
) -> list[UrlFailure]:
    """The pages of a batch that asking again soon would not help: gone, refused, too large
    (their fetch says so) or unparsable (a parse problem)."""
    failures = [
        UrlFailure(r.url, r.outcome, r.status, r.error, r.attempts[-1].at if r.attempts else now())
        for r in results
        if permanent_failure(r)
    ]
    failures += [
        UrlFailure(p.url, "parse_error", None, p.error, p.at)
        for p in problems
        if p.stage == "parse" and p.url is not None
    ]
    return failures


# --- 5. finish ------------------------------------------------------------------------------


@task(name="finish", cache_policy=NO_CACHE, retries=STORE_RETRIES, retry_delay_seconds=2)
def finish(
    settings: Settings,
    run_id: str,
    discoveries: Sequence[Discovery],
    counts: IngestCounts,
    retry: set[str],
    error: str | None,
) -> tuple[RunProblem, ...]:
    """Log the feeds' fetches and close the run; returns the run's recorded problems.

    A feed's new ETag must not be remembered before its items are stored, or the next run would
    get a 304 and never see them: a run that failed part-way logs only the feeds that brought
    nothing new, and a feed with pages that failed for a passing reason (`retry`) is logged
    without its validators, so the next run reads it in full and fetches those pages again.
    """
    feeds = [
        fetch
        for d in discoveries
        if d.feed is not None and (error is None or not d.feed.ok)
        for fetch in d.fetches_to_log(keep_validators=d.source_id not in retry)
    ]
    with writing(settings.warehouse_path, settings.warehouse_wait_s) as con:
        record_results(con, feeds, run_id=run_id, archive_dir=settings.data_path / "archive")
        status = "failed" if error else "completed"
        finish_run(
            con, run_id, finished_at=now(), status=status, counts=counts.as_dict(), error=error
        )
        return tuple(run_problems(con, run_id))


# --- the flow -------------------------------------------------------------------------------


@flow(name=FLOW_NAME)
async def ingest(
    settings: Settings | None = None,
    sources_file: Path | None = None,
    source_ids: list[str] | None = None,
    batch_size: int = BATCH_SIZE,
    force: bool = False,
    wait: bool = False,
) -> IngestReport:
    """Discover, fetch, parse and store the enabled sources that are due (or the named ones).

    A source is due when its poll interval has passed since its feed last answered; naming
    sources or `force` polls them regardless, so a person can always ask for fresh news.
    `settings` come from the caller (the CLI built them from its options); a deployment that
    passes none reads them from the environment and config folder. One run at a time per
    warehouse (flows/run_guard.py): another one under way makes this one wait (`wait`) or stop.
    """
    settings = settings or load_settings()
    with exclusive_run(settings, FLOW_NAME, wait=wait):
        return await run_ingest(settings, sources_file, source_ids, batch_size, force)


async def run_ingest(
    settings: Settings,
    sources_file: Path | None,
    source_ids: list[str] | None,
    batch_size: int,
    force: bool,
    *,
    window: Window | None = None,
    flow_name: str = FLOW_NAME,
) -> IngestReport:
    """The ingest run itself, read top to bottom (see the module's docstring); with a window,
    a backfill's (recorded in `runs` as `flow_name`)."""
    from prefect.runtime import flow_run

    set_apart_start_up()  # before the run's allocations: parsing's trees are collector-heavy
    logger = get_run_logger()
    path = sources_file or settings.config_dir / "sources.toml"
    configured = load_sources(path)
    sources = select_sources(configured, source_ids)
    run_id = str(flow_run.id or uuid.uuid4())
    logger.info("run %s: %d sources from %s", run_id, len(sources), path)

    validators, polled = prepare(settings, run_id, configured, sources, flow_name)
    if window is not None:  # a span is asked for in full: a 304 would say nothing about it
        validators = {}
    not_due = 0
    if not source_ids and not force:
        due = due_sources(sources, polled, now())
        if len(due) < len(sources):
            waiting = sorted({s.id for s in sources} - {s.id for s in due})
            logger.info("not due yet (poll interval): %s", ", ".join(waiting))
        not_due = len(sources) - len(due)
        sources = due
    counts = IngestCounts(sources=len(sources), sources_not_due=not_due)
    discoveries: list[Discovery] = []
    # Sources whose feeds the next run must read in full (logged without validators): those with
    # pages that may be fetched next time, and in a backfill every one (read for the window).
    retry: set[str] = {s.id for s in sources} if window is not None else set()
    try:
        async with Fetcher(settings.fetch, settings.allow_hosts) as fetcher:
            discoveries = await discover_all(fetcher, sources, validators, window)
            counts.sources_failed = sum(1 for d in discoveries if not d.ok)
            counts.feeds_not_modified = sum(
                1 for d in discoveries if d.feed is not None and d.feed.outcome == "not_modified"
            )
            robots = fetcher.take_robots_fetches()
            to_fetch, found = store_discovery(
                settings, run_id, sources, as_is(discoveries), as_is(robots)
            )
            counts.add(found)
            retry |= await fetch_parse_store(
                settings, run_id, fetcher, to_fetch, batch_size, counts
            )
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"
        finish(settings, run_id, as_is(discoveries), counts, retry, error)
        raise
    problems = finish(settings, run_id, as_is(discoveries), counts, retry, None)
    logger.info("run %s completed: %s", run_id, counts.as_dict())
    notes = tuple(note for d in discoveries for note in d.notes)
    return IngestReport(run_id, "completed", counts, problems, notes)
