"""ArticleRecord to and from plain JSON: for `hzhk extract` and the fixtures' expected files."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

from records.articles import ArticleRecord


def _plain(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def record_to_json(record: ArticleRecord) -> dict[str, object]:
    """Every field of the record, datetimes as ISO 8601 with offset, tuples as lists."""
    plain = _plain(asdict(record))
    assert isinstance(plain, dict)
    return plain
