"""The digest flow over a real warehouse: the seed's week reads as the seed says, an empty week is
a short digest, the same warehouse writes the same bytes, and v_digests, the index and the feed
know every digest written."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.digest_flow import last_complete_week
from tests.ingest.conftest import read_rows

pytestmark = pytest.mark.prefect
PINNED = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def seeded(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse holding the seed article, tracked."""
    folder = tmp_path_factory.mktemp("seeded")
    result = CliRunner().invoke(
        app, ["-w", str(folder / "w.duckdb"), "--data-dir", str(folder / "data"), "track"]
    )
    assert result.exit_code == 0, result.output
    return folder


def write_digest(folder: Path, *args: str) -> dict[str, Any]:
    from config.settings import load_settings
    from flows.digest_flow import digest

    settings = load_settings(warehouse=folder / "w.duckdb", data_dir=folder / "data")
    week = args[0] if args else None
    report = digest(settings=settings, week=week, out=folder / "reports", generated_at=PINNED)
    loaded: dict[str, Any] = json.loads(report.written[0][3].read_text("utf-8"))
    return loaded


def test_the_seed_week_shows_the_forum_its_eight_mous_and_the_seed_figures(seeded: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["digest", "--week", "2019-W25", "-w", str(seeded / "w.duckdb"),
         "--data-dir", str(seeded / "data"), "--out", str(seeded / "cli-reports")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    stem = seeded / "cli-reports" / "2019" / "2019-W25"
    assert all(stem.with_suffix(s).is_file() for s in (".md", ".html", ".json"))
    data = json.loads(stem.with_suffix(".json").read_text("utf-8"))
    (event,) = data["top_events"]
    assert (event["title"], event["event_date"], event["place"]) == (
        "Hangzhou–Hong Kong Innovation and Cooperation Forum",
        "2019-06-13",
        "Hong Kong",
    )
    (signing,) = data["agreements"]
    assert (signing["count"], signing["status"], len(signing["fields"])) == (8, "signed", 5)
    timelines = {t["measure"]: t["history"] for t in data["timelines"]}
    assert [(p["as_of"], p["value"]) for p in timelines["hk_projects_in_hangzhou"]] == [
        ("2018-12-31", 6400.0)
    ]
    assert [(p["as_of"], p["value"]) for p in timelines["hk_investment_in_hangzhou"]] == [
        ("2018-12-31", 1.4e11)
    ]
    recorded = read_rows(seeded / "w.duckdb", "SELECT period, path_html FROM v_digests")
    assert recorded == [("2019-W25", str(stem.with_suffix(".html")))]


def test_an_empty_week_is_a_short_correct_digest(seeded: Path) -> None:
    data = write_digest(seeded, "2030-W01")
    assert data["top_events"] == [] and data["events_total"] == 0
    assert data["key_numbers"]["relevant_articles"] == {
        "current": 0, "previous": 0, "delta": 0, "percent": None,
    }  # fmt: skip


def test_the_same_warehouse_writes_the_same_bytes(seeded: Path) -> None:
    stem = seeded / "reports" / "2019" / "2019-W25"
    write_digest(seeded, "2019-W25")
    first = [stem.with_suffix(s).read_bytes() for s in (".md", ".html", ".json")]
    write_digest(seeded, "2019-W25")
    assert [stem.with_suffix(s).read_bytes() for s in (".md", ".html", ".json")] == first


def test_the_index_and_the_feed_list_every_digest_written(seeded: Path) -> None:
    write_digest(seeded, "2019-W25")
    write_digest(seeded, "2019-W24")
    reports = seeded / "reports"
    index = (reports / "index.html").read_text("utf-8")
    assert "2019-W24" in index and "2019-W25" in index
    feed = ElementTree.parse(reports / "feed.xml").getroot()
    titles = [e.findtext("{http://www.w3.org/2005/Atom}title") or "" for e in feed]
    assert sum("2019-W25" in t for t in titles) == 1 and sum("2019-W24" in t for t in titles) == 1
    w25 = (reports / "2019" / "2019-W25.html").read_text("utf-8")
    assert "2019-W24.html" in w25  # the later digest links back to the earlier one


def test_the_default_week_is_the_last_complete_iso_week() -> None:
    assert last_complete_week(date(2026, 12, 4), "Asia/Hong_Kong").label == "2026-W48"
    assert last_complete_week(date(2026, 11, 30), "Asia/Hong_Kong").label == "2026-W48"
    assert last_complete_week(date(2027, 1, 4), "Asia/Hong_Kong").label == "2026-W53"
