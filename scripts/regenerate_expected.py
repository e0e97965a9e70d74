"""Regenerate `<page>.expected.json` next to article fixture pages.

Usage:
    .venv/bin/python scripts/regenerate_expected.py tests/fixtures/articles/            # all
    .venv/bin/python scripts/regenerate_expected.py tests/fixtures/articles/scmp/a.html
    .venv/bin/python scripts/regenerate_expected.py --url https://example.com/a.html a.html
    .venv/bin/python scripts/regenerate_expected.py --check tests/fixtures/articles/    # CI

--check writes nothing: it lists every page whose expected file is missing or differs from what
the parsers produce now, and exits 1 if there is any.

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


def expected_text(page: Path, url: str) -> str:
    """The expected file's content for a page, as the parsers read it now."""
    record = parse_article(page.read_bytes(), url)
    return json.dumps(record_to_json(record), ensure_ascii=False, indent=2) + "\n"


def stale(page: Path, text: str) -> bool:
    target = expected_path(page)
    return not target.exists() or target.read_text(encoding="utf-8") != text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--url", help="the page's URL (only with a single page)")
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 listing stale expected files"
    )
    args = parser.parse_args()
    pages = pages_in(args.paths)
    if args.url and len(pages) != 1:
        raise SystemExit("--url needs exactly one page")
    differing: list[Path] = []
    for page in pages:
        text = expected_text(page, page_url(page, args.url))
        changed = stale(page, text)
        target = expected_path(page)
        if args.check:
            if changed:
                differing.append(target)
            continue
        target.write_text(text, encoding="utf-8")
        print(f"{'wrote ' if changed else 'same  '} {target}")
    if differing:
        for target in differing:
            print(f"differs: {target}")
        print(f"{len(differing)} of {len(pages)} expected files differ; rerun without --check")
        raise SystemExit(1)
    if args.check:
        print(f"all {len(pages)} expected files match")


if __name__ == "__main__":
    main()
