"""The fetcher against a real HTTP server on 127.0.0.1: each case ends in the right stored rows."""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from records.fetch import FetchRequest
from tests.fetch.fetch_harness import FaultServer, Harness, Reply, reset, truncated
from warehouse.archive import read_body
from warehouse.fetchlog import validators_for

PAGE = "<html><head><title>Hangzhou delegation visits Hong Kong</title></head><body></body></html>"


def test_200_is_archived_and_logged(harness: Harness, site: HTTPServer) -> None:
    site.expect_request("/news/1.html").respond_with_data(
        PAGE, content_type="text/html; charset=utf-8", headers={"ETag": '"v1"'}
    )
    url = site.url_for("/news/1.html")

    result = harness.fetch(url, source_id="test-site")
    summary = harness.store([result])

    assert result.ok and result.status == 200 and result.final_url == url
    assert result.decoded is not None and "Hangzhou delegation" in result.decoded.text
    assert summary.stored == 1 and summary.new_bodies == 1 and summary.attempts == 1
    [row] = harness.log(url)
    assert row["outcome"] == "stored" and row["status"] == 200 and row["attempt"] == 1
    assert row["source_id"] == "test-site" and row["bytes"] == len(PAGE)
    stored = read_body(harness.con, harness.archive_dir, url)
    assert stored is not None and stored.body == PAGE.encode()
    assert stored.charset == "utf-8" and stored.headers["etag"] == '"v1"'


def test_same_body_twice_is_archived_once(harness: Harness, site: HTTPServer) -> None:
    site.expect_request("/a").respond_with_data(PAGE, content_type="text/html")
    site.expect_request("/b").respond_with_data(PAGE, content_type="text/html")

    results = harness.fetch_all(
        [FetchRequest(site.url_for("/a")), FetchRequest(site.url_for("/b"))]
    )
    summary = harness.store(results)

    assert summary.stored == 2 and summary.new_bodies == 1
    assert harness.count("raw_pages") == 1 and harness.count("fetches") == 2
    assert len(list(harness.archive_dir.rglob("*.gz"))) == 1


def test_304_with_etag_writes_only_the_fetch_row(harness: Harness, site: HTTPServer) -> None:
    url = site.url_for("/feed.xml")
    site.expect_oneshot_request("/feed.xml").respond_with_data(
        PAGE, content_type="text/html", headers={"ETag": '"abc"'}
    )
    harness.fetch_and_store(url)
    remembered = validators_for(harness.con, [url])[url]
    assert remembered.etag == '"abc"'
    site.expect_request("/feed.xml", headers={"If-None-Match": '"abc"'}).respond_with_data(
        "", status=304
    )

    second = harness.fetch_and_store(url, validators=remembered)

    assert second.outcome == "not_modified" and second.body is None and second.decoded is None
    assert [r["outcome"] for r in harness.log(url)] == ["stored", "not_modified"]
    assert harness.count("raw_pages") == 1
    state = harness.con.execute(
        "SELECT etag, last_status, last_fetched_at FROM url_state WHERE url = ?", [url]
    ).fetchone()
    assert state is not None and state[0] == '"abc"' and state[1] == 200
    assert state[2] == second.attempts[-1].at


def test_304_with_last_modified(harness: Harness, site: HTTPServer) -> None:
    stamp = "Tue, 24 Nov 2026 08:00:00 GMT"
    url = site.url_for("/page")
    site.expect_oneshot_request("/page").respond_with_data(
        PAGE, content_type="text/html", headers={"Last-Modified": stamp}
    )
    harness.fetch_and_store(url)
    site.expect_request("/page", headers={"If-Modified-Since": stamp}).respond_with_data(
        "", status=304
    )

    second = harness.fetch_and_store(url, validators=validators_for(harness.con, [url])[url])

    assert second.outcome == "not_modified" and second.status == 304
    assert [r["outcome"] for r in harness.log(url)] == ["stored", "not_modified"]


def test_404_is_not_retried(harness: Harness, site: HTTPServer) -> None:
    site.expect_request("/gone").respond_with_data("no", status=404)
    url = site.url_for("/gone")

    result = harness.fetch_and_store(url)

    assert result.outcome == "http_error" and result.status == 404 and len(result.attempts) == 1
    [row] = harness.log(url)
    assert (row["outcome"], row["status"], row["error_class"]) == ("http_error", 404, "HTTPStatus")
    assert harness.count("raw_pages") == 0


