"""Ingest speed at scale: `python -m bench.ingest_speed [--pages N] [--hosts K] [--server]
[--repeat R] [--runners auto,threads] [--profile] [--quick]`.

Issue 13 asks (P1) that ingesting 2,000 pages take at most 1.5x the wall time of a bare script
(httpx AsyncClient, 8 concurrent requests, lxml for the title and paragraphs) over the same
pages, at 100 pages/s or more; (P2) that a rerun with nothing new take at most 5 % of the first
run's time, start-up included, and parse nothing again; (P4) that a 10,000-page ingest peak below
400 MB.

The corpus: N article pages of about 40 KB on K sites, each site a loopback port of a threaded
HTTP server running in a process of its own (so serving does not share the measured process's
interpreter). Sites answer under real publisher names (China Daily, Xinhua, news.gov.hk, SCMP,
RTHK; `[fetch] resolve` sends them to the loopback ports, as the demo does), with those
publishers' page layouts (the demo's templates, demo/generator/build.py), so each page goes to
the parser that would read it in production; the other sites are generic news sites (JSON-LD,
OpenGraph) that go to the generic parser (trafilatura). Each page carries the text of one
generated article (bench/synthetic_news.py) and the furniture of a real page (navigation, link
lists, scripts) up to the page size; the sites' process generates each page once and keeps it.
Each site has a robots.txt and lists its pages in an RSS feed or a sitemap, with ETag and
Last-Modified, answering conditional GETs with 304.

Measured, each in a fresh process (so peak RSS is the run's own), `--repeat` times:
(a) the baseline: the bare script over the same page URLs;
(b) the real `ingest` flow (flows.ingest.ingest, `--force`, pacing 0, the loopback ports
    allow-listed, a temporary warehouse): the first run, then two reruns with nothing new: the
    feeds answering 304 (what the sites do), and the feeds answering in full (every link then
    found already stored). Parses are counted where each batch's parse comes back to the run
    (`parsed_batch`), so pages parsed in a worker process count too.
(b) runs once per task runner of `--runners` (`[compute] task_runner`; default `auto`, which
    takes a process pool for 200 pages or more, and `threads`), the runners interleaved in each
    round so the machine's load falls on all alike; a last table says which was faster.
Figures: the flow's own time (from its first task to its end) and the whole process (interpreter,
imports, Prefect start-up, the flow, the snapshot), pages/s, the ratio to the baseline, peak RSS,
and the requests the sites saw. Without `--server` each process starts Prefect's temporary
server; with it, a `prefect server start` runs for the whole benchmark (P2's start-up both ways).
`--profile` adds one first run under cProfile (`--profile-runner`, default `threads`: then every
thread of the run's process is profiled, parsing included; with a process pool the workers'
parsing would not show) and prints its top cost centres; `--profile-only` runs just that, and
`--keep-profile FILE` keeps the stats for pstats. Peak RSS is the run's own process; with a
process pool, a worker's own peak is printed beside it (`ru_maxrss` of the finished children).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import functools
import hashlib
import html
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from contextlib import ExitStack
from datetime import timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench import speedkit
from bench.synthetic_news import Article, article

CONCURRENCY = 8
PAGE_BYTES = 40_000
PER_DAY = 400.0  # articles a day across the sites: pages of a run span a few days
HKT = timezone(timedelta(hours=8))
TARGET_RATIO = 1.5
TARGET_RATE = 100.0
TARGET_RERUN = 0.05
TARGET_RSS_MB = 400.0

# (layout, host, language, feed): publisher layouts first, interleaved with generic sites, so a
# few hosts already mix parsers and languages.
SITES = (
    ("chinadaily_en", "www.chinadaily.com.cn", "en", "rss"),
    ("xinhua_zh", "www.news.cn", "zh-Hans", "sitemap"),
    ("generic", "www.hk-business-daily.com", "en", "sitemap"),
    ("newsgovhk_chi", "www.news.gov.hk", "zh-Hant", "rss"),
    ("scmp", "www.scmp.com", "en", "rss"),
    ("generic", "www.zj-finance-news.com", "zh-Hans", "rss"),
    ("chinadaily_cn", "cn.chinadaily.com.cn", "zh-Hans", "sitemap"),
    ("rthk_ch", "news.rthk.hk", "zh-Hant", "rss"),
)


def site(k: int) -> tuple[str, str, str, str]:
    """Site k: the fixed sites, then more generic ones."""
    if k < len(SITES):
        return SITES[k]
    language = ("en", "zh-Hans", "zh-Hant")[k % 3]
    return ("generic", f"www.regional-news-{k}.com", language, ("rss", "sitemap")[k % 2])


# --- the pages ----------------------------------------------------------------------------------


def demo_article(layout: str, a: Article, j: int) -> dict[str, Any]:
    """A generated article in the shape the demo's templates take."""
    local = a.published_at.astimezone(HKT)
    related = [
        f"Related story {j - n}" if a.language == "en" else f"相关新闻{j - n}" for n in (1, 2, 3)
    ]
    return {
        "key": f"bench-{layout}-{j}",
        "tpl": layout,
        "pub": f"{local:%Y-%m-%d %H:%M}",
        "title": a.title,
        "paras": list(a.paragraphs),
        "captions": [a.paragraphs[0][:80]],
        "related": related,
        "authors": ["Staff reporter"],
        "section": "Hong Kong" if a.language == "en" else "港澳",
        "summary": a.paragraphs[0][:120],
        "scmp": (str(3_000_000 + j), "news/hong-kong/politics", f"story-{j}"),
        "nsuffix": f"{j % 1000:03d}",
        "rid": str(1_400_000 + j),
        "channel": "gangao",
        "editor": "王静",
    }


