"""Properties of the helpers every parser leans on, over hostile inputs: they never raise (or
raise only the error they document), and every datetime they hand on passes `doubt`.

The example budget comes from the Hypothesis profile (tests/conftest.py): `ci` in CI, `long`
under `python -m bench.fuzz`.
"""

from __future__ import annotations

import gzip
import zlib
from datetime import date, datetime

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from parsers.charset import decode_html
from parsers.compression import gunzip
from parsers.dates import (
    checked_item,
    checked_record,
    doubt,
    latest_for,
    parse_datetime,
    trusted,
    why_dropped,
)
from parsers.errors import ParseError
from parsers.urls import canonicalize, is_fetchable, resolve
from records.articles import ArticleRecord, FeedItem
from tests.faults.strategies import PROSE, date_text, moments
from tracking.figures import extract_figures, zh_number
from tracking.folding import sentences
from tracking.text_dates import find_as_of, find_dates, reference_date

SLOW = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# --- dates -----------------------------------------------------------------------------------


@SLOW
@given(date_text(), st.sampled_from(["+08:00", "UTC"]))
def test_parse_datetime_gives_none_or_a_moment_doubt_accepts(text: str, zone: str) -> None:
    from parsers.feeds.zones import zone as zone_named

    value = parse_datetime(text, zone_named(zone, None))
    assert value is None or doubt(value) is None
    reason = why_dropped(text)
    assert reason is None or isinstance(reason, str)


@SLOW
@given(moments(), st.one_of(st.none(), moments()))
def test_doubt_never_raises_and_trusted_agrees_with_it(
    value: datetime, latest: datetime | None
) -> None:
    reason = doubt(value, latest)
    assert reason is None or isinstance(reason, str)
    assert (trusted(value, latest) is None) == (reason is not None)


@SLOW
@given(
    st.one_of(st.none(), moments()),
    st.one_of(st.none(), moments()),
    st.one_of(st.none(), moments()),
)
def test_checked_record_and_item_keep_only_dates_doubt_accepts(
    published: datetime | None, updated: datetime | None, now: datetime | None
) -> None:
    latest = latest_for(now)
    record = checked_record(
        ArticleRecord("https://x.test/a", "https://x.test/a", "generic",
                      published_at=published, updated_at=updated), now,
    )  # fmt: skip
    item = checked_item(
        FeedItem("https://x.test/a", published_at=published, updated_at=updated,
                 crawled_at=published, related=(FeedItem("https://x.test/b", updated_at=updated),)),
        now,
    )  # fmt: skip
    for value in (record.published_at, record.updated_at, item.published_at, item.updated_at,
                  item.crawled_at, item.related[0].updated_at):  # fmt: skip
        assert value is None or doubt(value, latest) is None
    dropped = sum(v is not None for v in (published, updated)) - sum(
        v is not None for v in (record.published_at, record.updated_at)
    )
    assert len(record.problems) == dropped  # every dropped date is noted, nothing else


# --- charsets and compression ----------------------------------------------------------------


@st.composite
def encoded_page(draw: st.DrawFn) -> tuple[bytes, str | None]:
    text = draw(PROSE)
    codec = draw(st.sampled_from(["utf-8", "gb18030", "big5hkscs", "utf-16", "cp1252", "utf-32"]))
    declared = draw(st.sampled_from([None, "utf-8", "gb2312", "big5", "iso-8859-1", "x-bogus", ""]))
    meta = f'<meta charset="{declared}">' if declared is not None and draw(st.booleans()) else ""
    data = f"<html><head>{meta}</head><body><p>{text}</p></body></html>".encode(codec, "replace")
    data = draw(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\x00"])) + data
    cut = draw(st.integers(0, len(data)))
    header = (
        f"text/html; charset={declared}" if declared is not None and draw(st.booleans()) else None
    )
    return data[: cut if draw(st.booleans()) else len(data)], header


@SLOW
@given(
    st.one_of(
        encoded_page(),
        st.tuples(st.binary(max_size=4000), st.one_of(st.none(), st.text(max_size=40))),
    )
)
def test_decode_html_never_raises(page: tuple[bytes, str | None]) -> None:
    data, content_type = page
    decoded = decode_html(data, content_type)
    assert isinstance(decoded.text, str) and decoded.charset


@st.composite
def gzip_data(draw: st.DrawFn) -> bytes:
    members = [
        gzip.compress(draw(st.binary(max_size=2000))) for _ in range(draw(st.integers(0, 3)))
    ]
    if draw(st.booleans()):
        members.append(gzip.compress(b"\x00" * draw(st.integers(0, 200_000)), compresslevel=9))
    data = draw(st.sampled_from([b"", b"\x00" * 8])).join(members)
    action = draw(st.sampled_from(["none", "cut", "flip", "raw"]))
    if action == "cut" and data:
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif action == "flip" and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]
    elif action == "raw":
        data = zlib.compress(draw(st.binary(max_size=500)))
    return data


