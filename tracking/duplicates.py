"""Near-duplicate articles: syndicated copies and updated versions of one story.

Each article gets a MinHash signature over shingles of its folded text (word 5-grams for Latin
script, character 3-grams for Chinese, which has no spaces to split on). LSH bands turn the
signature into bucket keys; the warehouse keeps them, so finding the candidates for a new article
is a lookup of its buckets, never a comparison with every stored article. Candidates are then
confirmed by their estimated Jaccard similarity, and every copy points at the earliest one.

The MinHash is rensa's (Rust, `SIGNING` in records/events.py). datasketch's was the one before:
its package imports its LSH classes, which this project does not use (its buckets are in the
warehouse), and through them scipy and numpy: 64 MB of a tracking process (issue 13, P4).
"""

from __future__ import annotations

import re
import struct
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta

from rensa import RMinHash

from records.events import NUM_PERM, Copy, DuplicateLink, Signature
from tracking.folding import fold

# A copy (syndicated, or the same story updated) comes out within days of its original; the
# lookup looks this far either side of a batch's publication times, so its cost follows the
# coverage of those weeks, not the size of the warehouse.
COPY_WINDOW = timedelta(days=30)
DUPLICATE_THRESHOLD = 0.5  # estimated Jaccard over shingles; different stories score near 0
MIN_SHINGLES = 8  # below this (a headline alone) a signature says nothing about the story
SEED = 20190613

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"\w+")
_NOT_TEXT = re.compile(r"[\W_]+")
_LATEST = datetime.max.replace(tzinfo=UTC)


def shingles(text: str) -> tuple[str, set[str]]:
    """The shingling used for this text and its shingles, after folding (so scripts agree)."""
    folded = fold(text).text
    if len(_CJK.findall(folded)) * 3 >= len(_NOT_TEXT.sub("", folded)):
        chars = _NOT_TEXT.sub("", folded)
        return "char3", {chars[i : i + 3] for i in range(max(len(chars) - 2, 0))}
    words = _WORD.findall(folded)
    return "word5", {" ".join(words[i : i + 5]) for i in range(max(len(words) - 4, 0))}


def signature(title: str | None, body: str) -> Signature | None:
    """The article's MinHash signature, or None when it has too little text to judge."""
    kind, found = shingles(f"{title or ''}\n\n{body}")
    if len(found) < MIN_SHINGLES:
        return None
    minhash = RMinHash(NUM_PERM, SEED)
    minhash.update(list(found))
    return Signature(kind, struct.pack(f"<{NUM_PERM}I", *minhash.digest()))


def copy_window(published: Iterable[datetime | None], now: datetime) -> tuple[datetime, datetime]:
    """The publication times a batch's copies may have: `COPY_WINDOW` either side of its
    articles' (an undated one counts as published `now`, when it is being tracked)."""
    moments = [p or now for p in published] or [now]
    return min(moments) - COPY_WINDOW, max(moments) + COPY_WINDOW


def _order(copy: Copy) -> tuple[datetime, str]:
    return (copy.published_at or _LATEST, copy.article_id)


def link_duplicates(
    batch: Sequence[Copy], known: Iterable[Copy], threshold: float = DUPLICATE_THRESHOLD
) -> list[DuplicateLink]:
    """Point each batch article (and stored ones whose earliest copy changed) at its earliest copy.

    `known` holds the stored articles that share a bucket with the batch, and the articles they
    already point at. Copies form groups through confirmed similarity and existing links; the
    earliest member of a group (by publication time, then id) is the one the others point at.
    """
    in_batch = {c.article_id for c in batch}
    everyone = {c.article_id: c for c in known if c.article_id not in in_batch}
    everyone.update({c.article_id: c for c in batch})
    parent = {article_id: article_id for article_id in everyone}

    def root(article_id: str) -> str:
        while parent[article_id] != article_id:
            parent[article_id] = parent[parent[article_id]]
            article_id = parent[article_id]
        return article_id

    def join(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            first, second = sorted((ra, rb), key=lambda r: _order(everyone[r]))
            parent[second] = first

    for copy in everyone.values():
        if copy.article_id not in in_batch and copy.duplicate_of in everyone:
            join(copy.article_id, copy.duplicate_of)

    by_bucket: dict[int, list[str]] = defaultdict(list)
    for copy in everyone.values():
        for bucket in copy.signature.buckets():
            by_bucket[bucket].append(copy.article_id)
    best: dict[str, float] = {}
    compared: set[tuple[str, str]] = set()
    for members in by_bucket.values():
        for a in members:
            if a not in in_batch:
                continue
            for b in members:
                pair = (min(a, b), max(a, b))
                if a == b or pair in compared:
                    continue
                compared.add(pair)
                score = everyone[a].signature.similarity(everyone[b].signature)
                if score >= threshold:
                    join(a, b)
                    best[a] = max(best.get(a, 0.0), score)
                    best[b] = max(best.get(b, 0.0), score)

    links = []
    for article_id, copy in sorted(everyone.items()):
        first = root(article_id)
        target = None if first == article_id else first
        if article_id in in_batch or target != copy.duplicate_of:
            links.append(DuplicateLink(article_id, target, best.get(article_id)))
    return links
