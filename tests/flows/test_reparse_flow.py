"""The `reparse` flow through the real archive: pages ingested from a 127.0.0.1 server and
tracked, then the generic parser changed (as a parser fix would change it) and the archive read
again. Exactly the articles whose record changed are updated and tracked again; a page that now
fails to parse, or whose archive file is gone, is a recorded `reparse` problem; the server is
asked nothing."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

from config.settings import Settings
from flows.cli import app
from flows.ingest import ingest
from flows.reparse import reparse
from flows.reports import ReparseReport
from flows.track import track
from parsers.article.base import Page
from parsers.article.generic import GenericParser
from tests.flows.conftest import loopback_config, read_rows
from tests.flows.standins import article_page, days_ago
from warehouse.archive import archive_key

pytestmark = pytest.mark.prefect

SOURCES = """
[[source]]
id = "radio"
name = "Test Radio"
kind = "rss"
url = "{base}/feed.xml"
language = "en"
"""
# What the fix changes, page by page.
SAME, NO_DATE, RETITLED, REDATED, CRASHES, LOST = (f"/n/{n}.htm" for n in range(1, 7))
PAGES = (SAME, NO_DATE, RETITLED, REDATED, CRASHES, LOST)
NEW_DATE = datetime(2025, 4, 24, 10, 0, tzinfo=UTC)
# Six stories unlike each other (pages alike would be linked as copies when tracked).
STORIES = [
    [
        "The Hangzhou municipal government signed a memorandum with Hong Kong's trade council.",
        "It covers digital trade, logistics and exhibitions over the next three years.",
    ],
    [
        "A delegation of Hong Kong university presidents toured laboratories in Hangzhou.",
        "They discussed joint doctoral programmes in artificial intelligence and medicine.",
    ],
    [
        "Hong Kong's financial regulator met Zhejiang banks to talk about cross-border wealth.",
        "Both sides want simpler rules for investors moving money between the two places.",
    ],
    [
        "A start-up park in Hangzhou opened an office for young entrepreneurs from Hong Kong.",
        "Rent is waived for the first year and mentors from local firms volunteer weekly.",
    ],
    [
        "Museums in Hong Kong and Hangzhou will lend each other porcelain for a summer show.",
        "Curators chose pieces from the Song dynasty, when Hangzhou was the capital.",
    ],
    [
        "High-speed rail tickets between Hangzhou East and West Kowloon sold out for the holiday.",
        "Operators added two trains a day and promised more seats during the autumn fair.",
    ],
]


@dataclass
class World:
    settings: Settings
    server: HTTPServer

    def query(self, sql: str, *params: object) -> list[tuple[object, ...]]:
        return read_rows(self.settings, sql, *params)

    def articles(self) -> dict[str, tuple[object, ...]]:
        """Every row of the test's articles, by the path of its link."""
        rows = self.query("SELECT * FROM articles WHERE url LIKE '%/n/%'")
        return {path_of(row[1]): row for row in rows}

    def bodies(self) -> dict[str, object]:
        """The hash of each of the test's articles' body, by the path of its link."""
        rows = self.query("SELECT url, body_sha256 FROM articles WHERE url LIKE '%/n/%'")
        return {path_of(url): sha for url, sha in rows}

    def tracked_at(self) -> dict[str, object]:
        """When each of the test's articles was last tracked, by the path of its link."""
        rows = self.query(
            "SELECT a.url, t.tracked_at FROM article_tracking t JOIN articles a USING (article_id)"
            " WHERE a.url LIKE '%/n/%'"
        )
        return {path_of(url): at for url, at in rows}


def path_of(url: object) -> str:
    return urlsplit(str(url)).path


def serve(server: HTTPServer) -> None:
    base = server.url_for("").rstrip("/")
    server.expect_request("/robots.txt").respond_with_data("", status=404)
    items = "".join(f"<item><title>{p}</title><link>{base}{p}</link></item>" for p in PAGES)
    server.expect_request("/feed.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>',
        content_type="application/rss+xml",
    )
    for number, (path, text) in enumerate(zip(PAGES, STORIES, strict=True), start=1):
        title = f"Hangzhou and Hong Kong agree on plan {number}"
        page = article_page(title, days_ago(30 + number), base, path, text)
        server.expect_request(path).respond_with_data(page, content_type="text/html")


@pytest.fixture
def world(prefect_harness: None, tmp_path: Path) -> Iterator[World]:
    """Six pages ingested and tracked; the archive file of the last one then lost."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        serve(server)
        base = server.url_for("").rstrip("/")
        settings = loopback_config(tmp_path, SOURCES.replace("{base}", base))
        report = asyncio.run(ingest(settings=settings, force=True))
        assert report.counts.articles_new == len(PAGES)
        track(settings=settings)
        world = World(settings, server)
        [(sha,)] = world.query("SELECT content_sha256 FROM articles WHERE url LIKE ?", f"%{LOST}")
        (settings.data_path / "archive" / archive_key(str(sha))).unlink()
        yield world
    finally:
        server.clear()
        server.stop()


def when(path: str, fixed: Callable[..., Any], original: Callable[..., Any]) -> Callable[..., Any]:
    """A parser method that reads the page at `path` as the fix does, every other as before."""

    def method(self: GenericParser, page: Page) -> Any:
        return fixed(self, page) if page.url.endswith(path) else original(self, page)

    return method


@pytest.fixture
def parser_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    """Today's generic parser: one page's headline corrected, one page's date corrected, one
    page's date no longer found, and one page it now cannot parse."""
    title, published, body = (
        GenericParser.get_title,
        GenericParser.get_published,
        GenericParser.get_body,
    )

    def crash(self: GenericParser, page: Page) -> Any:
        raise RuntimeError("a bug in the new parser")

    patched = when(RETITLED, lambda s, p: "Hangzhou and Hong Kong agree on a corrected plan", title)
    monkeypatch.setattr(GenericParser, "get_title", patched)
    redated = when(REDATED, lambda s, p: NEW_DATE, published)
    monkeypatch.setattr(GenericParser, "get_published", when(NO_DATE, lambda s, p: None, redated))
    monkeypatch.setattr(GenericParser, "get_body", when(CRASHES, crash, body))


