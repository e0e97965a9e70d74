"""Feed parsing and URL canonicalisation speed: `python -m bench.feeds [--repeat N]`.

Prints milliseconds per feed for `parse_feed` beside the bare library call it builds on
(feedparser for XML feeds, `json.loads` for JSON APIs, ElementTree for sitemaps, BeautifulSoup
for list pages), measured in the same run, and the ratio between them; then microseconds per
URL for `canonicalize` beside `urlsplit`. The inputs are the test fixtures, grown to a realistic
size (100 items per feed) by repeating their items.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import feedparser
from bs4 import BeautifulSoup

from parsers.feeds import parse_feed
from parsers.urls import canonicalize

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "feeds"
ITEMS = 100


def _grow(data: bytes, open_tag: bytes, close_tag: bytes) -> bytes:
    """Repeat the first item of a feed, with numbered links, until it has ITEMS items."""
    pattern = re.compile(re.escape(open_tag) + rb".*?" + re.escape(close_tag), re.S)
    first = pattern.search(data)
    if first is None:
        return data
    item = first.group(0)
    copies = b"".join(item.replace(b".htm", b"-%d.htm" % n) for n in range(ITEMS))
    return data[: first.start()] + copies + data[first.end() :]


def _gdelt(data: bytes) -> bytes:
    document = json.loads(data)
    document["articles"] = document["articles"][:1] * ITEMS
    return json.dumps(document).encode()


CASES: list[
    tuple[str, str, dict[str, str], Callable[[bytes], bytes], Callable[[bytes], object]]
] = [
    (
        "rss",
        "rthk_greater_china_en.xml",
        {},
        lambda d: _grow(d, b"<item>", b"</item>"),
        feedparser.parse,
    ),
    (  # no source of ours publishes Atom: the Atom fixture names no real site
        "atom",
        "atom_relative_links.xml",
        {},
        lambda d: _grow(d, b"<entry>", b"</entry>"),
        feedparser.parse,
    ),
    (
        "google_news",
        "google_news_zh_hk.xml",
        {},
        lambda d: _grow(d, b"<item>", b"</item>"),
        feedparser.parse,
    ),
    ("gdelt_doc", "gdelt_artlist.json", {}, _gdelt, json.loads),
    (
        "sitemap",
        "news_sitemap.xml",
        {},
        lambda d: _grow(d, b"<url>", b"</url>"),
        ElementTree.fromstring,
    ),
    (
        "html_list",
        "hangzhou_list.html",
        {"selector": ".news-list li"},
        lambda d: _grow(d, b"<li>", b"</li>"),
        lambda d: BeautifulSoup(d, "lxml"),
    ),
]


def per_call_ms(call: Callable[[], object], repeat: int) -> float:
    started = time.perf_counter()
    for _ in range(repeat):
        call()
    return (time.perf_counter() - started) * 1000 / repeat


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--repeat", type=int, default=20)
    arguments.add_argument("--fixtures", type=Path, default=FIXTURES)
    options = arguments.parse_args()

    print(f"{'kind':<12} {'items':>5} {'parse_feed ms':>14} {'baseline ms':>12} {'ratio':>6}")
    for kind, name, extra, grow, baseline in CASES:
        data = grow((options.fixtures / name).read_bytes())
        url = "https://www.example-news.test/feed"
        count = len(parse_feed(kind, data, url, now=None, **extra))
        ours = per_call_ms(lambda: parse_feed(kind, data, url, now=None, **extra), options.repeat)  # noqa: B023
        base = per_call_ms(lambda: baseline(data), options.repeat)  # noqa: B023
        print(f"{kind:<12} {count:>5} {ours:>14.2f} {base:>12.2f} {ours / base:>6.2f}")

    urls = [
        f"HTTPS://WWW.Example.COM:443/news/{n}/index.html?utm_source=rss&id={n}&from=feed#top"
        for n in range(10_000)
    ]
    ours = per_call_ms(lambda: [canonicalize(url) for url in urls], 3) * 1000 / len(urls)
    base = per_call_ms(lambda: [urlsplit(url) for url in urls], 3) * 1000 / len(urls)
    print(f"canonicalize {ours:.1f} µs/URL, urlsplit {base:.1f} µs/URL, ratio {ours / base:.1f}")


if __name__ == "__main__":
    main()
