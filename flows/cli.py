"""The `hzhk` command: a thin layer over the warehouse and flow APIs.

Prefect and DuckDB are imported only inside the commands that use them, so `hzhk --help` stays
fast. `--warehouse`, `--config` and `--data-dir` are accepted both before the command
(`hzhk -w X db migrate`) and after it (`hzhk db migrate -w X`); the one after wins.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.text import Text

from config.errors import ConfigError
from config.settings import Settings, load_settings
from flows.output import OutputFormat, render

if TYPE_CHECKING:
    from config.source_list import Source
    from flows.digest import DigestReport
    from flows.discover import SourceCheck
    from flows.reports import IngestReport, TrackReport
    from warehouse.db import Status

app = typer.Typer(
    help="Track Hangzhou-Hong Kong cooperation news into a DuckDB warehouse.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Create, migrate and inspect the warehouse.", no_args_is_help=True)
app.add_typer(db_app, name="db")

# Markup off: what these print comes from outside (titles, URLs, error messages, paths) and must
# read as written; the few styled words are styled with Text, not with markup in strings.
console = Console(markup=False, highlight=False)
errors = Console(stderr=True, markup=False, highlight=False)

WarehouseOpt = Annotated[
    Path | None,
    typer.Option(
        "--warehouse",
        "-w",
        help="Warehouse file (default from settings; env HZHK_WAREHOUSE).",
        dir_okay=False,
    ),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        help="Config folder holding settings.toml and sources.toml (env HZHK_CONFIG).",
        file_okay=False,
    ),
]
DataDirOpt = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Folder for the raw page archive and Prefect's state (env HZHK_DATA_DIR).",
        file_okay=False,
    ),
]


@dataclass(frozen=True)
class SharedOptions:
    """The options given before the command, for the command to fall back on."""

    warehouse: Path | None = None
    config: Path | None = None
    data_dir: Path | None = None


@app.callback()
def shared_options(
    ctx: typer.Context,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
    debug: Annotated[  # read (and removed) by `main` before the command line is parsed
        bool, typer.Option("--debug", help="On failure, show the full traceback.")
    ] = False,
) -> None:
    """Keep the options given before the command (in the click context) for the command."""
    ctx.obj = SharedOptions(warehouse, config, data_dir)


def settings_for(
    ctx: typer.Context,
    warehouse: Path | None,
    config: Path | None,
    data_dir: Path | None = None,
) -> Settings:
    """Settings for this command: its own options, else those before it, else env and file.

    Bad or missing configuration ends the command here, with one line and exit code 1, before
    anything is created. The flows are handed these settings as they are.
    """
    root = ctx.find_root().obj
    shared = root if isinstance(root, SharedOptions) else SharedOptions()
    try:
        return load_settings(
            config_dir=shared.config if config is None else config,
            warehouse=shared.warehouse if warehouse is None else warehouse,
            data_dir=shared.data_dir if data_dir is None else data_dir,
        )
    except ConfigError as exc:
        raise fail(str(exc)) from exc


def fail(message: str) -> typer.Exit:
    errors.print(Text.assemble(("error: ", "bold red"), message), soft_wrap=True)
    return typer.Exit(code=1)


@db_app.command("migrate")
def db_migrate(
    ctx: typer.Context,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Create the warehouse or bring it to the latest schema, and load the seed article.

    Example: hzhk db migrate --warehouse /tmp/test.duckdb
    """
    from warehouse.db import WarehouseError, connect, migrate

    settings = settings_for(ctx, warehouse, config, data_dir)
    try:
        con = connect(settings.warehouse_path, timezone=settings.timezone)
        try:
            applied = migrate(con)
        finally:
            con.close()
    except WarehouseError as exc:
        raise fail(str(exc)) from exc
    if applied:
        for m in applied:
            console.print(f"applied {m.version:03d}_{m.name}")
    else:
        console.print("warehouse is up to date")
    console.print(f"warehouse: {settings.warehouse_path}")


