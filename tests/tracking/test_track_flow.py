"""The track flow end to end through the warehouse: the seed's facts in the views, labelled
articles grouped into the seed's event, traps rejected with reasons visible in SQL, idempotence."""

from __future__ import annotations

import json
from collections.abc import Sequence
from contextlib import closing
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import cast

import pytest
from typer.testing import CliRunner

from flows.cli import app
from records.articles import ArticleRecord, ArticleVersion
from tests.prefect_links import counting_forget
from tests.settings_helpers import settings_at
from warehouse.articles import upsert_articles
from warehouse.db import connect, open_warehouse

pytestmark = pytest.mark.prefect

LABELLED = Path(__file__).resolve().parents[2] / "bench" / "data" / "tracking_labelled.jsonl"
REFERENCE = date(2019, 6, 20)
SEED_EVENT_ARTICLES = ["e1-en-cd", "e1-hant-tkp", "e1-hans-hzrb"]
TRAPS = ["t-market-en-1", "t-bay-en-1", "t-port-hans-1"]
VCA = "Hangzhou Venture Capital Association"


def labelled_rows() -> dict[str, dict[str, object]]:
    rows = (json.loads(line) for line in LABELLED.read_text("utf-8").splitlines())
    return {str(r["id"]): r for r in rows}


def add_articles(warehouse: Path, ids: Sequence[str]) -> None:
    rows = labelled_rows()
    versions = []
    for i in ids:
        row = rows[i]
        url = f"https://news.example/{i}"
        record = ArticleRecord(
            url=url,
            canonical_url=url,
            parser="test",
            publisher=str(row["publisher"]),
            title=str(row["title"]),
            published_at=datetime.fromisoformat(str(row["published_at"])),
            language=row["language"],  # type: ignore[arg-type]
            body=tuple(str(row["body"]).split("\n\n")),
        )
        versions.append(ArticleVersion(record, "test", datetime(2026, 1, 1, tzinfo=UTC)))
    with closing(open_warehouse(warehouse)) as con:
        upsert_articles(con, versions)