def generic_page(url: str, a: Article) -> str:
    """A generic news site: JSON-LD and OpenGraph metadata, the article among page furniture."""
    e = html.escape
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.title,
        "datePublished": a.published_at.isoformat(),
        "author": [{"@type": "Person", "name": "Staff reporter"}],
        "publisher": {"@type": "NewsMediaOrganization", "name": a.outlet},
        "inLanguage": a.language,
    }
    paragraphs = "\n".join(f"      <p>{e(p)}</p>" for p in a.paragraphs)
    lang = "en" if a.language == "en" else a.language
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{e(a.title)} | {e(a.outlet)}</title>
<meta name="description" content="{e(a.paragraphs[0][:150])}">
<meta property="og:type" content="article">
<meta property="og:title" content="{e(a.title)}">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="{a.published_at.isoformat()}">
<link rel="canonical" href="{url}">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
</head>
<body>
<header class="masthead"><a href="/">{e(a.outlet)}</a>
<nav><a href="/news">News</a> <a href="/business">Business</a> <a href="/opinion">Opinion</a></nav>
</header>
<main>
  <article class="story">
    <h1 class="headline">{e(a.title)}</h1>
    <div class="byline">By Staff reporter ·
      <time datetime="{a.published_at.isoformat()}">{a.published_at:%d %b %Y %H:%M}</time></div>
    <div class="story-body">
{paragraphs}
    </div>
    <div class="share"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
  </article>
