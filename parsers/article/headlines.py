"""The headline a page displays, for pages we have no parser for.

Metadata titles are written for search engines and social cards: JSON-LD and og:title often
carry an SEO headline, a section ("Opinion | …") or the site's name, and some sites escape them
twice (`&amp;#8216;` reaches us as `&#8216;`). The page's own `<h1>` is what a reader sees, so it
wins when it agrees with the metadata (they share most words: the metadata only adds a section or
a site name, or words the headline was rewritten with) or, failing that, when it is the one
headline of the page and not the site's name in a logo or masthead. Otherwise the metadata title
is used, og:title first (the one sites keep closest to the page), without the site's name.

Site names are learned from the page rather than from a list: `og:site_name`, the JSON-LD
publisher, the part of `<title>` around the displayed headline, and a title segment that spells
the host ("The Paper" on thepaper.cn). On Chinese pages a short last segment that reads as a
site's name (…网, …日报, …新闻) is one too, joined by `-` or `_` without spaces (`…-新华网`,
`…_澎湃新闻-The Paper`).
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from parsers.article.base import Page
from parsers.article.boilerplate import strip_known_names, strip_site_suffix
from parsers.whitespace import clean_text

_ENTITY = re.compile(r"&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]{1,31});", re.I)
_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]|[^\W_]+")
# Blocks that hold a site's name rather than a story's headline.
_MASTHEAD = re.compile(
    r"logo|masthead|brand|site-?title|site-?name|navbar|site-?header|global-?header|header__", re.I
)
_MASTHEAD_IDS = frozenset({"header", "gnb", "top", "topbar", "top-bar"})
_SEGMENT = re.compile(
    r"\s+[|\-–—·•:]\s+|\s*[|_｜]\s*|\s*--\s*|(?<=[^\x00-\x7f])-|-(?=[^\x00-\x7f])"
)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# How a Chinese site's name ends: 新华网, 中国日报, 澎湃新闻, 港澳频道.
_CHINESE_SITE = re.compile(
    r"^[\u3400-\u9fffA-Za-z·]{2,10}(网|網|网站|日报|日報|晚报|晚報|新闻|新聞|频道|頻道|在线|在線)$"
)
AGREEMENT = 0.5  # share of the longer title's words the two must share
MAX_NAME_WORDS = 5  # a title segment longer than this is not a site's name
MAX_HEADLINE_CHARS = 300


def unescape(text: str) -> str:
    """Entities a site escaped twice (`&amp;#8216;` reaches us as `&#8216;`) resolved."""
    for _ in range(2):
        if not _ENTITY.search(text):
            break
        text = html.unescape(text)
    return clean_text(text)


def _tokens(text: str) -> set[str]:
    return {t.casefold() for t in _TOKEN.findall(text)}


def agreement(a: str, b: str) -> float:
    """Share of the longer title's words (CJK: characters) that the other has too: a one-word
    `<h1>` ("Reviews") does not agree with a title just because the title ends with it."""
    left, right = _tokens(a), _tokens(b)
    if not left or not right:
        return 0.0
    return len(left & right) / max(len(left), len(right))


def _compact(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def is_masthead(node: HtmlElement) -> bool:
    """A block holding the site's name: a logo, masthead, site header or top bar."""
    marks = f"{node.get('class') or ''} {node.get('id') or ''}"
    return bool(marks.strip()) and (
        bool(_MASTHEAD.search(marks)) or bool(set(marks.lower().split()) & _MASTHEAD_IDS)
    )


def in_masthead(element: HtmlElement) -> bool:
    """A headline element in a logo, masthead or site header, inside a link, or linking home."""
    ancestors = list(element.iterancestors())
    article = next((a for a in ancestors if a.tag in ("article", "main")), None)
    for node in (element, *ancestors):
        if node is article:
            break
        if node.tag == "nav" or (node.tag == "a" and node is not element) or is_masthead(node):
            return True
        site_header = node.tag == "header" and node is not element and article is None
        if site_header and node.find(".//nav") is not None:
            return True
    for link in element.iter("a"):
        path = urlsplit(link.get("href") or "").path
        if path in ("", "/", "/index.html", "/index.htm"):
            return True
    return False