def run_reparse(
    world: World, *, publisher: str | None = None, dry_run: bool = False
) -> ReparseReport:
    return reparse(settings=world.settings, publisher=publisher, dry_run=dry_run)


def test_a_dry_run_reports_what_would_change_and_writes_nothing(
    world: World, parser_fix: None
) -> None:
    before, runs = world.articles(), world.query("SELECT count(*) FROM runs")

    report = run_reparse(world, dry_run=True)

    counts = report.counts
    assert (counts.pages, counts.changed, counts.unchanged, counts.failed) == (6, 2, 2, 2)
    assert counts.retracked == 0 and report.track is None
    assert world.articles() == before and world.query("SELECT count(*) FROM runs") == runs


def test_exactly_the_changed_articles_are_updated_and_tracked_again_without_the_network(
    world: World, parser_fix: None
) -> None:
    before, tracked_before = world.articles(), world.tracked_at()
    asked_before, bodies_before = len(world.server.log), world.bodies()

    report = run_reparse(world)

    assert len(world.server.log) == asked_before  # the archive, not the network
    counts = report.counts
    assert (counts.pages, counts.unchanged, counts.changed, counts.failed) == (6, 2, 2, 2)
    assert (counts.retracked, counts.store_failures) == (2, 0)
    after = world.articles()
    assert {path for path in PAGES if after[path] != before[path]} == {RETITLED, REDATED}
    titles = world.query(
        "SELECT title, published_at FROM articles WHERE url LIKE ?", f"%{RETITLED}"
    )
    assert titles[0][0] == "Hangzhou and Hong Kong agree on a corrected plan"
    [(redated,)] = world.query("SELECT published_at FROM articles WHERE url LIKE ?", f"%{REDATED}")
    assert redated == NEW_DATE
    # A date changed (the body did not) is enough to track the article again (its headline
    # changed the body too: the page's <h1> no longer matches it); the rest were left alone.
    bodies = world.bodies()
    assert {p for p in PAGES if bodies[p] != bodies_before[p]} == {RETITLED}
    tracked = world.tracked_at()
    assert {p for p in PAGES if tracked[p] != tracked_before[p]} == {RETITLED, REDATED}
    assert report.track is not None and report.track.counts.articles == 2


def test_a_field_the_page_no_longer_gives_keeps_its_stored_value(
    world: World, parser_fix: None
) -> None:
    [(stored,)] = world.query("SELECT published_at FROM articles WHERE url LIKE ?", f"%{NO_DATE}")

    run_reparse(world)

    assert stored is not None
    assert world.query("SELECT published_at FROM articles WHERE url LIKE ?", f"%{NO_DATE}") == [
        (stored,)
    ]


def test_pages_that_cannot_be_read_back_or_parsed_are_recorded_problems(
    world: World, parser_fix: None
) -> None:
    report = run_reparse(world)

    assert report.status == "completed"
    problems = {p.url.rsplit("/n", 1)[1]: p for p in report.problems if p.url}
    assert {p.stage for p in report.problems} == {"reparse"}
    assert set(problems) == {"/5.htm", "/6.htm"}
    assert problems["/5.htm"].error_class == "ParseError"
    assert "a bug in the new parser" in problems["/5.htm"].error
    assert problems["/6.htm"].error_class == "ArchiveError"
    assert world.query("SELECT flow, status FROM runs WHERE run_id = ?", report.run_id) == [
        ("reparse", "completed")
    ]
    stored = world.query(
        "SELECT stage, error_class FROM v_ingest_errors WHERE run_id = ? ORDER BY url",
        report.run_id,
    )
    assert stored == [("reparse", "ParseError"), ("reparse", "ArchiveError")]


def test_a_publisher_is_chosen_by_its_parser_name(world: World, parser_fix: None) -> None:
    assert run_reparse(world, publisher="Generic", dry_run=True).counts.pages == 6
    assert run_reparse(world, publisher="chinadaily", dry_run=True).counts.pages == 0


def test_with_nothing_changed_nothing_is_written_or_tracked(world: World) -> None:
    before = world.articles()

    report = run_reparse(world)

    counts = report.counts
    assert (counts.pages, counts.unchanged, counts.changed, counts.failed) == (6, 5, 0, 1)
    assert report.track is None and world.articles() == before


def test_hzhk_reparse_prints_the_counts_and_the_track_run(world: World, parser_fix: None) -> None:
    config = ["-c", str(world.settings.config_dir)]

    dry = CliRunner().invoke(app, ["reparse", "--dry-run", "--since", "2000-01-01", *config])
    real = CliRunner().invoke(app, ["reparse", "--publisher", "generic", *config])

    assert dry.exit_code == 0 and real.exit_code == 0, dry.output + real.output
    assert dry.stdout.startswith("dry run (nothing written): completed")
    assert "changed" in dry.stdout and "track run" not in dry.stdout
    assert real.stdout.startswith("reparse run ") and "track run track-" in real.stdout
    assert "[reparse] ArchiveError" in real.stdout
