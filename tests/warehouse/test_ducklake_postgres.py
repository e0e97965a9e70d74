"""A DuckLake on a real PostgreSQL catalog, written by several processes at once.

A throwaway PostgreSQL (Debian's, installed by scripts/postgres.sh; initdb + pg_ctl on a free
loopback port, as the `postgres` user when run as root) holds the catalog. The catalog is created
once, before any writer starts (two processes creating it at once race). Then:

- two processes MERGE the same new articles inside transactions held open at the same time:
  with the lake's writer lock each article is stored once; without it, DuckLake stores both
  copies (the measured reason for the lock, kept as a check that it is still needed);
- two `hzhk ingest` processes, each with its own sources file, fetch overlapping pages from a
  loopback server and write the lake at the same time: every page is one article, none is lost,
  none is doubled, and both runs complete.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from config.lake import Lake, PostgresCatalog
from tests.conftest import PROJECT_ROOT, missing_tool
from tests.warehouse.postgres_server import (
    Postgres,
    binaries,
    create_database,
    running_postgres,
)
from warehouse.db import connect, open_warehouse
from warehouse.lake import close_shared

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def postgres() -> Iterator[Postgres]:
    if binaries() is None:
        missing_tool("PostgreSQL is not installed (scripts/postgres.sh installs Debian's)")
    with running_postgres() as server:
        try:
            yield server
        finally:
            close_shared()  # the writers' pooled connections, before the server goes


def lake_on(server: Postgres, name: str, data: Path) -> Lake:
    catalog = create_database(server, name)
    pg = PostgresCatalog(
        host=catalog.host, port=catalog.port, dbname=catalog.dbname, user="postgres"
    )
    return Lake("postgres", f"{data}/", postgres=pg)


def query(lake: Lake, sql: str) -> list[tuple[object, ...]]:
    con = connect(lake, read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


# --- two writers, the same new keys -------------------------------------------------------

WRITER = """
import json, sys, time
from pathlib import Path
from datetime import UTC, datetime
from config.lake import Lake, PostgresCatalog
from records.articles import ArticleRecord, ArticleVersion
from warehouse import transactions
from warehouse.articles import upsert_articles
from warehouse.db import transaction, writing

spec, who, locked, go = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3] == "1", Path(sys.argv[4])
lake = Lake("postgres", spec["data"], postgres=PostgresCatalog(**spec["pg"]))
if not locked:  # what DuckLake does without the writers' lock
    transactions.catalog_lock = lambda con, catalog: None
at = datetime(2025, 4, 24, tzinfo=UTC)
urls = [f"https://www.example.hk/shared/{n}.html" for n in range(5)] + [f"https://www.example.hk/{who}.html"]
versions = [ArticleVersion(ArticleRecord(url=u, canonical_url=u, parser="generic", title=who,
            body=("Body of " + u,)), "src", at) for u in urls]
with writing(lake) as con:
    con.execute("SELECT count(*) FROM articles").fetchall()  # extensions loaded, lake attached
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.01)
    with transaction(con):
        upsert_articles(con, versions)
        time.sleep(1.0)  # the other writer's transaction is open meanwhile
print("done", flush=True)
"""


def run_writers(lake: Lake, locked: bool, folder: Path) -> None:
    assert lake.postgres is not None
    spec = json.dumps({"data": lake.data_path, "pg": lake.postgres.model_dump()})
    go = folder / f"go-{int(locked)}"
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, spec, who, "1" if locked else "0", str(go)],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("a", "b")
    ]
    for writer in writers:  # both connected before either begins
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready", writer.stderr
    go.touch()
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        assert out.strip() == "done"


@pytest.mark.parametrize("locked", [True, False], ids=["with-the-lock", "without"])
def test_two_writers_of_the_same_new_articles(
    postgres: Postgres, tmp_path: Path, locked: bool
) -> None:
    lake = lake_on(postgres, f"merge_{int(locked)}", tmp_path / "files")
    open_warehouse(lake).close()  # the catalog is created once, before the writers start
    run_writers(lake, locked, tmp_path)
    [(stored, urls)] = [
        (int(str(a)), int(str(b)))
        for a, b in query(
            lake, "SELECT count(*), count(DISTINCT url) FROM articles WHERE source_id = 'src'"
        )
    ]
    assert urls == 7  # five shared pages and one of each writer's own: none lost
    if locked:
        assert stored == urls  # none doubled
    else:
        assert stored > urls  # DuckLake stored the shared ones twice: why writers lock


# --- two `hzhk ingest` runs at once -------------------------------------------------------

PAGES = 12
FIRST = range(1, 9)  # pages 1-8 in feed A, 5-12 in feed B: 5-8 are in both
SECOND = range(5, PAGES + 1)
PAGE_DELAY_S = 0.3  # each page answers slowly, so the two runs' writes overlap


def page(n: int) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Hangzhou and Hong Kong item {n}</title>
<meta property="og:title" content="Hangzhou and Hong Kong item {n}">
<meta property="article:published_time" content="2025-04-{n + 1:02d}T10:00:00+08:00">
</head><body><article><h1>Hangzhou and Hong Kong item {n}</h1>
<p>Item {n}: officials from Hangzhou and Hong Kong met on the {n}th to discuss co-operation in
finance, trade and innovation, and agreed to meet again within the year.</p>
<p>The delegation of item {n} visited a science park and two universities during its stay, and
business groups from both cities said the talks would help companies set up on either side.</p>
<p>A further {n} projects were listed for the next round of talks, the organisers said.</p>
</article></body></html>"""


