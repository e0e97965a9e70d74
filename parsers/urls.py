"""One spelling per page: links from feeds, sitemaps and list pages are canonicalised before they
are compared with each other and with the warehouse, so the same article found through three
feeds (one with `utm_source`, one with `#comments`, one via `/index.html`) is fetched once.

Only changes that cannot alter what a server returns are made; http and https stay as given,
because some sites serve different content (or nothing) on one of them.

A fragment never reaches the server, so it is dropped, with one exception: a fragment that names
one post of a live blog (`#post-123`, `#entry-7`, `#update-2a`). The generic parser reads that
post alone, so each post is its own article, and dropping the fragment would merge them all into
one. `POST_FRAGMENT` is the one list of such fragments.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

FETCHABLE_SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}

# Parameters that identify the campaign or the sharer, never the page.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "spm",
        "scm",
        "from",
        "ref",
        "ref_src",
        "ref_url",
        "referrer",
        "share",
        "share_from",
        "shareid",
        "sharesource",
        "cmpid",
        "oc",  # Google News' "open count" marker
        "isappinstalled",
        "wechat_redirect",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hmsr", "hmpl", "hmcu", "hmkw", "hmci")

INDEX_PAGES = ("index.html", "index.htm", "index.shtml", "index.php", "default.aspx", "default.asp")

UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_NOT_LINKS = ("javascript:", "mailto:", "tel:", "data:", "about:", "#")
_TAB_NEWLINE = re.compile(r"[\t\r\n]")  # WHATWG URL parsing drops these anywhere

# Fragments that name one post of a live blog, the post's id in group 1. ASCII only: a fragment
# kept must read the same after another pass (a non-ASCII one would come back percent-encoded and
# no longer match), which keeps `canonicalize` idempotent.
POST_FRAGMENT = re.compile(r"^(?:post|entry|update)[-_]?(\w+)$", re.IGNORECASE | re.ASCII)

# Characters left as they are when re-encoding: reserved delimiters keep their meaning and
# existing escapes ("%") are normalised separately.
_PATH_SAFE = "/%:@!$&'()*+,;="
_QUERY_PART_SAFE = "%:@!$'()*+,;/?"


def _normalise_escapes(text: str, safe: str) -> str:
    """Decode escapes of unreserved characters, upper-case the rest, escape raw non-ASCII.

    RFC 3986 §6.2.2: `%7E` and `~` are the same URL, `%2f` and `%2F` too; `%2F` and `/` are not.
    """

    def fix(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in UNRESERVED else "%" + match.group(1).upper()

    return quote(_ESCAPE.sub(fix, text), safe=safe)


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 §5.2.4, so `/a/./b/../c` and `/a/c` compare equal."""
    if "." not in path:
        return path
    output: list[str] = []
    segments = path.split("/")
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == ".":
            if last:
                output.append("")
        elif segment == "..":
            if len(output) > 1:
                output.pop()
            if last:
                output.append("")
        else:
            output.append(segment)
    result = "/".join(output)
    return result if result.startswith("/") else "/" + result


def _host(hostname: str) -> str:
    host = hostname.rstrip(".").lower()
    if host.isascii():
        return host
    try:  # IDNA maps look-alike dots ("․", "。") to "." only now: strip the trailing one again
        return host.encode("idna").decode("ascii").rstrip(".")
    except UnicodeError:
        return host


def _is_tracking(name: str) -> bool:
    key = name.lower()
    return key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES)


def _query(query: str) -> str:
    kept: list[str] = []
    for part in query.split("&"):
        if not part:
            continue
        name, sep, value = part.partition("=")
        if _is_tracking(name.replace("+", " ").strip()):
            continue
        kept.append(
            _normalise_escapes(name, _QUERY_PART_SAFE)
            + sep
            + _normalise_escapes(value, _QUERY_PART_SAFE + "=")
        )
    return "&".join(sorted(kept))


def post_fragment(fragment: str) -> str | None:
    """The fragment as a canonical URL keeps it: as given when it names a live-blog post (ids are
    case-sensitive, so its case stays), else None."""
    return fragment if POST_FRAGMENT.fullmatch(fragment) else None


def canonicalize(url: str) -> str:
    """The canonical spelling of an http(s) URL; other or unparseable input comes back stripped."""
    url = _TAB_NEWLINE.sub("", url).strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in FETCHABLE_SCHEMES or not parts.hostname:
        return url

    host = _host(parts.hostname)
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port is not None and port != DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    userinfo = parts.netloc.rpartition("@")[0] if "@" in parts.netloc else ""
    netloc = f"{userinfo}@{host}" if userinfo else host

    path = _remove_dot_segments(_normalise_escapes(parts.path or "/", _PATH_SAFE))
    head, _, last = path.rpartition("/")
    if last.lower() in INDEX_PAGES:
        path = head + "/"
    fragment = post_fragment(parts.fragment) or ""
    return urlunsplit((scheme, netloc, path, _query(parts.query), fragment))


def is_fetchable(url: str) -> bool:
    """Whether the fetcher can be asked for this URL at all: http(s), a host, a valid port."""
    try:
        parts = urlsplit(url)
        _ = parts.port
    except ValueError:
        return False
    host = parts.hostname
    return parts.scheme.lower() in FETCHABLE_SCHEMES and bool(host) and " " not in (host or "")


def resolve(base: str, href: str | None) -> str | None:
    """The absolute http(s) URL an `href` on page `base` points to; None for non-links."""
    if href is None:
        return None
    href = _TAB_NEWLINE.sub("", href).strip()
    if not href or href.lower().startswith(_NOT_LINKS):
        return None
    try:
        absolute = urljoin(base, href)
    except ValueError:
        return None
    return absolute if is_fetchable(absolute) else None
