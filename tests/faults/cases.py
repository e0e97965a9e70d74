"""The fault matrix: every hostile value or misbehaviour the pipeline must survive, as data.

One list serves both `python -m bench.faults` (a table for people) and
tests/faults/test_fault_matrix.py (one test per case in CI). Three kinds of case:

- `IngestCase`: a loopback site (its own port) behind one source; all of them run through the
  real `ingest` flow in one run, and each is judged on its own rows: the failure is exactly the
  `v_ingest_errors` rows it names (usually one; none where a hostile value is only dropped and
  noted in the article's `problems`), and every good article of its source is stored.
- `CliCase`: the real `hzhk` console script in a subprocess: its exit code, one line on stderr,
  never a traceback, and nothing written that should not be.
- `RunCase`: a check over the finished run as a whole (it completed; tracking runs over it).
"""

from __future__ import annotations

import gzip
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tests.faults import pages
from tests.faults.pages import GOOD_DATE, GOOD_INSTANT, Item
from tests.faults.server import (
    Reply,
    Site,
    announced_oversize,
    broken_gzip,
    chunked_flood,
    drip,
    garbage_status,
    gzip_bomb,
    hang_up,
    header_flood,
    redirect,
    reset,
    respond,
    short_body,
    stall,
)

UNSET = "<unset>"  # an expectation not checked


@dataclass(frozen=True)
class Problem:
    """One expected `v_ingest_errors` row: regexes for the class (whole) and message (search)."""

    stage: str
    error_class: str
    message: str
    path: str | None = None  # the URL path the row names; None: the source's feed URL


@dataclass(frozen=True)
class Stored:
    """One article expected in `v_articles` for the case's source, found by its URL path.

    `published` is the UTC instant expected (ISO), None for no date, UNSET to leave it unchecked;
    `problem` a regex one of the article's `problems` must match.
    """

    path: str
    title: str | None = None
    published: str | None = UNSET
    problem: str | None = None


@dataclass(frozen=True)
class IngestCase:
    id: str
    group: str
    expected: str
    build: Callable[[Site], None]
    errors: tuple[Problem, ...] = ()
    stored: tuple[Stored, ...] = ()
    kind: str = "rss"
    feed_path: str = "/feed.xml"
    not_requested: tuple[str, ...] = ()  # paths the client must never ask for
    options: str = ""  # more TOML lines for the case's [[source]] entry


@dataclass(frozen=True)
class Workspace:
    """A CLI case's own folder: a config folder, a warehouse path (absent until something creates
    it; the filled run's copy for cases that need it) and room for files."""

    root: Path
    config: Path
    warehouse: Path
    sites: dict[str, Site] = field(default_factory=dict)


@dataclass(frozen=True)
class CliCase:
    id: str
    group: str
    expected: str
    args: Callable[[Workspace], list[str]]
    code: int = 1
    stderr: str | None = None  # regex stderr must match
    stdout: str | None = None  # regex stdout must match
    stderr_lines: int = 1  # lines on stderr (the `--debug` hint line does not count)
    prepare: Callable[[Workspace], None] | None = None
    absent: Callable[[Workspace], list[Path]] = lambda w: [w.warehouse]
    env: Mapping[str, str] = field(default_factory=dict)
    needs_run: bool = False  # runs against a copy of the warehouse the ingest cases filled
    timeout_s: float = 60.0


@dataclass(frozen=True)
class RunCase:
    id: str
    group: str
    expected: str
    name: str  # which check of tests/faults/matrix.py runs it


Case = IngestCase | CliCase | RunCase

# --- ingest cases: helpers -------------------------------------------------------------------

GOOD = "/news/good.htm"
BAD = "/news/bad.htm"


def good_title(case_id: str) -> str:
    return f"Hangzhou and Hong Kong sign pact ({case_id})"


def with_good_page(
    case_id: str, bad: Reply, *, bad_pub: str | None = GOOD_DATE
) -> Callable[[Site], None]:
    """A feed listing one good page and one page answered by `bad`."""

    def build(site: Site) -> None:
        items = [
            Item(good_title(case_id), site.url(GOOD), "Mon, 21 Apr 2025 10:00:00 +0800"),
            Item(f"Second story ({case_id})", site.url(BAD), bad_pub),
        ]
        site.routes["/feed.xml"] = respond(pages.rss(items), content_type="application/rss+xml")
        site.routes[GOOD] = respond(pages.dated_page(good_title(case_id)))
        site.routes[BAD] = bad
        redirect_routes(site)

    return build


def page_fault(
    case_id: str, expected: str, bad: Reply, stage: str, error_class: str, message: str
) -> IngestCase:
    return IngestCase(
        case_id,
        "fetch" if stage == "fetch" else "pages",
        expected,
        with_good_page(case_id, bad),
        errors=(Problem(stage, error_class, message, BAD),),
        stored=(Stored(GOOD, good_title(case_id), GOOD_INSTANT),),
    )


def feed_fault(
    case_id: str,
    expected: str,
    feed: Reply,
    error_class: str,
    message: str,
    group: str = "feeds",
    robots: Reply | None = None,
) -> IngestCase:
    """The feed itself misbehaves: one `discover` row, nothing stored for the source."""

    def build(site: Site) -> None:
        site.routes["/feed.xml"] = feed
        site.robots = robots

    return IngestCase(
        case_id, group, expected, build, errors=(Problem("discover", error_class, message),)
    )


def xml_feed(text: str) -> Reply:
    return respond(text, content_type="application/rss+xml")


