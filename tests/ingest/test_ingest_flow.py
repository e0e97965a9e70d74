"""The `ingest` flow end to end, through a real socket: a 127.0.0.1 server serves an RSS feed, a
Google News search, a GDELT answer, a news sitemap, one broken feed, article pages, one page that
cannot be parsed, one that is gone and one that fails with a 503 the first time it is asked.
The flow runs three times against it.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from flows.ingest import ingest
from flows.page_parsing import PageToParse, Parsed, parse_pages
from flows.reports import IngestReport
from records.articles import ArticleVersion
from tests.ingest.conftest import read_rows
from tests.settings_helpers import settings_at
from warehouse.articles import UpsertCounts, upsert_articles

pytestmark = pytest.mark.prefect

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
PAGES = ("plenary", "hz-hk-park", "talent", "expo")

SOURCES = """
[[source]]
id = "radio-rss"
name = "Test Radio Greater China"
kind = "rss"
url = "{base}/feeds/greater-china.xml"
language = "en"
publisher = "Test Radio"

[[source]]
id = "gnews-en-hk"
name = "Google News (en-HK)"
kind = "google_news"
edition = "en-HK"
query = 'Hangzhou "Hong Kong"'
url = "{base}/rss/search"

[[source]]
id = "gdelt"
name = "GDELT DOC"
kind = "gdelt_doc"
query = '(Hangzhou OR Zhejiang) "Hong Kong"'
url = "{base}/api/v2/doc/doc"

[[source]]
id = "radio-sitemap"
name = "Test Radio news sitemap"
kind = "sitemap"
url = "{base}/sitemap-news.xml"

[[source]]
id = "broken-feed"
name = "A feed that answers with an error page"
kind = "rss"
url = "{base}/feeds/broken.xml"

