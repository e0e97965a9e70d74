"""`hzhk extract`: saved pages parsed offline, one JSON record per file."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from flows.cli.app import app, errors


class RecordFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"


@app.command("extract", rich_help_panel="Parse saved pages")
def extract(
    files: Annotated[list[Path], typer.Argument(help="Saved pages: .html or .html.gz files.")],
    url: Annotated[
        str | None,
        typer.Option(help="The pages' URL; default: each page's canonical link, else its path."),
    ] = None,
    fmt: Annotated[RecordFormat, typer.Option("--format", "-f")] = RecordFormat.jsonl,
) -> None:
    """Parse saved article pages offline: one JSON record per file (an error record if it fails).

    Example: hzhk extract page.html.gz --url https://www.chinadaily.com.cn/a/201906/18/WS5d0ae264498e12256565e36a.html
    """
    import json

    from parsers.article import parse_article
    from parsers.article.router import MAX_BYTES
    from parsers.article.serialize import record_to_json
    from parsers.compression import gunzip
    from parsers.errors import ParseError

    failed = 0
    results: list[dict[str, object]] = []
    for path in files:
        try:
            data = read_bounded(path, MAX_BYTES)
            if path.name.endswith(".gz"):  # bounded: a small .gz may inflate to gigabytes
                data = gunzip(data, MAX_BYTES, "gzip")
            record = parse_article(data, url or path.resolve().as_uri(), now=datetime.now(UTC))
            result: dict[str, object] = {"file": str(path), **record_to_json(record)}
        except (OSError, ParseError) as exc:
            failed += 1
            result = {"file": str(path), "error": f"{type(exc).__name__}: {exc}"}
        except Exception as exc:  # one file's bug must not cost the files after it
            failed += 1
            result = {"file": str(path), "error": f"could not parse: {type(exc).__name__}: {exc}"}
        if fmt is RecordFormat.jsonl:
            typer.echo(json.dumps(result, ensure_ascii=False))
        else:
            results.append(result)
    if fmt is RecordFormat.json:
        typer.echo(json.dumps(results, ensure_ascii=False, indent=2))
    if failed:
        errors.print(f"{failed} of {len(files)} files failed")
        raise typer.Exit(code=1)


def read_bounded(path: Path, limit: int) -> bytes:
    """A saved page's bytes, refusing what no page is: a folder, a device, more than `limit`
    bytes (`/dev/zero` would otherwise be read until memory ran out)."""
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder, not a saved page")
    if path.exists() and not path.is_file():
        raise OSError(f"{path} is not a regular file (a device or a pipe)")
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OSError(f"{path} is larger than {limit:,} bytes: not an article page")
    return data