def feed_date(
    case_id: str, pub_date: str, published: str | None, problem: str | None
) -> IngestCase:
    """An item whose pubDate is hostile and whose page gives no date (D1/D2's shape)."""
    dated = "/news/dated.htm"
    title = f"Hangzhou delegation visits Hong Kong ({case_id})"

    def build(site: Site) -> None:
        items = [
            Item(good_title(case_id), site.url(GOOD), "Mon, 21 Apr 2025 10:00:00 +0800"),
            Item(title, site.url(dated), pub_date),
        ]
        site.routes["/feed.xml"] = xml_feed(pages.rss(items))
        site.routes[GOOD] = respond(pages.dated_page(good_title(case_id)))
        site.routes[dated] = respond(pages.page(title))

    verdict = "stored without a date, the value noted" if published is None else "read as given"
    return IngestCase(
        case_id,
        "feeds",
        f"pubDate {pub_date!r}: the article is {verdict}; the run and the feed go on",
        build,
        stored=(
            Stored(GOOD, good_title(case_id), GOOD_INSTANT),
            Stored(dated, title, published, problem),
        ),
    )


PAGE_BUILDERS: dict[str, Callable[[str, str], str]] = {
    "meta": pages.dated_page,
    "jsonld": pages.jsonld_page,
    "text": pages.text_dated_page,
}


def page_date(
    where: str, name: str, value: str, published: str | None, problem: str | None
) -> IngestCase:
    """A page whose own date (in `<meta>`, JSON-LD or the visible text) is hostile; the feed
    gives none."""
    case_id = f"page-date-{where}-{name}"
    title = f"Hangzhou and Hong Kong open joint lab ({case_id})"
    dated = "/news/dated.htm"

    def build(site: Site) -> None:
        items = [
            Item(good_title(case_id), site.url(GOOD), "Mon, 21 Apr 2025 10:00:00 +0800"),
            Item(title, site.url(dated)),
        ]
        site.routes["/feed.xml"] = xml_feed(pages.rss(items))
        site.routes[GOOD] = respond(pages.dated_page(good_title(case_id)))
        site.routes[dated] = respond(PAGE_BUILDERS[where](title, value))

    verdict = "no date, the value noted" if published is None else "the date as written"
    if where == "text":  # a date only in the prose may not be recognised as one: no note due
        problem = None
        verdict = "no date" if published is None else "the date as written"
    return IngestCase(
        case_id,
        "pages",
        f"{where} date {value!r}: the article is stored with {verdict}",
        build,
        stored=(
            Stored(GOOD, good_title(case_id), GOOD_INSTANT),
            Stored(dated, title, published, problem),
        ),
    )


def titled(case_id: str, title: str, title_html: str | None = None) -> IngestCase:
    """A page whose title is markup-like text: stored exactly as the reader sees it."""
    shown = "/news/shown.htm"

    def build(site: Site) -> None:
        items = [Item(title, site.url(shown), "Mon, 21 Apr 2025 10:00:00 +0800")]
        site.routes["/feed.xml"] = xml_feed(pages.rss(items))
        site.routes[shown] = respond(pages.dated_page(title) if title_html is None else
                                     pages.page(title, title_html=title_html))  # fmt: skip

    return IngestCase(
        case_id,
        "pages",
        f"title {title!r} is stored as written, never read as markup",
        build,
        stored=(Stored(shown, title),),
    )


def encoded(case_id: str, expected: str, title: str, body: bytes, content_type: str) -> IngestCase:
    """A page in some encoding (right, wrong or absent declaration): the title reads right."""
    shown = "/news/encoded.htm"

    def build(site: Site) -> None:
        items = [Item(f"item {case_id}", site.url(shown), "Mon, 21 Apr 2025 10:00:00 +0800")]
        site.routes["/feed.xml"] = xml_feed(pages.rss(items))
        site.routes[shown] = respond(body, content_type=content_type)

    return IngestCase(case_id, "pages", expected, build, stored=(Stored(shown, title),))


ZH_TITLE = "杭州与香港签署合作备忘录"
YEAR_0000 = "截至0000年底，杭州与香港累计签署合作项目30个。"
ZH_HANT_TITLE = "杭州與香港簽署合作備忘錄"
ZH_PROSE = (
    "杭州市与香港特别行政区政府今天在杭州签署合作备忘录，双方将在创新科技、金融服务和人才交流等领域加强合作。"
    * 4
)
ZH_HANT_PROSE = (
    "杭州市與香港特別行政區政府今天在杭州簽署合作備忘錄，雙方將在創新科技、金融服務和人才交流等領域加強合作。"
    * 4
)


def zh_page(title: str, prose: str, meta: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>{title}</title>"
        f'<meta property="article:published_time" content="{GOOD_DATE}"></head>'
        f"<body><article><h1>{title}</h1><p>{prose}</p><p>{prose}</p></article></body></html>"
    )


def deep_page(depth: int) -> bytes:
    return (
        f"<html><head><title>Deep</title></head><body>{'<div>' * depth}"
        f"<p>{pages.PROSE[0]}</p>{'</div>' * depth}</body></html>"
    ).encode()


def deep_page_case(case_id: str) -> IngestCase:
    """100,000 nested divs: a record or one parse error, never a crash (here: a record)."""

    def build(site: Site) -> None:
        items = [Item(f"Deep ({case_id})", site.url(BAD), "Mon, 21 Apr 2025 10:00:00 +0800")]
        site.routes["/feed.xml"] = xml_feed(pages.rss(items))
        site.routes[BAD] = respond(deep_page(100_000))

    return IngestCase(
        case_id,
        "pages",
        "a page nested 100,000 divs deep is stored or refused in one row, never a crash",
        build,
        stored=(Stored(BAD),),
    )


