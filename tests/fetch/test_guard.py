"""The address guard refuses non-public addresses unless a host or CIDR is allow-listed."""

from __future__ import annotations

import asyncio
import ipaddress

import pytest
from pytest_httpserver import HTTPServer

from flows.http.fetcher import Fetcher
from flows.http.guard import (
    AddressGuard,
    AllowList,
    InvalidURL,
    RefusedAddress,
    check_addresses,
    forbidden_reason,
)
from flows.http.robots import RobotsPolicy
from flows.http.transport import GuardedBackend
from records.fetch import FetchResult
from tests.fetch.fetch_harness import quick_settings


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.9", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "not globally reachable"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fd00::1", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:10.0.0.1", "private"),  # IPv4-mapped IPv6 is judged as the IPv4 it carries
    ],
)
def test_non_public_addresses_are_named(address: str, reason: str) -> None:
    assert forbidden_reason(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize("address", ["93.184.215.14", "202.67.226.1", "2606:4700::6810:84e5"])
def test_public_addresses_pass(address: str) -> None:
    assert forbidden_reason(ipaddress.ip_address(address)) is None


def test_any_bad_address_among_several_refuses_the_host() -> None:
    addresses = [ipaddress.ip_address("93.184.215.14"), ipaddress.ip_address("10.0.0.5")]
    with pytest.raises(RefusedAddress, match=r"private address 10\.0\.0\.5"):
        check_addresses("mixed.example", addresses, AllowList.parse([]))


def test_cidr_allow_list_covers_its_range_only() -> None:
    allow = AllowList.parse(["10.0.0.0/8", "fd00::/8"])
    check_addresses("intranet", [ipaddress.ip_address("10.20.30.40")], allow)
    check_addresses("intranet6", [ipaddress.ip_address("fd12::1")], allow)
    with pytest.raises(RefusedAddress):
        check_addresses("other", [ipaddress.ip_address("192.168.0.1")], allow)


def test_allow_listed_host_name_needs_no_resolution() -> None:
    allow = AllowList.parse(["Fixtures.Internal."])
    check_addresses("fixtures.internal", [ipaddress.ip_address("10.0.0.1")], allow)


def test_ipv6_literal_in_allow_list() -> None:
    allow = AllowList.parse(["[::1]"])
    check_addresses("::1", [ipaddress.ip_address("::1")], allow)
    with pytest.raises(RefusedAddress):
        check_addresses("127.0.0.1", [ipaddress.ip_address("127.0.0.1")], allow)


def test_guard_checks_literals_and_schemes() -> None:
    guard = AddressGuard(["127.0.0.1"])

    async def check(scheme: str, host: str) -> None:
        await guard.check(scheme, host, None)

    asyncio.run(check("http", "127.0.0.1"))
    with pytest.raises(RefusedAddress):
        asyncio.run(check("https", "[::1]"))
    with pytest.raises(RefusedAddress):
        asyncio.run(check("http", "192.168.0.10"))
    with pytest.raises(InvalidURL):
        asyncio.run(check("file", "127.0.0.1"))
    with pytest.raises(InvalidURL):
        asyncio.run(check("http", ""))


def test_localhost_name_is_resolved_and_refused() -> None:
    with pytest.raises(RefusedAddress, match="loopback"):
        asyncio.run(AddressGuard([]).check("http", "localhost", 80))


# --- the guard at the socket ------------------------------------------------------------------


def test_backend_refuses_to_connect_to_a_non_public_address(server: HTTPServer) -> None:
    backend = GuardedBackend(AllowList.parse([]))
    with pytest.raises(RefusedAddress, match="loopback"):
        asyncio.run(backend.connect_tcp("127.0.0.1", server.port))


def test_backend_connects_to_an_allow_listed_address(server: HTTPServer) -> None:
    async def connect() -> None:
        stream = await GuardedBackend(AllowList.parse(["127.0.0.0/8"])).connect_tcp(
            "127.0.0.1", server.port
        )
        await stream.aclose()

    asyncio.run(connect())


def test_a_name_that_changes_after_the_check_is_still_refused(server: HTTPServer) -> None:
    """As if DNS answered a public address to the check and loopback to the connection."""
    server.expect_request("/secret").respond_with_data("internal")

    async def fetch() -> FetchResult:
        async with Fetcher(quick_settings(), []) as fetcher:

            async def passed(scheme: str, host: str, port: int | None) -> None:
                return None

            fetcher.guard.check = passed  # type: ignore[method-assign]
            fetcher.robots._policies[f"http://127.0.0.1:{server.port}"] = RobotsPolicy(
                None, True, "no rules"
            )
            return await fetcher.fetch(server.url_for("/secret"))

    result = asyncio.run(fetch())

    assert result.outcome == "refused_address" and "loopback" in (result.error or "")
    assert len(server.log) == 0
