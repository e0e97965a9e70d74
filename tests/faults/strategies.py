"""Hypothesis strategies for hostile inputs with structure: dates as sites misprint them, titles
that look like markup, pages and feeds built from those parts, text in the encodings Chinese and
Hong Kong sites use (declared rightly, wrongly or not at all). Random bytes find little in a
parser that refuses them at the first check; these reach the code behind the checks.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from html import escape

from hypothesis import strategies as st

# The clock the property tests give parsers: any date more than a year after it is dropped.
NOW = datetime(2026, 12, 4, tzinfo=UTC)

OFFSETS = st.one_of(
    st.sampled_from(["Z", "+08:00", "+0800", "-05:00", "+9999", "+99:99", "+14:01", "-24:00",
                     "+25:00", "+00:60", "UTC", "GMT", "HKT", "CST", "BJT", "IST", "", " +8"]),
    st.integers(-9999, 9999).map(lambda n: f"{'+' if n >= 0 else '-'}{abs(n):04d}"),
)  # fmt: skip
YEARS = st.one_of(st.sampled_from([0, 1, 1900, 1969, 1970, 1989, 1990, 2019, 2025, 2027, 2100,
                                   2101, 9999]), st.integers(0, 99_999))  # fmt: skip
MONTHS = st.one_of(st.integers(1, 12), st.sampled_from([0, 13, 99]))
DAYS = st.one_of(st.integers(1, 28), st.sampled_from([0, 29, 30, 31, 32, 99]))
MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@st.composite
def date_text(draw: st.DrawFn) -> str:
    """A date as a page or feed might print it: ISO, RFC 822, Chinese, English, or garbage."""
    y, m, d = draw(YEARS), draw(MONTHS), draw(DAYS)
    hh, mm, ss = draw(st.integers(0, 25)), draw(st.integers(0, 61)), draw(st.integers(0, 61))
    zone = draw(OFFSETS)
    month_name = MONTH_NAMES[(m - 1) % 12]
    forms = [
        f"{y:04d}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:{ss:02d}{zone}",
        f"{y:04d}-{m:02d}-{d:02d} {hh:02d}:{mm:02d}",
        f"Mon, {d:02d} {month_name} {y:04d} {hh:02d}:{mm:02d}:{ss:02d} {zone}",
        f"{y}年{m}月{d}日 {hh}:{mm:02d}",
        f"{month_name} {d}, {y} {hh}:{mm:02d} am {zone}",
        f"Updated: {y:04d}/{m:02d}/{d:02d} {hh:02d}:{mm:02d} {zone}",
        f"{y:04d}{m:02d}{d:02d}T{hh:02d}{mm:02d}{ss:02d}Z",
        f"{d}/{m}/{y}",
    ]
    return draw(st.one_of(st.sampled_from(forms), st.text(max_size=40)))


@st.composite
def moments(draw: st.DrawFn) -> datetime:
    """Aware datetimes anywhere Python allows, with any offset timezone() accepts (< 24 h)."""
    from datetime import timezone

    value = draw(st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)))
    minutes = draw(st.integers(-(24 * 60 - 1), 24 * 60 - 1))
    return value.replace(tzinfo=timezone(timedelta(minutes=minutes)))


MARKUP_TITLES = st.one_of(
    st.sampled_from(["Hangzhou [/b]", "[red]x[/red]", "<script>alert(1)</script>", "[link=x]y",
                     "&lt;b&gt;", "]]>", "\x00", "\ufffd", "杭州与香港 [/]", "\u202e evil"]),
    st.text(max_size=60),
)  # fmt: skip
WORDS = st.sampled_from(
    ["Hangzhou", "Hong Kong", "co-operation", "杭州", "香港", "合作", "簽署", "備忘錄", "MoU",
     "signed", "HK$1.2 billion", "3.5亿元", "十三", "两千", "on Thursday", "6月18日"]
)  # fmt: skip
PROSE = st.lists(st.one_of(WORDS, st.text(max_size=20)), max_size=30).map(" ".join)


@st.composite
def hostile_page(draw: st.DrawFn) -> bytes:
    """An article page with hostile dates (meta, JSON-LD, visible text), a markup-like title,
    nesting, and an encoding that may disagree with what the page declares."""
    title = draw(MARKUP_TITLES)
    parts = []
    if draw(st.booleans()):
        parts.append(
            f'<meta property="article:published_time" content="{escape(draw(date_text()))}">'
        )
    if draw(st.booleans()):
        data = {"@type": "NewsArticle", "headline": title, "datePublished": draw(date_text())}
        if draw(st.booleans()):
            data["dateModified"] = draw(date_text())
        parts.append(f'<script type="application/ld+json">{json.dumps(data)}</script>')
    declared = draw(
        st.sampled_from([None, "utf-8", "gb2312", "gbk", "big5", "iso-8859-1", "bogus"])
    )
    if declared:
        parts.append(f'<meta charset="{declared}">')
    depth = draw(st.sampled_from([0, 0, 5, 300, 3000]))
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in draw(st.lists(PROSE, max_size=6)))
    shown_date = (
        f'<span class="date">{escape(draw(date_text()))}</span>' if draw(st.booleans()) else ""
    )
    html = (
        f"<html><head><title>{escape(title)}</title>{''.join(parts)}</head><body>"
        f"{'<div>' * depth}<article><h1>{escape(title)}</h1>{shown_date}{paragraphs}</article>"
        f"{'</div>' * depth}</body></html>"
    )
    codec = draw(st.sampled_from(["utf-8", "gb18030", "big5hkscs", "utf-16", "cp1252"]))
    data_bytes = html.encode(codec, "replace")
    if draw(st.booleans()) and codec == "utf-8":
        data_bytes = b"\xef\xbb\xbf" + data_bytes
    cut = draw(st.one_of(st.none(), st.integers(0, len(data_bytes))))
    return data_bytes if cut is None else data_bytes[:cut]


def _rss_item(title: str, link: str, pub: str, updated: str, guid: str) -> str:
    return (
        f"<item><title>{escape(title)}</title><link>{escape(link)}</link>"
        f"<pubDate>{escape(pub)}</pubDate><atom:updated>{escape(updated)}</atom:updated>"
        f"<guid>{escape(guid)}</guid><description>{escape(title)}</description></item>"
    )


LINKS = st.one_of(
    st.sampled_from(["https://www.news.gov.hk/eng/2025/04/a.html", "/relative/b.htm",
                     "http://127.0.0.1:99999/x", "javascript:alert(1)", "file:///etc/passwd",
                     "https://[::1/", "https://例子.测试/路径?q=1#f", ""]),
    st.text(max_size=30),
)  # fmt: skip


@st.composite
def hostile_feed(draw: st.DrawFn, kind: str) -> bytes:
    """A feed of the given kind with hostile dates, titles, links and duplicate GUIDs."""
    count = draw(st.integers(0, 5))
    titles = [draw(MARKUP_TITLES) for _ in range(count)]
    links = [draw(LINKS) for _ in range(count)]
    dates = [draw(date_text()) for _ in range(count)]
    if kind in ("gdelt_doc", "investhk_json"):
        if kind == "gdelt_doc":
            rows = [{"url": u, "title": t, "seendate": d, "language": "English",
                     "domain": "x.test", "sourcecountry": "Hong Kong"}
                    for u, t, d in zip(links, titles, dates, strict=True)]  # fmt: skip
            return json.dumps({"articles": rows}).encode()
        rows = [{"nid": str(n), "title": t, "url": u, "date": d, "lang": "en"}
                for n, (u, t, d) in enumerate(zip(links, titles, dates, strict=True))]  # fmt: skip
        return json.dumps({"status": "ok", "data": {"items": rows}}).encode()
    if kind == "sitemap":
        urls = "".join(
            f"<url><loc>{escape(u)}</loc><lastmod>{escape(d)}</lastmod><news:news>"
            f"<news:publication_date>{escape(d)}</news:publication_date>"
            f"<news:title>{escape(t)}</news:title></news:news></url>"
            for u, t, d in zip(links, titles, dates, strict=True)
        )
        return (
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>'
        ).encode()
    if kind == "html_list":
        anchors = "".join(
            f'<li><a href="{escape(u)}">{escape(t)}</a> <span>{escape(d)}</span></li>'
            for u, t, d in zip(links, titles, dates, strict=True)
        )
        return f"<html><body><ul>{anchors}</ul></body></html>".encode()
    guid = draw(st.sampled_from(["same", "", "urn:x"]))
    items = "".join(
        _rss_item(t, u, d, draw(date_text()), guid)
        for u, t, d in zip(links, titles, dates, strict=True)
    )
    if kind == "atom":
        entries = "".join(
            f'<entry><title>{escape(t)}</title><link href="{escape(u)}"/>'
            f"<published>{escape(d)}</published><updated>{escape(d)}</updated></entry>"
            for u, t, d in zip(links, titles, dates, strict=True)
        )
        return (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
                f"<title>t</title>{entries}</feed>").encode()  # fmt: skip
    encoding = draw(st.sampled_from(["utf-8", "gb2312", "big5"]))
    text = (
        f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0" '
        f'xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>t</title>{items}</channel></rss>'
    )
    codec = {"gb2312": "gb18030", "big5": "big5hkscs"}.get(encoding, encoding)
    return text.encode(codec, "replace")
