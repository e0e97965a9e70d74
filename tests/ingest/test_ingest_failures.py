"""How the `ingest` flow treats failures across runs, through real sockets on 127.0.0.1: a feed
that is an error page, pages that failed for good, GDELT spacing, and a run in which one server
hangs and another resets the connection while healthy sources still store their articles."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from config.settings import load_settings
from flows.http.single import fetch_and_store
from flows.ingest import ingest
from flows.reports import IngestReport
from tests.fetch.fetch_harness import FaultServer, drip, reset
from tests.ingest.conftest import read_rows
from tests.settings_helpers import settings_at

pytestmark = pytest.mark.prefect

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


class Setup:
    """A config folder, a sources file and a warehouse in tmp_path; run() runs the flow."""

    def __init__(self, root: Path, loopback_settings: str, fetch_extra: str = "") -> None:
        self.config = root / "config"
        self.config.mkdir()
        # fetch_extra's keys replace the loopback settings' own.
        replaced = {line.split("=")[0].strip() for line in fetch_extra.splitlines()}
        kept = [
            line
            for line in loopback_settings.splitlines()
            if line.split("=")[0].strip() not in replaced
        ]
        settings = "\n".join(kept).replace("[fetch]", f"[fetch]\n{fetch_extra}") + "\n"
        (self.config / "settings.toml").write_text(settings, "utf-8")
        self.sources = root / "sources.toml"
        self.warehouse = root / "w.duckdb"

    def write_sources(self, text: str) -> None:
        self.sources.write_text(text, "utf-8")

    def run(self, *, force: bool = False) -> IngestReport:
        return asyncio.run(
            ingest(
                settings=settings_at(self.config, self.warehouse),
                sources_file=self.sources,
                force=force,
            )
        )

    def query(self, sql: str, *params: object) -> list[tuple[object, ...]]:
        return read_rows(self.warehouse, sql, *params)


def page(name: str, base: str) -> str:
    return (FIXTURES / "pages" / f"{name}.htm").read_text("utf-8").replace("{base}", base)


def rss(base: str, *pages: str) -> str:
    items = "".join(
        f"<item><title>{p}</title><link>{base}/news/{p}.htm</link></item>" for p in pages
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'
    )


def rss_source(source_id: str, url: str, interval: int = 60) -> str:
    return (
        f'[[source]]\nid = "{source_id}"\nname = "{source_id}"\nkind = "rss"\nurl = "{url}"\n'
        f"poll_interval_minutes = {interval}\n"
    )


def test_a_feed_that_is_an_error_page_is_asked_again_unconditionally_next_run(
    prefect_harness: None, loopback_settings: str, httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    etag = '"error-page-1"'

    def error_page(request: Request) -> Response:
        if request.headers.get("If-None-Match") == etag:  # what a careless server would do
            return Response(status=304, headers={"ETag": etag})
        body = "<html><body><h1>Service temporarily unavailable</h1></body></html>"
        return Response(body, content_type="text/html", headers={"ETag": etag})

    httpserver.expect_request("/feed.xml").respond_with_handler(error_page)
    setup = Setup(tmp_path, loopback_settings)
    setup.write_sources(rss_source("broken", httpserver.url_for("/feed.xml"), interval=60))

    first = setup.run()
    second = setup.run()  # not forced, well within the poll interval

    # The failed poll did not count as answered: the source was due again ...
    assert second.counts.sources == 1 and second.counts.sources_not_due == 0
    # ... and asked without the error page's ETag, so it got the page again, not a 304.
    feed_asks = [
        (req.headers.get("If-None-Match"), resp.status_code)
        for req, resp in httpserver.log
        if req.path == "/feed.xml"
    ]
    assert feed_asks == [(None, 200), (None, 200)]
    for report in (first, second):
        assert report.counts.sources_failed == 1
    errors = setup.query(
        "SELECT run_id, stage, source_id, error_class FROM v_ingest_errors ORDER BY occurred_at"
    )
    assert errors == [
        (first.run_id, "discover", "broken", "ParseError"),
        (second.run_id, "discover", "broken", "ParseError"),
    ]
    logged = setup.query(
        "SELECT status, outcome, error_class FROM v_fetches WHERE url LIKE '%/feed.xml'"
    )
    assert logged == [(200, "parse_error", "ParseError")] * 2
    assert setup.query("SELECT etag FROM url_state WHERE url LIKE '%/feed.xml'") == [(None,)]
    # The error page is in the archive, to see what the server said.
    assert setup.query("SELECT count(*) FROM raw_pages WHERE url LIKE '%/feed.xml'") == [(1,)]


def test_pages_that_failed_for_good_are_held_back_even_when_forced(
    prefect_harness: None, loopback_settings: str, httpserver: HTTPServer, tmp_path: Path
) -> None:
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    # No validators: every run reads the feed in full, as after any change to it.
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss(base, "plenary", "missing", "unreadable"), content_type="application/rss+xml"
    )
    httpserver.expect_request("/news/plenary.htm").respond_with_data(
        page("plenary", base), content_type="text/html; charset=utf-8"
    )
    httpserver.expect_request("/news/missing.htm").respond_with_data("gone", status=404)
    httpserver.expect_request("/news/unreadable.htm").respond_with_data(
        b"\x00\x01 not a page \x00" * 50, content_type="text/html"
    )
    setup = Setup(tmp_path, loopback_settings)
    setup.write_sources(rss_source("radio", f"{base}/feed.xml"))

    first = setup.run()
    again = setup.run(force=True)  # forcing polls the source, not the pages it holds back

    def asked(name: str) -> int:
        return sum(1 for req, _ in httpserver.log if req.path == f"/news/{name}.htm")

    assert (asked("plenary"), asked("missing"), asked("unreadable")) == (1, 1, 1)
    assert first.counts.pages_held == 2
    assert again.counts.links_held == 2 and again.counts.links_known == 1
    holds = setup.query(
        "SELECT regexp_extract(url, '/news/(\\w+)', 1), outcome, status, failures,"
        " not_before > now() + INTERVAL 23 HOUR FROM url_holds ORDER BY url"
    )
    assert holds == [
        ("missing", "http_error", 404, 1, True),
        ("unreadable", "parse_error", None, 1, True),
    ]

    # A person asking for the URL by name is not held back; a new failure doubles the hold.
    settings = load_settings(config_dir=setup.config, warehouse=setup.warehouse)
    stored = fetch_and_store(settings, f"{base}/news/missing.htm")
    assert stored.result.status == 404 and asked("missing") == 2
    assert setup.query(
        "SELECT failures, not_before > now() + INTERVAL 47 HOUR FROM url_holds"
        " WHERE url LIKE '%/missing.htm'"
    ) == [(2, True)]


def test_two_gdelt_sources_in_one_run_are_spaced_by_the_setting(
    prefect_harness: None, loopback_settings: str, httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    asked: list[float] = []

    def gdelt(request: Request) -> Response:
        asked.append(time.monotonic())
        return Response('{"articles": []}', content_type="application/json")

    httpserver.expect_request("/api/v2/doc/doc").respond_with_handler(gdelt)
    setup = Setup(tmp_path, loopback_settings, "gdelt_interval_s = 0.5\n")
    api = httpserver.url_for("/api/v2/doc/doc")
    setup.write_sources(
        "".join(
            f'[[source]]\nid = "gdelt-{n}"\nname = "G{n}"\nkind = "gdelt_doc"\n'
            f'query = "Hangzhou {n}"\nurl = "{api}"\n'
            for n in (1, 2)
        )
    )

    report = setup.run()

    assert report.counts.sources == 2 and report.counts.sources_failed == 0
    assert len(asked) == 2
    # Per-host pacing is 0 in these settings: only the GDELT gate spaced them.
    assert asked[1] - asked[0] >= 0.4


def test_a_hanging_and_a_resetting_server_do_not_stop_the_healthy_sources(
    prefect_harness: None,
    loopback_settings: str,
    httpserver: HTTPServer,
    tmp_path: Path,
    fault_server: Callable[..., FaultServer],
) -> None:
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss(base, "plenary", "talent"), content_type="application/rss+xml"
    )
    today = datetime.now(UTC).isoformat()
    httpserver.expect_request("/sitemap.xml").respond_with_data(
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{base}/sitemaps/news.xml</loc><lastmod>{today}</lastmod></sitemap>"
        "</sitemapindex>",
        content_type="application/xml",
    )
    httpserver.expect_request("/sitemaps/news.xml").respond_with_data(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{base}/news/expo.htm</loc></url></urlset>",
        content_type="application/xml",
    )
    for name in ("plenary", "talent", "expo"):
        httpserver.expect_request(f"/news/{name}.htm").respond_with_data(
            page(name, base), content_type="text/html; charset=utf-8"
        )
    hanging = fault_server(drip)
    resetting = fault_server(reset)
    setup = Setup(tmp_path, loopback_settings, "read_timeout_s = 0.5\ntotal_timeout_s = 1.0\n")
    setup.write_sources(
        rss_source("healthy-rss", f"{base}/feed.xml")
        + f'[[source]]\nid = "healthy-sitemap"\nname = "S"\nkind = "sitemap"\n'
        f'url = "{base}/sitemap.xml"\n'
        + rss_source("hanging", hanging.url("/feed.xml"))
        + rss_source("resetting", resetting.url("/feed.xml"))
    )

    report = setup.run()

    assert report.status == "completed"
    assert report.counts.sources_failed == 2 and report.counts.articles_new == 3
    stored = setup.query("SELECT source_id, count(*) FROM v_articles GROUP BY ALL ORDER BY 1")
    assert ("healthy-rss", 2) in stored and ("healthy-sitemap", 1) in stored
    failures = setup.query(
        "SELECT source_id, error_class FROM v_ingest_errors WHERE stage = 'discover' ORDER BY 1"
    )
    assert failures[0] == ("hanging", "timeout")
    assert failures[1][0] == "resetting" and failures[1][1] == "network_error"
    logged = {
        str(source): str(error_class)
        for source, error_class in setup.query(
            "SELECT source_id, error_class FROM v_fetches WHERE source_id IN"
            " ('hanging', 'resetting')"
        )
    }
    assert logged["hanging"] == "TotalTimeout"
    assert logged["resetting"] in ("ReadError", "RemoteProtocolError")
    # robots.txt and the child sitemap were fetched too, and are in the run's fetch log.
    paths = {
        str(url).split("/", 3)[3]
        for (url,) in setup.query("SELECT url FROM v_fetches WHERE run_id = ?", report.run_id)
    }
    assert {"robots.txt", "sitemaps/news.xml"} <= paths
