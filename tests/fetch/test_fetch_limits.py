"""The limits a misbehaving server meets, through real sockets on 127.0.0.1: a total deadline per
attempt, a size cap on bodies without a Content-Length, and Retry-After honoured for the whole
host (within the cap) or answered by leaving the host alone for the run (beyond it)."""

from __future__ import annotations

import time
from collections.abc import Callable

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from records.fetch import worth_retrying
from tests.fetch.fetch_harness import FaultServer, Harness, chunked_flood, drip

PAGE = "<html><body><p>Hangzhou and Hong Kong sign a memorandum</p></body></html>"


def test_a_server_that_drips_bytes_is_cut_off_at_the_total_deadline(
    harness_factory: Callable[..., Harness], fault_server: Callable[..., FaultServer]
) -> None:
    # Each byte comes well within the read timeout, so only a deadline on the whole attempt
    # stops it; without one the page would arrive complete after about 6 s.
    harness = harness_factory(read_timeout_s=0.5, total_timeout_s=1.0, max_retries=0)
    server = fault_server(drip)
    url = server.url("/slow-page")

    result = harness.fetch_and_store(url)

    assert result.outcome == "timeout" and result.error_class == "TotalTimeout"
    assert "total_timeout_s=1" in (result.error or "") and result.body is None
    [row] = harness.log(url)
    assert (row["outcome"], row["status"], row["error_class"]) == ("timeout", 200, "TotalTimeout")
    assert worth_retrying(result)  # a slow day, maybe: the next run asks again


def test_a_chunked_body_without_content_length_stops_at_the_cap(
    harness_factory: Callable[..., Harness], fault_server: Callable[..., FaultServer]
) -> None:
    harness = harness_factory(max_bytes=100_000)
    server = fault_server(chunked_flood)  # 500 KB in 10 KB chunks, size never announced
    url = server.url("/endless")

    result = harness.fetch_and_store(url)

    assert result.outcome == "too_large" and result.error_class == "BodyTooLarge"
    assert "Content-Length" not in (result.error or "")  # caught while streaming, not up front
    assert harness.log(url)[0]["outcome"] == "too_large" and harness.count("raw_pages") == 0


def test_a_429_holds_off_the_whole_host_not_only_its_url(
    harness_factory: Callable[..., Harness], site: HTTPServer
) -> None:
    harness = harness_factory(max_retries=0, retry_after_cap_s=5.0)
    asked: dict[str, float] = {}

    def record(status: int, headers: dict[str, str]) -> Callable[[Request], Response]:
        def handle(request: Request) -> Response:
            asked[request.path] = time.monotonic()
            return Response(PAGE, status=status, headers=headers, content_type="text/html")

        return handle

    site.expect_request("/a").respond_with_handler(record(429, {"Retry-After": "1"}))
    site.expect_request("/b").respond_with_handler(record(200, {}))

    first, second = harness.fetch_in_turn([site.url_for("/a"), site.url_for("/b")])

    assert (first.outcome, first.status) == ("http_error", 429)  # no retries left for /a
    assert second.ok
    # Per-host pacing is 0 here: only the host's Retry-After made /b wait.
    assert asked["/b"] - asked["/a"] >= 0.8


def test_a_retry_after_beyond_the_cap_gives_up_and_leaves_the_host_alone(
    harness_factory: Callable[..., Harness], site: HTTPServer
) -> None:
    harness = harness_factory(retry_after_cap_s=0.2)
    an_hour = {"Retry-After": "3600"}
    site.expect_request("/a").respond_with_data("later", status=429, headers=an_hour)
    site.expect_request("/b").respond_with_data(PAGE, content_type="text/html")
    a, b = site.url_for("/a"), site.url_for("/b")

    first, second = harness.fetch_in_turn([a, b])
    harness.store([first, second])

    # Not retried after 0.2 s (the server would only say no again), not waited for an hour.
    assert (first.outcome, first.status, len(first.attempts)) == ("throttled", 429, 1)
    assert "3600" in (first.error or "") and "retry_after_cap_s" in (first.error or "")
    # The rest of the host is left alone for this run: nothing more was sent there.
    assert second.outcome == "throttled" and second.error_class == "HostHeld"
    assert [req.path for req, _ in site.log] == ["/robots.txt", "/a"]
    assert [(r["outcome"], r["attempt"]) for r in harness.log(b)] == [("throttled", 0)]
    assert worth_retrying(first) and worth_retrying(second)  # the next run asks again
