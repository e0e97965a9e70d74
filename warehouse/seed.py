"""Loading the seed article so every warehouse starts from the user's own first article.

The article is filed under a source of its own (kind `seed`), so `articles.source_id` points at
a row in `sources` like every other article's. That source is not in `config/sources.toml` and
is not enabled, so nothing ever polls it; ingest only writes the sources in the file and leaves
others as they are.

The article is written like any parsed one, through `warehouse.articles.upsert_articles`, so a new
column of `articles` needs no edit here.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from typing import Any, cast, get_args

import duckdb

from records.articles import ArticleRecord, ArticleVersion, Image, Language
from records.ids import article_id
from warehouse.articles import upsert_articles
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

    def version(self, seen_at: datetime) -> ArticleVersion:
        """The article as a parser would hand it over: its caption as an image without a URL."""
        if self.language not in get_args(Language):
            raise ValueError(f"seed article {self.url}: unknown language {self.language!r}")
        record = ArticleRecord(
            url=self.url,
            canonical_url=self.url,
            parser="seed",
            publisher=self.publisher,
            title=self.title,
            published_at=self.published_at,
            language=cast(Language, self.language),
            body=tuple(self.paragraphs),
            captions=tuple(self.captions),
            images=tuple(Image(None, c) for c in self.captions),
            access="free",
            external_id=self.external_id,
        )
        return ArticleVersion(record, self.source_id, seen_at)


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

    Both go through the writers ingest uses: unchanged sources are left alone, and the articles
    are inserted only when missing (`new_only`).
    """
    now = datetime.now(UTC)
    upsert_sources(con, seed_sources(), updated_at=now)
    stored = upsert_articles(con, [a.version(now) for a in seed_articles()], new_only=True)
    if stored.rejected:
        raise ValueError(f"the seed article cannot be stored: {stored.rejected[0].error}")
