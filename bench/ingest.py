"""Article store speed: `python -m bench.ingest [--articles N]`.

1. `upsert_articles` storing N parsed articles in one batch (one MERGE over column lists), beside
   the same API called once per article (the row-by-row way), measured in the same run: the ratio
   is what batching buys. The baseline stores a tenth of the articles and is reported per row.
2. The same batch stored again (a rerun: every row unchanged) and `known_urls` over all links,
   which is what each ingest run pays before fetching.

Articles are generated here (a few paragraphs of Chinese and English text each).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from records.articles import ArticleRecord, ArticleVersion, Image
from warehouse.articles import known_urls, upsert_articles
from warehouse.db import open_warehouse

T0 = datetime(2025, 4, 24, tzinfo=UTC)


def articles(n: int, prefix: str) -> list[ArticleVersion]:
    paragraphs = (
        "杭州与香港在金融、创新科技和文化等领域深化合作。" * 4,
        "Hangzhou and Hong Kong signed agreements covering finance and innovation. " * 4,
        "双方同意推动更多项目落地，加强人才交流。" * 4,
    )
    found = []
    for i in range(n):
        url = f"https://news.example.hk/{prefix}/2025/04/{i:06d}.html"
        record = ArticleRecord(
            url=url,
            canonical_url=url,
            parser="generic",
            publisher="Example",
            title=f"杭港合作 {i}",
            authors=("Reporter",),
            published_at=T0 + timedelta(minutes=i),
            language="zh-Hans",
            body=paragraphs,
            captions=("Officials at the signing.",),
            images=(Image(f"https://news.example.hk/img/{i}.jpg", "Officials at the signing."),),
            access="free",
        )
        found.append(ArticleVersion(record, "bench", T0, content_sha256=f"{i:064x}"))
    return found


def per_second(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("inf")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    n = parser.parse_args().articles
    baseline_n = max(1, n // 10)
    with tempfile.TemporaryDirectory() as folder:
        con = open_warehouse(Path(folder) / "bench.duckdb")
        try:
            batch = articles(n, "batch")
            started = time.perf_counter()
            first = upsert_articles(con, batch)
            batched_s = time.perf_counter() - started

            rows = articles(baseline_n, "rows")
            started = time.perf_counter()
            for version in rows:
                upsert_articles(con, [version])
            row_s = time.perf_counter() - started

            started = time.perf_counter()
            again = upsert_articles(con, batch)
            rerun_s = time.perf_counter() - started

            links = [v.record.canonical_url for v in batch]
            started = time.perf_counter()
            known = known_urls(con, links)
            known_s = time.perf_counter() - started
        finally:
            con.close()
    assert first.inserted == n and again.unchanged == n and len(known) == n
    batched_rate = per_second(n, batched_s)
    row_rate = per_second(baseline_n, row_s)
    print(f"articles per batch:           {n}")
    print(f"batched upsert:               {batched_rate:10.0f} articles/s ({batched_s:.3f} s)")
    print(f"one upsert per article:       {row_rate:10.0f} articles/s ({baseline_n} articles)")
    print(f"ratio (batched / per row):    {batched_rate / row_rate:10.1f}x")
    print(f"rerun, all unchanged:         {per_second(n, rerun_s):10.0f} articles/s")
    print(f"known_urls over all links:    {per_second(n, known_s):10.0f} links/s")


if __name__ == "__main__":
    main()