def headline_elements(page: Page) -> list[tuple[HtmlElement, str]]:
    """The page's `<h1>`s with their text, in page order (empty and overlong ones left out)."""
    if page.tree is None:
        return []
    found = []
    for element in page.tree.iter("h1"):
        text = unescape(" ".join(element.text_content().split()))
        if text and len(text) <= MAX_HEADLINE_CHARS:
            found.append((element, text))
    return found


def metadata_titles(page: Page) -> list[str]:
    """og:title, JSON-LD headline, twitter:title and `<title>`, unescaped, in that order."""
    meta = page.meta
    linked = meta.linked.headline if meta.linked else None
    found = [meta.first("og:title"), linked, meta.first("twitter:title"), meta.title]
    return [unescape(t) for t in found if t and unescape(t)]


def _host_names(host: str) -> list[str]:
    """The host's own labels (`morebikes` for www.morebikes.co.uk), for matching site names."""
    labels = [part for part in host.lower().split(".") if part not in ("www", "m", "en", "news")]
    return [label for label in labels if len(label) >= 3]


def spells_host(segment: str, hosts: list[str]) -> bool:
    """A short title segment that is the host's name ("MoreBikes", "CBSSports.com", "The Paper"
    on thepaper.cn), not a headline that merely contains it."""
    compact = _compact(segment)
    if len(compact) < 3 or len(segment.split()) > MAX_NAME_WORDS:
        return False
    return any(
        compact == host or (compact in host) or (host in compact and len(compact) <= len(host) + 4)
        for host in hosts
    )


def site_names(page: Page, headline: str | None, known: list[str]) -> list[str]:
    """Names a title may carry besides the headline, learned from this page."""
    names = [n for n in known if n]
    meta = page.meta
    for name in (meta.first("og:site_name"), meta.first("application-name")):
        if name:
            names.append(unescape(name))
    if meta.linked is not None and meta.linked.publisher:
        names.append(unescape(meta.linked.publisher))
    hosts = _host_names(page.host)
    for title in metadata_titles(page):
        segments = [s for s in _SEGMENT.split(title) if s and s.strip()]
        if len(segments) < 2:
            continue
        for segment in segments:
            segment = clean_text(segment)
            if headline and _compact(headline) == _compact(segment):
                continue
            if spells_host(segment, hosts) or _CHINESE_SITE.match(segment):
                names.append(segment)
        if headline and headline in title:  # what <title> adds around the displayed headline
            before, _, after = title.partition(headline)
            for rest in (before, after):
                rest = clean_text(_SEGMENT.sub(" ", rest).strip(" |-–—·•:_｜"))
                if rest and len(rest) <= 60:
                    names.append(rest)
    return list(dict.fromkeys(names))


def displayed_headline(page: Page, site: list[str]) -> str | None:
    """The `<h1>` a reader sees as the headline, when there is one we can trust (see above)."""
    heads = headline_elements(page)
    titles = [strip_site_suffix(t, site) for t in metadata_titles(page)]
    names = {_compact(n) for n in site if n}
    best: tuple[float, str] | None = None
    for _, text in heads:
        score = max((agreement(text, t) for t in titles), default=0.0)
        if _compact(text) in names:
            continue
        if best is None or score > best[0]:
            best = (score, text)
    if best is not None and best[0] >= AGREEMENT:
        return best[1]
    for element, text in heads:
        if _compact(text) in names or in_masthead(element):
            continue
        if len(_tokens(text)) >= 2:
            return text
        break
    return None


def headline(page: Page, known_names: list[str]) -> str | None:
    """The page's headline: the displayed `<h1>`, else its metadata title without site names."""
    titles = metadata_titles(page)
    shown = displayed_headline(page, site_names(page, None, known_names))
    names = site_names(page, shown, known_names)
    if shown is not None:
        return strip_known_names(shown, names) or shown
    for title in titles:
        stripped = strip_site_suffix(title, names)
        if stripped:
            return stripped
    return None
