"""Fixed answers (settings `fetch.resolve`, like curl's --resolve): the fetch keeps the real host
name in its URL and Host header while connecting where it is told, and the guard still decides
whether that address may be reached — on the allow-listed port only."""

from __future__ import annotations

import asyncio

from pytest_httpserver import HTTPServer

from flows.http.fetcher import Fetcher
from records.fetch import FetchResult
from tests.fetch.fetch_harness import quick_settings

NAME = "www.chinadaily.com.cn"


def fetch(url: str, resolve: dict[str, str], allow: list[str]) -> FetchResult:
    async def go() -> FetchResult:
        async with Fetcher(quick_settings(resolve=resolve, max_retries=0), allow) as fetcher:
            return await fetcher.fetch(url)

    return asyncio.run(go())


def test_a_resolved_name_is_fetched_from_the_given_address_with_its_own_host_header(
    site: HTTPServer,
) -> None:
    site.expect_request("/a/page.html").respond_with_data("<p>ok</p>", content_type="text/html")
    port = site.port
    result = fetch(f"http://{NAME}/a/page.html", {f"{NAME}:80": f"127.0.0.1:{port}"},
                   [f"127.0.0.1:{port}"])  # fmt: skip
    assert (result.outcome, result.final_url) == ("ok", f"http://{NAME}/a/page.html")
    hosts = [request.headers.get("Host") for request, _ in site.log]
    assert hosts and set(hosts) == {NAME}  # robots.txt and the page both asked by name


def test_the_address_must_be_allow_listed(site: HTTPServer) -> None:
    port = site.port
    result = fetch(f"http://{NAME}/a/page.html", {f"{NAME}:80": f"127.0.0.1:{port}"}, [])
    assert result.outcome == "refused_address"
    assert site.log == []


def test_a_port_scoped_allowance_opens_that_port_only(site: HTTPServer) -> None:
    port = site.port
    other = fetch(f"http://{NAME}/x", {f"{NAME}:80": f"127.0.0.1:{port}"}, ["127.0.0.1:1"])
    direct = fetch(f"http://127.0.0.1:{port}/x", {}, [f"127.0.0.1:{port + 1}"])
    assert (other.outcome, direct.outcome) == ("refused_address", "refused_address")
    assert site.log == []


def test_names_not_in_the_table_resolve_as_usual(site: HTTPServer) -> None:
    site.expect_request("/page").respond_with_data("<p>ok</p>", content_type="text/html")
    result = fetch(site.url_for("/page"), {f"{NAME}:80": "127.0.0.1:1"}, ["127.0.0.1"])
    assert result.outcome == "ok"