</main>
</body>
</html>
"""


def furniture(rng: random.Random, host: str, need: int) -> str:
    """What real pages carry besides the article: link lists, menus, scripts, up to `need` bytes."""
    parts: list[str] = []
    size = 0
    words = (
        "economy",
        "markets",
        "transport",
        "housing",
        "health",
        "education",
        "culture",
        "sport",
    )
    while size < need:
        block = rng.randrange(3)
        if block == 0:
            links = "".join(
                f'<li><a href="//{host}/news/{rng.randrange(10**7)}.html">'
                f"{rng.choice(words).title()} update {rng.randrange(1000)}: what to know</a></li>"
                for _ in range(25)
            )
            text = f'<aside class="most-read"><h3>Most read</h3><ul>{links}</ul></aside>\n'
        elif block == 1:
            config = {
                f"slot{n}": {"id": rng.randrange(10**9), "sizes": [[300, 250], [728, 90]]}
                for n in range(30)
            }
            text = f"<script>window.__ads = {json.dumps(config)};</script>\n"
        else:
            menu = "".join(f'<a href="/{w}/{n}">{w} {n}</a> ' for w in words for n in range(6))
            text = f'<div class="mega-menu">{menu}</div>\n'
        parts.append(text)
        size += len(text.encode("utf-8"))
    return "".join(parts)


class Corpus:
    """The pages and feeds of K sites, generated on request from (site, page number)."""

    def __init__(self, pages: int, hosts: int) -> None:
        self.pages = pages
        self.hosts = hosts

    def count(self, k: int) -> int:
        return len(range(k, self.pages, self.hosts))

    def entry(self, k: int, j: int) -> tuple[str, Article]:
        """Page j of site k: its URL and article (article number j * K + k of the stream)."""
        layout, host, language, _ = site(k)
        a = article(j * self.hosts + k, per_day=PER_DAY, language=language)
        if layout == "generic":
            return f"http://{host}/news/{a.published_at:%Y/%m/%d}/{j}.html", a
        from demo.generator import build

        return build.url_of(demo_article(layout, a, j)), a

    def page(self, k: int, j: int) -> bytes:
        layout, host, _, _ = site(k)
        url, a = self.entry(k, j)
        if layout == "generic":
            text = generic_page(url, a)
        else:
            from demo.generator import build

            render: Callable[[dict[str, Any]], str] = getattr(build, "t_" + _template(layout))
            text = render(demo_article(layout, a, j))
        rng = random.Random(k * 7_919 + j)
        extra = furniture(rng, host, PAGE_BYTES - len(text.encode("utf-8")))
        return text.replace("</body>", extra + "</body>", 1).encode("utf-8")

    def urls(self, k: int) -> list[tuple[str, Article]]:
        return [self.entry(k, j) for j in range(self.count(k))]

    def feed(self, k: int) -> bytes:
        _, host, language, kind = site(k)
        entries = self.urls(k)
        if kind == "rss":
            items = "".join(
                f"<item><title>{html.escape(a.title)}</title><link>{html.escape(url)}</link>"
                f"<guid>{html.escape(url)}</guid><pubDate>{format_datetime(a.published_at)}</pubDate>"
                f"<description>{html.escape(a.paragraphs[0][:200])}</description></item>\n"
                for url, a in entries
            )
            return (
                '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
                f"<title>{host}</title><link>http://{host}/</link><language>{language}</language>\n"
                f"{items}</channel></rss>\n"
            ).encode()
        urls = "".join(
            f"<url><loc>{html.escape(url)}</loc><lastmod>{a.published_at.isoformat()}</lastmod></url>\n"
            for url, a in entries
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{urls}</urlset>\n"
        ).encode()

    def feed_path(self, k: int) -> str:
        return "/feed.xml" if site(k)[3] == "rss" else "/sitemap.xml"


def _template(layout: str) -> str:
    return {"newsgovhk_chi": "newsgovhk", "rthk_ch": "rthk"}.get(layout, layout)


# --- the server (a process of its own) ---------------------------------------------------------


class SiteServer:
    """K threaded HTTP servers, one per site; `/__stats` on any of them counts the requests."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.stats: Counter[str] = Counter()
        self.conditional = True
        self.lock = threading.Lock()
        self.paths: list[dict[str, int]] = []
        self.pages: dict[tuple[int, int], bytes] = {}  # generated once: serving costs no CPU
        self.feeds: list[bytes] = []
        for k in range(corpus.hosts):
            self.paths.append({urlsplit(url).path: j for j, (url, _) in enumerate(corpus.urls(k))})
            self.feeds.append(corpus.feed(k))
        self.servers = [
            ThreadingHTTPServer(("127.0.0.1", 0), self._handler(k)) for k in range(corpus.hosts)
        ]

    @property
    def ports(self) -> list[int]:
        return [int(s.server_address[1]) for s in self.servers]

    def page(self, k: int, j: int) -> bytes:
        """Page j of site k, generated on its first request (the warm-up run) and kept, so the
        measured runs are not paced by page generation in the sites' process."""
        body = self.pages.get((k, j))
        if body is None:
            body = self.pages.setdefault((k, j), self.corpus.page(k, j))
        return body

    def count(self, what: str) -> None:
        with self.lock:
            self.stats[what] += 1

    def _handler(self, k: int) -> type[BaseHTTPRequestHandler]:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                path = urlsplit(self.path).path
                if path == "/__stats":
                    body = json.dumps(owner.stats).encode()
                    return self.answer(200, body, "application/json")
                if path.startswith("/__conditional/"):
                    owner.conditional = path.endswith("/1")
                    return self.answer(200, b"ok", "text/plain")
                if path == "/robots.txt":
                    owner.count("robots")
                    feed = f"http://{site(k)[1]}{owner.corpus.feed_path(k)}"
                    body = f"User-agent: *\nDisallow: /private/\nSitemap: {feed}\n".encode()
                    return self.answer(200, body, "text/plain")
                if path == owner.corpus.feed_path(k):
                    body = owner.feeds[k]
                    tag = '"' + hashlib.sha1(body).hexdigest() + '"'
                    if owner.conditional and self.headers.get("If-None-Match") == tag:
                        owner.count("feed_304")
                        return self.answer(304, b"", None, tag)
                    owner.count("feed")
                    return self.answer(200, body, "application/xml", tag)
                j = owner.paths[k].get(path)
                if j is None:
                    owner.count("not_found")
                    return self.answer(404, b"not found", "text/plain")
                owner.count("page")
                return self.answer(200, owner.page(k, j), "text/html; charset=utf-8")

            def answer(
                self, status: int, body: bytes, kind: str | None, tag: str | None = None
            ) -> None:
                self.send_response(status)
                if kind:
                    self.send_header("Content-Type", kind)
                if tag:
                    self.send_header("ETag", tag)
                    self.send_header("Last-Modified", "Mon, 01 Dec 2025 00:00:00 GMT")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body:
                    self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                return

        return Handler

    def serve(self) -> None:
        for server in self.servers:
            threading.Thread(target=server.serve_forever, daemon=True).start()


