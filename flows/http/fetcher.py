"""The polite fetcher: one shared httpx client, and every courtesy a news site may expect of it.

Per URL: the address guard and robots.txt are checked for the URL and for each redirect hop
(redirects are followed here, not by httpx, for exactly that reason); requests to one host are
spaced by the pacer and all requests share one concurrency limit; failures that may pass
(connection errors, timeouts, 5xx, 429) are retried with backoff, honouring `Retry-After` (a
host that asks for more than `retry_after_cap_s` is left alone for the rest of the run); the
body is streamed under a size cap, with decompression bounded too. httpx's timeouts bound each
read, so a server dripping a byte at a time would never trip them: every attempt also has a
total deadline on the wire (`total_timeout_s`). Errors come back as values in `FetchResult`,
never as exceptions, so one bad URL never stops a batch.

robots.txt is fetched through the same path (guard, pacing, retries, deadline) and its fetches
are kept for the fetch log (`take_robots_fetches`).

GDELT's API host answers one request per `gdelt_interval_s` (5 s) per client and throttles the
rest with a text notice ("Please limit requests ..."), sent with HTTP 429 as often as with 200.
Every request to it, retries included, is therefore spaced by that interval (backoff alone, 1-4 s,
would be throttled again), the first bytes of a 4xx answer are read so the notice can be told
apart from other refusals, and a notice (429 or 200) is retried like a 429 and, when retries run
out, ends as `throttled`: asked again next run, never handed to a feed parser as an answer.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import random
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from types import TracebackType

import httpx

from config.settings import FetchSettings
from flows.http.agent import user_agent
from flows.http.body import ACCEPT_ENCODING, BodyDecodingError, BodyTooLarge, read_bounded
from flows.http.guard import AddressGuard, InvalidURL, RefusedAddress, Resolve, Unresolvable
from flows.http.pacing import HostHeld, HostPacer
from flows.http.retry import parse_retry_after, retry_wait, should_retry_status
from flows.http.robots import ROBOTS_MAX_BYTES, RobotsCache, RobotsPolicy, policy_from_fetch
from flows.http.transport import guarded_transport
from parsers.charset import decode_html
from parsers.feeds.gdelt import is_throttle_notice
from records.fetch import Attempt, Decoded, FetchRequest, FetchResult, Validators

__all__ = [
    "Attempt",
    "FetchRequest",
    "FetchResult",
    "Fetcher",
    "Validators",
]

log = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# Outcomes decided before a request was sent: logged as attempt 0 unless a redirect hop answered.
UNSENT = frozenset(
    {"invalid_url", "refused_address", "disallowed", "robots_unavailable", "throttled"}
)
TEXT_TYPES = ("text/", "application/xhtml", "application/xml", "application/json")
TEXT_SUFFIXES = ("+xml", "+json")
# The GDELT API's hosts (flows.polling.GDELT_DOC_API): paced by `gdelt_interval_s`, and their
# throttle notices recognised.
GDELT_HOSTS = frozenset({"api.gdeltproject.org"})
# The start of a 4xx answer, read so its text can be judged (GDELT's notice is one short line);
# the rest is left unread. A 4xx body that takes longer than this to arrive is not waited for.
ERROR_HEAD_BYTES = 2000
ERROR_HEAD_READ_LIMIT = 64 * 1024  # decompressed bytes read at most to get those
ERROR_HEAD_TIMEOUT_S = 5.0


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


def is_gdelt(url: httpx.URL) -> bool:
    return url.host.lower().rstrip(".") in GDELT_HOSTS


# What an httpx error without a message of its own means, for a person reading v_ingest_errors.
_MEANINGS = {
    "ReadTimeout": "the server sent nothing for read_timeout_s",
    "ConnectTimeout": "no connection within connect_timeout_s",
    "WriteTimeout": "the request could not be sent within the timeout",
    "PoolTimeout": "no free connection within the timeout",
    "ReadError": "the connection broke while reading the answer",
    "WriteError": "the connection broke while sending the request",
    "ConnectError": "could not connect",
}


def one_line(exc: BaseException) -> str:
    """The error as one readable line. httpx raises many errors without a message (a reset is a
    bare `ReadError`), which would tell a person nothing: those are described, with the first
    message found down the cause chain ("Connection reset by peer")."""
    text = " ".join(str(exc).split())
    if not text:
        cause, seen = exc.__cause__ or exc.__context__, 0
        while cause is not None and seen < 8 and not str(cause).strip():
            cause, seen = cause.__cause__ or cause.__context__, seen + 1
        name = type(exc).__name__
        text = _MEANINGS.get(name, name)
        if cause is not None and str(cause).strip():
            text += f" ({' '.join(str(cause).split())})"
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
    """Time spent on the wire for one attempt, without the waits for pacing and a free slot.

    It is also the attempt's clock against total_timeout_s: waiting our turn is not the server's
    slowness, and must not use up its time.
    """

    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class _Kind:
    """What is fetched: a page (robots.txt applies, up to max_bytes) or a robots.txt itself (read
    only as far as RFC 9309 asks; one that inflates past twice that counts as unreachable)."""

    cap: int
    enough: int | None = None
    obeys_robots: bool = True


ROBOTS_TXT = _Kind(cap=2 * ROBOTS_MAX_BYTES, enough=ROBOTS_MAX_BYTES, obeys_robots=False)


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
        self.user_agent = user_agent(settings)
        self.guard = AddressGuard(allow_hosts, Resolve.parse(settings.resolve))
        self.pacer = HostPacer()
        self.robots = RobotsCache(self._load_robots)
        self._robots_fetches: list[FetchResult] = []
        self._transport = transport
        self._rng = rng or random.Random()
        self._limit = asyncio.Semaphore(max(1, settings.max_concurrency))
        self._client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> Fetcher:
        s = self.settings
        limits = httpx.Limits(max_connections=max(1, s.max_concurrency))
        self._client = httpx.AsyncClient(
            transport=self._transport
            or guarded_transport(self.guard.allow, limits, self.guard.resolve),
            timeout=httpx.Timeout(
                connect=s.connect_timeout_s,
                read=s.read_timeout_s,
                write=s.read_timeout_s,
                pool=s.connect_timeout_s + s.read_timeout_s,
            ),
            limits=limits,
            headers={"User-Agent": self.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
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
        would otherwise stall a whole run. GDELT's API host gets at least gdelt_interval_s.
        """
        interval = self.settings.per_host_interval_s
        if is_gdelt(url):
            interval = max(interval, self.settings.gdelt_interval_s)
        policy = self.robots.known(origin_of(url))
        delay = policy.crawl_delay(self.user_agent) if policy else None
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
            page = _Kind(self.settings.max_bytes)
            return await self._fetch(url, source_id, validators or Validators(), page)
        except Exception as exc:  # errors are values at this edge: log the bug, keep the batch
            # One line at the terminal; the traceback only for whoever turned debug logging on.
            log.error("unexpected error fetching %s: %s", url, one_line(exc))
            log.debug("traceback of the unexpected error", exc_info=True)
            now = datetime.now(UTC)
            attempt = Attempt(0, None, type(exc).__name__, one_line(exc), 0.0, None, now)
            return self._result(url, source_id, _Try("network_error"), (attempt,), attempt)

    def take_robots_fetches(self) -> list[FetchResult]:
        """The robots.txt fetches made since the last call, for the fetch log."""
        taken, self._robots_fetches = self._robots_fetches, []
        return taken

    async def _fetch(
        self, url: str, source_id: str | None, validators: Validators, kind: _Kind
    ) -> FetchResult:
        attempts: list[Attempt] = []
        number = 0
        while True:
            number += 1
            at = datetime.now(UTC)
            watch = _Stopwatch()
            tried = await self._attempt(url, validators, watch, kind)
            # Refusals decided before any request are logged as attempt 0: nothing was sent.
            sent = tried.status is not None or tried.outcome not in UNSENT
            if tried.retry_after is not None and tried.final_url:
                tried = self._hold_off(tried)
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
            await asyncio.sleep(wait)

    def _hold_off(self, tried: _Try) -> _Try:
        """Honour a Retry-After for the whole host, not only this URL.

        Within retry_after_cap_s the host's next slot is pushed back (this URL's retry and every
        other URL there wait). A longer request is granted too, but not waited for: this URL
        gives up as `throttled`, and so does every later request to that host in this run.
        """
        assert tried.final_url is not None
        asked = parse_retry_after(tried.retry_after, datetime.now(UTC))
        if asked is None:
            return tried
        self.pacer.defer(host_key(httpx.URL(tried.final_url)), asked)
        cap = self.settings.retry_after_cap_s
        if asked <= cap:
            return tried
        tried.outcome = "throttled"
        tried.error_class = "RetryAfter"
        tried.error = (
            f"HTTP {tried.status}: asked to wait {asked:.0f} s (Retry-After), more than "
            f"retry_after_cap_s={cap:g}; not asked again in this run"
        )
        tried.retryable = False
        return tried

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

    async def _attempt(
        self, url: str, validators: Validators, watch: _Stopwatch, kind: _Kind
    ) -> _Try:
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
            refused = await self._check_target(
                target, status, str(target), robots=kind.obeys_robots
            )
            if refused is not None:
                return refused
            try:
                async with self._turn(target, watch):
                    async with asyncio.timeout(self._time_left(watch)):
                        request = self.client.build_request("GET", target, headers=conditional)
                        response = await self.client.send(request, stream=True)
                        try:
                            status = response.status_code
                            location = response.headers.get("location")
                            if status not in REDIRECT_STATUSES or not location:
                                return await self._finish(response, str(target), kind)
                        finally:
                            await response.aclose()
            except HostHeld as exc:
                return _Try("throttled", status, str(target), "HostHeld", one_line(exc))
            except TimeoutError:  # total_timeout_s ran out (httpx's own timeouts are not these)
                return _Try(
                    "timeout",
                    status,
                    str(target),
                    "TotalTimeout",
                    f"no complete answer within total_timeout_s={self.settings.total_timeout_s:g}"
                    " (the server sends too slowly)",
                    True,
                )
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

    async def _check_target(
        self, target: httpx.URL, status: int | None, shown: str, *, robots: bool
    ) -> _Try | None:
        """The guard's and (unless robots is False) robots.txt's verdict on one hop; None: go."""
        try:
            await self.guard.check(target.scheme, target.host, target.port)
        except InvalidURL as exc:
            outcome = "invalid_url" if status is None else "redirect_error"
            return _Try(outcome, status, shown, "InvalidURL", one_line(exc))
        except RefusedAddress as exc:
            return _Try("refused_address", status, shown, "RefusedAddress", one_line(exc))
        except Unresolvable as exc:
            return _Try("network_error", status, shown, "Unresolvable", one_line(exc), True)
        if not robots:
            return None
        policy = await self.robots.policy(origin_of(target))
        if policy.allows(str(target), self.user_agent):
            return None
        if policy.unavailable:
            return _Try("robots_unavailable", status, shown, "RobotsUnavailable", policy.reason)
        return _Try("disallowed", status, shown, "Disallowed", policy.reason)

    def _time_left(self, watch: _Stopwatch) -> float:
        return max(0.0, self.settings.total_timeout_s - watch.seconds)

    @asynccontextmanager
    async def _turn(self, target: httpx.URL, watch: _Stopwatch) -> AsyncIterator[None]:
        """Our turn at target's host: its pace waited for, then a concurrency slot held.

        The pace is waited for before taking a slot, so a slow host never holds one idle. Raises
        HostHeld when the host asked us to stay away longer than retry_after_cap_s.
        """
        await self.pacer.wait(
            host_key(target),
            self.interval_for(target),
            hold_limit_s=self.settings.retry_after_cap_s,
        )
        async with self._limit:
            started = time.perf_counter()
            try:
                yield
            finally:
                watch.seconds += time.perf_counter() - started
                if is_gdelt(target):  # GDELT counts its interval between requests it receives
                    self.pacer.space_from_now(host_key(target), self.interval_for(target))

    async def _finish(self, response: httpx.Response, final_url: str, kind: _Kind) -> _Try:
        """Turn a final (non-redirect) response into a _Try, reading the body only for a 2xx
        (and the first bytes of a 4xx, to tell GDELT's throttle notice from other refusals)."""
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
            if 400 <= status < 500:
                head = await self._error_head(response)
                if head is not None and is_gdelt(response.url) and is_throttle_notice(head):
                    return self._gdelt_throttled(tried, head)
            return tried
        tried = await self._read_body(response, tried, kind)
        if tried.body is not None and is_gdelt(response.url) and is_throttle_notice(tried.body):
            return self._gdelt_throttled(tried, tried.body)
        return tried

    @staticmethod
    async def _error_head(response: httpx.Response) -> bytes | None:
        """The first ERROR_HEAD_BYTES of an error answer, or None when it cannot be had quickly
        (too slow, broken, inflating past ERROR_HEAD_READ_LIMIT): only its text is judged."""
        try:
            async with asyncio.timeout(ERROR_HEAD_TIMEOUT_S):
                body = await read_bounded(response, ERROR_HEAD_READ_LIMIT, enough=ERROR_HEAD_BYTES)
        except (TimeoutError, BodyTooLarge, BodyDecodingError, httpx.HTTPError):
            return None
        return body[:ERROR_HEAD_BYTES]

    def _gdelt_throttled(self, tried: _Try, notice: bytes) -> _Try:
        """GDELT's "please limit requests" notice, with a 429 or a 200: retried (the host's pace
        spaces the retry by gdelt_interval_s) and, once retries run out, `throttled`, which the
        next run asks again. The notice is no answer, so no body is kept."""
        text = " ".join(notice[:ERROR_HEAD_BYTES].decode("utf-8", "replace").split())
        tried.outcome = "throttled"
        tried.error_class = "GdeltThrottled"
        tried.error = (
            f"HTTP {tried.status}: GDELT asks for one request per "
            f"{self.settings.gdelt_interval_s:g} s: {text[:160]}"
        )
        tried.retryable = True
        tried.body = None
        return tried

    async def _read_body(self, response: httpx.Response, tried: _Try, kind: _Kind) -> _Try:
        cap = kind.cap
        declared = response.headers.get("content-length", "")
        encoding = response.headers.get("content-encoding")
        if declared.isdigit() and int(declared) > cap and not encoding and kind.enough is None:
            return self._failed(
                tried, "too_large", "BodyTooLarge", f"Content-Length {declared} > {cap}"
            )
        try:
            tried.body = await read_bounded(response, cap, enough=kind.enough)
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

    async def _load_robots(self, origin: str) -> RobotsPolicy:
        """GET /robots.txt like any URL (guard, pacing, redirects, retries, deadline), minus the
        robots check itself; the fetch is kept for the fetch log."""
        url = str(httpx.URL(origin).join("/robots.txt"))
        result = await self._fetch(url, None, Validators(), ROBOTS_TXT)
        policy = policy_from_fetch(result)
        if result.outcome == "http_error" and policy.allow_all:
            # RFC 9309's "no rules" (404 and most 4xx) is the normal case for many sites: logged
            # as such, so queries for what failed do not list it.
            result = replace(result, outcome="no_robots")
        self._robots_fetches.append(result)
        return policy