@db_app.command("status")
def db_status(
    ctx: typer.Context,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Show the schema version, the applied migrations and every table with its row count.

    Example: hzhk db status
    """
    from warehouse.db import WarehouseError, connect, status

    settings = settings_for(ctx, warehouse, config, data_dir)
    try:
        con = connect(settings.warehouse_path, read_only=True, timezone=settings.timezone)
    except WarehouseError as exc:
        raise fail(str(exc)) from exc
    try:
        st = status(con, settings.warehouse_path)
    finally:
        con.close()
    print_status(st)


def print_status(st: Status) -> None:
    console.print(f"warehouse: {st.path}")
    if st.version < st.latest:
        note = f"(latest is {st.latest})"
        console.print(Text.assemble(f"schema version: {st.version} ", (note, "yellow")))
    elif st.version > st.latest:
        note = f"(newer than this code, which knows up to {st.latest})"
        console.print(Text.assemble(f"schema version: {st.version} ", (note, "yellow")))
    else:
        console.print(f"schema version: {st.version}")
    render(
        ["migration", "name", "applied_at"],
        [(f"{v:03d}", name, at) for v, name, at in st.applied],
        OutputFormat.table,
        console,
    )
    render(
        ["table", "rows"],
        [(t.name, t.rows) for t in st.tables],
        OutputFormat.table,
        console,
    )
    console.print(f"views: {', '.join(st.views)}")


@app.command("sql")
def sql(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="SELECT or EXPLAIN statement(s).")],
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Run read-only SQL against the warehouse; writes and local files are refused.

    Times are shown in the settings' time zone (Asia/Hong_Kong unless changed).
    Example: hzhk sql "select title, published_at from v_articles" --format csv
    """
    from warehouse.db import WarehouseError
    from warehouse.query import QueryError, read_only_query

    settings = settings_for(ctx, warehouse, config, data_dir)
    try:
        result = read_only_query(settings.warehouse_path, query, timezone=settings.timezone)
    except (QueryError, WarehouseError) as exc:
        raise fail(str(exc)) from exc
    render(result.columns, result.rows, fmt, console)


sources_app = typer.Typer(help="List and check the configured sources.", no_args_is_help=True)
app.add_typer(sources_app, name="sources")

SourcesFileOpt = Annotated[
    Path | None,
    typer.Option(
        "--sources", help="Sources file (default: <config>/sources.toml).", dir_okay=False
    ),
]
SourceIdsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--source", "-s", help="Only this source id (repeatable; runs it even if disabled)."
    ),
]


def load_sources_for(settings: Settings, sources_file: Path | None) -> list[Source]:
    from config.source_list import load_sources

    try:
        return load_sources(sources_file or settings.config_dir / "sources.toml")
    except ConfigError as exc:
        raise fail(str(exc)) from exc


@sources_app.command("list")
def sources_list(
    ctx: typer.Context,
    sources_file: SourcesFileOpt = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
    config: ConfigOpt = None,
) -> None:
    """Show every configured source.

    Example: hzhk sources list --format csv
    """
    sources = load_sources_for(settings_for(ctx, None, config), sources_file)
    columns = [
        "id", "name", "kind", "lang", "publisher", "official", "enabled", "every_min",
        "url or query",
    ]  # fmt: skip
    rows = [
        (
            s.id,
            s.name,
            s.kind,
            s.effective_language,
            s.publisher,
            s.official,
            s.enabled,
            s.poll_interval_minutes,
            s.url or s.query,
        )
        for s in sources
    ]
    render(columns, rows, fmt, console)


@sources_app.command("check")
def sources_check(
    ctx: typer.Context,
    source_ids: SourceIdsOpt = None,
    sources_file: SourcesFileOpt = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
    config: ConfigOpt = None,
) -> None:
    """Fetch and parse each enabled source once and show how it answered; stores nothing.

    Exits 0 even when some sources fail: the table is the report.
    Example: hzhk sources check --source rthk-en-greaterchina
    """
    import asyncio

    from config.source_list import select_sources
    from flows.discover import check_sources
    from flows.http.fetcher import Fetcher

    settings = settings_for(ctx, None, config)
    try:
        chosen = select_sources(load_sources_for(settings, sources_file), source_ids)
    except ConfigError as exc:
        raise fail(str(exc)) from exc

    async def check() -> list[SourceCheck]:
        async with Fetcher(settings.fetch, settings.allow_hosts) as fetcher:
            return await check_sources(fetcher, chosen)

    checks = asyncio.run(check())
    columns = ["source", "outcome", "status", "links", "ms", "error"]
    rows = [
        (c.source_id, c.outcome, c.status, c.links, round(c.elapsed_ms), c.error) for c in checks
    ]
    render(columns, rows, fmt, console)
    failed = sum(1 for c in checks if c.outcome != "ok")
    if fmt is OutputFormat.table:
        console.print(f"{len(checks) - failed} ok, {failed} failed")


def run_ingest(
    settings: Settings,
    sources_file: Path | None,
    source_ids: list[str] | None,
    *,
    force: bool = False,
) -> IngestReport:
    """Run the Prefect `ingest` flow; Prefect's environment is set before it is imported."""
    import asyncio

    from flows.prefect_env import configure_prefect

    configure_prefect(settings)
    from flows.ingest import ingest

    return asyncio.run(
        ingest(settings=settings, sources_file=sources_file, source_ids=source_ids, force=force)
    )


