"""The `digest` flow: the warehouse's coverage of a week -> Markdown, HTML and JSON for readers.

Read top to bottom, it is the run:
1. choose the periods: one ISO week (default: the last complete one in the configured zone),
   a span of days, or every week with relevant coverage (`all_weeks`);
2. build each period's `Digest` from the warehouse (warehouse/digest.py, read-only);
3. render and write `reports/<year>/<label>.{md,html,json}` (each file replaced atomically), with
   links to the previous and next digest (a neighbour already written is rendered again so its
   links stay true);
4. record each digest in the `digests` table (v_digests) and publish its Markdown as a Prefect
   artifact; then write `reports/index.html` and `reports/feed.xml` from every recorded digest.
The same warehouse gives the same files, `generated_at` aside (which a caller may pin).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from config.knowledge import load_measures
from config.settings import Settings, load_settings
from digest.entries import IndexEntry
from digest.render import render_all, render_feed, render_index
from flows.run_guard import exclusive_run, recorded_run
from records.digest import Digest, Period
from warehouse.db import connect, open_warehouse
from warehouse.digest import (
    MeasureLabel,
    RecordedDigest,
    build_digest,
    iso_week,
    record_digest,
    recorded_digests,
    span,
    week_of,
    weeks_with_coverage,
)

FLOW_NAME = "digest"


@dataclass(frozen=True)
class DigestReport:
    """The digests a run wrote (paths), and the index and feed it refreshed."""

    written: tuple[tuple[str, Path, Path, Path], ...]  # (period, md, html, json)
    index: Path
    feed: Path


def last_complete_week(today: date, timezone: str) -> Period:
    """The ISO week before the one `today` falls in: the last one with all its days past."""
    return week_of(week_of(today, timezone).start - timedelta(days=7), timezone)


def choose_periods(
    settings: Settings,
    *,
    week: str | None,
    start: date | None,
    end: date | None,
    all_weeks: bool,
    today: date,
) -> list[Period]:
    tz = settings.timezone
    if all_weeks:
        with closing(
            connect(
                settings.warehouse_path,
                read_only=True,
                timezone=tz,
                wait_s=settings.warehouse_wait_s,
            )
        ) as con:
            return weeks_with_coverage(con, tz)
    if week is not None:
        return [iso_week(week, tz)]
    if start is not None or end is not None:
        if start is None or end is None:
            raise ValueError("give both --from and --to")
        return [span(start, end, tz)]
    return [last_complete_week(today, tz)]


def file_stem(period: Period) -> Path:
    """`2019/2019-W25` for a week, `2019/2019-06-10..2019-06-30` for a span."""
    return Path(str(period.start.isocalendar()[0] if "-W" in period.label else period.start.year))


def relative(period: Period, suffix: str) -> str:
    return f"{file_stem(period)}/{period.label}.{suffix}"


@task(name="build-digests", cache_policy=NO_CACHE)
def build_digests(
    settings: Settings, periods: Sequence[Period], generated_at: datetime, demo: bool
) -> list[Digest]:
    measures = {
        m.key: MeasureLabel(m.en, m.zh, m.kind) for m in load_measures(settings.config_dir).measure
    }
    threshold = settings.relevance_threshold
    if threshold is None:
        from config.knowledge import load_relevance_config

        threshold = load_relevance_config(settings.config_dir).threshold
    tz = settings.timezone
    with closing(
        connect(
            settings.warehouse_path, read_only=True, timezone=tz, wait_s=settings.warehouse_wait_s
        )
    ) as con:
        return [
            build_digest(
                con,
                period,
                generated_at=generated_at,
                threshold=threshold,
                measures=measures,
                demo=demo,
            )
            for period in periods
        ]


def write_text(path: Path, text: str) -> None:
    """Replace the file at once: a reader never sees half a digest."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@task(name="write-digests", cache_policy=NO_CACHE)
def write_digests(
    settings: Settings, reports: Path, digests: Sequence[Digest], neighbours: list[Period]
) -> list[RecordedDigest]:
    """Render and write each digest, linked to its neighbours; record them in `digests`."""
    recorded = []
    for d in digests:
        at = neighbours.index(d.period) if d.period in neighbours else None

        def href(i: int | None) -> str | None:
            if i is not None and 0 <= i < len(neighbours):
                return "../" + relative(neighbours[i], "html")
            return None

        previous, following = (at - 1, at + 1) if at is not None else (None, None)
        rendered = render_all(d, href(previous), href(following), "../index.html")
        paths = {suffix: relative(d.period, suffix) for suffix in ("md", "html", "json")}
        write_text(reports / paths["md"], rendered.md)
        write_text(reports / paths["html"], rendered.html)
        write_text(reports / paths["json"], rendered.json)
        entry = IndexEntry.from_digest(d, paths["md"], paths["html"], paths["json"])
        recorded.append(
            RecordedDigest(
                period=d.period.label,
                period_start=d.period.start,
                period_end=d.period.end,
                generated_at=d.generated_at,
                path_md=str(reports / paths["md"]),
                path_html=str(reports / paths["html"]),
                path_json=str(reports / paths["json"]),
                figures={
                    "relevant_articles": entry.relevant_articles,
                    "events": entry.events,
                    "top_events": list(entry.top_events),
                    "demo": entry.demo,
                },
            )
        )
    with closing(open_warehouse(settings.warehouse_path, settings.warehouse_wait_s)) as con:
        for r in recorded:
            record_digest(con, r)
    return recorded


