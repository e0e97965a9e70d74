"""Fetched pages to article versions: the CPU-bound step of a run, and the one that runs elsewhere.

An ingest run fetches, parses and stores. Fetching waits on the network and storing on the one
DuckDB writer; parsing is pure CPU (≈ 7 ms a page, more for pages the generic parser reads with
trafilatura). So parsing is a task of its own, `parse_pages_task`, submitted to a task runner
(flows/runners.py): a thread beside the fetching, a pool of worker processes, or a Dask cluster,
while the run goes on fetching the next batch and storing the previous one.

What a worker receives is `PageToParse`: the link, its source, what the feed said about it and the
fetch result, and nothing of the run (no settings, no connection), so this module imports only
the parsers and the record types. A worker starts faster, and the records pickle small.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from urllib.parse import urlsplit

from prefect import task
from prefect.cache_policies import NO_CACHE

from parsers.article import parse_article
from parsers.errors import ParseError
from parsers.urls import canonicalize, is_fetchable
from records.articles import ArticleRecord, ArticleVersion, FeedItem
from records.fetch import FetchResult
from records.runs import RunProblem


@dataclass(frozen=True, slots=True)
class PageToParse:
    """A fetched link, with what the feed said about it (the parser's fallbacks)."""

    url: str  # the canonical link discovery found: the article's URL whatever the page says
    source_id: str
    item: FeedItem
    result: FetchResult


@dataclass(frozen=True, slots=True)
class Parsed:
    """A batch's articles and the pages that could not be parsed."""

    versions: tuple[ArticleVersion, ...] = ()
    problems: tuple[RunProblem, ...] = ()

    def only(self, url: str) -> Parsed:
        """What this batch parsed for one link (a batch stored page by page)."""
        return Parsed(
            tuple(v for v in self.versions if v.record.url == url),
            tuple(p for p in self.problems if p.url == url),
        )


class Boxed:
    """A batch's pages as one task argument that Prefect passes on without looking inside.

    Before a task runs, Prefect walks its arguments (every list, dict and dataclass) looking for
    futures to resolve, and prefect-dask walks them once more to swap in Dask futures: thousands
    of objects a batch (flows/prefect_args.py). A plain object is neither, so it goes as it is,
    pickled once to a worker process or a Dask worker. Prefect's own `quote` does not survive
    prefect-dask's walk (the task got a bare tuple), hence a box of our own.
    """

    __slots__ = ("pages",)

    def __init__(self, pages: Sequence[PageToParse]) -> None:
        self.pages = tuple(pages)


@task(name="parse-pages", task_run_name="parse-pages-{number}", cache_policy=NO_CACHE)
def parse_pages_task(number: int, boxed: Boxed) -> Parsed:
    """One batch's pages parsed, on whatever runner the run chose (`number` names the task run)."""
    return parse_pages(boxed.pages)


def parse_pages(pages: Sequence[PageToParse]) -> Parsed:
    """Parse every fetched page; a page that cannot be parsed is a problem, not a crash."""
    versions: list[ArticleVersion] = []
    problems: list[RunProblem] = []
    for page in pages:
        result = page.result
        if not result.ok or result.body is None:
            continue
        at = result.attempts[-1].at if result.attempts else datetime.now(UTC)
        try:
            record = parse_article(
                result.body, result.final_url or result.url, result.content_type, now=at
            )
        except ParseError as exc:
            problems.append(
                RunProblem("parse", page.source_id, page.url, "ParseError", str(exc), at)
            )
            continue
        except Exception as exc:  # a parser bug must not lose the batch; it is recorded
            message = f"parser crashed: {type(exc).__name__}: {exc}"
            problems.append(
                RunProblem("parse", page.source_id, page.url, type(exc).__name__, message, at)
            )
            continue
        record = replace(
            with_feed_metadata(record, page.item),
            url=page.url,
            canonical_url=trusted_canonical(record, page.url),
        )
        versions.append(
            ArticleVersion(
                record, page.source_id, at, result.content_sha256, crawled_at=page.item.crawled_at
            )
        )
    return Parsed(tuple(versions), tuple(problems))


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


def trusted_canonical(record: ArticleRecord, fetched: str) -> str:
    """The page's declared canonical URL when it plausibly names this article, else the link.

    Some sites declare their home page (or another host) as every page's canonical URL; taking
    that would merge all their articles into one row.
    """
    declared = record.canonical_url
    if not is_fetchable(declared):
        return fetched
    declared = canonicalize(declared)
    parts, origin = urlsplit(declared), urlsplit(fetched)
    same_site = _site(parts.hostname) == _site(origin.hostname)
    if not same_site or parts.path in ("", "/"):
        return fetched
    if origin.fragment and not parts.fragment:  # one post of a live blog (parsers.urls)
        return f"{declared}#{origin.fragment}"
    return declared


def _site(host: str | None) -> str:
    host = (host or "").lower()
    for prefix in ("www.", "m.", "mobile."):
        host = host.removeprefix(prefix)
    return host