def billion_laughs() -> str:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
        for n in range(1, 10)
    )
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]><rss version="2.0"><channel>'
        "<title>&lol9;</title><item><title>&lol9;</title><link>http://127.0.0.1/x</link>"
        "</item></channel></rss>"
    )


XXE = (
    '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    '<rss version="2.0"><channel><title>t</title><item><title>&xxe;</title>'
    "<link>http://127.0.0.1/x</link></item></channel></rss>"
)


def external_dtd(case_id: str) -> IngestCase:
    """A feed naming an external DTD (old RSS 0.91 feeds do): the DTD is never fetched, and
    the feed's items are read as usual."""

    def build(site: Site) -> None:
        items = pages.rss(
            [Item(good_title(case_id), site.url(GOOD), "Mon, 21 Apr 2025 10:00:00 +0800")]
        )
        feed = items.replace(
            '<rss version="2.0">',
            f'<!DOCTYPE rss SYSTEM "{site.url("/evil.dtd")}"><rss version="2.0">',
        )
        site.routes["/feed.xml"] = xml_feed(feed)
        site.routes["/evil.dtd"] = respond('<!ENTITY x SYSTEM "file:///etc/passwd">')
        site.routes[GOOD] = respond(pages.dated_page(good_title(case_id)))

    return IngestCase(
        case_id,
        "feeds",
        "an external DTD is never fetched; the feed's items are read",
        build,
        stored=(Stored(GOOD, good_title(case_id), GOOD_INSTANT),),
        not_requested=("/evil.dtd",),
    )


def deep_item(case_id: str) -> IngestCase:
    """An item whose description nests 100,000 elements deep beside a good item: a parse error
    for the feed or the good item stored, never a crash (here: the good item)."""

    def build(site: Site) -> None:
        feed = pages.rss(
            [Item(good_title(case_id), site.url(GOOD), "Mon, 21 Apr 2025 10:00:00 +0800")]
        )
        deep = "<item><title>deep</title><description>" + "<x>" * 100_000 + "</x>" * 100_000
        feed = feed.replace("</channel>", deep + "</description></item></channel>")
        site.routes["/feed.xml"] = xml_feed(feed)
        site.routes[GOOD] = respond(pages.dated_page(good_title(case_id)))

    return IngestCase(
        case_id,
        "feeds",
        "an item nested 100,000 deep beside a good one: the good item is stored, no crash",
        build,
        stored=(Stored(GOOD, good_title(case_id), GOOD_INSTANT),),
    )


def duplicate_guids(case_id: str) -> IngestCase:
    """Three items share a GUID (two also share a link): each link is stored once."""
    one, two = "/news/one.htm", "/news/two.htm"

    def build(site: Site) -> None:
        items = [
            Item(f"One ({case_id})", site.url(one), "Mon, 21 Apr 2025 10:00:00 +0800", "same"),
            Item(
                f"One again ({case_id})", site.url(one), "Mon, 21 Apr 2025 10:00:00 +0800", "same"
            ),
            Item(f"Two ({case_id})", site.url(two), "Mon, 21 Apr 2025 10:00:00 +0800", "same"),
        ]
        site.routes["/feed.xml"] = xml_feed(pages.rss(items))
        site.routes[one] = respond(pages.dated_page(f"Hangzhou story one ({case_id})"))
        site.routes[two] = respond(pages.dated_page(f"Hangzhou story two ({case_id})"))

    return IngestCase(
        case_id,
        "feeds",
        "items sharing a GUID: every distinct link is stored once, no error",
        build,
        stored=(
            Stored(one, f"Hangzhou story one ({case_id})", GOOD_INSTANT),
            Stored(two, f"Hangzhou story two ({case_id})", GOOD_INSTANT),
        ),
    )


def sitemap_date(case_id: str, value: str, problem: str) -> IngestCase:
    """A news sitemap whose publication_date is hostile and whose page gives none."""
    dated = "/news/dated.htm"
    title = f"Hangzhou fair draws Hong Kong firms ({case_id})"

    def build(site: Site) -> None:
        site.routes["/feed.xml"] = respond(
            pages.sitemap([(site.url(GOOD), GOOD_DATE), (site.url(dated), value)]),
            content_type="application/xml",
        )
        site.routes[GOOD] = respond(pages.dated_page(good_title(case_id)))
        site.routes[dated] = respond(pages.page(title))

    return IngestCase(
        case_id,
        "feeds",
        f"sitemap publication_date {value!r}: stored without a date, the value noted",
        build,
        kind="sitemap",
        stored=(
            Stored(GOOD, good_title(case_id), GOOD_INSTANT),
            Stored(dated, title, None, problem),
        ),
    )


