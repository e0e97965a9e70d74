"""The whole pipeline over real pages: the shared corpus served on 127.0.0.1, ingested, tracked.

Fixtures are pages we wrote; real pages carry what we did not think of (a placeholder
`datePublished: 0001-01-01` stopped tracking once). Skipped where the corpus is absent.
"""

from __future__ import annotations

import asyncio
import gzip
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from flows.ingest import ingest
from flows.track import track
from tests.settings_helpers import settings_at
from warehouse.db import connect

pytestmark = pytest.mark.prefect


def test_real_pages_go_through_ingest_and_track(
    prefect_harness: None,
    corpus: Path,
    config_dir: Path,
    loopback_settings: str,
    httpserver: HTTPServer,
    tmp_path: Path,
) -> None:
    pages = sorted((corpus / "scrapinghub" / "html").glob("*.html.gz"))  # all 181: oddities hide
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)  # no rules
    for page in pages:
        httpserver.expect_request(f"/{page.stem}").respond_with_data(
            gzip.decompress(page.read_bytes()), content_type="text/html; charset=utf-8"
        )
    links = "".join(f"<url><loc>{httpserver.url_for('/' + p.stem)}</loc></url>" for p in pages)
    httpserver.expect_request("/sitemap.xml").respond_with_data(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{links}</urlset>",
        content_type="application/xml",
    )
    config = config_dir  # the project's term lists and gazetteers, fetching on loopback
    (config / "settings.toml").write_text(loopback_settings, "utf-8")
    sources = tmp_path / "sources.toml"
    sources.write_text(
        '[[source]]\nid = "corpus"\nname = "Corpus"\nkind = "sitemap"\n'
        f'url = "{httpserver.url_for("/sitemap.xml")}"\n'
    )
    warehouse = tmp_path / "w.duckdb"

    settings = settings_at(config, warehouse)
    ingested = asyncio.run(ingest(settings=settings, sources_file=sources))
    tracked = track(settings=settings)

    assert ingested.counts.pages_fetched == len(pages)
    assert ingested.counts.articles_new + ingested.counts.parse_failures == len(pages)
    assert tracked.status == "completed"
    con = connect(warehouse, read_only=True)
    try:
        stored, implausible, untitled = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE year(published_at) NOT BETWEEN 1990 AND 2100),"
            " count(*) FILTER (WHERE title IS NULL) FROM articles WHERE source_id = 'corpus'"
        ).fetchone() or (0, 0, 0)
        relevant = con.execute(
            "SELECT count(*) FROM articles WHERE source_id = 'corpus' AND is_relevant"
        ).fetchone()
    finally:
        con.close()
    assert stored == ingested.counts.articles_new and implausible == 0 and untitled == 0
    assert relevant == (0,)  # 2019 world news: none of it is about Hangzhou-Hong Kong cooperation
