"""The `reparse` flow: archived pages parsed again with today's parsers, without the network.

After a parser fix, the articles it would have read differently are read again from the raw
archive (every fetched body is kept there by its hash), so no site is asked twice. Read top to
bottom, it is the run:
1. select: record the run; the stored articles whose raw page is in the archive, those of one
   publisher or published since a day if asked;
2. for each batch: parse each page again as ingest parsed it (at the address its fetch ended at,
   with the content type it came with, the run's clock as `now`) and compare the record with
   the stored one; a page that cannot be read back or parsed is a `reparse` problem, and the
   stored article stays as it was;
3. store the articles whose record changed (one transaction per batch, with the problems);
4. track again: the track flow takes up exactly the articles whose tracked version (body, title,
   date, language, publisher) no longer matches, which are those changed here plus any that were
   already waiting to be tracked;
5. close the run with its counts.

What ingest keeps, reparse keeps. Ingest fills what the page lacks from what the feed said about
the link (title, date, publisher, authors: `with_feed_metadata`); the feed item is not kept, so
here the stored values stand in for it: a field the page still does not give keeps the value
stored, rather than being erased. The article keeps its identity (its link and canonical URL),
its source and its first sighting; the record's `problems` are today's parser's. A dry run
parses and compares only: it writes nothing, records no run and tracks nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from config.settings import Settings, load_settings
from flows.heap import set_apart_start_up
from flows.ingest import first_line, rejected_problems
from flows.page_parsing import with_feed_metadata
from flows.reports import ReparseCounts, ReparseReport, TrackReport
from flows.run_guard import exclusive_run
from parsers.article import parse_article
from parsers.article.registry import publisher_for
from parsers.errors import ParseError
from records.articles import ArticleVersion, FeedItem
from records.runs import RunProblem
from warehouse.archive import ArchiveError, load_body
from warehouse.articles import ArchivedArticle, archived_articles, upsert_articles
from warehouse.db import connect, open_warehouse, transaction, writing
from warehouse.runs import finish_run, record_problems, run_problems, start_run
from warehouse.tracking import articles_to_track

FLOW_NAME = "reparse"
STAGE = "reparse"
BATCH_SIZE = 100
STORE_RETRIES = 2  # a store step that failed (e.g. the file briefly locked) is run again


def now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Reparsed:
    """One batch parsed again: the versions that differ from what is stored, and the rest."""

    changed: list[ArticleVersion]
    unchanged: int
    problems: list[RunProblem]


def publisher_matches(article: ArchivedArticle, wanted: str) -> bool:
    """`--publisher` names a parser (`chinadaily`, `generic`) or a publisher as stored ("China
    Daily"), in any case. The parser registered today for the page's host counts too, so pages
    a new publisher parser covers are found while they are still filed under `generic`."""
    registered = publisher_for(urlsplit(article.page_url).hostname or "")
    names = {article.parser, article.publisher}
    if registered is not None:
        names |= {registered.name, registered.label}
    return wanted.casefold() in {n.casefold() for n in names if n}


def stored_item(article: ArchivedArticle) -> FeedItem:
    """The stored values, standing in for the feed item ingest filled the record from."""
    return FeedItem(
        url=article.url,
        title=article.title,
        published_at=article.published_at,
        publisher=article.publisher,
        authors=tuple(article.authors or ()),
    )


def reparsed_version(article: ArchivedArticle, body: bytes, at: datetime) -> ArticleVersion:
    """The article as today's parsers read its archived page, filled and keyed as stored."""
    record = parse_article(body, article.page_url, article.content_type, now=at)
    record = replace(
        with_feed_metadata(record, stored_item(article)),
        url=article.url,
        canonical_url=article.canonical_url,
    )
    return ArticleVersion(record, article.source_id, at, article.content_sha256)


def differs(article: ArchivedArticle, version: ArticleVersion) -> bool:
    """Whether storing the version would change the row: what the articles writer compares
    (`warehouse.articles.ARTICLES`; the page's hash is the same one)."""
    record = version.record
    new = (version.body_sha256, record.title, record.published_at, record.updated_at)
    old = (article.body_sha256, article.title, article.published_at, article.updated_at)
    return new != old or record.parser != article.parser


# --- 1. select ------------------------------------------------------------------------------


@task(name="select-pages", cache_policy=NO_CACHE, retries=STORE_RETRIES, retry_delay_seconds=2)
def select_pages(
    settings: Settings,
    run_id: str,
    publisher: str | None,
    since: date | None,
    dry_run: bool,
) -> list[ArchivedArticle]:
    """Record the run (not in a dry run) and read the articles whose pages are archived."""
    if dry_run:
        con = connect(settings.warehouse_path, read_only=True, wait_s=settings.warehouse_wait_s)
    else:
        con = open_warehouse(settings.warehouse_path, settings.warehouse_wait_s)
    try:
        if not dry_run:
            start_run(con, run_id, FLOW_NAME, now())
        found = archived_articles(con, since)
    finally:
        con.close()
    return [a for a in found if publisher is None or publisher_matches(a, publisher)]


# --- 2. parse again -------------------------------------------------------------------------


@task(name="reparse-pages", task_run_name="reparse-pages-{number}", cache_policy=NO_CACHE)
def reparse_pages(
    settings: Settings, number: int, batch: Sequence[ArchivedArticle], at: datetime
) -> Reparsed:
    """Parse each archived page again; one that cannot be read back or parsed is a problem, not
    a crash, and its article stays as stored."""
    archive = settings.data_path / "archive"
    changed: list[ArticleVersion] = []
    unchanged = 0
    problems: list[RunProblem] = []
    for article in batch:
        try:
            version = reparsed_version(article, load_body(archive, article.content_sha256), at)
        except ArchiveError as exc:
            problems.append(problem(article, "ArchiveError", str(exc), at))
            continue
        except ParseError as exc:
            problems.append(problem(article, "ParseError", str(exc), at))
            continue
        except Exception as exc:  # a parser bug must cost one page, not the run; it is recorded
            message = f"parser crashed: {first_line(exc)}"
            problems.append(problem(article, type(exc).__name__, message, at))
            continue
        if differs(article, version):
            changed.append(version)
        else:
            unchanged += 1
    return Reparsed(changed, unchanged, problems)


def problem(article: ArchivedArticle, error_class: str, error: str, at: datetime) -> RunProblem:
    return RunProblem(STAGE, article.source_id, article.url, error_class, error, at)


# --- 3. store -------------------------------------------------------------------------------


@task(
    name="store-reparsed",
    task_run_name="store-reparsed-{number}",
    cache_policy=NO_CACHE,
    retries=STORE_RETRIES,
    retry_delay_seconds=2,
)
def store_reparsed(settings: Settings, run_id: str, number: int, reparsed: Reparsed) -> int:
    """The changed articles and the batch's problems, in one transaction; returns how many
    changed articles the warehouse could not take (each one a `store` problem)."""
    with writing(settings.warehouse_path, settings.warehouse_wait_s) as con, transaction(con):
        upserted = upsert_articles(con, reparsed.changed)
        record_problems(con, run_id, [*reparsed.problems, *rejected_problems(upserted, now())])
    return len(upserted.rejected)


# --- 4. track again, 5. finish --------------------------------------------------------------


def track_again(settings: Settings, changed: set[str]) -> tuple[TrackReport, int]:
    """Run the track flow (it takes up the articles whose tracked version changed); returns its
    report and how many of the changed articles it tracked."""
    from flows.track import track

    report = track(settings=settings)
    con = connect(settings.warehouse_path, read_only=True, wait_s=settings.warehouse_wait_s)
    try:
        waiting = set(articles_to_track(con, None))
    finally:
        con.close()
    return report, len(changed - waiting)


@task(name="finish", cache_policy=NO_CACHE, retries=STORE_RETRIES, retry_delay_seconds=2)
def finish(
    settings: Settings, run_id: str, counts: ReparseCounts, error: str | None
) -> tuple[RunProblem, ...]:
    with writing(settings.warehouse_path, settings.warehouse_wait_s) as con:
        status = "failed" if error else "completed"
        finish_run(
            con, run_id, finished_at=now(), status=status, counts=counts.as_dict(), error=error
        )
        return tuple(run_problems(con, run_id))


# --- the flow -------------------------------------------------------------------------------


@flow(name=FLOW_NAME)
def reparse(
    settings: Settings | None = None,
    publisher: str | None = None,
    since: date | None = None,
    dry_run: bool = False,
    batch_size: int = BATCH_SIZE,
    wait: bool = False,
) -> ReparseReport:
    """Parse the archived pages of stored articles again, store those that read differently and
    track them again. One run at a time per warehouse (a dry run writes nothing and needs no
    turn)."""
    settings = settings or load_settings()
    if dry_run:
        return run_reparse(settings, publisher, since, True, batch_size)
    with exclusive_run(settings, FLOW_NAME, wait=wait):
        return run_reparse(settings, publisher, since, False, batch_size)


def run_reparse(
    settings: Settings,
    publisher: str | None,
    since: date | None,
    dry_run: bool,
    batch_size: int,
) -> ReparseReport:
    """The reparse run itself, read top to bottom (see the module's docstring)."""
    set_apart_start_up()  # parsing's trees are collector-heavy (flows/heap.py)
    from prefect.runtime import flow_run

    logger = get_run_logger()
    run_id = str(flow_run.id or uuid.uuid4())
    at = now()  # the run's clock: what every page is parsed against
    articles = select_pages(settings, run_id, publisher, since, dry_run)
    logger.info("run %s: %d archived pages to parse again", run_id, len(articles))
    counts = ReparseCounts()
    problems: list[RunProblem] = []
    changed: set[str] = set()
    tracked: TrackReport | None = None
    try:
        for number, start in enumerate(range(0, len(articles), batch_size), start=1):
            batch = articles[start : start + batch_size]
            reparsed = reparse_pages(settings, number, batch, at)
            counts.pages += len(batch)
            counts.unchanged += reparsed.unchanged
            counts.changed += len(reparsed.changed)
            counts.failed += len(reparsed.problems)
            if dry_run:
                problems += reparsed.problems
                continue
            counts.store_failures += store_reparsed(settings, run_id, number, reparsed)
            changed |= {v.article_id for v in reparsed.changed}
            logger.info("batch %d: %d pages, %d changed", number, len(batch), len(reparsed.changed))
        if changed:
            tracked, counts.retracked = track_again(settings, changed)
    except Exception as exc:
        if not dry_run:
            finish(settings, run_id, counts, f"{type(exc).__name__}: {exc}")
        raise
    if not dry_run:
        problems = list(finish(settings, run_id, counts, None))
    logger.info("run %s completed: %s", run_id, counts.as_dict())
    return ReparseReport(run_id, "completed", dry_run, counts, tuple(problems), tracked)
