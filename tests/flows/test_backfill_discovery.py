"""A backfill asks each source for a window of days instead of "what is new", over real sockets:
GDELT with start and end times (split where an answer comes back full, clamped to the three
months it keeps), Google News with after:/before:, sitemaps and a sitemap index by their dates,
a list page followed back through rel="next" only as far as the window reaches, and feeds that
list only their latest items filtered, saying when they do not reach back far enough."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

from config.source_list import Source
from flows.cli import app
from flows.discover import Discovery, discover_source, gdelt_clamp_note
from flows.http.fetcher import Fetcher
from flows.polling import GDELT_MAX_RECORDS, Window, backfill_days, google_news_url
from tests.fetch.fetch_harness import LOOPBACK, quick_settings
from tests.flows.conftest import loopback_config
from tests.flows.standins import (
    TODAY,
    GdeltStandIn,
    GoogleNewsStandIn,
    days_ago,
    list_page,
    noon,
    sitemap_index,
    urlset,
)

HONG_KONG = ZoneInfo("Asia/Hong_Kong")
NOW = datetime.now(UTC)
# Twenty days ago to ten days ago, whole days in Hong Kong time.
WINDOW = Window.of_days(days_ago(20), days_ago(10), HONG_KONG)


@pytest.fixture
def site(httpserver: HTTPServer) -> HTTPServer:
    """The test server on 127.0.0.1 with no robots.txt (a 404: every path allowed)."""
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    return httpserver


def backfill(source: Source, window: Window = WINDOW, **settings: Any) -> Discovery:
    async def go() -> Discovery:
        async with Fetcher(quick_settings(**settings), LOOPBACK) as fetcher:
            return await discover_source(fetcher, source, window=window, now=NOW)

    return asyncio.run(go())


def source(kind: str, url: str, **fields: Any) -> Source:
    return Source(id=f"test-{kind}", name=kind, kind=kind, url=url, **fields)  # type: ignore[arg-type]


def gdelt_source(site: HTTPServer) -> Source:
    api = site.url_for("/api/v2/doc/doc")
    return Source(id="gdelt", name="GDELT", kind="gdelt_doc", query="Hangzhou", url=api)


def paths(found: Discovery) -> list[str]:
    return sorted("/" + c.url.split("/", 3)[3] for c in found.candidates)


# --- GDELT ----------------------------------------------------------------------------------


def test_gdelt_is_asked_for_the_window_and_a_full_answer_is_split_until_nothing_is_lost(
    site: HTTPServer,
) -> None:
    # 300 records over the window: more than one answer holds (250, newest first).
    start = WINDOW.start.astimezone(UTC)
    records = [(start + timedelta(minutes=45 * n), f"https://n.test/{n}.htm") for n in range(300)]
    gdelt = GdeltStandIn(records)
    site.expect_request("/api/v2/doc/doc").respond_with_handler(gdelt)

    found = backfill(gdelt_source(site))

    assert found.ok and len({c.url for c in found.candidates}) == 300
    whole, *parts = gdelt.asked
    assert whole == (WINDOW.start, WINDOW.end)
    assert len(parts) == 2 and sorted(parts) == [  # the halves of the full answer's span
        (WINDOW.start, WINDOW.halves()[0].end),
        (WINDOW.halves()[1].start, WINDOW.end),
    ]
    assert len(found.children) == 2 and not found.notes
    assert len(records) > GDELT_MAX_RECORDS


def test_a_window_older_than_gdelt_keeps_is_clamped_and_the_rest_said_in_one_line(
    site: HTTPServer,
) -> None:
    gdelt = GdeltStandIn([(noon(days_ago(60)), "https://n.test/kept.htm")])
    site.expect_request("/api/v2/doc/doc").respond_with_handler(gdelt)
    reaching_back = Window.of_days(days_ago(200), days_ago(30), HONG_KONG)

    found = backfill(gdelt_source(site), reaching_back)

    [(start, end)] = gdelt.asked
    assert NOW - start <= timedelta(days=90) and end == reaching_back.end
    assert [c.url for c in found.candidates] == ["https://n.test/kept.htm"]
    note = gdelt_clamp_note(reaching_back, NOW)
    assert note is not None and note.startswith("GDELT keeps about 90 days")
    assert f"{days_ago(200)}..{days_ago(30)}" in note and "from" in note
    assert gdelt_clamp_note(WINDOW, NOW) is None  # within reach: nothing to say


def test_a_window_wholly_older_than_gdelt_keeps_is_not_asked_of_it(site: HTTPServer) -> None:
    gdelt = GdeltStandIn([])
    site.expect_request("/api/v2/doc/doc").respond_with_handler(gdelt)
    long_ago = Window.of_days(days_ago(400), days_ago(300), HONG_KONG)

    found = backfill(gdelt_source(site), long_ago)

    assert found.ok and found.feed is None and found.candidates == () and gdelt.asked == []
    note = gdelt_clamp_note(long_ago, NOW)
    assert note is not None and "GDELT sources not asked" in note


# --- Google News ----------------------------------------------------------------------------


def test_google_news_is_asked_with_after_and_before_in_place_of_when(site: HTTPServer) -> None:
    inside, edge, outside = noon(days_ago(15)), noon(days_ago(21)), noon(days_ago(5))
    news = GoogleNewsStandIn(
        [(inside, "Inside the window"), (edge, "The day before it"), (outside, "After it")]
    )
    site.expect_request("/rss/search").respond_with_handler(news)
    gn = Source(
        id="gn",
        name="GN",
        kind="google_news",
        edition="en-HK",
        query='Hangzhou "Hong Kong" when:7d',
        url=site.url_for("/rss/search"),
    )

    found = backfill(gn)

    [query] = news.queries
    assert query == f'Hangzhou "Hong Kong" after:{days_ago(21)} before:{days_ago(9)}'
    assert found.ok and [c.item.title for c in found.candidates] == ["Inside the window"]
    assert all(c.headline_only for c in found.candidates)
    assert "when%3A7d" in google_news_url(gn)  # ingest's own poll keeps its relative window


# --- sitemaps -------------------------------------------------------------------------------


def test_a_sitemap_gives_only_its_entries_dated_within_the_window(site: HTTPServer) -> None:
    base = site.url_for("").rstrip("/")
    pages = [
        ("/news/inside.htm", days_ago(12)),
        ("/news/before.htm", days_ago(30)),
        ("/news/after.htm", days_ago(2)),
        ("/news/undated.htm", None),
    ]
    site.expect_request("/sitemap.xml").respond_with_data(urlset(base, pages))

    found = backfill(source("sitemap", site.url_for("/sitemap.xml")))

    assert found.ok and paths(found) == ["/news/inside.htm"]
    assert found.notes == (
        "test-sitemap: 1 sitemap entries without a date left out (cannot be placed)",
    )


def test_a_sitemap_index_is_followed_to_the_children_that_may_hold_the_window(
    site: HTTPServer,
) -> None:
    base = site.url_for("").rstrip("/")
    children = [
        ("/sitemaps/old.xml", days_ago(40)),  # last changed before the window: cannot hold it
        ("/sitemaps/during.xml", days_ago(11)),
        ("/sitemaps/current.xml", TODAY),  # still growing: may hold the window's end
    ]
    site.expect_request("/sitemap.xml").respond_with_data(sitemap_index(base, children))
    site.expect_request("/sitemaps/during.xml").respond_with_data(
        urlset(base, [("/news/d1.htm", days_ago(19)), ("/news/d0.htm", days_ago(25))])
    )
    site.expect_request("/sitemaps/current.xml").respond_with_data(
        urlset(base, [("/news/c1.htm", days_ago(10)), ("/news/c0.htm", days_ago(1))])
    )

    # Not the last 7 days' children, as ingest would choose: the window's.
    found = backfill(source("sitemap", site.url_for("/sitemap.xml")), sitemap_index_window_days=7)

    asked = sorted(r.path for r, _ in site.log if r.path.startswith("/sitemaps/"))
    assert asked == ["/sitemaps/current.xml", "/sitemaps/during.xml"]
    assert found.ok and paths(found) == ["/news/c1.htm", "/news/d1.htm"]


# --- a list page ----------------------------------------------------------------------------


def serve_list(site: HTTPServer, *, rel: bool = True) -> None:
    """Three pages, newest first: the first before the window's end, the second reaching past
    its start, the third wholly older than the window."""
    pages = {
        "/news/": ([("/a/1.htm", days_ago(3)), ("/a/2.htm", days_ago(12))], "/news/p2.html"),
        "/news/p2.html": (
            [("/a/3.htm", days_ago(15)), ("/a/4.htm", days_ago(22))],
            "/news/p3.html",
        ),
        "/news/p3.html": ([("/a/5.htm", days_ago(30)), ("/a/6.htm", days_ago(40))], None),
    }
    for path, (items, older) in pages.items():
        site.expect_request(path).respond_with_data(
            list_page(items, older, rel=rel), content_type="text/html"
        )


def test_a_list_is_followed_back_through_rel_next_only_as_far_as_the_window_reaches(
    site: HTTPServer,
) -> None:
    serve_list(site)

    found = backfill(source("html_list", site.url_for("/news/"), selector="ul.news a"))

    asked = [r.path for r, _ in site.log if r.path.startswith("/news/")]
    assert asked == ["/news/", "/news/p2.html"]  # p3 lies wholly before the window: not asked
    assert found.ok and paths(found) == ["/a/2.htm", "/a/3.htm"]
    assert [c.url for c in found.children] == [site.url_for("/news/p2.html")]


def test_a_source_names_its_older_link_when_the_list_has_no_rel_next(site: HTTPServer) -> None:
    serve_list(site, rel=False)
    listing = source("html_list", site.url_for("/news/"), selector="ul.news a")

    without = backfill(listing)
    site.clear_log()
    named = backfill(listing.model_copy(update={"next_selector": ".pager a"}))

    assert paths(without) == ["/a/2.htm"]  # no next link it knows: the first page only,
    [note] = without.notes  # and a line saying how far back that reached
    assert "links to no older page" in note and f"reaches back to {days_ago(12)} only" in note
    assert paths(named) == ["/a/2.htm", "/a/3.htm"] and named.notes == ()


def test_the_walk_back_stops_at_the_page_cap(
    site: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_list(site)
    monkeypatch.setattr("flows.discover.LIST_PAGE_CAP", 1)
    long_window = Window.of_days(days_ago(60), days_ago(1), HONG_KONG)

    found = backfill(source("html_list", site.url_for("/news/"), selector="ul.news a"), long_window)

    assert paths(found) == ["/a/1.htm", "/a/2.htm"]
    assert found.notes and "stopped after 1 list pages" in found.notes[0]


# --- feeds that list only their latest items ------------------------------------------------


def rss(items: list[tuple[str, datetime]]) -> str:
    entries = "".join(
        f"<item><title>{path}</title><link>{path}</link><pubDate>{format_datetime(day)}</pubDate>"
        "</item>"
        for path, day in items
    )
    channel = f"<channel><title>T</title>{entries}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'


def test_a_feed_is_filtered_to_the_window_and_says_when_it_does_not_reach_back(
    site: HTTPServer,
) -> None:
    base = site.url_for("").rstrip("/")
    site.expect_request("/feed.xml").respond_with_data(
        rss([(f"{base}/n/new.htm", noon(days_ago(2))), (f"{base}/n/in.htm", noon(days_ago(12)))]),
        content_type="application/rss+xml",
    )

    found = backfill(source("rss", site.url_for("/feed.xml")))

    assert found.ok and paths(found) == ["/n/in.htm"]
    [note] = found.notes
    assert note.startswith("test-rss: a rss feed lists only its latest items")
    assert f"back to {days_ago(12)}" in note and f"{days_ago(20)}..{days_ago(10)}" in note


def test_a_feed_that_reaches_back_past_the_window_says_nothing(site: HTTPServer) -> None:
    base = site.url_for("").rstrip("/")
    site.expect_request("/feed.xml").respond_with_data(
        rss([(f"{base}/n/in.htm", noon(days_ago(12))), (f"{base}/n/old.htm", noon(days_ago(25)))]),
        content_type="application/rss+xml",
    )

    found = backfill(source("rss", site.url_for("/feed.xml")))

    assert paths(found) == ["/n/in.htm"] and found.notes == ()


# --- the window itself ---------------------------------------------------------------------


def test_the_days_are_checked_before_anything_runs(tmp_path: Path) -> None:
    # A window must have happened: the first day not after the last, the last not after today.
    with pytest.raises(ValidationError, match="is after --to"):
        backfill_days(date(2025, 4, 8), date(2025, 4, 1), "Asia/Hong_Kong")
    with pytest.raises(ValidationError, match="is in the future"):
        backfill_days(date(2025, 4, 8), days_ago(-2), "Asia/Hong_Kong")
    assert backfill_days(days_ago(20), TODAY, "UTC").first == days_ago(20)  # today may end it

    settings = loopback_config(tmp_path, "")
    result = CliRunner().invoke(
        app,
        ["backfill", "--from", "2025-04-08", "--to", "2025-04-01", "-c", str(settings.config_dir)],
    )
    assert result.exit_code == 1
    assert "--from 2025-04-08 is after --to 2025-04-01" in result.stderr
    assert not settings.warehouse_file.exists()


def test_only_a_list_page_source_may_name_its_older_link() -> None:
    with pytest.raises(ValidationError, match="next_selector is only for kind 'html_list'"):
        Source(id="f", name="F", kind="rss", url="https://x.test/f.xml", next_selector="a.next")