def serve_main(args: argparse.Namespace) -> None:
    """The server process: print the ports, serve until stdin closes."""
    server = SiteServer(Corpus(args.pages, args.hosts))
    server.serve()
    print(json.dumps({"ports": server.ports}), flush=True)
    sys.stdin.read()


# --- the workers --------------------------------------------------------------------------------


def baseline_worker(args: argparse.Namespace) -> None:
    """The bare script: httpx AsyncClient, 8 requests at a time, lxml for title and paragraphs."""
    began = time.perf_counter()
    import httpx
    import lxml.html

    imported = time.perf_counter() - began
    targets = json.loads(Path(args.urls_file).read_text())

    async def fetch_all() -> tuple[int, int]:
        limit = asyncio.Semaphore(CONCURRENCY)
        limits = httpx.Limits(max_connections=CONCURRENCY)
        async with httpx.AsyncClient(limits=limits) as client:

            async def one(url: str, host: str) -> int:
                async with limit:
                    answer = await client.get(url, headers={"Host": host})
                tree = lxml.html.fromstring(answer.content)
                title = tree.findtext(".//title") or ""
                paragraphs = [p.text_content() for p in tree.iter("p")]
                return len(title) + sum(len(p) for p in paragraphs)

            sizes = await asyncio.gather(*(one(url, host) for url, host in targets))
        return len(sizes), sum(sizes)

    started = time.perf_counter()
    pages, chars = asyncio.run(fetch_all())
    seconds = time.perf_counter() - started
    speedkit.report(
        {
            "import_s": imported,
            "seconds": seconds,
            "pages": pages,
            "chars": chars,
            "peak_rss_mb": speedkit.peak_rss_mb(),
        }
    )


def count_parses(ingest_module: Any, parses: Counter[str]) -> None:
    """Count the pages handed to parsing. Parsing may run in worker processes (the `processes`
    and `dask` runners), where a wrapper set here would never run; every batch's parse comes back
    through `parsed_batch` in the run's own process, so the pages are counted there."""
    original: Callable[..., Any] = ingest_module.parsed_batch

    @functools.wraps(original)
    def counted(item: Any) -> Any:
        if item.error is None:
            parses["pages"] += sum(1 for r in item.results if r.ok and r.body is not None)
        return original(item)

    ingest_module.parsed_batch = counted


def time_first_task(ingest_module: Any, first_task: list[float]) -> None:
    """Note when the flow's first task (`prepare`) is called: the flow's start-up ends there."""
    prepare = ingest_module.prepare

    def timed_prepare(*a: Any, **k: Any) -> Any:
        first_task.append(time.perf_counter())
        return prepare(*a, **k)

    ingest_module.prepare = timed_prepare


class ThreadProfiles:
    """cProfile for every thread the run starts, beside the main thread's.

    A profiler sees only the thread that enabled it, and the flow parses on a runner thread
    (`threads`) and stores in `asyncio.to_thread`: a profile of the main thread alone would show
    an event loop waiting. So each new thread profiles itself; threads that finished by the end
    (the runner's, the store steps') are merged into the main profile. Prefect's own background
    threads, still running at the end, are left out.
    """

    def __init__(self) -> None:
        self.finished: list[cProfile.Profile] = []
        self._original = threading.Thread.run

    def install(self) -> None:
        original, finished = self._original, self.finished

        def run(thread: threading.Thread) -> None:
            profile = cProfile.Profile()
            profile.enable()
            try:
                original(thread)
            finally:
                profile.disable()
                finished.append(profile)

        setattr(threading.Thread, "run", run)  # noqa: B010 (a method swapped for the run)

    def dump(self, main: cProfile.Profile, out: Path) -> None:
        import pstats

        setattr(threading.Thread, "run", self._original)  # noqa: B010
        merged = pstats.Stats(main)
        for profile in list(self.finished):
            merged.add(profile)
        merged.dump_stats(str(out))