# Every date oddity, with the instant expected (None: dropped) and the note expected.
# The far-future value lies more than a year past any clock these tests run under.
FEED_DATES: list[tuple[str, str, str | None, str | None]] = [
    ("offset-9999", "Mon, 21 Apr 2025 10:00:00 +9999", None, r"impossible UTC offset"),
    ("offset-99-99", "2025-04-21T10:00:00+99:99", None, r"impossible UTC offset"),
    ("year-9999", "9999-12-31T00:00:00Z", None, r"9999-12-31.*dropped"),
    ("year-0000", "0000-01-01T00:00:00Z", None, r"0000-01-01.*dropped"),
    ("feb-30", "Sun, 30 Feb 2025 10:00:00 +0800", None, r"30 Feb 2025.*dropped"),
    ("no-zone", "2025-04-21 10:00:00", "2025-04-21T10:00:00+00:00", None),
    ("garbage", "yesterday-ish, probably", None, r"yesterday-ish.*dropped"),
    ("far-future", "Mon, 01 Jan 2090 10:00:00 +0000", None, r"2090-01-01.*dropped: after"),
    ("year-1970", "Thu, 01 Jan 1970 00:00:00 +0000", None, r"1970.*dropped"),
]
PAGE_DATES: list[tuple[str, str, str | None, str | None]] = [
    ("offset-9999", "2025-04-21T10:00:00+9999", None, r"impossible UTC offset"),
    ("offset-99-99", "2025-04-21T10:00:00+99:99", None, r"impossible UTC offset"),
    ("year-9999", "9999-12-31T00:00:00Z", None, r"9999-12-31.*dropped"),
    ("year-0000", "0000-01-01T00:00:00Z", None, r"dropped"),
    ("feb-30", "2025-02-30T10:00:00+08:00", None, r"2025-02-30.*dropped"),
    ("no-zone", "2025-04-21 10:00:00", "2025-04-21T10:00:00+00:00", None),  # English: UTC
    ("garbage", "the day after the fair", None, None),
    ("far-future", "2090-01-01T10:00:00+00:00", None, r"2090-01-01.*dropped: after"),
    ("year-1970", "1970-01-01T00:00:00Z", None, r"1970.*dropped"),
]


