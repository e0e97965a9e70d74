"""The `track` flow: stored articles -> relevance, facts, near-duplicates, events in the warehouse.

Read top to bottom, it is the run:
1. load: migrate, record the run, list the articles to track (new or changed ones, or every one
   published since a day): ids only, in publication order;
2. for each batch, in publication order:
   0. read: the batch's articles, by key (one batch of bodies in memory at a time);
   a. assess: relevance score and reasons, facts of the relevant ones, MinHash signature;
   b. duplicates: look up stored articles sharing an LSH bucket, link copies to the earliest;
   c. events: re-cluster the batch with the relevant stored articles of its time window (and the
      events they belong to); each group keeps the stored event id it overlaps most, so ids
      survive re-runs and late-arriving earlier coverage, and a swallowed event is recorded as
      merged;
   d. store: the facts (one transaction), then relevance, signatures, links and events (one
      more); the articles' tracking rows go in with the second, so a crash before it leaves
      them pending and the next run redoes them (both writes are replace-by-id, so idempotent);
3. finish: refresh every event's new/continuing status for the reference week; close the run.

The batches share one read-write connection, let go every 20 s so other readers get the file
(warehouse/db.py's `HeldConnection`: closing a connection checkpoints, which cost more with every
article stored); the run's first and last steps open their own.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from config.knowledge import load_knowledge
from config.settings import Settings, load_settings
from flows.heap import set_apart_start_up
from flows.prefect_args import as_is
from flows.prefect_results import forget_task_results
from flows.reports import TrackCounts, TrackReport
from flows.run_guard import exclusive_run
from records.events import Copy, DuplicateLink
from records.facts import ArticleFacts
from records.tracking import StoredArticle, TrackedBatch
from warehouse.db import HeldConnection, open_warehouse, writing
from warehouse.facts import store_facts
from warehouse.runs import finish_run, start_run
from warehouse.tracking import (
    articles_to_track,
    copies_sharing_buckets,
    count_events,
    event_context,
    event_membership,
    live_event_ids,
    read_due,
    refresh_event_status,
    store_batch,
)

# The tracking modules are imported where a batch needs them: ~0.25 s of regular expressions and
# tables at import, which a run with nothing to track (a scheduled one, often) never uses.
if TYPE_CHECKING:
    from tracking.assess import ArticleText, Assessment
    from tracking.event_ids import CarriedEvents
    from tracking.knowledge import TrackingKnowledge

FLOW_NAME = "track"
BATCH_SIZE = 200
STORE_RETRIES = 2  # a store step that failed (e.g. the file briefly locked) is run again
NO_FACTS = ArticleFacts((), (), (), (), ())


@dataclass(frozen=True)
class Grouped:
    """A batch's events with their carried-over ids, and the articles whose membership they
    replace."""

    carried: CarriedEvents
    reclustered: list[str]


@dataclass
class RecentFacts:
    """The facts this run has extracted, kept while a later batch's events may reach them.

    A batch re-clusters the stored articles of its window, and those need their facts again;
    earlier batches overlap it, so facts already extracted are reused. Batches come in
    publication order, so once a batch is grouped the facts of articles published before its
    window (and an event's span) are dropped: kept to the run's end, a 100,000-article run held
    every article's facts (issue 13, P4). The articles the batch just re-clustered stay, old
    or undated: an event's older members come back with each batch that touches the event,
    and extracting them again every batch cost a long run ~25 extractions a batch (~5 ms an
    article). One needed after all is extracted again.
    """

    _kept: dict[str, tuple[date | None, ArticleFacts]] = field(default_factory=dict)

    def get(self, article_id: str) -> ArticleFacts | None:
        kept = self._kept.get(article_id)
        return kept[1] if kept else None

    def keep(self, article_id: str, published_at: datetime | None, facts: ArticleFacts) -> None:
        from tracking.text_dates import reference_date

        self._kept[article_id] = (reference_date(published_at), facts)

    def forget_before(self, day: date, keep: Collection[str] = ()) -> None:
        """Drop the facts of articles published before `day` (and of undated ones), except
        those of `keep`: the articles the last batch re-clustered."""
        self._kept = {
            key: (when, facts)
            for key, (when, facts) in self._kept.items()
            if (when is not None and when >= day) or key in keep
        }

    def __len__(self) -> int:
        return len(self._kept)


def _now() -> datetime:
    return datetime.now(UTC)


def _text(article: StoredArticle) -> ArticleText:
    from tracking.assess import ArticleText

    return ArticleText(
        article.article_id, article.title, article.body, article.language, article.published_at
    )


@task(name="load-articles", cache_policy=NO_CACHE, retries=STORE_RETRIES, retry_delay_seconds=2)
def load_articles(settings: Settings, run_id: str, since: date | None) -> list[str]:
    """What the run has to track: ids only (`read_batch` reads the articles)."""
    with closing(open_warehouse(settings.warehouse_path, settings.warehouse_wait_s)) as con:
        start_run(con, run_id, FLOW_NAME, _now())
        return articles_to_track(con, since)


@task(name="read", cache_policy=NO_CACHE, retries=STORE_RETRIES, retry_delay_seconds=2)
def read_batch(held: HeldConnection, due: Sequence[str]) -> list[StoredArticle]:
    """One batch's articles, read when the run gets to it: memory holds one batch of bodies."""
    with held.use() as con:
        return read_due(con, due)


@task(name="assess", cache_policy=NO_CACHE)
def assess_batch(batch: Sequence[StoredArticle], knowledge: TrackingKnowledge) -> list[Assessment]:
    from tracking.assess import assess

    return [assess(_text(a), knowledge.relevance, knowledge.entities) for a in batch]


@task(name="duplicates", cache_policy=NO_CACHE, retries=STORE_RETRIES, retry_delay_seconds=2)
def find_duplicates(
    held: HeldConnection, batch: Sequence[StoredArticle], assessments: Sequence[Assessment]
) -> list[DuplicateLink]:
    from tracking.duplicates import copy_window, link_duplicates

    copies = [
        Copy(a.article_id, a.published_at, s.signature)
        for a, s in zip(batch, assessments, strict=True)
        if s.signature is not None
    ]
    buckets = {b for c in copies for b in c.signature.buckets()}
    with held.use() as con:
        window = copy_window((a.published_at for a in batch), _now())
        known = copies_sharing_buckets(con, buckets, [a.article_id for a in batch], window)
    return link_duplicates(copies, known)


@task(name="events", cache_policy=NO_CACHE, retries=STORE_RETRIES, retry_delay_seconds=2)
def group_events(
    held: HeldConnection,
    batch: Sequence[StoredArticle],
    assessments: Sequence[Assessment],
    links: Sequence[DuplicateLink],
    knowledge: TrackingKnowledge,
    reference: date,
    known_facts: RecentFacts,
) -> Grouped:
    """The events of the batch's window, and every article whose membership they replace.

    Stored articles of the window need their facts again; `known_facts` keeps those this run
    has already extracted (earlier batches overlap this one's window), and is added to here.
    """
    from tracking.event_ids import carry_ids
    from tracking.events import TrackedArticle, cluster_events
    from tracking.extraction import extract_facts
    from tracking.text_dates import reference_date

    linked = {link.article_id: link.duplicate_of for link in links}
    for a, s in zip(batch, assessments, strict=True):
        if s.facts is not None:
            known_facts.keep(a.article_id, a.published_at, s.facts)
    tracked = [
        TrackedArticle(
            a.article_id,
            a.published_at,
            a.language,
            a.title,
            s.facts,
            s.signature,
            linked.get(a.article_id),
        )
        for a, s in zip(batch, assessments, strict=True)
        if s.facts is not None
    ]
    batch_ids = [a.article_id for a in batch]
    days = [d for a in batch if (d := reference_date(a.published_at)) is not None]
    context: list[StoredArticle] = []
    with held.use() as con:
        if days:
            margin = timedelta(days=2 * knowledge.events.window_days)
            context = event_context(con, min(days) - margin, max(days) + margin, batch_ids)
        reclustered = batch_ids + [a.article_id for a in context]
        stored = event_membership(con, reclustered)
        live = live_event_ids(con)
    for a in context:
        facts = known_facts.get(a.article_id) or extract_facts(
            a.title, a.body, a.language, a.published_at, knowledge.entities
        )
        known_facts.keep(a.article_id, a.published_at, facts)
        tracked.append(
            TrackedArticle(
                a.article_id,
                a.published_at,
                a.language,
                a.title,
                facts,
                a.signature,
                linked.get(a.article_id, a.duplicate_of),
            )
        )
    events = cluster_events(tracked, knowledge.events, reference)
    if days:  # later batches are published no earlier: their windows start after this
        horizon = min(days) - margin - timedelta(days=knowledge.events.span_days)
        known_facts.forget_before(horizon, keep=set(reclustered))
    return Grouped(carry_ids(events, stored, live), reclustered)


@task(name="store", cache_policy=NO_CACHE, retries=STORE_RETRIES, retry_delay_seconds=2)
def store(
    held: HeldConnection,
    batch: Sequence[StoredArticle],
    assessments: Sequence[Assessment],
    links: Sequence[DuplicateLink],
    grouped: Grouped,
    knowledge: TrackingKnowledge,
) -> None:
    with held.use() as con:
        store_facts(
            con,
            [(s.article_id, s.facts or NO_FACTS) for s in assessments],
            knowledge.entities.entities,
        )
        store_batch(
            con,
            TrackedBatch(
                relevance={s.article_id: s.relevance for s in assessments},
                body_sha256={a.article_id: a.body_sha256 for a in batch},
                signatures={s.article_id: s.signature for s in assessments},
                duplicates=links,
                events=grouped.carried.events,
                reclustered=grouped.reclustered,
                tracked_at=_now(),
                merged=grouped.carried.merged,
            ),
        )


@task(name="finish", cache_policy=NO_CACHE, retries=STORE_RETRIES, retry_delay_seconds=2)
def finish(
    settings: Settings, run_id: str, reference: date, counts: TrackCounts, error: str | None
) -> TrackCounts:
    with writing(settings.warehouse_path, settings.warehouse_wait_s) as con:
        refresh_event_status(con, reference - timedelta(days=reference.weekday()))
        counts.events_total = count_events(con)
        finish_run(
            con,
            run_id,
            finished_at=_now(),
            status="failed" if error else "completed",
            counts=counts.as_dict(),
            error=error,
        )
    return counts


@flow(name=FLOW_NAME, log_prints=False)
def track(
    settings: Settings | None = None,
    since: date | None = None,
    reference: date | None = None,
    wait: bool = False,
) -> TrackReport:
    """Track new and changed articles (or all published since `since`) into events.

    `reference` is the day whose week decides new vs continuing (default: today, local time).
    A run that stops part-way is recorded as failed (the batches before it stay stored) and
    raises, so Prefect shows the run as Failed too. One run at a time per warehouse.
    """
    settings = settings or load_settings()
    with exclusive_run(settings, FLOW_NAME, wait=wait):
        return run_track(settings, since, reference)


def run_track(settings: Settings, since: date | None, reference: date | None) -> TrackReport:
    """The track run itself, read top to bottom (see the module's docstring)."""
    set_apart_start_up()  # before the run's allocations (flows/heap.py)
    logger = get_run_logger()
    day = reference or datetime.now(ZoneInfo(settings.timezone)).date()
    loaded = load_knowledge(settings.config_dir, settings.relevance_threshold)  # bad config: stop
    run_id = f"track-{uuid.uuid4().hex[:12]}"
    counts = TrackCounts()
    articles = load_articles(settings, run_id, since)
    known_facts = RecentFacts()
    held = HeldConnection(
        settings.warehouse_path, settings.warehouse_wait_s, memory_mb=settings.warehouse_cache_mb
    )
    try:
        # Compiled only for a run with something to track (≈ 0.3 s: name automata, patterns).
        from tracking.knowledge import prepare

        knowledge = prepare(loaded) if articles else None
        for start in range(0, len(articles), BATCH_SIZE):
            assert knowledge is not None  # there are articles
            # Every large argument goes `as_is` (flows/prefect_args.py): Prefect would otherwise
            # walk it, object by object, before each task, and `known_facts` grows all run long
            # (issue 13's profile: half the CPU of a 2,000-article run on 16,000 stored).
            batch = read_batch(as_is(held), as_is(articles[start : start + BATCH_SIZE]))
            rows, rules = as_is(batch), as_is(knowledge)
            assessments = assess_batch(rows, rules)
            links = find_duplicates(as_is(held), rows, as_is(assessments))
            grouped = group_events(
                as_is(held), rows, as_is(assessments), as_is(links), rules, day, as_is(known_facts)
            )
            store(as_is(held), rows, as_is(assessments), as_is(links), as_is(grouped), rules)
            held.let_go_if_due()
            forget_task_results()  # Prefect's links to the batch's values (prefect_results.py)
            counts.articles += len(batch)
            counts.relevant += sum(1 for s in assessments if s.relevance.is_relevant)
            counts.duplicates += sum(1 for link in links if link.duplicate_of)
            logger.info("tracked %d of %d articles", counts.articles, len(articles))
    except Exception as exc:
        held.close()
        error = f"{type(exc).__name__}: {exc}"
        logger.error("tracking stopped: %s", error)
        finish(settings, run_id, day, counts, error)
        raise
    held.close()
    return TrackReport(run_id, "completed", finish(settings, run_id, day, counts, None))