def ingest_worker(args: argparse.Namespace) -> None:
    """One ingest run (the real flow, `force`), timed from its first task; parses counted."""
    began = time.perf_counter()
    import flows.ingest as ingest_module
    from config.settings import load_settings

    imported = time.perf_counter() - began
    parses = Counter[str]()
    first_task: list[float] = []
    count_parses(ingest_module, parses)
    time_first_task(ingest_module, first_task)
    settings = load_settings(warehouse=args.warehouse, data_dir=args.data_dir)
    threads = ThreadProfiles() if args.profile_out else None
    profile = cProfile.Profile() if args.profile_out else None
    if threads is not None:
        threads.install()
    started = time.perf_counter()
    if profile is not None:
        profile.enable()
    report = asyncio.run(
        ingest_module.ingest(settings=settings, sources_file=args.sources_file, force=True)
    )
    if profile is not None and threads is not None:
        profile.disable()
        threads.dump(profile, args.profile_out)
    ended = time.perf_counter()
    work_from = first_task[0] if first_task else started
    speedkit.report(
        {
            "import_s": imported,
            "flow_s": ended - started,
            "startup_s": work_from - started,
            "work_s": ended - work_from,
            "parses": parses["pages"],
            "counts": report.counts.as_dict(),
            "problems": len(report.problems),
            "peak_rss_mb": speedkit.peak_rss_mb(),
            "workers_peak_rss_mb": speedkit.children_peak_rss_mb(),
            "runner": settings.compute.task_runner,
        }
    )


# --- the parent ---------------------------------------------------------------------------------


def sources_toml(hosts: int) -> str:
    lines = []
    for k in range(hosts):
        _, host, language, kind = site(k)
        path = "/feed.xml" if kind == "rss" else "/sitemap.xml"
        lines += [
            "[[source]]",
            f'id = "bench-{k}"',
            f'name = "{host}"',
            f'kind = "{kind}"',
            f'url = "http://{host}{path}"',
            f'language = "{language}"',
            f'publisher = "{host}"',
            "poll_interval_minutes = 60",
            "",
        ]
    return "\n".join(lines)


def stats(port: int) -> Counter[str]:
    import httpx

    return Counter(httpx.get(f"http://127.0.0.1:{port}/__stats", timeout=10).json())


def set_conditional(port: int, on: bool) -> None:
    import httpx

    httpx.get(f"http://127.0.0.1:{port}/__conditional/{int(on)}", timeout=10)