def _ingest_cases() -> list[IngestCase]:
    cases: list[IngestCase] = [
        # --- fetch: a page of a working feed misbehaves; one `fetch` row, the good page stored
        page_fault("fetch-stall", "a page that never answers is a timeout; the run goes on",
                   stall(), "fetch", "ReadTimeout|TotalTimeout", r"timed? ?out|timeout"),
        page_fault("fetch-drip", "a page dripped a byte at a time is cut off at the deadline",
                   drip(), "fetch", "TotalTimeout", r"total_timeout_s"),
        page_fault("fetch-reset", "a connection reset is a connection error", reset,
                   "fetch", r"\w+", r"reset|connection|closed|disconnect"),
        page_fault("fetch-hang-up", "a server that hangs up without a reply is a connection error",
                   hang_up, "fetch", r"\w+", r"disconnect|closed|connection|without"),
        page_fault("fetch-short-body", "a body shorter than its Content-Length is an error",
                   short_body, "fetch", r"\w+", r"incomplete|closed|peer|length|short"),
        page_fault("fetch-garbage-status", "a reply that is not HTTP is a protocol error",
                   garbage_status, "fetch", r"\w+", r"status line|protocol|malformed"),
        page_fault("fetch-header-flood", "a flood of headers is refused, not buffered forever",
                   header_flood, "fetch", r"\w+", r"header|buffer|large|limit|exceed"),
        page_fault("fetch-404", "a 404 is an http_error naming the status",
                   respond("gone", status=404, reason="Not Found"), "fetch", "http_error|\\w+",
                   r"404"),
        page_fault("fetch-410", "a 410 is an http_error naming the status",
                   respond("gone", status=410, reason="Gone"), "fetch", r"\w+", r"410"),
        page_fault("fetch-500", "a 500 is retried, then one error row",
                   respond("oops", status=500, reason="Internal Server Error"), "fetch", r"\w+",
                   r"500"),
        page_fault("fetch-503-retry-after",
                   "a 503 with a short Retry-After is waited for, retried, then one error row",
                   respond("busy", status=503, reason="Service Unavailable",
                           headers={"Retry-After": "1"}), "fetch", r"\w+", r"503"),
        page_fault("fetch-429", "a 429 without Retry-After is retried, then one error row",
                   respond("slow down", status=429, reason="Too Many Requests"), "fetch", r"\w+",
                   r"429"),
        page_fault("fetch-429-retry-after-long",
                   "a 429 asking for an hour leaves the host alone (throttled), not waited for",
                   respond("later", status=429, reason="Too Many Requests",
                           headers={"Retry-After": "3600"}), "fetch", r"\w+",
                   r"3600|retry_after|throttl|hold"),
        page_fault("fetch-gzip-bomb", "a gzip bomb stops at the size cap (too_large)",
                   gzip_bomb, "fetch", "BodyTooLarge", r"exceeds"),
        page_fault("fetch-broken-gzip", "gzip-encoded garbage is a decoding error",
                   broken_gzip, "fetch", r"\w+", r"gzip|decod"),
        page_fault("fetch-oversize-announced", "a terabyte Content-Length is refused up front",
                   announced_oversize, "fetch", "BodyTooLarge", r"Content-Length|exceeds|large"),
        page_fault("fetch-oversize-chunked", "an endless chunked body stops at the cap",
                   chunked_flood(), "fetch", "BodyTooLarge", r"exceeds"),
        page_fault("fetch-binary-type", "a binary body (image/png) is not parsed as an article",
                   respond(bytes(range(256)) * 40, content_type="image/png"), r"\w+", r"\w+",
                   r"png|binary|not (html|text)|content.type|NUL"),
        page_fault("fetch-redirect-chain", "a chain of more than 5 redirects is given up",
                   redirect("/hop/1"), "fetch", r"\w+", r"redirect"),
        page_fault("fetch-redirect-loop", "a redirect loop is given up",
                   redirect("/loop/a"), "fetch", r"\w+", r"redirect"),
        page_fault("fetch-redirect-bad-port", "a redirect to port 99999 is a redirect error",
                   redirect("http://127.0.0.1:99999/x"), "fetch", r"\w+",
                   r"port|99999|range"),
        page_fault("fetch-redirect-file", "a redirect to file:///etc/passwd is refused",
                   redirect("file:///etc/passwd"), "fetch", r"\w+", r"http|scheme|file"),
        # --- pages: served fine, hostile inside
        page_fault("page-nul-bytes", "a page of NUL bytes is a parse error",
                   respond(b"\x00\x01\x02 junk \x00" * 200), "parse", "ParseError",
                   r"binary|NUL"),
        # --- feeds: the feed itself fails; one `discover` row
        feed_fault("feed-malformed", "malformed XML is a parse error", xml_feed(
            "<rss><channel><item><title>x</title><link>http://a</link></chann"), "ParseError",
            r"XML|feed|RSS"),
        feed_fault("feed-empty", "an empty feed body is a parse error", xml_feed(""),
                   "ParseError", r"empty"),
        feed_fault("feed-html", "an HTML error page instead of a feed is a parse error",
                   respond("<html><body><h1>503 Service Unavailable</h1></body></html>"),
                   "ParseError", r"RSS|feed|not"),
        feed_fault("feed-billion-laughs", "entity expansion (billion laughs) is refused",
                   xml_feed(billion_laughs()), "ParseError", r"hostile|entit"),
        feed_fault("feed-xxe", "an external entity (XXE) is refused, no file read",
                   xml_feed(XXE), "ParseError", r"hostile|entit|external"),
        feed_fault("feed-truncated", "a feed cut off mid-document is a parse error",
                   xml_feed(pages.rss([Item("a", "http://127.0.0.1/a")])[:150]), "ParseError",
                   r"truncated|XML|feed"),
        feed_fault("feed-stall", "a feed that never answers is a timeout", stall(),
                   r"\w+", r"time"),
        feed_fault("feed-reset", "a feed whose connection resets is a connection error", reset,
                   r"\w+", r"reset|connection|closed|disconnect"),
        feed_fault("feed-500", "a feed answering 500 is an http_error", respond(
            "oops", status=500, reason="Internal Server Error"), r"\w+", r"500"),
        feed_fault("robots-503", "a robots.txt answering 503 stops the site for this run",
                   xml_feed(pages.rss([])), r"\w+", r"robots", group="fetch",
                   robots=respond("busy", status=503, reason="Service Unavailable")),
        duplicate_guids("feed-duplicate-guids"),
        external_dtd("feed-external-dtd"),
        deep_item("feed-deep-nesting"),
        sitemap_date("sitemap-date-offset-9999", "2025-04-21T10:00:00+9999",
                     r"impossible UTC offset"),
        sitemap_date("sitemap-date-year-9999", "9999-12-31", r"9999-12-31.*dropped"),
        # --- pages: markup in titles, charsets
        titled("page-title-close-tag", "Hangzhou [/b]"),
        titled("page-title-rich-style", "[red]x[/red] Hangzhou and Hong Kong"),
        titled("page-title-script", "<script>alert(1)</script> Hangzhou",
               "&lt;script&gt;alert(1)&lt;/script&gt; Hangzhou"),
        encoded("page-charset-gb2312", "a GB2312 page reads right", ZH_TITLE,
                zh_page(ZH_TITLE, ZH_PROSE, '<meta charset="gb2312">').encode("gb18030"),
                "text/html; charset=gb2312"),
        encoded("page-charset-big5", "a Big5 page reads right", ZH_HANT_TITLE,
                zh_page(ZH_HANT_TITLE, ZH_HANT_PROSE, '<meta charset="big5">').encode(
                    "big5hkscs"), "text/html; charset=big5"),
        encoded("page-charset-absent", "GB2312 bytes with no charset anywhere read right",
                ZH_TITLE, zh_page(ZH_TITLE, ZH_PROSE).encode("gb18030"), "text/html"),
        encoded("page-charset-wrong", "UTF-8 declared as ISO-8859-1 reads right", ZH_TITLE,
                zh_page(ZH_TITLE, ZH_PROSE, '<meta charset="iso-8859-1">').encode(),
                "text/html; charset=iso-8859-1"),
        encoded("page-charset-gbk-as-big5", "GBK bytes declared Big5 read right", ZH_TITLE,
                zh_page(ZH_TITLE, ZH_PROSE, '<meta charset="big5">').encode("gb18030"),
                "text/html; charset=big5"),
        encoded("page-bom-utf8", "a UTF-8 BOM wins over a wrong declaration", ZH_TITLE,
                b"\xef\xbb\xbf" + zh_page(ZH_TITLE, ZH_PROSE).encode(),
                "text/html; charset=gb2312"),
        encoded("page-bom-utf16", "a UTF-16 page with its BOM reads right", ZH_TITLE,
                zh_page(ZH_TITLE, ZH_PROSE).encode("utf-16"), "text/html"),
        encoded("page-nul-late", "NUL bytes after the first 2 KB do not lose the page",
                ZH_TITLE, zh_page(ZH_TITLE, ZH_PROSE, "<!--" + "x" * 3000 + "-->").encode()
                .replace(b"</article>", b"\x00\x00\x00</article>"), "text/html; charset=utf-8"),
        encoded("page-invalid-utf8", "an invalid byte in a UTF-8 Chinese page costs one character",
                ZH_TITLE + "\ufffd", zh_page(ZH_TITLE + "@@", ZH_PROSE).encode()
                .replace(b"@@", b"\xff"), "text/html; charset=utf-8"),
        deep_page_case("page-deep-nesting"),
        encoded("page-canonical-bracket", "a canonical link 'http://[bad/x' is ignored; the "
                "page is stored", ZH_TITLE, zh_page(ZH_TITLE, ZH_PROSE,
                '<link rel="canonical" href="http://[www.example.test/x">').encode(),
                "text/html; charset=utf-8"),
        encoded("page-text-year-0000", "a body saying 截至0000年底 is stored (and tracked)",
                ZH_TITLE, zh_page(ZH_TITLE, YEAR_0000 + ZH_PROSE).encode(),
                "text/html; charset=utf-8"),
    ]  # fmt: skip
    for name, value, published, problem in FEED_DATES:
        cases.append(feed_date(f"feed-date-{name}", value, published, problem))
    for where in PAGE_BUILDERS:
        for name, value, published, problem in PAGE_DATES:
            cases.append(page_date(where, name, value, published, problem))
    return cases