[[source]]
id = "switched-off"
name = "Disabled"
kind = "rss"
url = "{base}/feeds/never.xml"
enabled = false
"""


@dataclass
class Runs:
    first: IngestReport
    second: IngestReport
    third: IngestReport
    after_first: dict[str, int]
    after_second: dict[str, int]
    after_third: dict[str, int]
    warehouse: Path
    requests: list[tuple[str, str, int]]  # path, If-None-Match sent, status answered

    def query(self, sql: str, *params: object) -> list[tuple[object, ...]]:
        return read_rows(self.warehouse, sql, *params)


def fixture_text(name: str, base: str) -> str:
    return (FIXTURES / name).read_text("utf-8").replace("{base}", base)


def with_etag(body: str, content_type: str, etag: str) -> Callable[[Request], Response]:
    """A handler that supports conditional GET, as most real feed servers do."""

    def handle(request: Request) -> Response:
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(body, content_type=content_type, headers={"ETag": etag})

    return handle


def fails_once(body: str) -> Callable[[Request], Response]:
    """A page whose server is briefly overloaded: 503 on the first request, fine afterwards."""
    asked: list[Request] = []

    def handle(request: Request) -> Response:
        asked.append(request)
        if len(asked) == 1:
            return Response("busy", status=503)
        return Response(body, content_type="text/html; charset=utf-8")

    return handle


def serve(server: HTTPServer) -> None:
    base = server.url_for("").rstrip("/")
    server.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nAllow: /\n", content_type="text/plain"
    )
    server.expect_request("/feeds/greater-china.xml").respond_with_handler(
        with_etag(fixture_text("rss_greater_china.xml", base), "application/rss+xml", '"rss-1"')
    )
    server.expect_request("/sitemap-news.xml").respond_with_handler(
        with_etag(fixture_text("news_sitemap.xml", base), "application/xml", '"sitemap-1"')
    )
    # Google News and GDELT send no validators: every run reads them in full.
    server.expect_request("/rss/search").respond_with_data(
        fixture_text("google_news.xml", base), content_type="application/rss+xml"
    )
    server.expect_request("/api/v2/doc/doc").respond_with_data(
        fixture_text("gdelt.json", base), content_type="application/json"
    )
    server.expect_request("/feeds/broken.xml").respond_with_data(
        "<html><body><h1>Service temporarily unavailable</h1></body></html>",
        content_type="text/html",
    )
    for page in PAGES:
        server.expect_request(f"/news/{page}.htm").respond_with_data(
            fixture_text(f"pages/{page}.htm", base), content_type="text/html; charset=utf-8"
        )
    server.expect_request("/news/broken.htm").respond_with_data(
        b"\x00\x01\x02\x03 not a page \x00" * 50, content_type="text/html"
    )
    server.expect_request("/news/missing.htm").respond_with_data("gone", status=404)
    server.expect_request("/news/flaky.htm").respond_with_handler(
        fails_once(fixture_text("pages/flaky.htm", base))
    )


def table_counts(path: Path) -> dict[str, int]:
    tables = ["sources", "articles", "fetches", "raw_pages", "ingest_errors", "runs"]
    return {t: int(str(read_rows(path, f"SELECT count(*) FROM {t}")[0][0])) for t in tables}


@pytest.fixture(scope="module")
def runs(
    prefect_harness: None, loopback_settings: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Runs]:
    root = tmp_path_factory.mktemp("ingest")
    config = root / "config"
    config.mkdir()
    (config / "settings.toml").write_text(loopback_settings, "utf-8")
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        serve(server)
        base = server.url_for("").rstrip("/")
        sources = root / "sources.toml"
        sources.write_text(SOURCES.replace("{base}", base), "utf-8")
        warehouse = root / "data" / "warehouse.duckdb"

        def run() -> IngestReport:  # forced: every run polls every source, due or not
            return asyncio.run(
                ingest(settings=settings_at(config, warehouse), sources_file=sources, force=True)
            )

        first = run()
        after_first = table_counts(warehouse)
        second = run()
        after_second = table_counts(warehouse)
        third = run()
        after_third = table_counts(warehouse)
        requests = [
            (req.path, req.headers.get("If-None-Match", ""), resp.status_code)
            for req, resp in server.log
        ]
        yield Runs(
            first, second, third, after_first, after_second, after_third, warehouse, requests
        )
    finally:
        server.clear()
        server.stop()


def test_working_sources_complete_and_the_broken_one_is_recorded(runs: Runs) -> None:
    assert runs.first.status == "completed"
    assert runs.first.counts.sources == 5  # the disabled source is not run
    assert runs.first.counts.sources_failed == 1
    failures = runs.query(
        "SELECT source_id, error FROM v_ingest_errors WHERE stage = 'discover' AND run_id = ?",
        runs.first.run_id,
    )
    assert len(failures) == 1
    source_id, error = failures[0]
    assert source_id == "broken-feed"
    assert "RSS" in str(error) or "feed" in str(error)


def test_fetched_pages_land_in_v_articles_parsed(runs: Runs) -> None:
    rows = runs.query(
        "SELECT source_id, title, body, published_at FROM v_articles"
        " WHERE canonical_url LIKE 'http://127.0.0.1:%' ORDER BY title"
    )
    titles = [r[1] for r in rows]
    assert titles == [
        "Hangzhou and Hong Kong open joint lab",
        "Hangzhou park invites Hong Kong start-ups",
        "Talent exchange between Hangzhou and Hong Kong",
        "Zhejiang and Hong Kong hold co-operation conference",
        "Zhejiang week opens in Hong Kong",
    ]
    for _, _, body, published_at in rows:
        assert "Copyright" not in str(body)
        assert len(str(body).split("\n\n")) == 3
        assert published_at is not None
    assert {r[0] for r in rows} == {"radio-rss", "gdelt", "radio-sitemap"}


def test_google_news_items_are_headlines_with_the_publisher_not_fetched(runs: Runs) -> None:
    rows = runs.query(
        "SELECT a.title, a.publisher, p.publisher_url, a.body, a.language, p.parser"
        " FROM v_articles a JOIN articles p USING (article_id)"
        " WHERE a.source_id = 'gnews-en-hk' ORDER BY a.title"
    )
    assert rows == [
        (
            "Hong Kong firms eye Hangzhou digital economy",
            "Example Daily",
            "https://www.example-daily.test",
            None,
            "en",
            "google_news",
        ),
        (
            "Thirteen areas of co-operation agreed in Hangzhou",
            "Example Post",
            "https://www.example-post.test",
            None,
            "en",
            "google_news",
        ),
    ]
    assert not runs.query("SELECT 1 FROM fetches WHERE url LIKE 'https://news.google.com/%'")


def test_a_link_found_by_several_feeds_is_fetched_once(runs: Runs) -> None:
    rows = runs.query(
        "SELECT regexp_extract(url, '/news/([a-z-]+)\\.htm', 1), count(*) FROM v_fetches"
        " WHERE url LIKE '%/news/%' GROUP BY ALL"
    )
    fetched = {str(page): count for page, count in rows}
    assert fetched == {**{page: 1 for page in (*PAGES, "broken", "missing")}, "flaky": 2}
    assert all("utm_" not in path and "#" not in path for path, _, _ in runs.requests)


def test_a_page_that_cannot_be_parsed_is_recorded_and_the_run_goes_on(runs: Runs) -> None:
    rows = runs.query(
        "SELECT source_id, url, error_class FROM v_ingest_errors WHERE stage = 'parse'"
    )
    assert len(rows) == 1
    source_id, url, error_class = rows[0]
    assert (source_id, error_class) == ("radio-rss", "ParseError")
    assert str(url).endswith("/news/broken.htm")
    assert runs.first.counts.parse_failures == 1
    assert runs.first.counts.articles_new == 4


def test_a_page_that_is_gone_is_in_the_fetch_log(runs: Runs) -> None:
    rows = runs.query("SELECT status, outcome FROM v_fetches WHERE url LIKE '%/news/missing.htm'")
    assert rows == [(404, "http_error")]


def test_a_page_that_failed_for_a_passing_reason_is_fetched_by_the_next_run(runs: Runs) -> None:
    assert runs.query(
        "SELECT status FROM v_fetches WHERE url LIKE '%/flaky.htm' AND run_id = ?",
        runs.first.run_id,
    ) == [(503,)]
    # Its feed was logged without validators, so the next run read it in full ...
    sitemap = [etag for path, etag, _ in runs.requests if path == "/sitemap-news.xml"]
    assert sitemap[:2] == ["", ""]
    # ... and stored the page it missed; the feed that only had a 404 kept its ETag.
    assert runs.second.counts.articles_new == 1
    assert runs.query("SELECT title FROM v_articles WHERE url LIKE '%/flaky.htm'") == [
        ("Hangzhou and Hong Kong open joint lab",)
    ]
    assert ("/feeds/greater-china.xml", '"rss-1"', 304) in runs.requests


def test_a_rerun_changes_nothing_and_uses_conditional_get(runs: Runs) -> None:
    assert runs.third.status == "completed"
    assert runs.after_third["articles"] == runs.after_second["articles"]
    assert runs.after_third["raw_pages"] == runs.after_second["raw_pages"]
    assert runs.after_third["sources"] == runs.after_first["sources"]
    assert runs.query("SELECT count(*) FROM sources WHERE kind != 'seed'") == [(6,)]
    assert runs.third.counts.articles_new == 0
    assert runs.third.counts.pages_fetched == 0
    assert runs.third.counts.feeds_not_modified == 2
    # An unchanged feed (a 304) is neither a failed source nor a recorded problem.
    assert runs.third.counts.sources_failed == 1
    assert [p.source_id for p in runs.third.problems] == ["broken-feed"]
    answered = {(path, etag, status) for path, etag, status in runs.requests}
    assert ("/feeds/greater-china.xml", '"rss-1"', 304) in answered
    assert ("/sitemap-news.xml", '"sitemap-1"', 304) in answered


def test_each_run_is_recorded_with_its_counts(runs: Runs) -> None:
    rows = runs.query(
        "SELECT run_id, flow, status, counts FROM runs WHERE flow = 'ingest' ORDER BY started_at"
    )
    assert [r[0] for r in rows] == [runs.first.run_id, runs.second.run_id, runs.third.run_id]
    assert {r[2] for r in rows} == {"completed"}
    assert json.loads(str(rows[0][3]))["articles_new"] == 4


def test_sources_are_mirrored_in_the_warehouse(runs: Runs) -> None:
    rows = runs.query(
        "SELECT source_id, kind, enabled, options->>'edition' FROM sources ORDER BY 1"
    )
    assert ("gnews-en-hk", "google_news", True, "en-HK") in rows
    assert ("switched-off", "rss", False, None) in rows


def test_no_connection_is_left_open_after_a_run(runs: Runs) -> None:
    """Another process can open the file: DuckDB would refuse it while we held a connection."""
    opened = subprocess.run(
        [
            sys.executable,
            "-c",
            "import duckdb, sys; duckdb.connect(sys.argv[1]).close()",
            str(runs.warehouse),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert opened.returncode == 0, opened.stderr


@dataclass
class OneFeed:
    """A config folder, a sources file with one RSS source ("radio") on the loopback site's
    Greater China feed, and a warehouse path; `run` ingests it."""

    config: Path
    sources: Path
    warehouse: Path

    def run(self, force: bool = False, source_ids: list[str] | None = None) -> IngestReport:
        settings = settings_at(self.config, self.warehouse)
        flow = ingest(settings=settings, sources_file=self.sources, force=force,
                      source_ids=source_ids)  # fmt: skip
        return asyncio.run(flow)


def one_feed(server: HTTPServer, loopback_settings: str, root: Path, extra: str = "") -> OneFeed:
    """The loopback site served, and one source on its feed (`extra`: more of its keys)."""
    serve(server)
    config = root / "config"
    config.mkdir()
    (config / "settings.toml").write_text(loopback_settings, "utf-8")
    sources = root / "sources.toml"
    feed = server.url_for("/feeds/greater-china.xml")
    sources.write_text(
        f'[[source]]\nid = "radio"\nname = "R"\nkind = "rss"\nurl = "{feed}"\n{extra}'
    )
    return OneFeed(config, sources, root / "w.duckdb")


def test_a_run_that_crashes_while_storing_is_picked_up_by_the_next(
    prefect_harness: None,
    loopback_settings: str,
    httpserver: HTTPServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    site = one_feed(httpserver, loopback_settings, tmp_path)
    run, warehouse = site.run, site.warehouse

    real_upsert = upsert_articles

    def crash(con: duckdb.DuckDBPyConnection, versions: list[ArticleVersion]) -> UpsertCounts:
        if versions:
            raise OSError("disk full (simulated)")
        return real_upsert(con, versions)

    monkeypatch.setattr("flows.ingest.upsert_articles", crash)
    with pytest.raises(OSError, match="simulated"):
        run()
    monkeypatch.undo()
    second = run()  # due: a run that crashed never recorded its feed as answered
    third = run(force=True)

    statuses = read_rows(warehouse, "SELECT status, error FROM runs ORDER BY started_at")
    stored = read_rows(warehouse, "SELECT count(*) FROM v_articles WHERE url LIKE 'http://%'")
    assert statuses == [
        ("failed", "OSError: disk full (simulated)"),
        ("completed", None),
        ("completed", None),
    ]
    # The failed run did not keep the feed's new ETag, so the next run read the feed in full and
    # stored the two pages the failed run had fetched but not stored; the one after used a 304.
    assert second.counts.articles_new == 2
    assert stored == [(2,)]
    assert third.counts.feeds_not_modified == 1


@pytest.mark.prefect
def test_a_page_that_cannot_be_stored_costs_only_itself(
    prefect_harness: None,
    loopback_settings: str,
    httpserver: HTTPServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The batch's store fails on one page no check foresaw; stored page by page, the batch
    loses that page alone, recorded as a `store` error naming it."""
    site = one_feed(httpserver, loopback_settings, tmp_path)
    warehouse = site.warehouse
    real_upsert = upsert_articles

    def refuse_park(con: duckdb.DuckDBPyConnection, versions: list[ArticleVersion]) -> UpsertCounts:
        if any(v.record.url.endswith("/hz-hk-park.htm") for v in versions):
            raise ValueError("a value no check foresaw (simulated)")
        return real_upsert(con, versions)

    monkeypatch.setattr("flows.ingest.upsert_articles", refuse_park)
    report = site.run(force=True)

    stored = read_rows(warehouse, "SELECT url FROM v_articles WHERE url LIKE 'http://%'")
    errors = read_rows(warehouse, "SELECT url, error FROM v_ingest_errors WHERE stage = 'store'")
    assert report.status == "completed"
    assert len(stored) == 1 and str(stored[0][0]).endswith("/plenary.htm")  # the batch's other page
    assert [str(url).rsplit("/", 1)[-1] for url, _ in errors] == ["hz-hk-park.htm"]
    assert "simulated" in str(errors[0][1])


