"""Kill -9 at random moments of a real `hzhk ingest` run: the warehouse must always open, hold no
duplicate article_id or url and no half-written batch, and a rerun must complete the set.

A loopback site lists 120 pages (three batches of the flow's 50), each answered after a short
delay so that kills land while pages are fetched, parsed and stored. One real
`prefect server start` on a loopback port serves every run (Prefect's temporary server would
cost ~10 s per process); it is stopped at the end. Each round starts from an empty warehouse and
runs until killed, again and again, then once to the end.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.faults import pages
from tests.faults.matrix import cli_env, hzhk_command, make_config
from tests.faults.pages import Item
from tests.faults.server import Reply, Site, respond

pytestmark = pytest.mark.slow

PAGES = 120
ROUNDS = 4
KILLS_PER_ROUND = 5
PAGE_DELAY_S = 0.08
SETTINGS = """
warehouse = "data/warehouse.duckdb"
data_dir = "data"

[fetch]
per_host_interval_s = 0.0
max_concurrency = 4
max_retries = 0
allow_hosts = ["127.0.0.1"]
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`prefect server start` on a loopback port; its API URL once /api/health answers."""
    home = tmp_path_factory.mktemp("prefect-server")
    port = free_port()
    env = cli_env({}, home)
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    prefect = Path(hzhk_command()).with_name("prefect")
    server = subprocess.Popen(
        [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port), "--no-ui"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    api = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{api}/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail("prefect server did not start")
            time.sleep(0.5)
        yield api
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)


def slow(reply: Reply) -> Reply:
    def answer(conn: socket.socket) -> None:
        time.sleep(PAGE_DELAY_S)
        reply(conn)

    return answer


@dataclass
class Round:
    root: Path
    config: Path
    sources: Path
    warehouse: Path
    urls: list[str]
    env: dict[str, str]

    def start(self) -> subprocess.Popen[bytes]:
        command = [hzhk_command(), "ingest", "--force", "-c", str(self.config)]
        command += ["-w", str(self.warehouse), "--sources", str(self.sources)]
        return subprocess.Popen(
            command,
            env=self.env,
            cwd=self.root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )


def check(warehouse: Path, urls: list[str]) -> tuple[int, str | None]:
    """Stored articles, and what is wrong with the warehouse (None: nothing)."""
    from warehouse.db import connect

    try:
        con = connect(warehouse)  # read-write, as the next run opens it: replays any WAL
    except Exception as exc:
        return 0, f"does not open: {type(exc).__name__}: {exc}"
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        if "articles" not in tables:
            # Killed before the first migration committed: it is one transaction, all or none.
            return 0, f"half-migrated: {sorted(tables)}" if tables else None
        articles = con.execute(
            "SELECT count(*), count(DISTINCT article_id), count(DISTINCT url) FROM articles"
            " WHERE url LIKE 'http://127.0.0.1:%'"
        ).fetchone()
        assert articles is not None
        count, ids, distinct_urls = (int(v) for v in articles)
        if not count == ids == distinct_urls:
            return count, f"duplicates: {count} rows, {ids} ids, {distinct_urls} urls"
        stored = {r[0] for r in con.execute("SELECT url FROM articles").fetchall()}
        logged = {
            r[0]
            for r in con.execute(
                "SELECT DISTINCT url FROM fetches WHERE url LIKE '%/news/%'"
            ).fetchall()
        }
        # Fetch log and articles are written in one transaction per batch: a page logged
        # without its article (or the reverse) is a half-written batch.
        half = (logged ^ stored) & set(urls)
        if half:
            return count, f"half-written batch: {len(half)} pages logged xor stored"
        return count, None
    finally:
        con.close()


def make_round(root: Path, api: str) -> tuple[Round, Site]:
    site = Site()
    urls = [site.url(f"/news/{n}.htm") for n in range(PAGES)]
    items = [
        Item(f"Hangzhou story {n}", url, "Mon, 21 Apr 2025 10:00:00 +0800")
        for n, url in enumerate(urls)
    ]
    site.routes["/feed.xml"] = respond(pages.rss(items), content_type="application/rss+xml")
    for n in range(PAGES):
        site.routes[f"/news/{n}.htm"] = slow(respond(pages.dated_page(f"Hangzhou story {n}")))
    config = make_config(root / "config", SETTINGS)
    sources = root / "sources.toml"
    feed = site.url("/feed.xml")
    sources.write_text(
        f'[[source]]\nid = "killed"\nname = "Killed"\nkind = "rss"\nurl = "{feed}"\n', "utf-8"
    )
    env = cli_env({"PREFECT_API_URL": api}, root)
    return Round(root, config, sources, root / "w.duckdb", urls, env), site


def test_kill_9_at_random_points_never_corrupts_and_a_rerun_completes(
    prefect_server: str, tmp_path: Path
) -> None:
    chance = random.Random(int(os.environ.get("HZHK_KILL_SEED", "8")))
    trials: list[tuple[float, int]] = []  # (seconds into the run, articles stored after)
    for number in range(ROUNDS):
        run, site = make_round(tmp_path / f"round-{number}", prefect_server)
        try:
            for _ in range(KILLS_PER_ROUND):
                process = run.start()
                at = chance.uniform(1.0, 11.0)
                try:
                    process.wait(timeout=at)
                    finished = True
                except subprocess.TimeoutExpired:
                    finished = False
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait(timeout=10)
                stored, wrong = (
                    check(run.warehouse, run.urls) if run.warehouse.exists() else (0, None)
                )
                assert wrong is None, f"after a kill at {at:.1f} s: {wrong}"
                trials.append((at if not finished else -at, stored))
            process = run.start()
            assert process.wait(timeout=180) == 0, "the rerun after the kills failed"
            stored, wrong = check(run.warehouse, run.urls)
            assert wrong is None and stored == PAGES, f"rerun: {stored}/{PAGES} stored; {wrong}"
        finally:
            site.close()
    killed = [t for t in trials if t[0] > 0]
    print(
        f"\n{len(trials)} trials, {len(killed)} killed mid-run at "
        + ", ".join(f"{at:.1f}s→{n}" for at, n in killed)
        + f"; {len(trials) - len(killed)} finished before their kill; every rerun stored {PAGES}"
    )
    assert len(killed) >= 20 or len(trials) >= 20
