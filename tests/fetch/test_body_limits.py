"""Bounded bodies: the cap holds for plain, gzip and deflate bodies, and for gzip bombs."""

from __future__ import annotations

import gzip
import zlib

import pytest

from flows.http.body import BodyDecodingError, BodyTooLarge, BoundedBody


def feed_all(reader: BoundedBody, data: bytes, chunk: int = 65_536) -> bytes:
    for start in range(0, len(data), chunk):
        reader.feed(data[start : start + chunk])
    return reader.finish()


def test_plain_body_passes_under_the_cap() -> None:
    assert feed_all(BoundedBody(None, 100), b"x" * 100) == b"x" * 100


def test_plain_body_over_the_cap_is_refused() -> None:
    with pytest.raises(BodyTooLarge):
        feed_all(BoundedBody("identity", 100), b"x" * 101)


def test_gzip_and_zlib_deflate_and_raw_deflate_are_decoded() -> None:
    text = "杭州 Hangzhou ".encode() * 200
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    raw_deflate = raw.compress(text) + raw.flush()
    assert feed_all(BoundedBody("gzip", 10_000), gzip.compress(text)) == text
    assert feed_all(BoundedBody("deflate", 10_000), zlib.compress(text)) == text
    assert feed_all(BoundedBody("deflate", 10_000), raw_deflate) == text


def test_multi_member_gzip_is_read_whole() -> None:
    data = gzip.compress(b"first ") + gzip.compress(b"second")
    assert feed_all(BoundedBody("gzip", 100), data) == b"first second"


def test_gzip_bomb_stops_just_past_the_cap() -> None:
    bomb = gzip.compress(b"\0" * 20_000_000, compresslevel=9)
    reader = BoundedBody("gzip", 1_000_000)
    with pytest.raises(BodyTooLarge):
        feed_all(reader, bomb)
    assert reader.size <= 1_000_001  # never held more than one byte past the cap


def test_unasked_encodings_and_broken_data_are_errors() -> None:
    with pytest.raises(BodyDecodingError, match="unsupported"):
        BoundedBody("br", 100)
    with pytest.raises(BodyDecodingError, match="broken"):
        feed_all(BoundedBody("gzip", 100), b"not gzip at all")
