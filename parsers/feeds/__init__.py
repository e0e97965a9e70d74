"""Feed parsers: the bytes of a feed, search API answer, sitemap or list page in, FeedItems out.

Pure functions: no network, no clock (the caller may pass its clock as `now`: a date more than
a year after it is dropped and noted in the item's `problems`, as is any date that fails
`parsers.dates.doubt`). Every failure to read the input is a `ParseError` whose
message says what was wrong; an input that is fine but lists nothing is an empty list.

Options (all strings, from the source's config):
- `language`: `en`, `zh-Hans`, `zh-Hant` (or a feed label such as `zh-hk`) when the input does
  not say; it also decides the zone of zone-less times (Chinese: UTC+8).
- `default_tz`: the zone of zone-less times, as an IANA name or offset (`Asia/Hong_Kong`, `+08:00`).
- `selector`: the CSS selector of the links on an `html_list` page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from parsers.dates import checked_item
from parsers.errors import ParseError
from parsers.feeds.gdelt import parse_gdelt
from parsers.feeds.google_news import parse_google_news
from parsers.feeds.govhk import parse_govhk_press
from parsers.feeds.html_list import parse_html_list
from parsers.feeds.investhk_json import parse_investhk
from parsers.feeds.rss import parse_rss
from parsers.feeds.sitemap import parse_sitemap
from records.articles import FeedItem

FeedParser = Callable[[bytes, str, Mapping[str, str]], list[FeedItem]]

PARSERS: Mapping[str, FeedParser] = {
    "rss": parse_rss,
    "atom": parse_rss,
    "google_news": parse_google_news,
    "gdelt_doc": parse_gdelt,
    "govhk_press": parse_govhk_press,
    "investhk_json": parse_investhk,
    "sitemap": parse_sitemap,
    "html_list": parse_html_list,
}
KINDS = frozenset(PARSERS)


def parse_feed(
    kind: str, data: bytes, url: str, *, now: datetime | None = None, **options: str
) -> list[FeedItem]:
    """The items a source of `kind` lists in `data` (fetched from `url`, which resolves links)."""
    parser = PARSERS.get(kind)
    if parser is None:
        raise ParseError(f"unknown feed kind {kind!r}; known kinds: {', '.join(sorted(KINDS))}")
    try:
        return [checked_item(item, now) for item in parser(data, url, options)]
    except ParseError:
        raise
    except RecursionError as error:
        raise ParseError(f"{kind}: input nested too deeply to parse") from error


__all__ = ["KINDS", "FeedItem", "ParseError", "parse_feed"]
