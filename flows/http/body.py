"""Reading a response body with a hard cap on the bytes we end up holding, compressed or not.

httpx would decompress for us, but a single 64 KB gzip chunk can inflate to tens of megabytes
before any cap is checked. We read the raw stream and inflate with zlib's `max_length`, so a gzip
bomb stops one byte past the cap.
"""

from __future__ import annotations

import zlib

import httpx

# What we advertise in Accept-Encoding, and so all we promise to decode.
ACCEPT_ENCODING = "gzip, deflate"


class BodyTooLarge(Exception):
    """The (decompressed) body is longer than the cap."""


class BodyDecodingError(Exception):
    """The body claims a content coding we did not ask for, or its compressed data is broken."""


class BoundedBody:
    """Collects a body chunk by chunk, decompressing gzip/deflate, refusing past max_bytes."""

    def __init__(self, content_encoding: str | None, max_bytes: int) -> None:
        codings = [c.strip().lower() for c in (content_encoding or "").split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise BodyDecodingError(f"unsupported Content-Encoding: {content_encoding}")
        self.coding = codings[0] if codings else None
        self.max_bytes = max_bytes
        self.raw_bytes = 0
        self._parts: list[bytes] = []
        self._size = 0
        self._inflater: zlib._Decompress | None = self._new_inflater() if self.coding else None

    def _new_inflater(self) -> zlib._Decompress:
        # 32 + MAX_WBITS accepts a gzip or a zlib header; plain "deflate" is zlib-wrapped.
        return zlib.decompressobj(zlib.MAX_WBITS | 32)

    @property
    def size(self) -> int:
        return self._size

    def _keep(self, data: bytes) -> None:
        self._size += len(data)
        if self._size > self.max_bytes:
            raise BodyTooLarge(f"body exceeds {self.max_bytes} bytes")
        if data:
            self._parts.append(data)

    def feed(self, chunk: bytes) -> None:
        self.raw_bytes += len(chunk)
        if self._inflater is None:
            self._keep(chunk)
            return
        try:
            self._inflate(chunk)
        except zlib.error as exc:
            first = self.raw_bytes == len(chunk) and not self._size
            if not (self.coding == "deflate" and first):
                raise BodyDecodingError(f"broken {self.coding} data: {exc}") from exc
            # Some servers send raw deflate without the zlib wrapper.
            self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            try:
                self._inflate(chunk)
            except zlib.error as again:
                raise BodyDecodingError(f"broken deflate data: {again}") from again

    def _inflate(self, data: bytes) -> None:
        while data and self._inflater is not None:
            inflater = self._inflater
            self._keep(inflater.decompress(data, self.max_bytes - self._size + 1))
            data = inflater.unconsumed_tail
            if inflater.eof and inflater.unused_data:
                # A gzip stream may hold several members one after another.
                data = inflater.unused_data
                self._inflater = self._new_inflater()

    def finish(self) -> bytes:
        if self._inflater is not None:
            self._keep(self._inflater.flush())
        return b"".join(self._parts)


async def read_bounded(response: httpx.Response, cap: int, *, enough: int | None = None) -> bytes:
    """The response body, decompressed, at most cap bytes; stop early once `enough` are read.

    A response built in memory (e.g. by httpx.MockTransport) arrives already read and decoded,
    so only its length is checked.
    """
    if response.is_stream_consumed:
        if len(response.content) > cap:
            raise BodyTooLarge(f"body exceeds {cap} bytes")
        return response.content
    reader = BoundedBody(response.headers.get("content-encoding"), cap)
    async for chunk in response.aiter_raw():
        reader.feed(chunk)
        if enough is not None and reader.size >= enough:
            break
    return reader.finish()
