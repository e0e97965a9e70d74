"""The address guard at the socket: connect only to the addresses that were just checked.

`AddressGuard` checks a URL before it is requested, but httpx would then resolve the name again
on its own; a DNS answer that changes in between (rebinding) could slip a private address past
the check. This backend resolves, checks and connects to the checked address in one step, so
the guard also holds for the connection actually made.

httpx offers no public way to hand its transport a network backend, so `guarded_transport`
replaces the transport's connection pool with an equivalent one that has it (httpx 0.28.1 is
pinned; `test_a_name_that_changes_after_the_check_is_still_refused` fails if that ever
stops working).
"""

from __future__ import annotations

from collections.abc import Iterable

import httpcore
import httpx

from flows.http.guard import AllowList, Resolve, Unresolvable, check_addresses, resolve

SocketOption = (
    tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]
)


class GuardedBackend(httpcore.AsyncNetworkBackend):
    def __init__(
        self,
        allow: AllowList,
        backend: httpcore.AsyncNetworkBackend | None = None,
        fixed: Resolve | None = None,
    ):
        self.allow = allow
        self.backend = backend or httpcore.AnyIOBackend()
        self.fixed = fixed or Resolve({})

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        """Raises RefusedAddress (not an httpx error) so the fetcher can report it as such."""
        name = host
        host, port = self.fixed.target(host, port)
        try:
            addresses = await resolve(host, port)
        except Unresolvable as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        check_addresses(name, addresses, self.allow, port)
        failure: httpcore.ConnectError | None = None
        for address in addresses:
            try:
                return await self.backend.connect_tcp(
                    str(address), port, timeout, local_address, socket_options
                )
            except httpcore.ConnectError as exc:
                failure = exc
        raise failure or httpcore.ConnectError(f"no address to connect to for {host}")

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self.backend.sleep(seconds)


def guarded_transport(
    allow: AllowList, limits: httpx.Limits, fixed: Resolve | None = None
) -> httpx.AsyncHTTPTransport:
    transport = httpx.AsyncHTTPTransport(limits=limits)
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=httpx.create_ssl_context(),
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=GuardedBackend(allow, fixed=fixed),
    )
    return transport