def test_500_then_200_is_retried_and_both_attempts_logged(
    harness: Harness, site: HTTPServer
) -> None:
    site.expect_oneshot_request("/flaky").respond_with_data("busy", status=500)
    site.expect_request("/flaky").respond_with_data(PAGE, content_type="text/html")
    url = site.url_for("/flaky")

    result = harness.fetch_and_store(url)

    assert result.ok and [a.status for a in result.attempts] == [500, 200]
    rows = harness.log(url)
    assert [(r["attempt"], r["status"], r["outcome"]) for r in rows] == [
        (1, 500, "retried"),
        (2, 200, "stored"),
    ]


def test_persistent_503_gives_up_after_max_retries(
    harness_factory: Callable[..., Harness], site: HTTPServer
) -> None:
    harness = harness_factory(max_retries=2)
    site.expect_request("/down").respond_with_data("down", status=503)
    url = site.url_for("/down")

    result = harness.fetch_and_store(url)

    assert result.outcome == "http_error" and len(result.attempts) == 3
    assert [r["outcome"] for r in harness.log(url)] == ["retried", "retried", "http_error"]


def test_429_honours_retry_after_within_the_cap(
    harness_factory: Callable[..., Harness], site: HTTPServer
) -> None:
    harness = harness_factory(retry_after_cap_s=5.0, backoff_base_s=0.001, backoff_max_s=0.001)
    seen: list[float] = []

    def limited(request: Request) -> Response:
        seen.append(time.monotonic())
        if len(seen) == 1:
            return Response("slow down", status=429, headers={"Retry-After": "1"})
        return Response(PAGE, content_type="text/html")

    site.expect_request("/limited").respond_with_handler(limited)
    url = site.url_for("/limited")

    result = harness.fetch_and_store(url)

    assert result.ok and [a.status for a in result.attempts] == [429, 200]
    # It waited for the server's Retry-After (1 s), not its own 1 ms backoff.
    assert seen[1] - seen[0] >= 0.8
    assert [r["status"] for r in harness.log(url)] == [429, 200]


def test_slow_response_times_out(harness_factory: Callable[..., Harness], site: HTTPServer) -> None:
    harness = harness_factory(read_timeout_s=0.2, max_retries=0)

    def slow(request: Request) -> Response:
        time.sleep(0.6)
        return Response(PAGE, content_type="text/html")

    site.expect_request("/slow").respond_with_handler(slow)
    url = site.url_for("/slow")

    result = harness.fetch_and_store(url)

    assert result.outcome == "timeout" and result.error_class == "ReadTimeout"
    [row] = harness.log(url)
    assert row["outcome"] == "timeout" and row["status"] is None


def _fault(
    harness: Harness, fault_server: Callable[[Reply], FaultServer], reply: Reply
) -> tuple[str, FaultServer]:
    server = fault_server(reply)
    return server.url("/article"), server


def test_connection_reset_is_retried_then_recorded(
    harness: Harness, fault_server: Callable[[Reply], FaultServer]
) -> None:
    url, server = _fault(harness, fault_server, reset)

    result = harness.fetch_and_store(url)

    assert result.outcome == "network_error" and len(result.attempts) == 3
    assert server.requests.count("/article") == 3
    rows = harness.log(url)
    assert [r["outcome"] for r in rows] == ["retried", "retried", "network_error"]
    assert all(r["error_class"] in ("ReadError", "RemoteProtocolError") for r in rows)


def test_truncated_body_is_a_network_error(
    harness: Harness, fault_server: Callable[[Reply], FaultServer]
) -> None:
    url, _ = _fault(harness, fault_server, truncated)

    result = harness.fetch_and_store(url)

    assert result.outcome == "network_error" and result.error_class == "RemoteProtocolError"
    assert result.body is None and harness.count("raw_pages") == 0
    assert harness.log(url)[-1]["status"] == 200


def test_one_failure_does_not_stop_the_batch(
    harness: Harness, site: HTTPServer, fault_server: Callable[[Reply], FaultServer]
) -> None:
    site.expect_request("/fine").respond_with_data(PAGE, content_type="text/html")
    broken, _ = _fault(harness, fault_server, reset)
    good = site.url_for("/fine")

    results = harness.fetch_all([FetchRequest(broken), FetchRequest(good)])
    summary = harness.store(results)

    assert [r.url for r in results] == [broken, good]
    assert [r.outcome for r in results] == ["network_error", "ok"]
    assert summary.stored == 1 and summary.failed == 1


