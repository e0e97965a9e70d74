"""Every article fixture page parses to exactly its expected JSON.

Fixture pages live in tests/fixtures/articles/<publisher>/<page>.html with <page>.expected.json
beside them (regenerate with scripts/regenerate_expected.py and review the diff).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parsers.article import parse_article
from parsers.article.serialize import record_to_json

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
PAGES = sorted(FIXTURES.rglob("*.html"))


def expected_for(page: Path) -> dict[str, object]:
    path = page.with_name(page.name.removesuffix(".html") + ".expected.json")
    assert path.exists(), f"{path.name} missing: run scripts/regenerate_expected.py {page}"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(FIXTURES)) for p in PAGES])
def test_fixture_page_parses_to_its_expected_record(page: Path) -> None:
    expected = expected_for(page)
    url = expected["url"]
    assert isinstance(url, str)
    record = parse_article(page.read_bytes(), url)
    assert record_to_json(record) == expected


def test_every_fixture_page_names_a_publisher_parser_or_generic() -> None:
    for page in PAGES:
        parser = expected_for(page)["parser"]
        assert isinstance(parser, str) and parser, page
