"""A page cut off inside a multi-byte character keeps its charset and says it was truncated.

Read strictly, the half character at the end would make the declared charset (or UTF-8) fail and
let detection pick a one-byte codec that garbles the whole page. Every fixture page is cut in the
middle of characters spread over the page, and must read exactly like the start of the full page.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parsers.article import parse_article
from parsers.charset import decode_html
from records.fetch import TRUNCATED

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
PAGES = sorted(FIXTURES.rglob("*.html"))


def mid_character_cuts(data: bytes, codec: str) -> list[tuple[int, int]]:
    """(byte offset, characters before it) of cuts inside multi-byte characters a quarter, half
    and three quarters of the way through the page's non-ASCII characters: after the first byte
    of each, and before its last byte when the character is longer than two."""
    text = data.decode(codec)
    starts: list[tuple[int, int, int]] = []  # (byte offset, char index, width) of wide chars
    offset = 0
    for index, char in enumerate(text):
        width = len(char.encode(codec))
        if width > 1:
            starts.append((offset, index, width))
        offset += width
    cuts: set[tuple[int, int]] = set()
    for share in (1, 2, 3):
        if starts:
            start, index, width = starts[share * len(starts) // 4]
            cuts |= {(start + 1, index), (start + width - 1, index)}
    return sorted(cuts)


CUTS = [
    (page, cut, chars)
    for page in PAGES
    for cut, chars in mid_character_cuts(page.read_bytes(), decode_html(page.read_bytes()).charset)
]
CASES = [pytest.param(*c, id=f"{c[0].relative_to(FIXTURES)}@{c[1]}") for c in CUTS]


def test_the_cuts_cover_utf8_gb18030_and_big5_pages() -> None:
    charsets = {decode_html(page.read_bytes()).charset for page, _, _ in CUTS}
    assert {"utf-8", "gb18030", "big5hkscs"} <= charsets


@pytest.mark.parametrize(("page", "cut", "chars"), CASES)
def test_a_page_cut_inside_a_character_reads_as_the_start_of_the_full_page(
    page: Path, cut: int, chars: int
) -> None:
    data = page.read_bytes()
    full = decode_html(data)
    decoded = decode_html(data[:cut])
    assert decoded.charset == full.charset
    assert decoded.text == full.text[:chars]  # no mojibake: the same characters, the cut one gone
    assert decoded.truncated
    assert not full.truncated


@pytest.mark.parametrize(("page", "cut", "chars"), CASES)
def test_the_record_of_a_cut_page_keeps_its_language_and_says_it_is_truncated(
    page: Path, cut: int, chars: int
) -> None:
    url = json.loads(page.with_name(page.stem + ".expected.json").read_text("utf-8"))["url"]
    full = parse_article(page.read_bytes(), url)
    record = parse_article(page.read_bytes()[:cut], url)
    assert record.language == full.language
    assert TRUNCATED in record.problems
    assert TRUNCATED not in full.problems


def test_the_reported_case_an_rthk_page_cut_after_1887_bytes() -> None:
    page = FIXTURES / "rthk" / "ch_2023_theme_forum.html"
    url = "https://news.rthk.hk/rthk/ch/component/k2/1706655-20230626.htm"
    record = parse_article(page.read_bytes()[:1887], url)
    assert record.title == "李家超：浙港十二個領域深化合作"
    assert record.language == "zh-Hant"
    assert TRUNCATED in record.problems


@pytest.mark.parametrize(
    ("declared", "codec"), [("utf-8", "utf-8"), ("gb2312", "gb18030"), ("big5", "big5hkscs")]
)
def test_a_declared_charset_survives_a_cut_inside_its_last_character(
    declared: str, codec: str
) -> None:
    page = f"<html><head><meta charset='{declared}'><title>浙港合作</title></head><body><p>杭州"
    data = page.encode(codec)[:-1]
    decoded = decode_html(data)
    assert decoded.charset == codec
    assert decoded.text == page[:-1]


def test_an_undeclared_utf8_page_cut_inside_a_character_is_still_utf8() -> None:
    data = "<html><body><p>杭州與香港簽署合作協議".encode()[:-2]
    decoded = decode_html(data)
    assert (decoded.charset, decoded.truncated) == ("utf-8", True)
    assert decoded.text == "<html><body><p>杭州與香港簽署合作協"


def test_a_complete_page_is_not_truncated() -> None:
    decoded = decode_html("<html><body><p>杭州</p></body></html>".encode())
    assert not decoded.truncated
    assert decoded.problems == ()


def test_a_wrong_byte_at_the_end_is_not_taken_for_a_cut_character() -> None:
    # 0xff never starts a UTF-8 character: the bytes are not UTF-8, whole or cut.
    data = "<html><head><meta charset='utf-8'></head><body><p>杭州".encode() + b"\xff"
    assert not decode_html(data).truncated


def test_a_wrong_byte_early_on_still_rejects_the_declared_charset() -> None:
    text = "<html><head><meta charset='utf-8'><title>Café</title></head><body><p>Naïve café</p>"
    decoded = decode_html((text * 20).encode("cp1252"))
    assert decoded.charset != "utf-8"
    assert not decoded.truncated