def test_redirect_chain_is_followed(harness: Harness, site: HTTPServer) -> None:
    site.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/mid"})
    site.expect_request("/mid").respond_with_data(
        "", status=302, headers={"Location": site.url_for("/new")}
    )
    site.expect_request("/new").respond_with_data(PAGE, content_type="text/html")
    url = site.url_for("/old")

    result = harness.fetch_and_store(url)

    assert result.ok and result.final_url == site.url_for("/new")
    [row] = harness.log(url)
    assert row["final_url"] == site.url_for("/new") and row["outcome"] == "stored"
    stored = read_body(harness.con, harness.archive_dir, site.url_for("/new"))
    assert stored is not None and stored.url == url


def test_redirect_loop_is_detected(harness: Harness, site: HTTPServer) -> None:
    site.expect_request("/x").respond_with_data("", status=302, headers={"Location": "/y"})
    site.expect_request("/y").respond_with_data("", status=302, headers={"Location": "/x"})
    url = site.url_for("/x")

    result = harness.fetch_and_store(url)

    assert result.outcome == "redirect_error" and result.error_class == "RedirectLoop"
    assert len(result.attempts) == 1
    assert harness.log(url)[0]["outcome"] == "redirect_error"


def test_too_many_redirects(harness_factory: Callable[..., Harness], site: HTTPServer) -> None:
    harness = harness_factory(max_redirects=2)
    for n in range(4):
        site.expect_request(f"/r{n}").respond_with_data(
            "", status=302, headers={"Location": f"/r{n + 1}"}
        )
    url = site.url_for("/r0")

    result = harness.fetch_and_store(url)

    assert result.outcome == "redirect_error" and result.error_class == "TooManyRedirects"
    assert [r.path for r, _ in site.log].count("/r3") == 0


def test_redirect_to_a_private_address_is_refused(harness: Harness, site: HTTPServer) -> None:
    site.expect_request("/out").respond_with_data(
        "", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}
    )
    url = site.url_for("/out")

    result = harness.fetch_and_store(url)

    assert result.outcome == "refused_address" and result.status == 302
    assert "link-local" in (result.error or "")
    [row] = harness.log(url)
    assert row["outcome"] == "refused_address" and row["error_class"] == "RefusedAddress"


def test_loopback_is_refused_without_the_allow_list(harness: Harness, site: HTTPServer) -> None:
    harness.allow_hosts = []
    url = site.url_for("/page")

    result = harness.fetch_and_store(url)

    assert result.outcome == "refused_address" and "loopback" in (result.error or "")
    assert len(site.log) == 0  # not even robots.txt was asked for
    [row] = harness.log(url)
    assert row["attempt"] == 0 and row["status"] is None


def test_invalid_url_is_recorded(harness: Harness) -> None:
    result = harness.fetch_and_store("ftp://example.org/file")

    assert result.outcome == "invalid_url"
    assert harness.log("ftp://example.org/file")[0]["outcome"] == "invalid_url"


def test_oversize_body_is_refused(
    harness_factory: Callable[..., Harness], site: HTTPServer
) -> None:
    harness = harness_factory(max_bytes=1_000)
    site.expect_request("/big").respond_with_data("x" * 5_000, content_type="text/html")
    url = site.url_for("/big")

    result = harness.fetch_and_store(url)

    assert result.outcome == "too_large" and result.body is None
    assert harness.log(url)[0]["outcome"] == "too_large" and harness.count("raw_pages") == 0


def test_gzip_bomb_stops_at_the_cap(
    harness_factory: Callable[..., Harness], site: HTTPServer
) -> None:
    harness = harness_factory(max_bytes=1_000_000)
    bomb = gzip.compress(b"\0" * 20_000_000, compresslevel=9)  # ~20 KB that inflates to 20 MB
    site.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    url = site.url_for("/bomb")

    result = harness.fetch_and_store(url)

    assert result.outcome == "too_large" and result.error_class == "BodyTooLarge"
    assert harness.log(url)[0]["outcome"] == "too_large"


def test_gzip_page_is_decompressed(harness: Harness, site: HTTPServer) -> None:
    site.expect_request("/z").respond_with_data(
        gzip.compress(PAGE.encode()),
        content_type="text/html; charset=utf-8",
        headers={"Content-Encoding": "gzip"},
    )

    result = harness.fetch_and_store(site.url_for("/z"))

    assert result.ok and result.body == PAGE.encode()


def test_user_agent_is_sent(harness: Harness, site: HTTPServer) -> None:
    site.expect_request(
        "/ua", headers={"User-Agent": harness.settings.user_agent}
    ).respond_with_data(PAGE, content_type="text/html")

    assert harness.fetch(site.url_for("/ua")).ok
