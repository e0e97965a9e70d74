"""Fact extraction speed: `extract_facts` against the text preparation it starts from.

    .venv/bin/python -m bench.facts [--corpus PATH] [--labelled FILE] [--repeat N]

Runs over the ScrapingHub article bodies (English news of every kind, mostly not about Hangzhou
or Hong Kong), the Chinese corpus page's text, and the labelled tracking set. The baseline is
folding plus sentence splitting alone (what every later rule needs), measured in the same run,
so the ratio says what the entity, figure, agreement and cue rules cost on top of it.
Storing: `store_facts` (one JSON parameter per table) over the same facts, five copies of each
article, against `executemany` of the mention rows alone, in a scratch warehouse.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from config.knowledge import load_knowledge
from records.facts import ArticleFacts
from tracking.entities import Gazetteer
from tracking.extraction import extract_facts
from tracking.folding import sentences
from tracking.knowledge import prepare
from warehouse.db import open_warehouse
from warehouse.facts import store_facts

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"
DEFAULT_LABELLED = PROJECT_ROOT / "bench" / "data" / "tracking_labelled.jsonl"


def load_bodies(corpus: Path, labelled: Path) -> list[tuple[str, datetime | None]]:
    bodies: list[tuple[str, datetime | None]] = []
    truth = corpus / "scrapinghub" / "ground-truth.json"
    if truth.exists():
        pages = json.loads(truth.read_text("utf-8"))
        bodies += [(p["articleBody"], None) for p in pages.values() if p.get("articleBody")]
    bodies += [(p.read_text("utf-8"), None) for p in sorted((corpus / "pages").glob("*.txt"))]
    if labelled.exists():
        for line in labelled.read_text("utf-8").splitlines():
            item = json.loads(line)
            published = item.get("published_at")
            bodies.append((item["body"], datetime.fromisoformat(published) if published else None))
    return bodies


def timed(work: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--labelled", type=Path, default=DEFAULT_LABELLED)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    gazetteer = prepare(load_knowledge(PROJECT_ROOT / "config")).entities
    bodies = load_bodies(args.corpus, args.labelled)
    if not bodies:
        raise SystemExit(f"no article bodies under {args.corpus} or in {args.labelled}")
    extract_facts(None, "warm-up 暖身", None, None, gazetteer)  # jieba loads its dictionary once

    def empty_tables() -> None:
        for body, _ in bodies:
            sentences(body)

    def extract() -> None:
        for body, published in bodies:
            extract_facts(None, body, None, published, gazetteer)

    baseline = timed(empty_tables, args.repeat)
    full = timed(extract, args.repeat)
    chars = sum(len(b) for b, _ in bodies)
    facts = [extract_facts(None, b, None, p, gazetteer) for b, p in bodies]
    print(f"articles: {len(bodies)}, characters: {chars:,}")
    print(f"fold + split (baseline): {baseline / len(bodies) * 1000:.2f} ms/article")
    print(f"extract_facts:           {full / len(bodies) * 1000:.2f} ms/article")
    print(f"ratio extract/baseline:  {full / baseline:.2f}")
    print(
        "found: "
        f"{sum(len(f.mentions) for f in facts)} mentions, "
        f"{sum(len(f.candidates) for f in facts)} candidates, "
        f"{sum(len(f.figures) for f in facts)} figures, "
        f"{sum(len(f.agreements) for f in facts)} agreements, "
        f"{sum(len(f.cues) for f in facts)} cues"
    )

    store(facts, gazetteer)


def store(facts: list[ArticleFacts], gazetteer: Gazetteer) -> None:
    batch = [(f"a{copy}-{i}", f) for copy in range(5) for i, f in enumerate(facts)]
    mentions = [
        (f"m{n}", article_id, m.entity_id, m.surface, m.field, m.start, m.end)
        for n, (article_id, m) in enumerate((a, m) for a, f in batch for m in f.mentions)
    ]
    with tempfile.TemporaryDirectory() as folder:
        con = open_warehouse(Path(folder) / "bench.duckdb")
        started = time.perf_counter()
        stored = store_facts(con, batch, gazetteer.entities)
        elapsed = time.perf_counter() - started
        rows = stored.mentions + stored.figures + stored.agreements + stored.candidates
        sample = mentions[:2000]
        started = time.perf_counter()
        con.executemany(
            "INSERT INTO mentions (mention_id, article_id, entity_id, surface, field,"
            " start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?, ?)",
            sample,
        )
        baseline = (time.perf_counter() - started) / max(len(sample), 1)
        con.close()
    print(f"store_facts: {rows:,} rows in {elapsed:.2f} s = {rows / elapsed:,.0f} rows/s")
    print(f"executemany (baseline, {len(sample):,} mention rows): {1 / baseline:,.0f} rows/s")
    print(f"ratio store_facts/executemany: {rows / elapsed * baseline:.1f}")


if __name__ == "__main__":
    main()