@SLOW
@given(gzip_data(), st.integers(0, 150_000))
def test_gunzip_gives_at_most_limit_bytes_or_a_parse_error(data: bytes, limit: int) -> None:
    try:
        out = gunzip(data, limit, "test")
    except ParseError as error:
        assert str(error).startswith("test:")
        return
    assert len(out) <= limit


# --- URLs ------------------------------------------------------------------------------------

URL_PARTS = st.sampled_from(
    ["http://", "https://", "HTTP://", "ftp://", "//", "javascript:", "127.0.0.1", "[::1]",
     "例子.测试", "xn--", ":99999", ":0", ":-1", ":80", "@", "/../", "/./", "%2F", "%7e", "%",
     "?utm_source=x", "&", "#frag", "\t", "\n", " ", "index.html", "。", "\u200b", "\x00"]
)  # fmt: skip


@SLOW
@given(
    st.lists(st.one_of(URL_PARTS, st.text(max_size=8)), max_size=10).map("".join),
    st.text(max_size=30),
)
def test_url_helpers_never_raise_and_canonical_urls_are_stable(url: str, href: str) -> None:
    canonical = canonicalize(url)
    if is_fetchable(canonical):
        assert canonicalize(canonical) == canonical
    resolved = resolve(url if is_fetchable(url) else "https://x.test/a/", href)
    assert resolved is None or is_fetchable(resolved)


# --- tracking's numbers and dates --------------------------------------------------------------

ZH_NUMBERS = st.text(
    alphabet="0123456789.〇零一二两三四五六七八九十百千万亿x,", min_size=0, max_size=12
)


@SLOW
@given(ZH_NUMBERS)
@example("x")
def test_zh_number_gives_a_number_or_none(text: str) -> None:
    value = zh_number(text)
    assert value is None or isinstance(value, float)


REFERENCES = st.one_of(
    st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
)
DATE_WORDS = st.sampled_from(
    ["截至", "年底", "年", "月", "日", "号", "底", "去年", "as of the end of ", "by ", "june ",
     "13th ", "on friday", "周五", "将于", "签署", "昨天", "0000", "9999", "2024", "13", "31", "0"]
)  # fmt: skip


@SLOW
@given(st.lists(st.one_of(DATE_WORDS, st.text(max_size=6)), max_size=12).map("".join), REFERENCES)
@example("截至0000年底", date(2025, 1, 1))
def test_text_dates_never_raise(text: str, reference: date | None) -> None:
    for forward in (False, True):
        for hit in find_dates(text, reference, forward=forward):
            assert isinstance(hit.value, date)
    found = find_as_of(text, reference)
    assert found is None or isinstance(found, date)


@SLOW
@given(st.one_of(st.none(), moments()))
def test_reference_date_never_raises(published: datetime | None) -> None:
    found = reference_date(published)
    # The day in Hong Kong time: an instant at either end of 1990..2100 may fall a day outside.
    assert found is None or date(1989, 12, 31) <= found <= date(2101, 1, 1)


@SLOW
@given(PROSE, REFERENCES)
def test_extract_figures_gives_finite_values(text: str, reference: date | None) -> None:
    try:
        figures = extract_figures(sentences(text), reference)
    except (ValueError, KeyError, IndexError) as error:
        raise AssertionError(f"extract_figures raised {type(error).__name__}: {error}") from error
    for figure in figures:
        assert figure.value == figure.value and abs(figure.value) != float("inf")
