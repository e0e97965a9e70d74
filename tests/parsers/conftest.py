"""Fixtures for parser tests: article fixture pages parsed as they are or with small edits."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from parsers.article import parse_article
from records.articles import ArticleRecord

ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"

ParseFixture = Callable[..., ArticleRecord]


def parse_fixture(page: str, url: str, *edits: tuple[str, str]) -> ArticleRecord:
    """Parse `tests/fixtures/articles/<page>` as if fetched from `url`, after replacing each
    (old, new) text pair (every `old` must be on the page, so an edit cannot silently miss)."""
    html = (ARTICLES / page).read_text(encoding="utf-8")
    for old, new in edits:
        assert old in html, f"{old!r} is not on {page}"
        html = html.replace(old, new)
    return parse_article(html.encode("utf-8"), url)


@pytest.fixture
def article_page() -> ParseFixture:
    return parse_fixture