def index_entries(
    recorded: Sequence[RecordedDigest], reports: Path, timezone: str
) -> list[IndexEntry]:
    """Index lines for the digests whose files are in this reports folder."""
    entries = []
    for r in recorded:
        html = Path(r.path_html)
        if not _in(reports, r) or not html.exists():
            continue
        year = html.parent.name
        entries.append(
            IndexEntry(
                period_label=r.period,
                start=r.period_start,
                end=r.period_end,
                generated_at=r.generated_at,
                path_md=f"{year}/{Path(r.path_md).name}",
                path_html=f"{year}/{html.name}",
                path_json=f"{year}/{Path(r.path_json).name}",
                relevant_articles=int(r.figures.get("relevant_articles", 0)),
                events=int(r.figures.get("events", 0)),
                top_events=tuple(r.figures.get("top_events", ())),
                demo=bool(r.figures.get("demo", False)),
                timezone=timezone,
            )
        )
    return entries


@flow(name=FLOW_NAME)
def digest(
    settings: Settings | None = None,
    week: str | None = None,
    start: date | None = None,
    end: date | None = None,
    all_weeks: bool = False,
    out: Path | None = None,
    generated_at: datetime | None = None,
    demo: bool = False,
    wait: bool = False,
) -> DigestReport:
    """Write the digest of a week (default: the last complete one), of a span, or of every week
    with coverage; refresh the reports' index and Atom feed. One run at a time per warehouse."""
    settings = settings or load_settings()
    with exclusive_run(settings, FLOW_NAME, wait=wait), recorded_run(settings, FLOW_NAME) as run:
        report = write_reports(settings, week, start, end, all_weeks, out, generated_at, demo)
        run.counts["digests"] = len(report.written)
        return report


def write_reports(
    settings: Settings,
    week: str | None,
    start: date | None,
    end: date | None,
    all_weeks: bool,
    out: Path | None,
    generated_at: datetime | None,
    demo: bool,
) -> DigestReport:
    """The digest run itself, read top to bottom (see the module's docstring)."""
    logger = get_run_logger()
    reports = (out or settings.reports_path).resolve()
    moment = generated_at or datetime.now(UTC).replace(microsecond=0)
    today = moment.astimezone(ZoneInfo(settings.timezone)).date()
    open_warehouse(settings.warehouse_path, settings.warehouse_wait_s).close()  # views may be new
    periods = choose_periods(
        settings, week=week, start=start, end=end, all_weeks=all_weeks, today=today
    )
    weeks = week_chain(settings, reports, periods)
    to_render = periods + [w for w in touched_neighbours(weeks, periods) if w not in periods]
    digests = build_digests(settings, to_render, moment, demo)
    write_digests(settings, reports, digests, weeks)
    with closing(open_warehouse(settings.warehouse_path, settings.warehouse_wait_s)) as con:
        entries = index_entries(recorded_digests(con), reports, settings.timezone)
    index, feed = reports / "index.html", reports / "feed.xml"
    write_text(index, render_index(entries))
    write_text(feed, render_feed(entries, None))
    publish([d for d in digests if d.period in periods])
    written = tuple(
        (
            p.label,
            reports / relative(p, "md"),
            reports / relative(p, "html"),
            reports / relative(p, "json"),
        )
        for p in periods
    )
    logger.info("wrote %d digests to %s", len(written), reports)
    return DigestReport(written, index, feed)


def week_chain(settings: Settings, reports: Path, periods: Sequence[Period]) -> list[Period]:
    """Every week digest of this reports folder, written before or now, oldest first: the chain
    the previous/next links follow (a digest of a span of days stands alone)."""
    with closing(open_warehouse(settings.warehouse_path, settings.warehouse_wait_s)) as con:
        earlier = [r.period for r in recorded_digests(con) if _in(reports, r)]
    weeks = {label: iso_week(label, settings.timezone) for label in earlier if "-W" in label}
    weeks |= {p.label: p for p in periods if "-W" in p.label}
    return sorted(weeks.values(), key=lambda p: p.start)


def touched_neighbours(weeks: list[Period], periods: Sequence[Period]) -> list[Period]:
    """The weeks right before and after each chosen one: their links change with it."""
    found: list[Period] = []
    for i, week in enumerate(weeks):
        if week in periods:
            found += [w for w in weeks[max(i - 1, 0) : i + 2] if w not in found]
    return found


def _in(reports: Path, r: RecordedDigest) -> bool:
    return Path(r.path_html).parent.parent == reports


def publish(digests: Sequence[Digest]) -> None:
    """Each new digest's Markdown as a Prefect artifact, so the UI shows what a run produced."""
    from prefect.artifacts import create_markdown_artifact

    from digest.render import render_markdown

    for d in digests:
        key = "digest-" + "".join(ch if ch.isalnum() else "-" for ch in d.period.label.lower())
        create_markdown_artifact(markdown=render_markdown(d), key=key[:100])