def query(warehouse: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(connect(warehouse, read_only=True)) as con:
        return con.execute(sql).fetchall()


def run_track(config_dir: Path, warehouse: Path, since: date | None = None) -> dict[str, int]:
    from flows.track import track

    settings = settings_at(config_dir, warehouse)
    report = track(settings=settings, since=since, reference=REFERENCE)
    assert report.status == "completed"
    return report.counts.as_dict()


def counts(warehouse: Path) -> dict[str, int]:
    tables = ["events", "event_articles", "mentions", "figures", "agreements", "entities"]
    return {t: cast(int, query(warehouse, f"SELECT count(*) FROM {t}")[0][0]) for t in tables}


SEED_PUBLISHED = datetime(2019, 6, 18, tzinfo=timezone(timedelta(hours=8)))
FIELDS = ["smart city", "high-end services", "finance", "artificial intelligence", "new energy"]
END_2018 = date(2018, 12, 31)


def test_the_seed_facts_reach_the_views(
    prefect_harness: None, config_dir: Path, warehouse_path: Path
) -> None:
    """Exactly the facts of ../shared/seed/README.md, through the real track flow."""
    run_track(config_dir, warehouse_path)

    assert query(warehouse_path, "SELECT * FROM v_events") == [
        (
            "4a1d12129298aa21",  # a hash of the seed article, which founded the event
            "Hangzhou–Hong Kong Innovation and Cooperation Forum",
            "agreement_signing",
            date(2019, 6, 13),
            "Hong Kong",
            SEED_PUBLISHED,
            SEED_PUBLISHED,
            1,
            1,
            "new",  # first seen on 2019-06-18, in the week of the reference day 2019-06-20
            None,  # title_zh: no Chinese coverage
            None,  # place_detail: nothing named below the city
            [],  # parts: the signing is the happening itself
        )
    ]
    reasons = query(
        warehouse_path,
        "SELECT attribute, value FROM v_event_reasons WHERE chosen ORDER BY attribute",
    )
    assert reasons == [
        ("date", "2019-06-13"),  # "The two cities on Thursday signed eight agreements"
        ("place", "Hong Kong"),  # "in the special administrative region"
        ("title", "Hangzhou–Hong Kong Innovation and Cooperation Forum"),
        ("type", "agreement_signing"),  # "The ceremony took place at the ... Forum"
    ]
    assert query(
        warehouse_path,
        "SELECT event_id, signed_on, agreement_count, fields, parties, kind, status, planned_on "
        "FROM v_agreements",
    ) == [
        (
            "4a1d12129298aa21",
            date(2019, 6, 13),
            8,
            FIELDS,
            ["Hangzhou", "Hong Kong"],
            "memorandum of understanding",
            "signed",
            None,
        )
    ]
    assert query(
        warehouse_path,
        "SELECT subject, value, unit, currency, as_of, qualifier, source, event_id IS NOT NULL "
        "FROM v_figures ORDER BY value",
    ) == [
        ("agreements", 8.0, "count", None, None, None, None, True),
        ("unicorn companies", 30.0, "count", None, None, None, VCA, True),
        ("projects", 6400.0, "count", None, END_2018, "about", "Zhang Zhongcan", True),
        ("unicorn company valuation threshold", 1e9, "money", "USD", None, "at least", VCA, True),
        ("total investment", 140e9, "money", "USD", END_2018, "more than", "Zhang Zhongcan", True),
    ]
    assert query(
        warehouse_path,
        "SELECT entity_type, name, mention_count, roles FROM v_entities "
        "WHERE mention_count > 0 ORDER BY entity_type, name",
    ) == [
        ("organization", "Alibaba", 1, []),
        ("organization", "Ant Group", 1, []),  # "Ant Financial" in 2019
        ("organization", "CPC Hangzhou Municipal Committee", 1, []),
        ("organization", VCA, 1, []),
        ("organization", "Hong Kong Trade Development Council", 1, []),
        ("organization", "Olympic Council of Asia", 1, []),
        ("organization", "Shangcheng district government", 1, []),  # "The district government"
        ("person", "Nicholas Yang Wei-hsiun", 1,
         ["Hong Kong's secretary for innovation and Technology"]),
        ("person", "Timothy Fok Tsun-ting", 1, ["vice-president of the Olympic Council of Asia"]),
        ("person", "Zhang Zhongcan", 1,
         ["deputy secretary of the Communist Party of China's Hangzhou Municipal Committee"]),
        ("place", "Hangzhou", 11, []),
        ("place", "Hong Kong", 10, []),  # "HK" in the title, "the special administrative region"
        ("place", "Shangcheng district", 1, []),
        ("place", "Wangjiang Intelligence Industrial Park", 1, []),
        ("place", "Zhejiang", 1, []),
    ]  # fmt: skip
    aliases = query(warehouse_path, "SELECT aliases FROM v_entities WHERE name = 'Hong Kong'")
    assert "Hong Kong SAR" in cast(list[str], aliases[0][0])
    assert query(warehouse_path, "SELECT count(*) FROM v_entities WHERE status = 'candidate'") == [
        (0,)
    ]
    assert query(warehouse_path, "SELECT DISTINCT status FROM v_mentions") == [("accepted",)]


def test_coverage_joins_the_seed_event_and_traps_are_rejected_with_reasons(
    prefect_harness: None, config_dir: Path, warehouse_path: Path
) -> None:
    add_articles(warehouse_path, SEED_EVENT_ARTICLES + TRAPS)
    tracked = run_track(config_dir, warehouse_path)
    assert tracked["articles"] == 7 and tracked["relevant"] == 4

    grouped = query(
        warehouse_path,
        "SELECT count(DISTINCT event_id), count(*) FROM v_articles WHERE is_relevant",
    )
    assert grouped == [(1, 4)]  # the seed and three outlets in two languages, one event
    outlets = query(warehouse_path, "SELECT article_count, outlet_count FROM v_events")
    assert outlets == [(4, 4)]

    reasons = query(
        warehouse_path,
        "SELECT a.url, r.term_group, r.contribution FROM v_relevance_reasons AS r "
        "JOIN articles AS a USING (article_id) WHERE NOT r.is_relevant AND r.contribution < 0",
    )
    rejected = {(str(url).rsplit("/", 1)[1], group) for url, group, _ in reasons}
    assert {
        ("t-market-en-1", "trap_market"),
        ("t-bay-en-1", "trap_bay"),
        ("t-port-hans-1", "trap_port"),
    } <= rejected
    trap_facts = query(
        warehouse_path,
        "SELECT count(*) FROM mentions JOIN articles USING (article_id) WHERE NOT is_relevant",
    )
    assert trap_facts == [(0,)]


def test_tracking_again_is_idempotent_and_later_copies_join_by_duplicate(
    prefect_harness: None, config_dir: Path, warehouse_path: Path
) -> None:
    add_articles(warehouse_path, SEED_EVENT_ARTICLES)
    run_track(config_dir, warehouse_path)
    before = counts(warehouse_path)
    event_ids = query(warehouse_path, "SELECT event_id FROM events")

    again = run_track(config_dir, warehouse_path, since=date(2000, 1, 1))
    assert again["articles"] == 4
    assert counts(warehouse_path) == before
    assert query(warehouse_path, "SELECT event_id FROM events") == event_ids
    assert run_track(config_dir, warehouse_path)["articles"] == 0  # nothing new or changed

    add_articles(warehouse_path, ["e1-en-csi"])  # a syndicated copy, four days later
    assert run_track(config_dir, warehouse_path)["articles"] == 1
    copy = query(
        warehouse_path,
        "SELECT c.duplicate_of = o.article_id, c.event_id = o.event_id "
        "FROM v_articles AS c, v_articles AS o "
        "WHERE c.url LIKE '%e1-en-csi' AND o.url LIKE '%e1-en-cd'",
    )
    assert copy == [(True, True)]
    assert query(warehouse_path, "SELECT event_id FROM events") == event_ids


def snapshot(warehouse: Path) -> dict[str, list[tuple[object, ...]]]:
    """What a reader sees: every public tracking view, ids included."""
    return {
        "events": query(warehouse, "SELECT * FROM v_events ORDER BY ALL"),
        "members": query(
            warehouse, "SELECT url, event_id, duplicate_of FROM v_articles ORDER BY ALL"
        ),
        "figures": query(warehouse, "SELECT * FROM v_figures ORDER BY ALL"),
        "agreements": query(warehouse, "SELECT * FROM v_agreements ORDER BY ALL"),
        "mentions": query(warehouse, "SELECT * FROM v_mentions ORDER BY ALL"),
        "merges": query(warehouse, "SELECT event_id, merged_into FROM v_event_merges"),
    }


def described(warehouse: Path) -> dict[str, object]:
    """The same, as far as ids allow: events by their members' URLs instead of their ids."""
    rows = query(warehouse, "SELECT event_id, list(url ORDER BY url) FROM v_articles GROUP BY 1")
    urls = {event_id: members for event_id, members in rows}
    return {
        "events": sorted(
            (str(urls[row[0]]), *row[1:]) for row in query(warehouse, "SELECT * FROM v_events")
        ),
        "figures": query(warehouse, "SELECT * EXCLUDE (event_id) FROM v_figures ORDER BY ALL"),
        "agreements": query(
            warehouse, "SELECT * EXCLUDE (event_id) FROM v_agreements ORDER BY ALL"
        ),
        "mentions": query(warehouse, "SELECT * FROM v_mentions ORDER BY ALL"),
    }


def test_an_event_keeps_its_id_when_earlier_coverage_arrives_later(
    prefect_harness: None, config_dir: Path, tmp_path: Path
) -> None:
    late = tmp_path / "late.duckdb"
    run_track(config_dir, late)  # the seed alone: published 2019-06-18, it founds the event
    seed_event = query(late, "SELECT event_id FROM events")
    assert len(seed_event) == 1

    add_articles(late, SEED_EVENT_ARTICLES)  # published on 06-14 and 06-15, tracked after it
    run_track(config_dir, late)
    assert query(late, "SELECT event_id FROM events") == seed_event
    assert query(late, "SELECT DISTINCT event_id FROM v_articles WHERE is_relevant") == seed_event
    assert query(late, "SELECT count(*) FROM v_event_merges") == [(0,)]

    before = snapshot(late)
    run_track(config_dir, late, since=date(2000, 1, 1))  # everything again
    assert snapshot(late) == before

    at_once = tmp_path / "at-once.duckdb"
    add_articles(at_once, SEED_EVENT_ARTICLES)
    run_track(config_dir, at_once)
    assert described(at_once) == described(late)  # the order of arrival changes nothing else


def test_any_order_of_arrival_ends_in_the_same_events(
    prefect_harness: None, config_dir: Path, tmp_path: Path
) -> None:
    """Three happenings' coverage tracked newest first, a few articles per run, against all at
    once: the same events with the same members, titles, types, dates and places."""
    rows = labelled_rows()
    ids = sorted(
        (i for i in rows if i.startswith(("e1-", "e2-", "e3-", "s-en-opinion"))),
        key=lambda i: (str(rows[i]["published_at"]), i),
        reverse=True,
    )
    at_once = tmp_path / "at-once.duckdb"
    add_articles(at_once, ids)
    run_track(config_dir, at_once)

    newest_first = tmp_path / "newest-first.duckdb"
    for start in range(0, len(ids), 4):
        add_articles(newest_first, ids[start : start + 4])
        run_track(config_dir, newest_first)
    assert described(newest_first) == described(at_once)
    assert query(newest_first, "SELECT count(*) FROM v_events") == [(3,)]


def test_the_track_command_reports_the_run(
    prefect_harness: None, config_dir: Path, warehouse_path: Path
) -> None:
    result = CliRunner().invoke(
        app, ["track", "--since", "2019-01-01", "-c", str(config_dir), "-w", str(warehouse_path)]
    )
    assert result.exit_code == 0, result.output
    assert "track run" in result.stdout and "completed" in result.stdout
    assert query(warehouse_path, "SELECT count(*) FROM events") == [(1,)]


def test_small_batches_give_the_same_events_as_one_batch(
    prefect_harness: None, config_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import flows.track

    ids = [i for i in labelled_rows() if i.startswith(("e1-", "e2-", "t-market"))]

    def events_after_tracking(warehouse: Path) -> set[tuple[str, frozenset[str]]]:
        add_articles(warehouse, ids)
        run_track(config_dir, warehouse)
        rows = query(
            warehouse,
            "SELECT event_id, list(url ORDER BY url) FROM v_articles "
            "WHERE event_id IS NOT NULL GROUP BY event_id",
        )
        return {(str(e), frozenset(cast(list[str], urls))) for e, urls in rows}

    whole = events_after_tracking(tmp_path / "whole.duckdb")
    monkeypatch.setattr(flows.track, "BATCH_SIZE", 3)
    batched = events_after_tracking(tmp_path / "batched.duckdb")
    assert batched == whole
    assert len(whole) == 2


def test_a_broken_relevance_config_is_a_clear_error(
    prefect_harness: None, config_dir: Path, warehouse_path: Path
) -> None:
    (config_dir / "relevance.toml").write_text("threshold = 'high'\n", "utf-8")
    result = CliRunner().invoke(app, ["track", "-c", str(config_dir), "-w", str(warehouse_path)])
    assert result.exit_code == 1
    message = "".join(result.stderr.split())  # rich wraps
    assert "relevance.toml:" in message and "weights:Fieldrequired" in message


@pytest.mark.parametrize(("hold_s", "let_go_each_batch"), [(600.0, False), (0.0, True)])
def test_batches_share_one_write_connection_let_go_once_held_long_enough(
    prefect_harness: None,
    config_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    hold_s: float,
    let_go_each_batch: bool,
) -> None:
    """Closing a DuckDB connection checkpoints it: batches share the run's write connection, and
    let it go between batches once it has been held `hold_s` (so readers get the file). Held,
    it keeps DuckDB within settings' `warehouse_cache_mb`."""
    import flows.track
    from warehouse.db import HeldConnection

    held: list[HeldConnection] = []

    class Recorded(HeldConnection):
        def __init__(
            self,
            path: Path,
            wait_s: float = 0.0,
            hold_s: float = hold_s,
            memory_mb: int | None = None,
        ) -> None:
            super().__init__(path, wait_s, hold_s, memory_mb)
            held.append(self)

    ids = [i for i in labelled_rows() if i.startswith(("e1-", "e2-", "t-market"))]
    warehouse = tmp_path / "w.duckdb"
    add_articles(warehouse, ids)
    monkeypatch.setattr(flows.track, "BATCH_SIZE", 3)
    monkeypatch.setattr(flows.track, "HeldConnection", Recorded)
    tracked = run_track(config_dir, warehouse)["articles"]

    batches = -(-tracked // 3)
    assert batches >= 3 and len(held) == 1
    assert held[0].memory_mb == 96
    assert held[0].opened == (batches if let_go_each_batch else 1)
    assert query(warehouse, "SELECT count(DISTINCT event_id) FROM v_articles")[0][0] == 2


def test_prefects_links_to_a_batchs_values_are_let_go_after_the_batch(
    prefect_harness: None, config_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Prefect links each task result and its items to the task's run for the whole flow run;
    after each batch the run drops them, so the flow run's context holds one batch's links."""
    import flows.track

    counted, links_before = counting_forget()
    ids = [i for i in labelled_rows() if i.startswith(("e1-", "e2-", "t-market"))]
    warehouse = tmp_path / "w.duckdb"
    add_articles(warehouse, ids)
    monkeypatch.setattr(flows.track, "BATCH_SIZE", 3)
    monkeypatch.setattr(flows.track, "forget_task_results", counted)
    tracked = run_track(config_dir, warehouse)["articles"]

    assert len(links_before) == -(-tracked // 3) >= 3
    assert links_before[0] > tracked  # the first batch's, and one per listed id
    # a batch's: three lists of up to three items (read, assessed, linked), each list and item,
    # and the events' dataclass with its two fields
    assert max(links_before[1:]) <= 3 * (3 + 1) + 3
