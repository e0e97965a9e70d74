"""The polite fetcher: one shared httpx client, and every courtesy a news site may expect of it.

Per URL: the address guard and robots.txt are checked for the URL and for each redirect hop
(redirects are followed here, not by httpx, for exactly that reason); requests to one host are
spaced by the pacer and all requests share one concurrency limit; failures that may pass
(connection errors, timeouts, 5xx, 429) are retried with backoff, honouring `Retry-After`; the
body is streamed under a size cap, with decompression bounded too. Errors come back as values in
`FetchResult`, never as exceptions, so one bad URL never stops a batch.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import random
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType

import httpx

from flows.http.body import ACCEPT_ENCODING, BodyDecodingError, BodyTooLarge, read_bounded
from flows.http.guard import AddressGuard, InvalidURL, RefusedAddress, Unresolvable
from flows.http.pacing import HostPacer
from flows.http.results import Attempt, FetchRequest, FetchResult, Validators
from flows.http.retry import retry_wait, should_retry_status
from flows.http.robots import ROBOTS_MAX_BYTES, RobotsCache, RobotsResponse
from flows.http.transport import guarded_transport
from flows.settings import FetchSettings
from parsers.charset import Decoded, decode_html

__all__ = [
    "Attempt",
    "FetchRequest",
    "FetchResult",
    "Fetcher",
    "Validators",
]

log = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
TEXT_TYPES = ("text/", "application/xhtml", "application/xml", "application/json")
TEXT_SUFFIXES = ("+xml", "+json")


def is_text(content_type: str | None) -> bool:
    """Whether a body is text worth decoding; a missing type is assumed to be a page."""
    if not content_type:
        return True
    media = content_type.split(";", 1)[0].strip().lower()
    return media.startswith(TEXT_TYPES) or media.endswith(TEXT_SUFFIXES)


def host_key(url: httpx.URL) -> str:
    """Pacing is per host and port: two servers on one machine are two sites."""
    return f"{url.host}:{url.port or (443 if url.scheme == 'https' else 80)}"


def origin_of(url: httpx.URL) -> str:
    return f"{url.scheme}://{host_key(url)}"


def one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:500]


@dataclass(slots=True)
class _Try:
    """What one attempt ended in, before it becomes an Attempt row and maybe a FetchResult."""

    outcome: str
    status: int | None = None
    final_url: str | None = None
    error_class: str | None = None
    error: str | None = None
    retryable: bool = False
    retry_after: str | None = None
    headers: httpx.Headers | None = None
    body: bytes | None = None
    size: int | None = None


@dataclass(slots=True)
class _Stopwatch:
    """Time spent on the wire for one attempt, without the waits for pacing and a free slot."""

    seconds: float = 0.0


class Fetcher:
    """`async with Fetcher(settings.fetch, settings.allow_hosts) as f: await f.fetch(url)`."""

    def __init__(
        self,
        settings: FetchSettings,
        allow_hosts: Sequence[str],
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.settings = settings
        self.guard = AddressGuard(allow_hosts)
        self.pacer = HostPacer()
        self.robots = RobotsCache(self._load_robots)
        self._transport = transport
        self._rng = rng or random.Random()
        self._limit = asyncio.Semaphore(max(1, settings.max_concurrency))
        self._client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> Fetcher:
        s = self.settings
        limits = httpx.Limits(max_connections=max(1, s.max_concurrency))
        self._client = httpx.AsyncClient(
            transport=self._transport or guarded_transport(self.guard.allow, limits),
            timeout=httpx.Timeout(
                connect=s.connect_timeout_s,
                read=s.read_timeout_s,
                write=s.read_timeout_s,
                pool=s.connect_timeout_s + s.read_timeout_s,
            ),
            limits=limits,
            headers={"User-Agent": s.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
            follow_redirects=False,
        )
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc: BaseException | None = None,
        tb: TracebackType | None = None,
    ) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    @property
    def client(self) -> httpx.AsyncClient:
        if self._client is None:
            raise RuntimeError("use the Fetcher inside `async with`")
        return self._client

    def interval_for(self, url: httpx.URL) -> float:
        """Seconds between requests to url's host: settings' minimum, raised by Crawl-delay.

        Crawl-delay is capped by retry_after_cap_s: a site asking for an hour between requests
        would otherwise stall a whole run.
        """
        interval = self.settings.per_host_interval_s
        policy = self.robots.known(origin_of(url))
        delay = policy.crawl_delay(self.settings.user_agent) if policy else None
        if delay is not None:
            interval = max(interval, min(delay, self.settings.retry_after_cap_s))
        return interval

    async def fetch_all(self, requests: Sequence[FetchRequest]) -> list[FetchResult]:
        """Fetch concurrently (within the limits); results come back in request order."""
        return list(
            await asyncio.gather(
                *(
                    self.fetch(r.url, source_id=r.source_id, validators=r.validators)
                    for r in requests
                )
            )
        )

    async def fetch(
        self,
        url: str,
        *,
        source_id: str | None = None,
        validators: Validators | None = None,
    ) -> FetchResult:
        """Fetch one URL with retries; never raises (an unexpected error becomes a result)."""
        try:
            return await self._fetch(url, source_id, validators or Validators())
        except Exception as exc:  # errors are values at this edge: log the bug, keep the batch
            log.exception("unexpected error fetching %s", url)
            now = datetime.now(UTC)
            attempt = Attempt(0, None, type(exc).__name__, one_line(exc), 0.0, None, now)
            return self._result(url, source_id, _Try("network_error"), (attempt,), attempt)

    async def _fetch(self, url: str, source_id: str | None, validators: Validators) -> FetchResult:
        attempts: list[Attempt] = []
        number = 0
        while True:
            number += 1
            at = datetime.now(UTC)
            watch = _Stopwatch()
            tried = await self._attempt(url, validators, watch)
            # Refusals decided before any request are logged as attempt 0: nothing was sent.
            sent = tried.status is not None or tried.outcome not in (
                "invalid_url",
                "refused_address",
                "disallowed",
            )
            attempt = Attempt(
                number if sent else 0,
                tried.status,
                tried.error_class,
                tried.error,
                round(watch.seconds * 1000, 3),
                tried.size,
                at,
            )
            attempts.append(attempt)
            if not tried.retryable or number > self.settings.max_retries:
                return self._result(url, source_id, tried, tuple(attempts), attempt)
            wait = retry_wait(
                number,
                tried.retry_after,
                base_s=self.settings.backoff_base_s,
                max_s=self.settings.backoff_max_s,
                cap_s=self.settings.retry_after_cap_s,
                now=datetime.now(UTC),
                rng=self._rng,
            )
            if tried.retry_after is not None and tried.final_url:
                self.pacer.defer(host_key(httpx.URL(tried.final_url)), wait)
            await asyncio.sleep(wait)

    def _result(
        self,
        url: str,
        source_id: str | None,
        tried: _Try,
        attempts: tuple[Attempt, ...],
        last: Attempt,
    ) -> FetchResult:
        headers = {k: v for k, v in (tried.headers or httpx.Headers()).items()}
        content_type = headers.get("content-type")
        body = tried.body if tried.outcome == "ok" else None
        decoded: Decoded | None = None
        if body is not None and is_text(content_type):
            decoded = decode_html(body, content_type)
        return FetchResult(
            url=url,
            source_id=source_id,
            outcome=tried.outcome,
            status=tried.status,
            final_url=tried.final_url,
            body=body,
            headers=headers,
            decoded=decoded,
            validators=Validators(headers.get("etag"), headers.get("last-modified")),
            attempts=attempts,
            error_class=last.error_class,
            error=last.error,
            content_sha256=hashlib.sha256(body).hexdigest() if body is not None else None,
            content_type=content_type,
        )

    async def _attempt(self, url: str, validators: Validators, watch: _Stopwatch) -> _Try:
        """One try: the redirect chain from url to a final response, every hop checked."""
        conditional = {}
        if validators.etag:
            conditional["If-None-Match"] = validators.etag
        if validators.last_modified:
            conditional["If-Modified-Since"] = validators.last_modified
        seen: set[str] = set()
        status: int | None = None
        try:
            target = httpx.URL(url)
        except (httpx.InvalidURL, TypeError, ValueError) as exc:
            return _Try("invalid_url", error_class="InvalidURL", error=one_line(exc))
        for hop in range(self.settings.max_redirects + 1):
            seen.add(str(target))
            refused = await self._check_target(target, status, str(target))
            if refused is not None:
                return refused
            try:
                async with self._request(target, conditional, watch) as response:
                    status = response.status_code
                    location = response.headers.get("location")
                    if status not in REDIRECT_STATUSES or not location:
                        return await self._finish(response, str(target))
            except httpx.TimeoutException as exc:
                return _Try("timeout", status, str(target), type(exc).__name__, one_line(exc), True)
            except httpx.TransportError as exc:
                return _Try(
                    "network_error", status, str(target), type(exc).__name__, one_line(exc), True
                )
            except RefusedAddress as exc:  # the name resolved differently at connection time
                return _Try("refused_address", status, str(target), "RefusedAddress", one_line(exc))
            try:
                target = target.join(location)
            except (httpx.InvalidURL, ValueError) as exc:
                return _Try("redirect_error", status, str(target), "InvalidURL", one_line(exc))
            if str(target) in seen:
                return _Try(
                    "redirect_error",
                    status,
                    str(target),
                    "RedirectLoop",
                    f"redirect loop back to {target}",
                )
            if hop + 1 > self.settings.max_redirects:
                return _Try(
                    "redirect_error",
                    status,
                    str(target),
                    "TooManyRedirects",
                    f"more than {self.settings.max_redirects} redirects",
                )
        raise AssertionError("unreachable: the redirect loop always returns")

    async def _check_target(self, target: httpx.URL, status: int | None, shown: str) -> _Try | None:
        """The guard and robots.txt verdict for one hop; None when it may be fetched."""
        try:
            await self.guard.check(target.scheme, target.host, target.port)
        except InvalidURL as exc:
            outcome = "invalid_url" if status is None else "redirect_error"
            return _Try(outcome, status, shown, "InvalidURL", one_line(exc))
        except RefusedAddress as exc:
            return _Try("refused_address", status, shown, "RefusedAddress", one_line(exc))
        except Unresolvable as exc:
            return _Try("network_error", status, shown, "Unresolvable", one_line(exc), True)
        policy = await self.robots.policy(origin_of(target))
        if not policy.allows(str(target), self.settings.user_agent):
            return _Try("disallowed", status, shown, "Disallowed", policy.reason)
        return None

    @asynccontextmanager
    async def _request(
        self, target: httpx.URL, headers: dict[str, str], watch: _Stopwatch | None = None
    ) -> AsyncIterator[httpx.Response]:
        """A streamed GET holding a concurrency slot until its body is read and closed.

        The host's pace is waited for before taking a slot, so a slow host never holds one idle.
        """
        await self.pacer.wait(host_key(target), self.interval_for(target))
        async with self._limit:
            started = time.perf_counter()
            try:
                request = self.client.build_request("GET", target, headers=headers)
                response = await self.client.send(request, stream=True)
                try:
                    yield response
                finally:
                    await response.aclose()
            finally:
                if watch is not None:
                    watch.seconds += time.perf_counter() - started

    async def _finish(self, response: httpx.Response, final_url: str) -> _Try:
        """Turn a final (non-redirect) response into a _Try, reading the body only for a 2xx."""
        status = response.status_code
        tried = _Try("ok", status, final_url, headers=response.headers)
        if status == 304:
            tried.outcome = "not_modified"
            return tried
        if status >= 300:
            tried.outcome = "http_error"
            tried.error_class = "HTTPStatus"
            tried.error = f"HTTP {status} {response.reason_phrase}".strip()
            tried.retryable = should_retry_status(status)
            tried.retry_after = response.headers.get("retry-after")
            return tried
        return await self._read_body(response, tried)

    async def _read_body(self, response: httpx.Response, tried: _Try) -> _Try:
        cap = self.settings.max_bytes
        declared = response.headers.get("content-length", "")
        encoding = response.headers.get("content-encoding")
        if declared.isdigit() and int(declared) > cap and not encoding:
            return self._failed(
                tried, "too_large", "BodyTooLarge", f"Content-Length {declared} > {cap}"
            )
        try:
            tried.body = await read_bounded(response, cap)
            tried.size = len(tried.body)
        except BodyTooLarge as exc:
            return self._failed(tried, "too_large", "BodyTooLarge", one_line(exc))
        except BodyDecodingError as exc:
            return self._failed(tried, "network_error", "BodyDecodingError", one_line(exc))
        except httpx.TimeoutException as exc:
            tried = self._failed(tried, "timeout", type(exc).__name__, one_line(exc))
            tried.retryable = True
        except httpx.TransportError as exc:
            tried = self._failed(tried, "network_error", type(exc).__name__, one_line(exc))
            tried.retryable = True
        return tried

    @staticmethod
    def _failed(tried: _Try, outcome: str, error_class: str, error: str) -> _Try:
        tried.outcome = outcome
        tried.error_class = error_class
        tried.error = error
        tried.body = None
        return tried

    async def _load_robots(self, origin: str) -> RobotsResponse:
        """GET /robots.txt, following redirects (each hop guarded) as RFC 9309 allows."""
        target = httpx.URL(origin).join("/robots.txt")
        seen: set[str] = set()
        try:
            for _ in range(self.settings.max_redirects + 1):
                seen.add(str(target))
                await self.guard.check(target.scheme, target.host, target.port)
                async with self._request(target, {}) as response:
                    status = response.status_code
                    location = response.headers.get("location")
                    if 200 <= status < 300:
                        # Only the first ROBOTS_MAX_BYTES are parsed; a robots.txt bomb counts
                        # as unreachable.
                        body = await read_bounded(
                            response, 2 * ROBOTS_MAX_BYTES, enough=ROBOTS_MAX_BYTES
                        )
                        return RobotsResponse(status, body)
                    if status not in REDIRECT_STATUSES or not location:
                        return RobotsResponse(status, b"")
                target = target.join(location)
                if str(target) in seen:
                    break
        except (httpx.HTTPError, Unresolvable, RefusedAddress, InvalidURL) as exc:
            return RobotsResponse(None, b"", f"{type(exc).__name__}: {one_line(exc)}")
        except (BodyTooLarge, BodyDecodingError) as exc:
            return RobotsResponse(None, b"", one_line(exc))
        # Too many redirects: RFC 9309 lets us treat robots.txt as unavailable (no rules).
        return RobotsResponse(404, b"")
