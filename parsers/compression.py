"""Bounded gunzip for gzip files we are handed whole: saved `.html.gz` pages, `sitemap.xml.gz`.

A few kilobytes of gzip can inflate to gigabytes, so the output is capped: past the limit the data
is refused, not decompressed further. (HTTP Content-Encoding is inflated while it streams, under
the fetcher's own cap, in flows/http/body.py.)
"""

from __future__ import annotations

import zlib

from parsers.errors import ParseError

_GZIP = 16 + zlib.MAX_WBITS  # a gzip header and trailer around the deflate stream


def gunzip(data: bytes, limit: int, what: str) -> bytes:
    """Every gzip member of `data`, decompressed; ParseError (naming `what`) when the data is not
    gzip, is cut short, or would come to more than `limit` bytes."""
    out = bytearray()
    rest = data
    while rest:
        inflater = zlib.decompressobj(wbits=_GZIP)
        try:
            out += inflater.decompress(rest, limit - len(out) + 1)
        except zlib.error as error:
            raise ParseError(f"{what}: broken gzip data ({error})") from error
        if len(out) > limit or inflater.unconsumed_tail:
            raise ParseError(f"{what}: more than {limit:,} bytes once decompressed")
        if not inflater.eof:
            raise ParseError(f"{what}: gzip data cut short")
        rest = inflater.unused_data.lstrip(b"\x00")  # members may follow; zero padding may too
    return bytes(out)
