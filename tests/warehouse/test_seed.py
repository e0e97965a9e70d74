"""A fresh warehouse holds the user's China Daily article, verbatim, as its first article."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from records.ids import article_id
from warehouse.db import open_warehouse
from warehouse.seed import seed_articles

SEED_URL = "https://www.chinadaily.com.cn/a/201906/18/WS5d0ae264498e12256565e36a.html"
SEED_FILE = Path(__file__).resolve().parents[2] / "warehouse/seed_data/000_374ae714d78d06e8.txt"


def test_the_seed_article_is_the_first_article(warehouse_path: Path) -> None:
    con = open_warehouse(warehouse_path)
    row = con.execute(
        "SELECT article_id, url, canonical_url, publisher, title, published_at, language,"
        " external_id FROM v_articles"
    ).fetchall()
    assert row == [
        (
            article_id(SEED_URL),
            SEED_URL,
            SEED_URL,
            "China Daily",
            "HK, Hangzhou pledge economic cooperation",
            datetime(2019, 6, 17, 16, 0, tzinfo=UTC),  # 2019-06-18 00:00 in Hong Kong
            "en",
            "WS5d0ae264498e12256565e36a",
        )
    ]


def test_published_at_is_shown_in_hong_kong_time(warehouse_path: Path) -> None:
    con = open_warehouse(warehouse_path)
    shown = con.execute("SELECT strftime(published_at, '%Y-%m-%d %z') FROM v_articles").fetchone()
    assert shown == ("2019-06-18 +08",)


def test_the_photo_caption_is_kept_apart_from_the_body(warehouse_path: Path) -> None:
    con = open_warehouse(warehouse_path)
    body, captions = con.execute("SELECT body, captions FROM v_articles").fetchone() or ("", [])
    assert captions == [
        "Aerial photo taken on April 28, 2017 shows the city of Hangzhou at dawn in East "
        "China's Zhejiang province. [Photo/Xinhua]"
    ]
    assert "[Photo/Xinhua]" not in body
    assert body.startswith("Hangzhou — the capital of Zhejiang province")
    assert body.endswith("vice-president of the Olympic Council of Asia.")


def test_the_body_is_the_seed_text_verbatim(warehouse_path: Path) -> None:
    con = open_warehouse(warehouse_path)
    body = (con.execute("SELECT body FROM articles").fetchone() or ("",))[0]
    lines = SEED_FILE.read_text("utf-8").splitlines()
    assert body.split("\n\n") == lines[1:]


def test_seeding_does_not_overwrite_what_later_stages_wrote(warehouse_path: Path) -> None:
    con = open_warehouse(warehouse_path)
    con.execute("UPDATE articles SET relevance = 0.9, is_relevant = true")
    con.close()
    con = open_warehouse(warehouse_path)
    assert con.execute("SELECT count(*), min(relevance) FROM articles").fetchone() == (1, 0.9)


def test_the_seed_manifest_names_one_article() -> None:
    (seed,) = seed_articles()
    assert seed.external_id in seed.url
    assert len(seed.paragraphs) == 10


def test_the_seed_article_is_filed_under_a_source_nothing_polls(warehouse_path: Path) -> None:
    con = open_warehouse(warehouse_path)
    rows = con.execute(
        "SELECT s.source_id, s.kind, s.publisher, s.enabled, s.url"
        " FROM articles AS a JOIN sources AS s USING (source_id)"
    ).fetchall()
    assert rows == [("seed", "seed", "China Daily", False, None)]


def test_seeding_twice_leaves_the_seed_source_as_it_was(warehouse_path: Path) -> None:
    con = open_warehouse(warehouse_path)
    first = con.execute("SELECT * FROM sources").fetchall()
    con.close()
    con = open_warehouse(warehouse_path)
    assert con.execute("SELECT * FROM sources").fetchall() == first