def feed(base: str, numbers: range, name: str) -> str:
    items = "".join(
        f"<item><title>Hangzhou and Hong Kong item {n}</title>"
        f"<link>{base}/news/{n}.html</link><guid>{n}</guid>"
        f"<pubDate>Tue, {n + 1:02d} Apr 2025 10:00:00 +0800</pubDate></item>"
        for n in numbers
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Feed {name}</title><link>{base}/</link>{items}</channel></rss>"
    )


@pytest.fixture
def site() -> Iterator[str]:
    """Two feeds and twelve slow article pages on 127.0.0.1. No page answers before both feeds
    have been read: the two runs are then both under way, whichever process started faster."""
    feeds_read: set[str] = set()
    both_read = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            base = f"http://{self.headers['Host']}"
            if self.path in ("/feed-a.xml", "/feed-b.xml"):
                feeds_read.add(self.path)
                if len(feeds_read) == 2:
                    both_read.set()
            if self.path == "/feed-a.xml":
                self.answer(feed(base, FIRST, "A"), "application/rss+xml")
            elif self.path == "/feed-b.xml":
                self.answer(feed(base, SECOND, "B"), "application/rss+xml")
            elif self.path.startswith("/news/") and self.path.endswith(".html"):
                both_read.wait(timeout=180)
                time.sleep(PAGE_DELAY_S)
                self.answer(page(int(self.path[6:-5])), "text/html; charset=utf-8")
            else:
                self.send_error(404)

        def answer(self, body: str, content_type: str) -> None:
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


SETTINGS = """
warehouse_target = "ducklake"

[lake]
catalog = "postgres"
data_path = "{data}"

[lake.postgres]
host = "127.0.0.1"
port = {port}
dbname = "{dbname}"
user = "postgres"

[fetch]
per_host_interval_s = 0.0
max_concurrency = 2
max_retries = 0
allow_hosts = ["127.0.0.1"]
"""


def sources(base: str, feed_name: str) -> str:
    return (
        f'[[source]]\nid = "feed-{feed_name}"\nname = "Feed {feed_name}"\nkind = "rss"\n'
        f'url = "{base}/feed-{feed_name}.xml"\nlanguage = "en"\npublisher = "Example"\n'
    )


@pytest.mark.prefect
def test_two_ingest_runs_write_one_lake_at_once(
    prefect_harness: None, postgres: Postgres, site: str, tmp_path: Path
) -> None:
    from prefect.settings import PREFECT_API_URL

    lake = lake_on(postgres, "ingest_runs", tmp_path / "files")
    assert lake.postgres is not None
    config = tmp_path / "config"
    config.mkdir()
    for name in ("entities.toml", "events.toml", "fields.toml", "measures.toml",
                 "relevance.toml", "relevance_places.toml"):  # fmt: skip
        (config / name).write_text((PROJECT_ROOT / "config" / name).read_text("utf-8"), "utf-8")
    (config / "settings.toml").write_text(
        SETTINGS.format(data=lake.data_path, port=lake.postgres.port, dbname=lake.postgres.dbname)
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("HZHK_")}
    env.update(
        HZHK_CONFIG=str(config),
        PREFECT_API_URL=str(PREFECT_API_URL.value()),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
    )
    hzhk = str(Path(sys.executable).with_name("hzhk"))
    migrated = subprocess.run([hzhk, "db", "migrate"], env=env, capture_output=True, text=True)
    assert migrated.returncode == 0, migrated.stderr  # the catalog, made once
    runs = []
    for name in ("a", "b"):  # like two machines: own sources, own archive
        (tmp_path / f"sources-{name}.toml").write_text(sources(site, name))
        command = [hzhk, "ingest", "--force", "--sources", str(tmp_path / f"sources-{name}.toml")]
        runs.append(
            subprocess.Popen(
                [*command, "--data-dir", str(tmp_path / f"data-{name}")],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
        )
    outputs = [run.communicate(timeout=240)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs

    urls = {f"{site}/news/{n}.html" for n in range(1, PAGES + 1)}
    stored = query(lake, "SELECT article_id, url FROM articles WHERE source_id LIKE 'feed-%'")
    assert {str(url) for _, url in stored} == urls  # none lost
    assert len(stored) == len({a for a, _ in stored}) == len(urls)  # none doubled
    finished = query(
        lake,
        "SELECT status, started_at, finished_at FROM runs WHERE flow = 'ingest' ORDER BY 2",
    )
    assert [status for status, _, _ in finished] == ["completed", "completed"]
    (_, _, first_end), (_, second_start, _) = finished
    assert isinstance(second_start, datetime) and isinstance(first_end, datetime)
    assert second_start < first_end  # the two runs were writing at the same time
    assert query(lake, "SELECT count(*) = count(DISTINCT url) FROM fetches WHERE run_id IS NULL")