PROBLEMS_SHOWN = 30  # the rest are in v_ingest_errors


def print_ingest_report(report: IngestReport) -> None:
    """The counts, then one line per failure (cut to the terminal's width): which source, which
    stage, what went wrong; and plainly so when no source could be reached at all."""
    console.print(f"ingest run {report.run_id}: {report.status}")
    render(["count", "value"], sorted(report.counts.as_dict().items()), OutputFormat.table, console)
    for p in report.problems[:PROBLEMS_SHOWN]:
        where = f" {p.url}" if p.url and p.stage != "discover" else ""
        line = f"✗ {p.source_id or '-'} [{p.stage}] {p.error_class or ''}: {p.error}{where}"
        text = " ".join(line.split())
        if console.is_terminal:  # one screen line each; to a file or a pipe, the whole line
            console.print(text, overflow="ellipsis", no_wrap=True, style="yellow")
        else:
            console.print(text, soft_wrap=True)
    if len(report.problems) > PROBLEMS_SHOWN:
        more = len(report.problems) - PROBLEMS_SHOWN
        console.print(f'... and {more} more: hzhk sql "select * from v_ingest_errors"')
    counts = report.counts
    if counts.sources and counts.sources_failed == counts.sources:
        console.print(
            f"no source could be reached ({counts.sources} tried): offline? What the warehouse "
            "already holds is tracked and digested as usual.",
            soft_wrap=True,
        )


@app.command("ingest")
def ingest_command(
    ctx: typer.Context,
    source_ids: SourceIdsOpt = None,
    sources_file: SourcesFileOpt = None,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
    force: Annotated[
        bool, typer.Option("--force", help="Poll every enabled source, due or not.")
    ] = False,
) -> None:
    """Discover, fetch, parse and store the enabled sources that are due (or the named ones).

    A source is due when its poll_interval_minutes have passed since its feed last answered.
    Failing sources and pages are reported and recorded (v_ingest_errors, v_fetches); the run
    goes on without them and exits 0.
    Example: hzhk ingest --source infogovhk-press-en
    """
    from config.source_list import select_sources
    from warehouse.db import WarehouseError

    settings = settings_for(ctx, warehouse, config, data_dir)
    try:
        select_sources(load_sources_for(settings, sources_file), source_ids)
        report = run_ingest(settings, sources_file, source_ids, force=force)
    except (ConfigError, WarehouseError) as exc:
        raise fail(str(exc)) from exc
    print_ingest_report(report)


