"""Dates are found on every fixture and corpus page that shows one, on the publisher's own day."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from parsers.article import parse_article

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
LABELS = Path(__file__).resolve().parents[2] / "bench" / "data" / "scrapinghub_title_date.jsonl"


def dated_fixtures() -> list[tuple[Path, str, str]]:
    """(page, its URL, the day its expected record gives) for every fixture that shows a date."""
    found = []
    for page in sorted(FIXTURES.rglob("*.html")):
        expected = json.loads(page.with_name(page.stem + ".expected.json").read_text("utf-8"))
        if expected["published_at"]:
            found.append((page, expected["url"], expected["published_at"][:10]))
    return found


@pytest.mark.parametrize(
    ("page", "url", "day"), dated_fixtures(), ids=lambda v: v.name if isinstance(v, Path) else ""
)
def test_every_fixture_that_shows_a_date_gets_it_on_its_own_day(
    page: Path, url: str, day: str
) -> None:
    record = parse_article(page.read_bytes(), url)
    assert record.published_at is not None
    assert record.published_at.date().isoformat() == day  # in the offset the record keeps


def test_every_fixture_shows_a_date() -> None:
    """So the test above covers them all; a fixture without one would need its own reason."""
    assert len(dated_fixtures()) == len(list(FIXTURES.rglob("*.html")))


@pytest.mark.corpus
def test_every_scrapinghub_page_that_shows_a_date_gets_one(corpus: Path) -> None:
    """The hand labels (bench/data) name the pages that show a date; none may come out without."""
    folder = corpus / "scrapinghub"
    truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    labels = [json.loads(line) for line in LABELS.read_text("utf-8").splitlines() if line.strip()]
    missing = []
    for label in labels:
        if "id" not in label or label["date"] is None:
            continue
        data = gzip.decompress((folder / "html" / f"{label['id']}.html.gz").read_bytes())
        if parse_article(data, truth[label["id"]]["url"]).published_at is None:
            missing.append(label["id"])
    assert missing == []
