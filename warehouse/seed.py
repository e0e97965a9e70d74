"""Loading the seed article so every warehouse starts from the user's own first article."""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass
from datetime import datetime
from importlib import resources

import duckdb

from warehouse.keys import article_id


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


def seed_articles() -> list[SeedArticle]:
    folder = resources.files("warehouse") / "seed_data"
    manifest = tomllib.loads((folder / "seed.toml").read_text("utf-8"))
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
    """Insert missing seed articles; never overwrite what later stages added to them."""
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
