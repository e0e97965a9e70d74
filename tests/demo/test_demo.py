"""The demo end to end, offline: the bundled corpus served on 127.0.0.1 through the real fetch
path, ingested, tracked and written into weekly digests whose numbers a reader can check by hand.

The expected values below were worked out by hand from demo/expected.jsonl (the corpus's own
labels) and demo/README.md's figure table, plus the seed article (China Daily, 2019-06-18,
week 2019-W25), which every warehouse starts with.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from demo.server import SITE, file_for, site_hosts
from tests.ingest.conftest import read_rows

pytestmark = [pytest.mark.prefect, pytest.mark.slow]
EXPECTED = Path(__file__).resolve().parents[2] / "demo" / "expected.jsonl"


@pytest.fixture(scope="module")
def demo(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> Any:
    from config.settings import load_settings
    from flows.demo_run import run_demo

    return run_demo(load_settings(), tmp_path_factory.mktemp("demo"))


def digest_json(demo: Any, week: str) -> dict[str, Any]:
    path = demo.out / "reports" / week[:4] / f"{week}.json"
    return json.loads(path.read_text("utf-8"))  # type: ignore[no-any-return]


def test_every_page_and_headline_arrives_through_the_real_fetch_path(demo: Any) -> None:
    labels = [json.loads(line) for line in EXPECTED.read_text("utf-8").splitlines()]
    pages = [r for r in labels if r.get("kind", "page") == "page"]
    counts = demo.ingest.counts
    assert (counts.pages_fetched, counts.articles_new, counts.sources_failed) == (80, 80, 0)
    assert counts.headlines_new == len(labels) - len(pages) == 9
    fetched_hosts = read_rows(demo.warehouse, "SELECT DISTINCT url FROM v_fetches")
    assert all(str(url).startswith("http://") for (url,) in fetched_hosts)
    assert "127.0.0.1" not in " ".join(str(url) for (url,) in fetched_hosts)  # real names kept


def test_a_digest_for_every_week_with_coverage_and_an_index_of_them(demo: Any) -> None:
    weeks = [period for period, *_ in demo.digest.written]
    assert weeks == [
        "2018-W37", "2018-W38", "2019-W16", "2019-W17", "2019-W24", "2019-W25",
        "2023-W26", "2023-W27", "2025-W17", "2025-W18",
    ]  # fmt: skip
    index = demo.digest.index.read_text("utf-8")
    assert all(week in index for week in weeks)


@pytest.mark.parametrize(
    ("week", "now", "before"),
    [
        ("2019-W25", 2, 12),  # the seed and one follow-up, after the forum week's twelve
        ("2023-W27", 1, 13),  # one follow-up after the Zhejiang week's thirteen
        ("2025-W18", 3, 19),  # three follow-ups after the conference week's nineteen
    ],
)
def test_week_over_week_numbers_match_the_hand_count(
    demo: Any, week: str, now: int, before: int
) -> None:
    relevant = digest_json(demo, week)["key_numbers"]["relevant_articles"]
    assert (relevant["current"], relevant["previous"]) == (now, before)
    assert relevant["delta"] == now - before
    assert relevant["percent"] == pytest.approx(100 * (now - before) / before)


def test_the_forum_week_sets_its_figures_against_the_year_before(demo: Any) -> None:
    timelines = {t["measure"]: t for t in digest_json(demo, "2019-W24")["timelines"]}
    projects = timelines["hk_projects_in_hangzhou"]
    assert [(p["as_of"], p["value"]) for p in projects["history"]] == [
        ("2017-12-31", 6000.0),
        ("2018-12-31", 6400.0),
    ]
    assert projects["change"] == 400.0
    assert projects["change_percent"] == pytest.approx(100 * 400 / 6000)
    money = timelines["hk_investment_in_hangzhou"]
    assert [(p["as_of"], p["value"]) for p in money["history"]] == [
        ("2017-12-31", 1.2e11),
        ("2018-12-31", 1.4e11),
    ]
    assert money["change"] == pytest.approx(2e10)


def test_two_sources_disagreeing_on_one_date_are_flagged(demo: Any) -> None:
    money = next(
        t for t in digest_json(demo, "2019-W24")["timelines"]
        if t["measure"] == "hk_investment_in_hangzhou"
    )  # fmt: skip
    (disagreement,) = money["disagreements"]
    assert disagreement["as_of"] == "2018-12-31"
    values = {v["value"]: v["source"]["outlet"] for v in disagreement["values"]}
    assert set(values) == {1.04e11, 1.4e11}
    assert values[1.04e11] == "RTHK"


def test_no_trap_joins_an_event(demo: Any) -> None:
    labels = [json.loads(line) for line in EXPECTED.read_text("utf-8").splitlines()]
    traps = sorted(r["url"] for r in labels if r.get("trap"))
    in_events = read_rows(
        demo.warehouse,
        "SELECT url FROM v_articles WHERE event_id IS NOT NULL AND url IN "
        "(SELECT unnest($1::VARCHAR[]))",
        traps,
    )
    assert traps and in_events == []


def test_the_server_answers_each_host_from_its_own_folder_and_nothing_outside_it() -> None:
    host = site_hosts()[0]
    assert file_for(SITE, host, "/../../pyproject.toml") is None
    assert file_for(SITE, "..", "/pyproject.toml") is None
    assert file_for(SITE, "no-such-host.example", "/") is None
