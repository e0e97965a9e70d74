"""A loopback news site and a config folder pointing at it, for scheduled-operation tests."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.ingest.conftest import LOOPBACK_SETTINGS

PROJECT_CONFIG = Path(__file__).resolve().parents[2] / "config"
PAGE = """<html><head><title>{title}</title>
<meta property="article:published_time" content="2025-04-24T18:00:00+08:00"></head>
<body><article><h1>{title}</h1>
<p>Hong Kong and Zhejiang agreed on 13 co-operation areas in Hangzhou on Thursday, and the
Hangzhou government signed an MoU with Hong Kong's trade council.</p>
<p>Officials from both sides said the first plenary of the co-operation conference set out 51
projects for the coming year.</p></article></body></html>"""


@dataclass(frozen=True)
class Site:
    config: Path
    warehouse: Path
    data: Path
    server: HTTPServer

    def cli(self) -> list[str]:
        return ["-c", str(self.config), "-w", str(self.warehouse), "--data-dir", str(self.data)]


def rss(base: str, count: int) -> str:
    items = "".join(
        f"<item><title>Story {i}</title><link>{base}/news/{i}.html</link>"
        f"<pubDate>Thu, 24 Apr 2025 1{i % 10}:00:00 +0800</pubDate></item>"
        for i in range(count)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    )


def serve_site(server: HTTPServer, pages: int = 3) -> None:
    base = server.url_for("").rstrip("/")
    server.expect_request("/robots.txt").respond_with_data("", status=404)
    server.expect_request("/feed.xml").respond_with_data(
        rss(base, pages), content_type="application/rss+xml"
    )
    for i in range(pages):
        server.expect_request(f"/news/{i}.html").respond_with_data(
            PAGE.format(title=f"Hangzhou and Hong Kong agree co-operation, part {i}"),
            content_type="text/html; charset=utf-8",
        )


@pytest.fixture
def site(tmp_path: Path, httpserver: HTTPServer) -> Site:
    serve_site(httpserver)
    config = tmp_path / "config"
    shutil.copytree(PROJECT_CONFIG, config)
    (config / "settings.toml").write_text(LOOPBACK_SETTINGS, "utf-8")
    (config / "sources.toml").write_text(
        '[[source]]\nid = "site"\nname = "Site"\nkind = "rss"\nlanguage = "en"\n'
        f'url = "{httpserver.url_for("/feed.xml")}"\npoll_interval_minutes = 1\n',
        "utf-8",
    )
    return Site(config, tmp_path / "data" / "warehouse.duckdb", tmp_path / "data", httpserver)
