# ruff: noqa: E501  (the SQL that fills the warehouse is text: long lines read as statements)
"""Weekly digest speed on a large warehouse: `python -m bench.digest_speed [--articles N]
[--repeat R] [--quick]`.

Issue 13 (P3) asks that the weekly digest of a 1,000,000-article warehouse take at most 2 s. The
warehouse is generated in SQL (one `INSERT ... SELECT ... FROM range(N)` per table, so a million
articles take seconds, not the hours tracking them would): articles over five years from 16
outlets (some official) in three languages, about 10 % of them relevant, with events and their
`event_articles`, figures (one in ten of them filed under a configured measure), agreements,
entities and mentions.
One week is busy (a large forum week): 1 in 400 articles is a relevant report dated in it, in 25
events, and 1 in 40 an irrelevant one, about 7x a usual week's relevant coverage; that week is
built.

Measured `--repeat` times, median [min-max]: `warehouse.digest.build_digest` for the busy week
(what the digest flow calls, on a read-only connection as the flow opens it), each of its steps
on its own (the private functions it calls, in its order, so the dominant query shows), and the
rendering (`digest.render.render_all`: Markdown, HTML, JSON). The baseline is the floor any
digest pays: one scan of `v_coverage` counting the week's relevant articles.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import speedkit

TARGET_S = 2.0
BUSY_WEEK = "2023-W25"  # Mon 2023-06-19 .. Sun 2023-06-25
DAYS = 5 * 365
START = "2019-01-01"
TZ = "Asia/Hong_Kong"

# Each statement fills one table from range(); $n is the article count.
FILL = (
    """INSERT INTO sources (source_id, name, kind, url, language, publisher, official)
    SELECT 'bench-' || i, 'Outlet ' || i, 'rss', 'https://outlet' || i || '.example/feed',
           ['en', 'zh-Hans', 'zh-Hant'][i % 3 + 1], 'Outlet ' || i, i % 4 = 0
    FROM range(16) t(i)""",
    """INSERT INTO entities (entity_id, name, entity_type, name_zh_hans, name_zh_hant, status)
    SELECT 'ent' || i, 'Entity ' || i, CASE WHEN i % 3 = 0 THEN 'organization' ELSE 'person' END,
           '实体' || i, '實體' || i, 'known'
    FROM range(200) t(i)""",
    # the busy week: 1 in 400 articles (all relevant) and 1 in 40 (not relevant); the rest
    # spread over five years
    """INSERT INTO articles (article_id, url, canonical_url, source_id, publisher, title,
        published_at, first_seen_at, language, body, relevance, is_relevant, duplicate_of)
    SELECT printf('%016x', i), 'https://outlet' || (i % 16) || '.example/a/' || i,
           'https://outlet' || (i % 16) || '.example/a/' || i, 'bench-' || (i % 16),
           'Outlet ' || (i % 16), 'Hangzhou and Hong Kong story number ' || i,
           CASE WHEN i % 400 = 3 OR i % 40 = 0
                THEN TIMESTAMPTZ '2023-06-19 00:00:00+08' + to_seconds((i * 7919) % (7 * 86400))
                ELSE TIMESTAMPTZ '2019-01-01 00:00:00+08' + to_seconds(((i * 1.0) / $n) * $days * 86400)
           END AS published_at,
           TIMESTAMPTZ '2019-01-01 00:00:00+08' + to_seconds(((i * 1.0) / $n) * $days * 86400),
           ['en', 'zh-Hans', 'zh-Hant'][i % 3 + 1],
           'Officials from Hangzhou and Hong Kong signed agreements on Thursday at a forum. '
             || 'The memorandums cover finance and innovation. Story ' || i || '.',
           CASE WHEN i % 10 = 3 THEN 4.0 + (i % 7) ELSE (i % 30) / 10.0 END,
           i % 10 = 3,
           CASE WHEN i % 10 = 3 AND i % 70 = 13 THEN printf('%016x', i - 10) END
    FROM range($n) t(i)""",
    # one event per 40 relevant articles (about 400 articles), their members in event_articles
    """INSERT INTO events (event_id, title, event_type, event_date, place, status, created_at)
    SELECT 'ev' || e, 'Hangzhou-Hong Kong event ' || e, ['forum', 'agreement_signing', 'visit'][e % 3 + 1],
           DATE '2019-01-01' + CAST(e * $days / greatest(1, $n // 400) AS INTEGER),
           ['Hong Kong', 'Hangzhou'][e % 2 + 1], 'continuing', now()
    FROM range($n // 400 + 1) t(e)
    UNION ALL
    SELECT 'evbusy' || e, 'Busy-week event ' || e, 'forum', DATE '2023-06-20', 'Hong Kong', 'new', now()
    FROM range(25) t(e)""",
    """INSERT INTO event_articles (event_id, article_id, similarity, joined_at)
    SELECT CASE WHEN i % 400 = 3 THEN 'evbusy' || ((i // 400) % 25) ELSE 'ev' || (i // 400) END,
           printf('%016x', i), 0.8, now()
    FROM range($n) t(i) WHERE i % 10 = 3""",
    # figures in 1 of 2 relevant articles; 1 in 10 of those is filed under a measure
    """INSERT INTO figures (figure_id, article_id, subject, value, unit, currency, as_of, sentence, measure)
    SELECT 'fig' || i, printf('%016x', i), 'projects', 6000 + (i % 50) * 10, 'count', NULL,
           DATE '2018-12-31' + CAST((i % 5) * 365 AS INTEGER),
           'Hong Kong investors had set up about 6,400 projects in Hangzhou.',
           CASE WHEN i % 200 = 13
                THEN ['hk_projects_in_hangzhou', 'hk_investment_in_hangzhou', 'cooperation_areas'][i % 3 + 1]
           END
    FROM range($n) t(i) WHERE i % 20 = 3""",
    """INSERT INTO agreements (agreement_id, event_id, article_id, signed_on, agreement_count, kind,
        fields, parties, sentence, status)
    SELECT 'agr' || i, 'ev' || (i // 400), printf('%016x', i), DATE '2019-01-01' + CAST(i % 1800 AS INTEGER),
           3 + i % 10, 'memorandum of understanding', ['finance', 'innovation and technology'],
           ['Hangzhou Municipal Government', 'Hong Kong SAR Government'],
           'The two sides signed agreements.', 'signed'
    FROM range($n) t(i) WHERE i % 50 = 3""",
    """INSERT INTO mentions (mention_id, article_id, entity_id, surface, field, start_offset, end_offset, status)
    SELECT 'm' || i || '-' || k, printf('%016x', i), 'ent' || ((i * 7 + k * 13) % 200), 'Entity', 'body',
           k * 10, k * 10 + 6, 'accepted'
    FROM range($n) t(i), range(3) r(k) WHERE i % 10 = 3""",
    """INSERT INTO runs (run_id, flow, started_at, finished_at, status, counts)
    VALUES ('bench-ingest', 'ingest', now(), now(), 'completed', '{"sources": 16, "sources_failed": 1}')""",
)


def build_warehouse(path: Path, articles: int) -> float:
    """A migrated warehouse filled in SQL; returns the seconds it took."""
    from warehouse.db import open_warehouse

    began = time.perf_counter()
    with closing(open_warehouse(path)) as con:
        for statement in FILL:
            sql = statement.replace("$n", str(articles)).replace("$days", str(DAYS))
            con.execute(sql)
        con.execute("CHECKPOINT")
    return time.perf_counter() - began


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    began = time.perf_counter()
    value = call()
    return time.perf_counter() - began, value


def measure_once(path: Path) -> dict[str, float]:
    """One build of the busy week's digest, whole and step by step, plus rendering."""
    from digest.render import render_all
    from warehouse import digest as queries
    from warehouse.db import connect

    period = queries.iso_week(BUSY_WEEK, TZ)
    previous = queries.before(period)
    measures = {
        "hk_projects_in_hangzhou": queries.MeasureLabel("HK projects in Hangzhou", None, "count")
    }
    times: dict[str, float] = {}
    with closing(connect(path, read_only=True, timezone=TZ)) as con:
        times["baseline: count the week in v_coverage"], _ = timed(
            lambda: con.execute(
                "SELECT count(*) FROM v_coverage WHERE is_relevant AND "
                "timezone($tz, appeared_at)::DATE BETWEEN $start AND $end",
                {"tz": TZ, "start": period.start, "end": period.end},
            ).fetchall()
        )
        times["build_digest (whole)"], digest = timed(
            lambda: queries.build_digest(
                con, period, generated_at=datetime.now(UTC), threshold=3.0, measures=measures
            )
        )
        t, coverage = timed(lambda: queries._coverage(con, period, previous))
        times["_coverage"] = t
        now = [c for c in coverage if c["current"]]
        then = [c for c in coverage if not c["current"]]
        times["_events"], events = timed(lambda: queries._events(con, period, previous, now, then))
        times["_key_numbers"], _ = timed(lambda: queries._key_numbers(now, then, events))
        times["_agreements"], _ = timed(lambda: queries._agreements(con, period))
        times["_timelines"], _ = timed(lambda: queries._timelines(con, period, measures))
        times["_named_entities (new and top)"], _ = timed(
            lambda: queries._named_entities(con, period, previous)
        )
        times["_sources"], _ = timed(lambda: queries._sources(now))
        times["_daily"], _ = timed(lambda: queries._daily(con, period))
        times["_trend"], _ = timed(lambda: queries._trend(con, period))
        times["_health"], _ = timed(lambda: queries._health(con, period, now, 3.0))
        times["_appendix"], _ = timed(lambda: queries._appendix(now, events))
    times["render_all (md, html, json)"], rendered = timed(
        lambda: render_all(digest, None, None, None)
    )
    times["articles in the week"] = float(len(now))
    times["events in the week"] = float(len(events))
    times["html bytes"] = float(len(rendered.html.encode("utf-8")))
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="20,000 articles, 1 run: a smoke test")
    args = parser.parse_args(argv)
    if args.quick:
        args.articles, args.repeat = 20_000, 1
    print(f"machine load before: {speedkit.load()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-digest-") as folder:
        path = Path(folder) / "digest.duckdb"
        fill_s = build_warehouse(path, args.articles)
        print(
            f"generated {args.articles:,} articles in SQL in {fill_s:.1f} s "
            f"({path.stat().st_size / 1e6:.0f} MB)",
            flush=True,
        )
        runs = [measure_once(path) for _ in range(args.repeat)]
    counts = ("articles in the week", "events in the week", "html bytes")
    whole = [r["build_digest (whole)"] for r in runs]
    render = [r["render_all (md, html, json)"] for r in runs]
    total = statistics.median([w + r for w, r in zip(whole, render, strict=True)])
    base = statistics.median([r["baseline: count the week in v_coverage"] for r in runs])
    steps = [k for k in runs[0] if k.startswith("_")]
    step_total = sum(statistics.median([r[k] for r in runs]) for k in steps) or 1.0
    print(
        f"\nweekly digest of {BUSY_WEEK} (the busy week) over {args.articles:,} articles; "
        f"{args.repeat} runs, median [min–max]; machine load after: {speedkit.load()}"
    )
    print(", ".join(f"{k}: {runs[0][k]:,.0f}" for k in counts))
    rows = []
    for key in runs[0]:
        if key in counts:
            continue
        values = [r[key] for r in runs]
        share = f"{statistics.median(values) / step_total:.0%}" if key in steps else ""
        rows.append(
            (key, speedkit.fmt_spread(values, 3), share, f"{statistics.median(values) / base:.1f}")
        )
    print(speedkit.table(("step", "seconds", "share of steps", "x baseline"), rows))
    print(
        f"\ntarget: build + render ≤ {TARGET_S:g} s: {total:.2f} s ({speedkit.verdict(total, TARGET_S)})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