def start_sites(stack: ExitStack, args: argparse.Namespace) -> list[int]:
    """The sites' server in a process of its own (stopped when `stack` closes); their ports."""
    import subprocess

    command = [speedkit.PYTHON, "-m", "bench.ingest_speed", "--serve"]
    command += ["--pages", str(args.pages), "--hosts", str(args.hosts)]
    server = subprocess.Popen(
        command, cwd=speedkit.PROJECT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert server.stdin is not None and server.stdout is not None
    stack.callback(server.wait, 30)
    stack.callback(server.stdin.close)
    ports: list[int] = json.loads(server.stdout.readline())["ports"]
    return ports


def write_inputs(folder: Path, args: argparse.Namespace, ports: list[int]) -> tuple[Path, Path]:
    """The baseline's list of (loopback URL, Host) and the flow's sources file."""
    corpus = Corpus(args.pages, args.hosts)
    targets = [
        (url.replace(f"http://{site(k)[1]}", f"http://127.0.0.1:{ports[k]}", 1), site(k)[1])
        for k in range(args.hosts)
        for url, _ in corpus.urls(k)
    ]
    urls_file = folder / "urls.json"
    urls_file.write_text(json.dumps(targets))
    sources = folder / "sources.toml"
    sources.write_text(sources_toml(args.hosts))
    return urls_file, sources


def ingest_env(folder: Path, args: argparse.Namespace, ports: list[int]) -> dict[str, str]:
    """The flow's environment: pacing off, the site names resolved to the loopback ports."""
    env = speedkit.prefect_env(folder / "prefect")
    env.update(
        HZHK_FETCH__PER_HOST_INTERVAL_S="0",
        HZHK_FETCH__MAX_CONCURRENCY=str(CONCURRENCY),
        HZHK_FETCH__RESOLVE=json.dumps(
            {f"{site(k)[1]}:80": f"127.0.0.1:{ports[k]}" for k in range(args.hosts)}
        ),
        HZHK_ALLOW_HOSTS=",".join(f"127.0.0.1:{p}" for p in ports),
    )
    return env


def ingest_args(place: Path, sources: Path) -> list[str]:
    warehouse, data = str(place / "w.duckdb"), str(place / "data")
    return ["--warehouse", warehouse, "--data-dir", data, "--sources-file", str(sources)]


def baseline_once(urls_file: Path) -> dict[str, Any]:
    return speedkit.run_worker(
        "bench.ingest_speed", ["--worker", "baseline", "--urls-file", str(urls_file)]
    )


def first_and_reruns(
    place: Path, sources: Path, env: dict[str, str], port: int
) -> dict[str, dict[str, Any]]:
    """A first run into an empty warehouse, then the two reruns with nothing new."""
    done: dict[str, dict[str, Any]] = {}
    for label, conditional in (("first", True), ("rerun_304", True), ("rerun_200", False)):
        set_conditional(port, conditional)
        before = stats(port)
        result = speedkit.run_worker(
            "bench.ingest_speed", ["--worker", "ingest", *ingest_args(place, sources)], env
        )
        result["requests"] = dict(stats(port) - before)
        result["load"] = speedkit.load()
        done[label] = result
        print(
            f"  {env['HZHK_COMPUTE__TASK_RUNNER']} {label}: flow {result['flow_s']:.1f} s "
            f"(work {result['work_s']:.1f} s), process {result['wall_s']:.1f} s, "
            f"parses {result['parses']}, peak {result['peak_rss_mb']:.0f} MB, "
            f"requests {result['requests']}, load {result['load']}",
            flush=True,
        )
    set_conditional(port, True)
    return done


Runs = dict[str, list[dict[str, Any]]]


def measure(
    args: argparse.Namespace, folder: Path, env: dict[str, str], ports: list[int]
) -> tuple[list[dict[str, Any]], dict[str, Runs]]:
    """`--repeat` rounds of: the baseline, then each runner's first run and reruns. Rounds
    interleave the runners, so a change in the machine's load falls on all of them alike."""
    urls_file, sources = write_inputs(folder, args, ports)
    baseline_once(urls_file)  # warms the sites' page cache and the OS's
    baseline: list[dict[str, Any]] = []
    by_runner: dict[str, Runs] = {
        r: {"first": [], "rerun_304": [], "rerun_200": []} for r in args.runners
    }
    for number in range(args.repeat):
        baseline.append(baseline_once(urls_file))
        print(
            f"round {number + 1}: baseline {baseline[-1]['seconds']:.1f} s, load {speedkit.load()}",
            flush=True,
        )
        for runner in args.runners:
            place = folder / f"{runner}-{number}"
            runner_env = {**env, "HZHK_COMPUTE__TASK_RUNNER": runner}
            for label, result in first_and_reruns(place, sources, runner_env, ports[0]).items():
                by_runner[runner][label].append(result)
    return baseline, by_runner


def profile_once(
    args: argparse.Namespace, folder: Path, env: dict[str, str], ports: list[int]
) -> Path:
    """One more first run under cProfile (every thread of the run's process); its stats file."""
    _, sources = write_inputs(folder, args, ports)
    out = args.keep_profile or folder / "ingest.pstats"
    runner_env = {**env, "HZHK_COMPUTE__TASK_RUNNER": args.profile_runner}
    worker = ["--worker", "ingest", *ingest_args(folder / "profiled", sources)]
    speedkit.run_worker("bench.ingest_speed", [*worker, "--profile-out", str(out)], runner_env)
    return out


def run(args: argparse.Namespace) -> int:
    if args.quick:
        args.pages, args.hosts, args.repeat, args.runners = 60, 3, 1, ["threads"]
        args.server = True  # one server start instead of a temporary server in each process
    print(f"machine load before: {speedkit.load()}", flush=True)
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-ingest-")))
        ports = start_sites(stack, args)
        env = ingest_env(folder, args, ports)
        server_s = None
        if args.server:
            api, server_s = stack.enter_context(speedkit.prefect_server())
            env["PREFECT_API_URL"] = api
            print(f"prefect server started in {server_s:.1f} s at {api}", flush=True)
        if not args.profile_only:
            baseline, by_runner = measure(args, folder, env, ports)
            for runner, runs in by_runner.items():
                print_tables(args, runner, baseline, runs, server_s)
            if len(by_runner) > 1:
                print_runner_comparison(args, by_runner)
        if args.profile or args.profile_only:
            stats_file = profile_once(args, folder, env, ports)
            print(
                f"\nprofile of a first run over {args.pages:,} pages, runner "
                f"{args.profile_runner} (cProfile, every thread of the run's process):"
            )
            print(speedkit.cost_table(stats_file, args.profile_top))
    return 0


def median_of(runs: list[dict[str, Any]], key: str) -> float:
    return float(statistics.median([r[key] for r in runs]))


def row(
    label: str, values: list[float], rate: str, ratio: str, parses: str, rss: float, target: str
) -> tuple[str, ...]:
    """One line of a runner's table."""
    return (label, speedkit.fmt_spread(values), rate, ratio, parses, f"{rss:.0f}", target)


def baseline_rows(pages: int, baseline: list[dict[str, Any]]) -> list[tuple[str, ...]]:
    rows = []
    for label, key in (
        ("baseline: httpx + lxml (in-process)", "seconds"),
        ("baseline: whole script process", "wall_s"),
    ):
        values = [r[key] for r in baseline]
        rate = f"{pages / statistics.median(values):.0f}"
        rss = median_of(baseline, "peak_rss_mb")
        rows.append(row(label, values, rate, "1.00", "-", rss, "-"))
    return rows


def first_rows(pages: int, baseline: list[dict[str, Any]], runs: Runs) -> list[tuple[str, ...]]:
    """The first run against the baseline: the flow's work and the flow call against the bare
    script's in-process time, the whole process against the bare script's whole process."""
    rows = []
    for label, key in (
        ("first run: flow, from its first task", "work_s"),
        ("first run: flow call (Prefect start-up included)", "flow_s"),
        ("first run: whole process", "wall_s"),
    ):
        values = [r[key] for r in runs["first"]]
        ref = median_of(baseline, "wall_s" if key == "wall_s" else "seconds")
        ratio = statistics.median(values) / ref
        rate = f"{pages / statistics.median(values):.0f}"
        parses = str(runs["first"][0]["parses"])
        rss = median_of(runs["first"], "peak_rss_mb")
        verdict = speedkit.verdict(ratio, TARGET_RATIO)
        rows.append(row(label, values, rate, f"{ratio:.2f}", parses, rss, verdict))
    return rows


def rerun_rows(runs: Runs) -> list[tuple[str, ...]]:
    rows = []
    for label in ("rerun_304", "rerun_200"):
        for key, what in (("work_s", "flow, from its first task"), ("wall_s", "whole process")):
            values = [r[key] for r in runs[label]]
            share = statistics.median(values) / median_of(runs["first"], key)
            name = f"{label.replace('_', ' (feeds ')}): {what}"
            parses = str(max(r["parses"] for r in runs[label]))
            rss = median_of(runs[label], "peak_rss_mb")
            verdict = speedkit.verdict(share, TARGET_RERUN)
            rows.append(row(name, values, "-", f"{share:.1%} of first", parses, rss, verdict))
    return rows


def print_tables(
    args: argparse.Namespace,
    runner: str,
    baseline: list[dict[str, Any]],
    runs: Runs,
    server_s: float | None,
) -> None:
    """The runner's table (baseline, first run, reruns) and its verdict on P1, P2 and P4."""
    mode = (
        f"a running prefect server (started in {server_s:.1f} s)"
        if server_s
        else "Prefect's temporary server (each process starts one)"
    )
    print(
        f"\ningest of {args.pages:,} pages (~{PAGE_BYTES // 1000} KB) on {args.hosts} loopback "
        f"sites, task runner `{runner}`, with {mode};"
    )
    print(f"{args.repeat} runs each, median [min–max]; machine load now: {speedkit.load()}")
    rows = baseline_rows(args.pages, baseline) + first_rows(args.pages, baseline, runs)
    rows += rerun_rows(runs)
    headers = ("run", "seconds", "pages/s", "ratio", "parses", "peak RSS MB", "target")
    print(speedkit.table(headers, rows))
    every = runs["first"] + runs["rerun_304"] + runs["rerun_200"]
    print(
        f"\nfixed costs per ingest process: imports "
        f"{speedkit.fmt_spread([r['import_s'] for r in every])} s, Prefect start-up to the "
        f"first task {speedkit.fmt_spread([r['startup_s'] for r in every])} s"
    )
    print_verdict(args, runner, baseline, runs)


def print_verdict(
    args: argparse.Namespace, runner: str, baseline: list[dict[str, Any]], runs: Runs
) -> None:
    work = median_of(runs["first"], "work_s")
    rate = args.pages / work
    ratio = work / median_of(baseline, "seconds")
    rerun = median_of(runs["rerun_304"], "wall_s") / median_of(runs["first"], "wall_s")
    reparsed = max(r["parses"] for r in runs["rerun_304"] + runs["rerun_200"])
    peak = max(r["peak_rss_mb"] for r in runs["first"])
    workers = max(r.get("workers_peak_rss_mb", 0.0) for r in runs["first"])
    print(
        f"targets ({runner}): P1 ratio ≤ {TARGET_RATIO} (flow vs bare, in-process): {ratio:.2f} "
        f"({speedkit.verdict(ratio, TARGET_RATIO)}); P1 ≥ {TARGET_RATE:g} pages/s: {rate:.0f} "
        f"({speedkit.verdict(rate, TARGET_RATE, at_most=False)}); "
        f"P2 rerun ≤ {TARGET_RERUN:.0%} of the first (whole processes): {rerun:.1%} "
        f"({speedkit.verdict(rerun, TARGET_RERUN)}); P2 re-parses: {reparsed}; "
        f"P4 peak RSS ≤ {TARGET_RSS_MB:g} MB (run's own process): {peak:.0f} MB "
        f"({speedkit.verdict(peak, TARGET_RSS_MB)}); a parse worker process (if any) peaked at "
        f"{workers:.0f} MB more"
    )
    first = runs["first"][0]
    print(f"first run counts: {first['counts']}; requests seen by the sites: {first['requests']}")


def print_runner_comparison(args: argparse.Namespace, by_runner: dict[str, Runs]) -> None:
    """Which runner ingests faster here: the first run's work and whole process, side by side."""
    rows = []
    for runner, runs in by_runner.items():
        work = median_of(runs["first"], "work_s")
        process = median_of(runs["first"], "wall_s")
        rss = median_of(runs["first"], "peak_rss_mb")
        rows.append(
            (runner, f"{work:.2f}", f"{args.pages / work:.0f}", f"{process:.2f}", f"{rss:.0f}")
        )
    fastest = min(by_runner, key=lambda r: median_of(by_runner[r]["first"], "work_s"))
    print(f"\nrunners compared (first run, median of {args.repeat}); load now: {speedkit.load()}")
    headers = ("task runner", "flow work s", "pages/s", "whole process s", "peak RSS MB (parent)")
    print(speedkit.table(headers, rows))
    print(f"fastest here: {fastest}")


def runners(text: str) -> list[str]:
    chosen = [part.strip() for part in text.split(",") if part.strip()]
    unknown = set(chosen) - {"auto", "threads", "processes", "dask"}
    if not chosen or unknown:
        raise argparse.ArgumentTypeError(f"unknown task runner(s): {', '.join(sorted(unknown))}")
    return chosen


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--hosts", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--runners",
        type=runners,
        default=["auto", "threads"],
        help="task runners to measure, comma-separated (auto, threads, processes, dask)",
    )
    parser.add_argument("--server", action="store_true", help="against `prefect server start`")
    parser.add_argument("--profile", action="store_true", help="one more first run under cProfile")
    parser.add_argument("--profile-runner", default="threads", help="the profiled run's runner")
    parser.add_argument("--profile-top", type=int, default=20)
    parser.add_argument(
        "--profile-only", action="store_true", help="only the profiled run, no measurements"
    )
    parser.add_argument(
        "--keep-profile", type=Path, help="write the profile here (for pstats or snakeviz)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="60 pages, 3 sites, 1 run, threads, --server: a smoke test",
    )
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--worker", choices=("baseline", "ingest"), help=argparse.SUPPRESS)
    parser.add_argument("--urls-file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--warehouse", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--sources-file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile-out", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if args.serve:
        serve_main(args)
        return 0
    if args.worker == "baseline":
        baseline_worker(args)
        return 0
    if args.worker == "ingest":
        ingest_worker(args)
        return 0
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
