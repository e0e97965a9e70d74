"""Every registered publisher is shown working on a page of its own, and the registry refuses a
module that registers nothing (a helper left among the publishers)."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest

from parsers.article import publishers
from parsers.article.registry import RegistryError, all_publishers

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"


def parsers_with_fixtures() -> set[str]:
    """The `parser` named by every fixture page's expected JSON."""
    found = set()
    for expected in FIXTURES.rglob("*.expected.json"):
        page = expected.with_name(expected.name.removesuffix(".expected.json") + ".html")
        assert page.exists(), f"{expected} has no page beside it"
        found.add(json.loads(expected.read_text("utf-8"))["parser"])
    return found


def test_every_publisher_has_a_fixture_page_and_its_expected_record() -> None:
    missing = sorted({p.name for p in all_publishers()} - parsers_with_fixtures())
    assert missing == [], f"publishers without a fixture page parsed by them: {missing}"


def test_a_publisher_module_without_publishers_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    stray = types.ModuleType(f"{publishers.__name__}.stray_helper")
    monkeypatch.setitem(sys.modules, stray.__name__, stray)
    monkeypatch.setattr(
        "parsers.article.registry.pkgutil.iter_modules",
        lambda path: [types.SimpleNamespace(name="stray_helper")],
    )
    all_publishers.cache_clear()
    try:
        with pytest.raises(RegistryError, match="stray_helper has no PUBLISHERS"):
            all_publishers()
    finally:
        all_publishers.cache_clear()
