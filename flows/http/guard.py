"""The address guard: a fetch may only reach public internet addresses unless told otherwise.

Feeds and redirects hand us URLs chosen by other people; without this check a link could make the
tracker read a router's admin page or a cloud metadata service (SSRF). Every URL and every
redirect hop is resolved and each address it resolves to is checked; the allow-list (settings'
`fetch.allow_hosts` plus `HZHK_ALLOW_HOSTS`) names hosts or CIDRs that may be private, which is
how tests reach 127.0.0.1.

This check runs before a hop is requested (so a refused host is not even asked for robots.txt);
`flows.http.transport` repeats it on the address actually connected to, so a DNS answer that
changes in between (rebinding) is refused too.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Sequence
from dataclasses import dataclass

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class RefusedAddress(Exception):
    """The URL's host resolves to an address the tracker must not reach."""


class InvalidURL(Exception):
    """The URL cannot be fetched at all (no host, not http/https)."""


class Unresolvable(Exception):
    """The host name has no address (DNS failure); a network error, worth a retry later."""


@dataclass(frozen=True, slots=True)
class AllowList:
    hosts: frozenset[str]
    networks: tuple[IPNetwork, ...]
    ports: tuple[tuple[IPNetwork, int], ...] = ()  # an address allowed on one port only

    @classmethod
    def parse(cls, entries: Sequence[str]) -> AllowList:
        """Entries are host names, IP addresses or CIDRs (whatever parses as a network is one),
        or an IPv4 address with a port ("127.0.0.1:8765": that address on that port only, which
        is how the demo lets the fetcher reach its own server and nothing else on the machine)."""
        hosts: set[str] = set()
        networks: list[IPNetwork] = []
        ports: list[tuple[IPNetwork, int]] = []
        for entry in entries:
            item = entry.strip().lower().strip("[]")
            if not item:
                continue
            address, colon, port = item.rpartition(":")
            if colon and port.isdigit() and "." in address:
                try:
                    ports.append((ipaddress.ip_network(address), int(port)))
                    continue
                except ValueError:
                    pass
            try:
                networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                hosts.add(item.rstrip("."))
        return cls(frozenset(hosts), tuple(networks), tuple(ports))

    def allows_host(self, host: str) -> bool:
        return host.lower().rstrip(".") in self.hosts

    def allows_address(self, address: IPAddress, port: int | None = None) -> bool:
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if any(address.version == net.version and address in net for net in self.networks):
            return True
        return port is not None and any(
            address.version == net.version and address in net and port == allowed
            for net, allowed in self.ports
        )


def forbidden_reason(address: IPAddress) -> str | None:
    """Why an address is not public (e.g. "loopback"), or None for an ordinary internet address."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    checks = (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
        ("not globally reachable", not address.is_global),
    )
    return next((name for name, hit in checks if hit), None)


def check_addresses(
    host: str, addresses: Sequence[IPAddress], allow: AllowList, port: int | None = None
) -> None:
    """Refuse when any address the host resolves to is non-public and not allow-listed.

    All addresses are checked, not just the first, because the connection may use any of them.
    """
    if allow.allows_host(host):
        return
    for address in addresses:
        reason = forbidden_reason(address)
        if reason is not None and not allow.allows_address(address, port):
            raise RefusedAddress(f"{host} resolves to {reason} address {address}")


@dataclass(frozen=True, slots=True)
class Resolve:
    """Fixed answers for some host:port pairs, like curl's --resolve: the URL (and so the Host
    header, robots.txt, pacing, the router's choice of parser and the stored links) keeps the
    real name while the connection goes to the given address and port. The guard still checks
    that address, so it must be allow-listed (port-scoped for loopback)."""

    to: dict[tuple[str, int], tuple[str, int]]

    @classmethod
    def parse(cls, entries: dict[str, str]) -> Resolve:
        mapped: dict[tuple[str, int], tuple[str, int]] = {}
        for source, target in entries.items():
            host, _, port = source.lower().rpartition(":")
            address, _, to_port = target.rpartition(":")
            mapped[(host.rstrip("."), int(port))] = (address, int(to_port))
        return cls(mapped)

    def target(self, host: str, port: int) -> tuple[str, int]:
        return self.to.get((host.lower().rstrip("."), port), (host, port))


async def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address the system resolver gives for host (an IP literal resolves to itself)."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise Unresolvable(f"cannot resolve {host}: {exc}") from exc
    found: list[IPAddress] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in found:
            found.append(address)
    return found


class AddressGuard:
    def __init__(self, allow_hosts: Sequence[str], resolve: Resolve | None = None) -> None:
        self.allow = AllowList.parse(allow_hosts)
        self.resolve = resolve or Resolve({})

    async def check(self, scheme: str, host: str, port: int | None) -> None:
        """Raise InvalidURL, RefusedAddress or Unresolvable for a bad target."""
        if scheme not in ("http", "https"):
            raise InvalidURL(f"only http and https URLs are fetched, not {scheme or 'no scheme'}")
        if not host:
            raise InvalidURL("the URL has no host")
        if port is not None and not 0 < port < 65536:  # a socket would raise OverflowError
            raise InvalidURL(f"port {port} is out of range (1-65535)")
        if self.allow.allows_host(host):
            return
        address, port = self.resolve.target(host, port or (443 if scheme == "https" else 80))
        addresses = await resolve(address, port)
        check_addresses(host, addresses, self.allow, port)