def redirect_routes(site: Site) -> None:
    """The hops the redirect cases need: a chain of 8 and a two-page loop."""
    for n in range(1, 9):
        site.routes[f"/hop/{n}"] = redirect(f"/hop/{n + 1}")
    site.routes["/loop/a"] = redirect("/loop/b")
    site.routes["/loop/b"] = redirect("/loop/a")


# --- CLI cases -------------------------------------------------------------------------------


def _write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, "utf-8")


def _settings_edit(extra: str) -> Callable[[Workspace], None]:
    """Append `extra` to the workspace's settings.toml (a key in a new or existing section)."""

    def prepare(w: Workspace) -> None:
        settings = w.config / "settings.toml"
        settings.write_text(settings.read_text("utf-8") + "\n" + extra + "\n", "utf-8")

    return prepare


def _sources(text: str) -> Callable[[Workspace], None]:
    def prepare(w: Workspace) -> None:
        _write(w.root / "bad-sources.toml", text)

    return prepare


SOURCE = '[[source]]\nid = "{id}"\nname = "n"\nkind = "rss"\nurl = "{url}"\n'


def config_case(case_id: str, expected: str, prepare: Callable[[Workspace], None],
                stderr: str, command: Sequence[str] = ("db", "status")) -> CliCase:  # fmt: skip
    """A bad settings.toml: one line naming file and key, and no warehouse created."""
    return CliCase(
        case_id,
        "config",
        expected,
        lambda w: [*command, "-c", str(w.config), "-w", str(w.warehouse)],
        stderr=stderr,
        prepare=prepare,
    )


def sources_case(case_id: str, expected: str, text: str, stderr: str) -> CliCase:
    """A bad sources file: `hzhk ingest` stops with one line before anything is created."""
    return CliCase(
        case_id,
        "config",
        expected,
        lambda w: [
            "ingest",
            "-c",
            str(w.config),
            "-w",
            str(w.warehouse),
            "--sources",
            str(w.root / "bad-sources.toml"),
        ],
        stderr=stderr,
        prepare=_sources(text),
    )


def sql_case(case_id: str, expected: str, query: Callable[[Workspace], str], stderr: str,
             absent: Callable[[Workspace], list[Path]] | None = None,
             prepare: Callable[[Workspace], None] | None = None) -> CliCase:  # fmt: skip
    return CliCase(
        case_id,
        "sql",
        expected,
        lambda w: ["sql", query(w), "-c", str(w.config), "-w", str(w.warehouse)],
        stderr=stderr,
        absent=absent or (lambda w: []),
        prepare=prepare,
        needs_run=True,
    )


def _csv(w: Workspace) -> None:
    _write(w.root / "secret.csv", "name,value\nsecret,42\n")


def _extract(files: Callable[[Workspace], list[str]]) -> Callable[[Workspace], list[str]]:
    return lambda w: ["extract", *files(w)]


def _fifo(w: Workspace) -> None:
    os.mkfifo(w.root / "pipe.html")


def _bomb(w: Workspace) -> None:
    _write(w.root / "bomb.html.gz", gzip.compress(b" " * 60_000_000, compresslevel=9))


def _two_pages(w: Workspace) -> None:
    _write(w.root / "a.html", pages.dated_page("Hangzhou offset page", "2025-04-21T10:00:00+9999"))
    _write(w.root / "b.html", pages.dated_page("Hangzhou good page"))


def _fetch_redirect(w: Workspace) -> list[str]:
    site = Site()
    site.routes["/jump"] = redirect("http://127.0.0.1:99999/x")
    w.sites["redirect"] = site
    return ["fetch", site.url("/jump"), "-c", str(w.config), "-w", str(w.warehouse)]


