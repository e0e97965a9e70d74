"""Loading the seed article so every warehouse starts from the user's own first article.

The article is filed under a source of its own (kind `seed`), so `articles.source_id` points at
a row in `sources` like every other article's. That source is not in `config/sources.toml` and
is not enabled, so nothing ever polls it; ingest only writes the sources in the file and leaves
others as they are.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from typing import Any

import duckdb

from records.ids import article_id
from warehouse.sources import SourceRow, upsert_sources


@dataclass(frozen=True)
class SeedArticle:
    article_id: str
    url: str
    external_id: str
    source_id: str
    publisher: str
    title: str
    published_at: datetime
    language: str
    captions: list[str]
    paragraphs: list[str]

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


def _manifest() -> dict[str, Any]:
    folder = resources.files("warehouse") / "seed_data"
    return tomllib.loads((folder / "seed.toml").read_text("utf-8"))


def seed_sources() -> list[SourceRow]:
    """The sources the seed articles are filed under, as `sources` rows: never polled."""
    return [
        SourceRow(
            source_id=entry["id"],
            name=entry["name"],
            kind="seed",
            url=None,
            query=None,
            language=entry.get("language"),
            publisher=entry.get("publisher"),
            official=bool(entry.get("official", False)),
            poll_interval_minutes=0,
            enabled=False,
        )
        for entry in _manifest()["source"]
    ]


def seed_articles() -> list[SeedArticle]:
    folder = resources.files("warehouse") / "seed_data"
    manifest = _manifest()
    found = []
    for entry in manifest["article"]:
        lines = [ln.strip() for ln in (folder / entry["file"]).read_text("utf-8").splitlines()]
        lines = [ln for ln in lines if ln]
        n_captions = int(entry.get("caption_lines", 0))
        found.append(
            SeedArticle(
                article_id=article_id(entry["url"]),
                url=entry["url"],
                external_id=entry["external_id"],
                source_id=entry["source_id"],
                publisher=entry["publisher"],
                title=entry["title"],
                published_at=entry["published_at"],
                language=entry["language"],
                captions=lines[:n_captions],
                paragraphs=lines[n_captions:],
            )
        )
    return found


def ensure_seed(con: duckdb.DuckDBPyConnection) -> None:
    """Insert missing seed articles and their sources; never overwrite what later stages added.

    The sources go through the same upsert ingest uses: unchanged rows are left alone.
    """
    upsert_sources(con, seed_sources(), updated_at=datetime.now(UTC))
    for a in seed_articles():
        images = [{"url": None, "caption": c} for c in a.captions]
        con.execute(
            """
            MERGE INTO articles AS t
            USING (SELECT ?::VARCHAR AS article_id) AS s ON t.article_id = s.article_id
            WHEN NOT MATCHED THEN INSERT (
                article_id, url, canonical_url, external_id, source_id, publisher, title,
                authors, published_at, first_seen_at, language, body, captions, images,
                access, parser, body_sha256
            ) VALUES (
                s.article_id, ?, ?, ?, ?, ?, ?, []::VARCHAR[], ?, now(), ?, ?, ?::VARCHAR[],
                ?::JSON, 'free', 'seed', ?
            )
            """,
            [
                a.article_id,
                a.url,
                a.url,
                a.external_id,
                a.source_id,
                a.publisher,
                a.title,
                a.published_at,
                a.language,
                a.body,
                a.captions,
                json.dumps(images, ensure_ascii=False),
                hashlib.sha256(a.body.encode()).hexdigest(),
            ],
        )
