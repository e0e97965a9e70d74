"""Regenerate `<page>.expected.json` next to article fixture pages.

Usage:
    .venv/bin/python scripts/regenerate_expected.py tests/fixtures/articles/            # all
    .venv/bin/python scripts/regenerate_expected.py tests/fixtures/articles/scmp/a.html
    .venv/bin/python scripts/regenerate_expected.py --url https://example.com/a.html a.html

The page URL comes from --url, else the existing expected file, else the page's canonical link
or og:url. Review the diff: the expected files are the parsers' specification.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from parsers.article import parse_article
from parsers.article.base import load_page
from parsers.article.serialize import record_to_json
from parsers.charset import decode_html


def expected_path(page: Path) -> Path:
    return page.with_name(page.name.removesuffix(".html") + ".expected.json")


def page_url(page: Path, override: str | None) -> str:
    if override:
        return override
    expected = expected_path(page)
    if expected.exists():
        url = json.loads(expected.read_text(encoding="utf-8")).get("url")
        if isinstance(url, str) and url:
            return url
    meta = load_page(decode_html(page.read_bytes()).text, "https://fixture.invalid/").meta
    url = meta.canonical or meta.first("og:url")
    if not url or "fixture.invalid" in url:
        raise SystemExit(f"{page}: no canonical link or og:url; pass --url")
    return url


def pages_in(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        found += sorted(path.rglob("*.html")) if path.is_dir() else [path]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--url", help="the page's URL (only with a single page)")
    args = parser.parse_args()
    pages = pages_in(args.paths)
    if args.url and len(pages) != 1:
        raise SystemExit("--url needs exactly one page")
    for page in pages:
        record = parse_article(page.read_bytes(), page_url(page, args.url))
        text = json.dumps(record_to_json(record), ensure_ascii=False, indent=2) + "\n"
        target = expected_path(page)
        changed = not target.exists() or target.read_text(encoding="utf-8") != text
        target.write_text(text, encoding="utf-8")
        print(f"{'wrote ' if changed else 'same  '} {target}")


if __name__ == "__main__":
    main()