def _cli_cases() -> list[CliCase]:
    huge = "select count(*) from articles where title in (" + ", ".join(["'x'"] * 20_000) + ")"
    deep = "select " + " + ".join(["1"] * 20_000)
    nested = "select " + "(" * 60_000 + "1" + ")" * 60_000
    return [
        # --- config
        config_case("config-settings-syntax", "settings.toml that is not TOML: one line",
                    _settings_edit("[fetch\nmax_bytes = 3"), r"settings\.toml.*not valid TOML"),
        config_case("config-settings-unknown-key", "an unknown setting is named, not ignored",
                    _settings_edit("colour_scheme = 'dark'"), r"colour_scheme.*unknown setting"),
        config_case("config-settings-1e20", "total_timeout_s = 1e20 is refused, named",
                    _replace_fetch("total_timeout_s = 1e20"),
                    r"total_timeout_s"),
        config_case("config-settings-negative-size", "max_bytes = -1 is refused, named",
                    _replace_fetch("max_bytes = -1"), r"max_bytes"),
        config_case("config-settings-not-utf8", "a settings.toml of binary bytes: one line",
                    lambda w: _write(w.config / "settings.toml", b"\xff\xfe\x00garbage\x00"),
                    r"settings\.toml"),
        config_case("config-no-settings", "a config folder without settings.toml: one line",
                    lambda w: (w.config / "settings.toml").unlink(), r"no settings\.toml"),
        CliCase("config-env-garbage", "config", "HZHK_FETCH__MAX_BYTES=lots is named",
                lambda w: ["db", "status", "-c", str(w.config), "-w", str(w.warehouse)],
                stderr=r"HZHK_FETCH__MAX_BYTES", env={"HZHK_FETCH__MAX_BYTES": "lots"}),
        sources_case("config-sources-syntax", "a sources file that is not TOML: one line",
                     "[[source]\nid = 'x'", r"bad-sources\.toml.*not valid TOML"),
        sources_case("config-sources-unknown-key", "an unknown source key is named",
                     SOURCE.format(id="a", url="https://a.test/f") + "colour = 'red'\n",
                     r"colour"),
        sources_case("config-sources-duplicate-id", "a duplicate source id is named",
                     SOURCE.format(id="a", url="https://a.test/f") * 2,
                     r"id 'a' is already used"),
        sources_case("config-sources-file-scheme", "a file:// source URL is refused",
                     SOURCE.format(id="a", url="file:///etc/passwd"), r"http"),
        sources_case("config-sources-poll-1e20", "poll_interval_minutes = 1e20 is refused",
                     SOURCE.format(id="a", url="https://a.test/f")
                     + "poll_interval_minutes = 1e20\n", r"poll_interval_minutes"),
        sources_case("config-sources-poll-negative", "poll_interval_minutes = -5 is refused",
                     SOURCE.format(id="a", url="https://a.test/f")
                     + "poll_interval_minutes = -5\n", r"poll_interval_minutes"),
        sources_case("config-sources-huge-int", "a 20-digit number is refused as TOML",
                     SOURCE.format(id="a", url="https://a.test/f")
                     + "poll_interval_minutes = 100000000000000000000\n", r"TOML|poll"),
        sources_case("config-sources-default-tz", "default_tz = \"+99:99\" is refused, named",
                     SOURCE.format(id="a", url="https://a.test/f")
                     + 'default_tz = "+99:99"\n', r"default_tz"),
        # --- sql
        sql_case("sql-insert", "INSERT is refused", lambda w: "insert into runs (run_id) "
                 "values ('x')", r"refused.*INSERT"),
        sql_case("sql-delete", "DELETE is refused", lambda w: "delete from articles",
                 r"refused.*DELETE"),
        sql_case("sql-create", "CREATE TABLE is refused", lambda w: "create table t (x int)",
                 r"refused.*CREATE"),
        sql_case("sql-copy-to", "COPY ... TO a file is refused and writes nothing",
                 lambda w: f"copy (select * from articles) to '{w.root / 'out.csv'}'",
                 r"refused.*COPY", absent=lambda w: [w.root / "out.csv"]),
        sql_case("sql-explain-analyze-copy", "EXPLAIN ANALYZE COPY is refused, writes nothing",
                 lambda w: f"explain analyze copy (select 1) to '{w.root / 'out.csv'}'",
                 r"refused", absent=lambda w: [w.root / "out.csv"]),
        sql_case("sql-export", "EXPORT DATABASE is refused and creates nothing",
                 lambda w: f"export database '{w.root / 'dump'}'", r"refused",
                 absent=lambda w: [w.root / "dump"]),
        sql_case("sql-read-csv", "read_csv of a local file is refused",
                 lambda w: f"select * from read_csv('{w.root / 'secret.csv'}')",
                 r"refused.*local files|refused", prepare=_csv),
        sql_case("sql-from-file", "FROM 'file.csv' is refused",
                 lambda w: f"select * from '{w.root / 'secret.csv'}'", r"refused", prepare=_csv),
        sql_case("sql-attach", "ATTACH is refused and creates no file",
                 lambda w: f"attach '{w.root / 'other.duckdb'}' as o", r"refused.*ATTACH",
                 absent=lambda w: [w.root / "other.duckdb"]),
        sql_case("sql-install", "INSTALL is refused", lambda w: "install httpfs",
                 r"refused"),
        sql_case("sql-load", "LOAD is refused", lambda w: "load httpfs", r"refused"),
        sql_case("sql-set", "SET is refused", lambda w: "set enable_external_access = true",
                 r"refused"),
        sql_case("sql-pragma", "a PRAGMA that changes a setting is refused",
                 lambda w: "pragma memory_limit='1GB'", r"refused"),
        sql_case("sql-syntax-markup", "an error keeps bracketed text ([red]x[/red])",
                 lambda w: "select [red]x[/red] from", r"\[red\]"),
        CliCase("sql-huge-query", "sql", "a 140 KB query (an IN list of 20,000) runs",
                lambda w: ["sql", huge, "-f", "csv", "-c", str(w.config), "-w", str(w.warehouse)],
                code=0, stdout=r"count_star|count", stderr_lines=0, absent=lambda w: [],
                needs_run=True),
        CliCase("sql-deep-expression", "sql", "20,000 chained additions: one line, exit 1",
                lambda w: ["sql", deep, "-c", str(w.config), "-w", str(w.warehouse)],
                stderr=r"depth", absent=lambda w: [], needs_run=True),
        CliCase("sql-deep-nesting", "sql", "60,000 nested parentheses: one line, no crash",
                lambda w: ["sql", nested, "-c", str(w.config), "-w", str(w.warehouse)],
                stderr=r"error", absent=lambda w: [], needs_run=True),
        CliCase("sql-title-close-tag", "sql", "a stored title 'Hangzhou [/b]' prints as written",
                lambda w: ["sql", "select title from v_articles where title like '%[/b]%'",
                           "-c", str(w.config), "-w", str(w.warehouse)],
                code=0, stdout=r"Hangzhou \[/b\]", stderr_lines=0, absent=lambda w: [],
                needs_run=True),
        CliCase("sql-title-style", "sql", "a stored title '[red]x[/red] ...' keeps its brackets",
                lambda w: ["sql", "select title from v_articles where title like '[red]%'",
                           "-c", str(w.config), "-w", str(w.warehouse)],
                code=0, stdout=r"\[red\]x\[/red\]", stderr_lines=0, absent=lambda w: [],
                needs_run=True),
        CliCase("sql-published-at", "sql", "every stored published_at prints (no 9999 left)",
                lambda w: ["sql", "select published_at from v_articles", "-f", "csv",
                           "-c", str(w.config), "-w", str(w.warehouse)],
                code=0, stdout=r"published_at", stderr_lines=0, absent=lambda w: [],
                needs_run=True),
        # --- extract
        CliCase("extract-folder", "extract", "a folder is refused by name; exit 1",
                _extract(lambda w: [str(w.root)]), stderr=r"1 of 1 files failed",
                stdout=r"folder", absent=lambda w: []),
        CliCase("extract-binary", "extract", "a binary file is a parse error record; exit 1",
                _extract(lambda w: [str(w.root / "x.bin")]), stderr=r"1 of 1 files failed",
                stdout=r"binary|not HTML", absent=lambda w: [],
                prepare=lambda w: _write(w.root / "x.bin", bytes(range(256)) * 100)),
        CliCase("extract-dev-zero", "extract", "/dev/zero is refused at once, not read forever",
                _extract(lambda w: ["/dev/zero"]), stderr=r"1 of 1 files failed",
                stdout=r"not a regular file", absent=lambda w: [], timeout_s=20),
        CliCase("extract-fifo", "extract", "a FIFO is refused without blocking",
                _extract(lambda w: [str(w.root / "pipe.html")]), stderr=r"1 of 1 files failed",
                stdout=r"not a regular file", absent=lambda w: [], prepare=_fifo, timeout_s=20),
        CliCase("extract-gzip-bomb", "extract", "a .html.gz bomb is refused past the page limit",
                _extract(lambda w: [str(w.root / "bomb.html.gz")]),
                stderr=r"1 of 1 files failed", stdout=r"decompressed|bytes",
                absent=lambda w: [], prepare=_bomb),
        CliCase("extract-missing", "extract", "a missing file is one error record; exit 1",
                _extract(lambda w: [str(w.root / "nope.html")]), stderr=r"1 of 1 files failed",
                stdout=r"No such file|nope", absent=lambda w: []),
        CliCase("extract-offset-then-good", "extract",
                "a +9999 page then a good page: both records, the date dropped and noted",
                _extract(lambda w: [str(w.root / "a.html"), str(w.root / "b.html")]),
                code=0, stderr_lines=0, absent=lambda w: [], prepare=_two_pages,
                stdout=r"(?s)impossible UTC offset.*Hangzhou good page"),
        # --- fetch
        CliCase("fetch-cli-redirect-bad-port", "fetch",
                "hzhk fetch of a redirect to port 99999: one line, no ExceptionGroup",
                _fetch_redirect, stderr=r"99999|port", absent=lambda w: [],
                env={"HZHK_ALLOW_HOSTS": "127.0.0.1"}),
        CliCase("fetch-cli-file-url", "fetch", "hzhk fetch file:///etc/passwd: one line",
                lambda w: ["fetch", "file:///etc/passwd", "-c", str(w.config), "-w",
                           str(w.warehouse)], stderr=r"http|scheme", absent=lambda w: []),
        CliCase("fetch-cli-port-zero", "fetch", "hzhk fetch of port 0: one line",
                lambda w: ["fetch", "http://127.0.0.1:0/x", "-c", str(w.config), "-w",
                           str(w.warehouse)], stderr=r"port|invalid|refused|connect",
                absent=lambda w: [], env={"HZHK_ALLOW_HOSTS": "127.0.0.1"}),
    ]  # fmt: skip


