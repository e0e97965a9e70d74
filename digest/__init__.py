"""The reader's product: a weekly `records.digest.Digest` rendered as Markdown, a self-contained
HTML page and JSON, plus the index page and Atom feed over all digests.

Pure like `parsers/` and `tracking/`: records in, text out. Building the `Digest` from the
warehouse and writing the files belong to the flow that calls this package.
"""

from digest.entries import IndexEntry
from digest.render import (
    Rendered,
    digest_to_json,
    render_all,
    render_feed,
    render_html,
    render_index,
    render_markdown,
)

__all__ = [
    "IndexEntry",
    "Rendered",
    "digest_to_json",
    "render_all",
    "render_feed",
    "render_html",
    "render_index",
    "render_markdown",
]
