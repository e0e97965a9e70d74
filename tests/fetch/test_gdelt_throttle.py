"""GDELT's throttle, through real sockets: the API host (api.gdeltproject.org, resolved to
127.0.0.1 as curl --resolve would) answers one request per `gdelt_interval_s` and sends its
"Please limit requests" notice with HTTP 429 as often as with 200. Every request to it, retries
included, is spaced by that interval; the notice is retried and, when it keeps coming, the fetch
ends as `throttled` (asked again next run) instead of an `http_error` or a feed that cannot be
parsed."""

from __future__ import annotations

import asyncio
import itertools
import socket
import time
from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from flows.http.fetcher import GDELT_HOSTS
from flows.http.pacing import HostPacer
from flows.polling import GDELT_DOC_API
from records.fetch import worth_retrying
from tests.fetch.fetch_harness import FaultServer, Harness

NOTICE = "Please limit requests to one every 5 seconds or contact us for larger queries."
ANSWER = '{"articles": [{"url": "https://www.example-news.test/a.htm", "title": "Hangzhou"}]}'
API = "http://api.gdeltproject.org/api/v2/doc/doc?query=Hangzhou&mode=artlist&format=json"
INTERVAL_S = 0.4


def gdelt_harness(make: Callable[..., Harness], port: int, **overrides: object) -> Harness:
    """Fetch settings that send api.gdeltproject.org to the test server on 127.0.0.1."""
    return make(
        resolve={"api.gdeltproject.org:80": f"127.0.0.1:{port}"},
        gdelt_interval_s=INTERVAL_S,
        **overrides,
    )


def scripted(replies: list[tuple[int, str]], asked: list[float]) -> Callable[[Request], Response]:
    """Answer each request with the next scripted reply (the last one repeats), noting when."""

    def handle(request: Request) -> Response:
        asked.append(time.monotonic())
        status, body = replies[min(len(asked), len(replies)) - 1]
        kind = "application/json" if body.startswith("{") else "text/plain"
        return Response(body, status=status, content_type=kind)

    return handle


def gaps(times: list[float]) -> list[float]:
    return [later - earlier for earlier, later in itertools.pairwise(times)]


def test_the_gdelt_api_is_on_a_host_the_fetcher_knows() -> None:
    assert urlsplit(GDELT_DOC_API).hostname in GDELT_HOSTS


def test_a_429_notice_is_retried_after_the_gdelt_interval_until_gdelt_answers(
    harness_factory: Callable[..., Harness], site: HTTPServer
) -> None:
    harness = gdelt_harness(harness_factory, site.port, max_retries=3)
    asked: list[float] = []
    replies = [(429, NOTICE), (429, NOTICE), (200, ANSWER)]
    site.expect_request("/api/v2/doc/doc").respond_with_handler(scripted(replies, asked))

    result = harness.fetch_and_store(API)

    assert result.ok and [a.status for a in result.attempts] == [429, 429, 200]
    assert result.body == ANSWER.encode()
    # Backoff alone would retry after milliseconds here: the host's pace holds every retry back.
    assert all(gap >= INTERVAL_S - 0.05 for gap in gaps(asked)), gaps(asked)
    assert [r["outcome"] for r in harness.log(API)] == ["retried", "retried", "stored"]
    assert {r["error_class"] for r in harness.log(API)[:2]} == {"GdeltThrottled"}


@pytest.mark.parametrize("status", [429, 200])
def test_a_notice_that_keeps_coming_ends_as_throttled_and_is_asked_again_next_run(
    harness_factory: Callable[..., Harness], site: HTTPServer, status: int
) -> None:
    harness = gdelt_harness(harness_factory, site.port, max_retries=2)
    asked: list[float] = []
    site.expect_request("/api/v2/doc/doc").respond_with_handler(scripted([(status, NOTICE)], asked))

    result = harness.fetch_and_store(API)

    assert (result.outcome, result.status, result.error_class) == (
        "throttled",
        status,
        "GdeltThrottled",
    )
    assert "limit requests" in (result.error or "") and result.body is None
    assert len(result.attempts) == 3 and len(asked) == 3
    assert all(gap >= INTERVAL_S - 0.05 for gap in gaps(asked)), gaps(asked)
    assert worth_retrying(result)
    assert harness.log(API)[-1]["outcome"] == "throttled"
    assert harness.count("raw_pages") == 0  # a notice is no answer: nothing archived


def test_robots_txt_and_the_api_request_are_spaced_too(
    harness_factory: Callable[..., Harness], server: HTTPServer
) -> None:
    harness = gdelt_harness(harness_factory, server.port, max_retries=0)
    asked: list[float] = []

    def robots(request: Request) -> Response:
        asked.append(time.monotonic())
        return Response("", status=404)

    server.expect_request("/robots.txt").respond_with_handler(robots)
    server.expect_request("/api/v2/doc/doc").respond_with_handler(scripted([(200, ANSWER)], asked))

    assert harness.fetch(API).ok
    assert len(asked) == 2 and gaps(asked)[0] >= INTERVAL_S - 0.05


def test_a_429_without_the_notice_stays_an_http_error(
    harness_factory: Callable[..., Harness], site: HTTPServer
) -> None:
    harness = gdelt_harness(harness_factory, site.port, max_retries=1)
    asked: list[float] = []
    replies = [(429, "Too Many Requests")]
    site.expect_request("/api/v2/doc/doc").respond_with_handler(scripted(replies, asked))

    result = harness.fetch(API)

    assert (result.outcome, result.status, len(result.attempts)) == ("http_error", 429, 2)
    assert gaps(asked)[0] >= INTERVAL_S - 0.05  # the retry is still spaced


def test_the_same_words_from_another_host_are_just_a_page(
    harness_factory: Callable[..., Harness], site: HTTPServer
) -> None:
    harness = harness_factory(gdelt_interval_s=INTERVAL_S)
    site.expect_request("/notice.txt").respond_with_data(NOTICE, content_type="text/plain")

    result = harness.fetch(site.url_for("/notice.txt"))

    assert result.ok and result.body == NOTICE.encode()


def stalled_404(conn: socket.socket) -> None:
    """A 404 that announces a body and never sends it."""
    conn.sendall(
        b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: 500\r\n\r\n"
    )
    time.sleep(1.5)


def test_a_4xx_whose_body_stalls_is_still_an_http_error(
    harness_factory: Callable[..., Harness], fault_server: Callable[..., FaultServer]
) -> None:
    # Its first bytes are read only to be judged: a body that does not come is not waited for
    # (the read timeout), and the answer is what its status says.
    harness = harness_factory(read_timeout_s=0.3, max_retries=0)
    server = fault_server(stalled_404)

    result = harness.fetch(server.url("/gone"))

    assert (result.outcome, result.status, result.error_class) == ("http_error", 404, "HTTPStatus")


def test_the_gdelt_pace_counts_from_the_end_of_the_last_exchange() -> None:
    """A request slow to reach GDELT (a slow connect, a busy machine) must not leave the next
    one closer behind it than the interval, as GDELT counts it: on arrival."""
    now = [0.0]
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    async def two_requests() -> None:
        pacer = HostPacer(clock=lambda: now[0], sleep=sleep)
        await pacer.wait("api.gdeltproject.org", INTERVAL_S)
        now[0] += 0.3  # the first exchange took 0.3 s
        pacer.space_from_now("api.gdeltproject.org", INTERVAL_S)
        await pacer.wait("api.gdeltproject.org", INTERVAL_S)

    asyncio.run(two_requests())
    assert now[0] == pytest.approx(0.3 + INTERVAL_S)
