"""Hashed natural keys: the same thing always gets the same id, on any machine, with no sequence."""

from __future__ import annotations

import hashlib


def stable_id(*parts: object) -> str:
    """16 hex characters of sha256 over the parts; enough to never collide at news scale."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def article_id(canonical_url: str) -> str:
    return stable_id(canonical_url)
