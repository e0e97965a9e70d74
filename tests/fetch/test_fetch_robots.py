"""robots.txt through a real server: rules obeyed, Crawl-delay honoured, RFC 9309 status rules."""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from flows.http.robots import RobotsResponse, policy_from_response
from records.fetch import FetchRequest, worth_retrying
from tests.fetch.fetch_harness import FaultServer, Harness, answer, reset

PAGE = "<html><body><p>Zhejiang and Hong Kong trade figures</p></body></html>"
AGENT = "hzhk-tracker-test/0.1"


def test_disallowed_url_is_recorded_and_not_fetched(harness: Harness, server: HTTPServer) -> None:
    server.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    server.expect_request("/public/1").respond_with_data(PAGE, content_type="text/html")
    blocked = server.url_for("/private/report.html")

    results = harness.fetch_all([FetchRequest(blocked), FetchRequest(server.url_for("/public/1"))])
    harness.store(results)

    assert [r.outcome for r in results] == ["disallowed", "ok"]
    assert "/private/report.html" not in [req.path for req, _ in server.log]
    assert [req.path for req, _ in server.log].count("/robots.txt") == 1  # cached per site
    [row] = harness.log(blocked)
    assert row["outcome"] == "disallowed" and row["attempt"] == 0
    assert row["error_class"] == "Disallowed"


def test_redirect_into_a_disallowed_path_is_stopped(harness: Harness, server: HTTPServer) -> None:
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /no\n")
    server.expect_request("/go").respond_with_data("", status=302, headers={"Location": "/no"})

    result = harness.fetch_and_store(server.url_for("/go"))

    assert result.outcome == "disallowed" and result.status == 302
    assert "/no" not in [req.path for req, _ in server.log]


def test_crawl_delay_spaces_requests(
    harness_factory: Callable[..., Harness], server: HTTPServer
) -> None:
    harness = harness_factory(retry_after_cap_s=5.0)
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nCrawl-delay: 0.4\n")
    seen: list[float] = []

    def page(request: Request) -> Response:
        seen.append(time.monotonic())
        return Response(PAGE, content_type="text/html")

    server.expect_request("/p1").respond_with_handler(page)
    server.expect_request("/p2").respond_with_handler(page)

    results = harness.fetch_all(
        [FetchRequest(server.url_for("/p1")), FetchRequest(server.url_for("/p2"))]
    )

    assert all(r.ok for r in results)
    assert harness.last_fetcher is not None
    assert harness.last_fetcher.interval_for(httpx.URL(server.url_for("/"))) == 0.4
    assert seen[1] - seen[0] >= 0.35  # pacing was 0; the site's Crawl-delay raised it


def test_a_robots_txt_that_keeps_answering_503_stops_the_site_for_this_run_only(
    harness: Harness, server: HTTPServer
) -> None:
    server.expect_request("/robots.txt").respond_with_data("busy", status=503)
    url = server.url_for("/page")

    result = harness.fetch_and_store(url)
    harness.store(harness.robots_fetches)

    # RFC 9309: a 5xx robots.txt means "assume complete disallow" -- but only because it could
    # not be read, so the URL gets its own retryable outcome instead of looking forbidden.
    assert result.outcome == "robots_unavailable" and "503" in (result.error or "")
    [row] = harness.log(url)
    assert (row["outcome"], row["attempt"], row["error_class"]) == (
        "robots_unavailable",
        0,
        "RobotsUnavailable",
    )
    assert "/page" not in [req.path for req, _ in server.log]
    # robots.txt was asked with the usual retries, and every attempt is in the fetch log.
    robots = harness.log(server.url_for("/robots.txt"))
    assert [(r["status"], r["outcome"]) for r in robots] == [
        (503, "retried"),
        (503, "retried"),
        (503, "http_error"),
    ]
    assert worth_retrying(result)

    server.clear()
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    server.expect_request("/page").respond_with_data(PAGE, content_type="text/html")
    assert harness.fetch(url).ok  # the next run asks robots.txt again