def _replace_fetch(line: str) -> Callable[[Workspace], None]:
    """Set one `[fetch]` key in the workspace's settings.toml."""
    key = line.split("=")[0].strip()

    def prepare(w: Workspace) -> None:
        settings = w.config / "settings.toml"
        kept = [
            row for row in settings.read_text("utf-8").splitlines()
            if not re.match(rf"\s*{re.escape(key)}\s*=", row)
        ]  # fmt: skip
        text = "\n".join(kept) + "\n"
        text = text.replace("[fetch]", f"[fetch]\n{line}", 1) if "[fetch]" in text else (
            text + f"\n[fetch]\n{line}\n")  # fmt: skip
        settings.write_text(text, "utf-8")

    return prepare


RUN_CASES = [
    RunCase("run-completed", "run", "the run with every fault above completes", "completed"),
    RunCase("run-no-duplicates", "run", "no duplicate article_id or url after the run",
            "no_duplicates"),
    RunCase("run-track", "run", "tracking runs over the hostile run's articles and completes",
            "track"),
    RunCase("run-second-run", "run", "a second run over the same faults completes too",
            "second_run"),
]  # fmt: skip

INGEST_CASES: list[IngestCase] = _ingest_cases()
CLI_CASES: list[CliCase] = _cli_cases()
ALL_CASES: list[Case] = [*INGEST_CASES, *CLI_CASES, *RUN_CASES]


def select(pattern: str | None) -> list[Case]:
    """The cases whose id or group matches `pattern` (a regex, searched), all when None."""
    if not pattern:
        return list(ALL_CASES)
    found = re.compile(pattern)
    return [c for c in ALL_CASES if found.search(c.id) or found.search(c.group)]


# Cases that fail because of a defect in a file this suite's authors may not change: the
# matrix shows them FAILED (and exits 1); CI expects them to fail (strict), so the day the
# defect is fixed the test says so and the entry goes. Each names where the defect lies.
KNOWN_DEFECTS: dict[str, str] = {}  # case id -> the defect, file and function, while one stands
