"""Article pages to `ArticleRecord`s: publisher parsers on a shared framework, a generic fallback.

`parse_article` is the one entry point; see README.md for how to add a publisher.
"""

from __future__ import annotations

from parsers.article.router import parse_article

__all__ = ["parse_article"]
