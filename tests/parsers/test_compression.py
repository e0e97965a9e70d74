"""`gunzip` for gzip files handed to us whole (saved pages, sitemap.xml.gz): bounded output."""

from __future__ import annotations

import gzip

import pytest

from parsers.compression import gunzip
from parsers.errors import ParseError

PAGE = "<html><body><p>杭州与香港签署八项合作协议。</p></body></html>".encode()


def test_a_gzip_file_is_decompressed() -> None:
    assert gunzip(gzip.compress(PAGE), 1_000, "page") == PAGE


def test_every_member_of_a_concatenated_gzip_file_is_read() -> None:
    data = gzip.compress(PAGE[:20]) + gzip.compress(PAGE[20:]) + b"\x00\x00"
    assert gunzip(data, 1_000, "page") == PAGE


def test_output_past_the_limit_is_refused_without_inflating_the_rest() -> None:
    bomb = gzip.compress(b" " * 5_000_000)  # about 5 KB
    with pytest.raises(ParseError, match=r"page: more than 1,000 bytes once decompressed"):
        gunzip(bomb, 1_000, "page")


def test_the_limit_counts_all_members_together() -> None:
    data = gzip.compress(b"a" * 600) + gzip.compress(b"b" * 600)
    with pytest.raises(ParseError, match="once decompressed"):
        gunzip(data, 1_000, "page")


def test_exactly_the_limit_is_allowed() -> None:
    assert gunzip(gzip.compress(b"a" * 1_000), 1_000, "page") == b"a" * 1_000


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<html>not compressed</html>", "page: broken gzip data"),
        (gzip.compress(PAGE)[:-12], "page: gzip data cut short"),
    ],
)
def test_data_that_is_not_whole_gzip_is_refused_with_the_reason(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        gunzip(data, 1_000, "page")