@app.command("fetch")
def fetch_command(
    ctx: typer.Context,
    url: Annotated[str, typer.Argument(help="The URL to fetch.")],
    source: Annotated[str | None, typer.Option("--source", "-s", help="Source id to log.")] = None,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Fetch one URL politely (guard, robots.txt, retries, charset) and archive it.

    Example: hzhk fetch https://www.news.gov.hk/eng/index.html
    """
    from flows.http.single import fetch_and_store
    from warehouse.db import WarehouseError

    settings = settings_for(ctx, warehouse, config, data_dir)
    try:
        stored = fetch_and_store(settings, url, source_id=source)
    except WarehouseError as exc:
        raise fail(str(exc)) from exc
    except OSError as exc:  # the archive folder could not be written
        raise fail(f"could not store the page: {exc}") from exc
    result = stored.result
    if not result.ok and result.outcome != "not_modified":
        raise fail(f"{result.outcome}: {result.error or result.error_class}")
    charset = result.decoded.charset if result.decoded else "-"
    size = len(result.body) if result.body is not None else 0
    typer.echo(f"status: {result.status} ({result.outcome})")
    typer.echo(f"final url: {result.final_url}")
    typer.echo(f"charset: {charset}  bytes: {size}")
    typer.echo(f"archive key: {stored.archive_key or '-'}")


archive_app = typer.Typer(help="Read the raw page archive (no network).", no_args_is_help=True)
app.add_typer(archive_app, name="archive")


@archive_app.command("show")
def archive_show(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="sha256 (or 8+ char prefix), archive key or URL.")],
    meta_only: Annotated[bool, typer.Option("--meta", help="Only the metadata.")] = False,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Print a stored page (metadata, then its decoded text) from the archive.

    Example: hzhk archive show https://www.news.gov.hk/eng/index.html --meta
    """
    from flows.http.fetcher import is_text
    from parsers.charset import decode_html
    from warehouse.archive import ArchiveError, read_body
    from warehouse.db import WarehouseError, connect

    settings = settings_for(ctx, warehouse, config, data_dir)
    try:
        con = connect(settings.warehouse_path, read_only=True, timezone=settings.timezone)
        try:
            page = read_body(con, settings.data_path / "archive", key)
        finally:
            con.close()
    except (ArchiveError, WarehouseError) as exc:
        raise fail(str(exc)) from exc
    if page is None:
        raise fail(f"nothing archived for {key}")
    for label, value in (
        ("sha256", page.content_sha256),
        ("url", page.url),
        ("final url", page.final_url),
        ("fetched at", page.fetched_at.isoformat()),
        ("status", page.status),
        ("content type", page.content_type),
        ("charset", page.charset),
        ("bytes", f"{page.size} ({page.stored_size} stored)"),
        ("archive key", page.archive_key),
    ):
        typer.echo(f"{label}: {value}")
    if meta_only:
        return
    typer.echo()
    if is_text(page.content_type):
        typer.echo(decode_html(page.body, page.content_type).text)
    else:
        typer.echo(f"({page.content_type} body of {page.size} bytes; not text)")


class RecordFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"


@app.command("extract")
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


def run_track(settings: Settings, since: datetime | None) -> TrackReport:
    """Run the Prefect `track` flow; Prefect's environment is set before it is imported."""
    from flows.prefect_env import configure_prefect

    configure_prefect(settings)
    from flows.track import track

    return track(settings=settings, since=since.date() if since else None)


def print_track_report(report: TrackReport) -> None:
    console.print(f"track run {report.run_id}: {report.status}")
    render(["count", "value"], sorted(report.counts.as_dict().items()), OutputFormat.table, console)


@app.command("track")
def track_command(
    ctx: typer.Context,
    since: Annotated[
        datetime | None,
        typer.Option(
            "--since",
            formats=["%Y-%m-%d"],
            help="Re-track every article published on or after this day (default: only new "
            "or changed articles).",
        ),
    ] = None,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Score relevance, extract facts, link near-duplicates and group articles into events.

    Idempotent: tracking the same articles again gives the same events and ids.
    Example: hzhk track --since 2019-06-01
    """
    from warehouse.db import WarehouseError

    settings = settings_for(ctx, warehouse, config, data_dir)
    try:
        report = run_track(settings, since)
    except (WarehouseError, ConfigError) as exc:
        raise fail(str(exc)) from exc
    print_track_report(report)


def run_digest(
    settings: Settings,
    *,
    week: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    all_weeks: bool = False,
    out: Path | None = None,
    demo: bool = False,
) -> DigestReport:
    """Run the Prefect `digest` flow; Prefect's environment is set before it is imported."""
    from flows.prefect_env import configure_prefect

    configure_prefect(settings)
    from flows.digest import digest

    return digest(
        settings=settings,
        week=week,
        start=start.date() if start else None,
        end=end.date() if end else None,
        all_weeks=all_weeks,
        out=out,
        demo=demo,
    )


def print_digest_report(report: DigestReport) -> None:
    """One line per digest (its HTML; the .md and .json sit beside it), then index and feed."""
    for period, _md, html, _json in report.written:
        console.print(f"{period}: {html}", soft_wrap=True)
    if report.written:
        console.print("(each with its .md and .json beside it)", style="dim")
    console.print(f"index: {report.index}", soft_wrap=True)
    console.print(f"feed:  {report.feed}", soft_wrap=True)


@app.command("digest")
def digest_command(
    ctx: typer.Context,
    week: Annotated[
        str | None,
        typer.Option(
            "--week", help="An ISO week, e.g. 2019-W25 (default: the last complete week)."
        ),
    ] = None,
    start: Annotated[
        datetime | None,
        typer.Option("--from", formats=["%Y-%m-%d"], help="First day of a span (with --to)."),
    ] = None,
    end: Annotated[
        datetime | None,
        typer.Option("--to", formats=["%Y-%m-%d"], help="Last day of a span (with --from)."),
    ] = None,
    all_weeks: Annotated[
        bool, typer.Option("--all", help="Every ISO week with relevant coverage.")
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option("--out", file_okay=False, help="Reports folder (default from settings)."),
    ] = None,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """Write weekly digests (Markdown, HTML, JSON) and refresh the reports' index and feed.

    Writes reports/<year>/<year>-W<week>.{md,html,json}, reports/index.html and reports/feed.xml,
    and records each digest in v_digests.
    Example: hzhk digest --week 2019-W25
    """
    from warehouse.db import WarehouseError

    settings = settings_for(ctx, warehouse, config, data_dir)
    chosen = [week is not None, start is not None or end is not None, all_weeks]
    if sum(chosen) > 1:
        raise fail("choose one of --week, --from/--to and --all")
    if (start is None) != (end is None):
        raise fail("--from and --to go together")
    try:
        report = run_digest(settings, week=week, start=start, end=end, all_weeks=all_weeks, out=out)
    except (ConfigError, WarehouseError, ValueError) as exc:
        raise fail(str(exc)) from exc
    print_digest_report(report)


DEMO_QUERIES = (
    "select event_date, title, place, article_count, outlet_count from v_events order by 1",
    "select measure, as_of, value, unit, source from v_measures order by measure, as_of",
    "select period, path_html from v_digests order by period",
)


@app.command("demo")
def demo_command(
    ctx: typer.Context,
    out: Annotated[
        Path,
        typer.Option("--out", file_okay=False, help="Folder for the demo's warehouse and reports."),
    ] = Path("data/demo"),
    config: ConfigOpt = None,
) -> None:
    """Run the whole pipeline offline over the bundled demo corpus and write its digests.

    The demo corpus (written by us, modelled on real coverage of five Hangzhou-Hong Kong
    happenings, 2018-2025) is served on 127.0.0.1 and fetched through the real path; ingest,
    track and digest run into OUT/warehouse.duckdb and OUT/reports. Needs no internet.
    Example: hzhk demo --out /tmp/hzhk-demo
    """
    from flows.demo import run_demo
    from warehouse.db import WarehouseError

    settings = settings_for(ctx, None, config)
    console.print(f"demo: serving the bundled corpus on 127.0.0.1, writing to {out.resolve()}")
    try:
        report = run_demo(settings, out)
    except (ConfigError, WarehouseError) as exc:
        raise fail(str(exc)) from exc
    i, t = report.ingest.counts, report.track.counts
    console.print(
        f"ingest: {i.sources} sources, {i.pages_fetched} pages fetched, {i.articles_new} new "
        f"articles, {i.headlines_new} headlines, {i.sources_failed} sources failed"
    )
    console.print(
        f"track: {t.articles} articles, {t.relevant} relevant, {t.duplicates} copies linked, "
        f"{t.events_total} events"
    )
    print_digest_report(report.digest)
    console.print(f"\nopen {report.digest.index} in a browser, or try:")
    for query in DEMO_QUERIES:
        console.print(f'  hzhk sql -w {report.warehouse} "{query}"', soft_wrap=True)


@app.command("run")
def run(
    ctx: typer.Context,
    warehouse: WarehouseOpt = None,
    config: ConfigOpt = None,
    data_dir: DataDirOpt = None,
) -> None:
    """The main job: migrate and seed the warehouse, ingest the enabled sources that are due,
    track, write the last complete week's digest, show the warehouse's status.

    Offline, every source fails (one line each, recorded in v_ingest_errors) and the digest is
    written from what the warehouse already holds.
    Example: hzhk run
    """
    from warehouse.db import WarehouseError, connect, open_warehouse, rebuild_search_index, status

    settings = settings_for(ctx, warehouse, config, data_dir)
    try:
        open_warehouse(settings.warehouse_path).close()
        print_ingest_report(run_ingest(settings, None, None))
        print_track_report(run_track(settings, None))
        print_digest_report(run_digest(settings))
        con = connect(settings.warehouse_path, timezone=settings.timezone)
    except (WarehouseError, ConfigError) as exc:
        raise fail(str(exc)) from exc
    try:
        rebuild_search_index(con)
        st = status(con, settings.warehouse_path)
    finally:
        con.close()
    print_status(st)


DEBUG_FLAG = "--debug"


def main() -> None:
    """The `hzhk` console script: a failure nothing else caught ends in one line and exit 1.

    Commands turn the failures they expect into one line themselves (`fail`); this catches the
    rest, so a person at the terminal never gets a traceback. `--debug` (anywhere on the line)
    or HZHK_DEBUG=1 shows it instead.
    """
    debug = DEBUG_FLAG in sys.argv[1:] or os.environ.get("HZHK_DEBUG", "") not in ("", "0")
    sys.argv = [sys.argv[0], *(a for a in sys.argv[1:] if a != DEBUG_FLAG)]
    try:
        app()
    except Exception as exc:
        if debug:
            raise
        errors.print(Text.assemble(("error: ", "bold red"), one_line(exc)), soft_wrap=True)
        errors.print(f"(run again with {DEBUG_FLAG} to see where it happened)", style="dim")
        sys.exit(1)


def one_line(exc: BaseException) -> str:
    """The exception as one line: its class and first line; an exception group by its first
    member, as what a person needs is the cause, not the task group that carried it."""
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        exc = exc.exceptions[0]
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


if __name__ == "__main__":
    main()