def test_a_robots_txt_that_fails_once_is_retried_and_then_obeyed(
    harness: Harness, server: HTTPServer
) -> None:
    server.expect_oneshot_request("/robots.txt").respond_with_data("busy", status=503)
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n")
    server.expect_request("/page").respond_with_data(PAGE, content_type="text/html")

    results = harness.fetch_all(
        [FetchRequest(server.url_for("/page")), FetchRequest(server.url_for("/private/x"))]
    )

    assert [r.outcome for r in results] == ["ok", "disallowed"]
    [robots] = harness.robots_fetches
    assert robots.ok and [a.status for a in robots.attempts] == [503, 200]


def test_a_robots_txt_whose_connection_is_reset_stops_the_site_for_this_run(
    harness: Harness, fault_server: Callable[..., FaultServer]
) -> None:
    server = fault_server(answer(body=PAGE.encode()), robots=reset)
    url = server.url("/page")

    result = harness.fetch_and_store(url)
    harness.store(harness.robots_fetches)

    assert result.outcome == "robots_unavailable" and "unreachable" in (result.error or "")
    assert server.requests == ["/robots.txt"] * 3  # retried like any URL; the page never asked
    robots = harness.log(server.url("/robots.txt"))
    assert [r["outcome"] for r in robots] == ["retried", "retried", "network_error"]


def test_robots_404_allows_everything_and_is_logged(harness: Harness, server: HTTPServer) -> None:
    server.expect_request("/robots.txt").respond_with_data("", status=404)
    server.expect_request("/page").respond_with_data(PAGE, content_type="text/html")

    assert harness.fetch(server.url_for("/page")).ok
    harness.store(harness.robots_fetches)
    [row] = harness.log(server.url_for("/robots.txt"))
    assert (row["status"], row["attempt"]) == (404, 1)  # RFC 9309: 4xx means no rules
    assert row["outcome"] == "no_robots"  # the normal case for many sites, not a failure


def test_robots_redirect_is_followed(harness: Harness, server: HTTPServer) -> None:
    server.expect_request("/robots.txt").respond_with_data(
        "", status=301, headers={"Location": "/static/robots.txt"}
    )
    server.expect_request("/static/robots.txt").respond_with_data("User-agent: *\nDisallow: /\n")

    assert harness.fetch(server.url_for("/page")).outcome == "disallowed"


def test_unreachable_robots_means_disallow_all() -> None:
    policy = policy_from_response(RobotsResponse(None, b"", "ConnectError: refused"))
    assert not policy.allows("https://example.org/a", AGENT)
    assert "unreachable" in policy.reason and policy.unavailable


def test_rules_that_disallow_are_not_unavailability() -> None:
    policy = policy_from_response(RobotsResponse(200, b"User-agent: *\nDisallow: /\n"))
    assert not policy.allows("https://example.org/a", AGENT) and not policy.unavailable


def test_robots_rules_for_our_agent_win_over_the_wildcard() -> None:
    text = (
        b"User-agent: *\nDisallow: /\n\nUser-agent: hzhk-tracker-test\nAllow: /\nCrawl-delay: 2\n"
    )
    policy = policy_from_response(RobotsResponse(200, text))
    assert policy.allows("https://example.org/news", AGENT)
    assert policy.crawl_delay(AGENT) == 2.0
    assert not policy.allows("https://example.org/news", "SomeOtherBot/1.0")


def test_429_robots_is_treated_as_unreachable() -> None:
    assert not policy_from_response(RobotsResponse(429, b"")).allows("https://e.org/", AGENT)


def test_crawl_delay_is_capped(harness_factory: Callable[..., Harness], server: HTTPServer) -> None:
    harness = harness_factory(retry_after_cap_s=0.1)
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nCrawl-delay: 3600\n")
    server.expect_request("/p").respond_with_data(PAGE, content_type="text/html")

    assert harness.fetch(server.url_for("/p")).ok
    assert harness.last_fetcher is not None
    assert harness.last_fetcher.interval_for(httpx.URL(server.url_for("/"))) == 0.1