def test_a_source_is_polled_again_only_after_its_interval(
    prefect_harness: None, loopback_settings: str, httpserver: HTTPServer, tmp_path: Path
) -> None:
    run = one_feed(httpserver, loopback_settings, tmp_path, "poll_interval_minutes = 60\n").run

    first = run()
    feed_requests = sum(1 for r, _ in httpserver.log if r.path == "/feeds/greater-china.xml")
    too_soon = run()
    named = run(source_ids=["radio"])
    forced = run(force=True)
    after = sum(1 for r, _ in httpserver.log if r.path == "/feeds/greater-china.xml")

    assert first.counts.sources == 1 and first.counts.sources_not_due == 0
    assert too_soon.counts.sources == 0 and too_soon.counts.sources_not_due == 1
    assert named.counts.sources == 1  # naming a source is a choice: it is polled
    assert forced.counts.sources == 1
    assert after == feed_requests + 2  # the run that was too soon asked nothing


def test_a_run_sets_its_start_up_objects_apart_from_the_collector_before_parsing(
    prefect_harness: None,
    loopback_settings: str,
    httpserver: HTTPServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """flows/heap.py: parsing's trees are collected without rescanning Prefect's objects."""
    site = one_feed(httpserver, loopback_settings, tmp_path)
    calls: list[str] = []
    real_parse = parse_pages
    monkeypatch.setattr("flows.ingest.set_apart_start_up", lambda: calls.append("set apart"))

    def parse(pages: Sequence[PageToParse]) -> Parsed:
        calls.append("parse")
        return real_parse(pages)

    monkeypatch.setattr("flows.ingest.parse_pages", parse)
    monkeypatch.setattr("flows.page_parsing.parse_pages", parse)
    assert site.run(force=True).counts.articles_new == 2
    assert calls[0] == "set apart" and calls.count("set apart") == 1 and "parse" in calls
