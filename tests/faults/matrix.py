"""Running the fault cases and judging each one: shared by `python -m bench.faults` and
tests/faults/test_fault_matrix.py, so the table people read and the tests CI runs are one thing.

Ingest cases run together in one real `ingest` flow run (in this process: Prefect's start-up is
paid once), each behind its own loopback site and source, so one case's fault cannot reach
another's rows; a second run over the same sites checks that nothing stays broken. The caller
provides Prefect's API (the test harness, or a server).
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from tests.faults.cases import (
    UNSET,
    CliCase,
    IngestCase,
    Problem,
    RunCase,
    Stored,
    Workspace,
)
from tests.faults.server import Site

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEBUG_HINT = "(run again with --debug"

# Tight limits, so timeouts and retries cost seconds, not minutes; robots.txt and pacing as a
# real run has them. Every case is its own host:port, so per-host holds stay within a case.
FAULT_SETTINGS = """
warehouse = "data/warehouse.duckdb"
data_dir = "data"

[fetch]
per_host_interval_s = 0.0
max_concurrency = 16
max_retries = 1
backoff_base_s = 0.05
backoff_max_s = 0.1
retry_after_cap_s = 1.5
connect_timeout_s = 2.0
read_timeout_s = 1.5
total_timeout_s = 6.0
max_bytes = 2000000
max_redirects = 5
allow_hosts = ["127.0.0.1"]
"""


@dataclass(frozen=True)
class Verdict:
    """One row of the matrix: what was expected, what happened, and whether that was right."""

    case_id: str
    group: str
    expected: str
    observed: str
    handled: bool


@dataclass
class IngestRun:
    """The warehouse after one run (and a second) over every ingest case's site."""

    root: Path
    config: Path
    sources: Path
    warehouse: Path
    sites: dict[str, Site]
    report: Any = None  # flows.ingest.IngestReport
    second: Any = None
    error: str | None = None
    second_error: str | None = None
    seconds: float = 0.0
    checks: dict[str, tuple[bool, str]] = field(default_factory=dict)

    def close(self) -> None:
        for site in self.sites.values():
            site.close()


def hzhk_command() -> str:
    """The console script people run: the project's venv first, then PATH."""
    local = PROJECT_ROOT / ".venv" / "bin" / "hzhk"
    if local.exists():
        return str(local)
    beside = Path(sys.executable).parent / "hzhk"
    return str(beside) if beside.exists() else shutil.which("hzhk") or "hzhk"


def make_config(folder: Path, settings: str = FAULT_SETTINGS) -> Path:
    """A config folder: the project's term lists (tracking needs them) and the given settings."""
    folder.mkdir(parents=True, exist_ok=True)
    for toml in (PROJECT_ROOT / "config").glob("*.toml"):
        if toml.name not in ("settings.toml", "sources.toml"):
            shutil.copy(toml, folder / toml.name)
    (folder / "settings.toml").write_text(settings, "utf-8")
    return folder


def sources_toml(cases: Iterable[IngestCase], sites: dict[str, Site]) -> str:
    entries = []
    for case in cases:
        url = sites[case.id].url(case.feed_path)
        entries.append(
            f'[[source]]\nid = "{case.id}"\nname = "{case.id}"\nkind = "{case.kind}"\n'
            f'url = "{url}"\nlanguage = "en"\n{case.options}'
        )
    return "\n".join(entries)


def query(warehouse: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    from warehouse.db import connect

    con = connect(warehouse, read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def run_ingest(cases: Sequence[IngestCase], root: Path, *, second: bool = True) -> IngestRun:
    """Serve every case, run the real `ingest` flow over all their sources (twice, with
    `second`), then check the run as a whole. Needs Prefect's API to be up."""
    from config.settings import load_settings
    from flows.ingest import ingest

    root.mkdir(parents=True, exist_ok=True)
    sites: dict[str, Site] = {}
    for case in cases:
        site = Site()
        case.build(site)
        sites[case.id] = site
    config = make_config(root / "config")
    sources = root / "sources.toml"
    sources.write_text(sources_toml(cases, sites), "utf-8")
    run = IngestRun(root, config, sources, root / "data" / "warehouse.duckdb", sites)
    started = time.monotonic()

    def once() -> Any:
        settings = load_settings(config_dir=config, warehouse=run.warehouse)
        return asyncio.run(ingest(settings, sources_file=sources, force=True))

    try:
        run.report = once()
    except Exception as exc:
        run.error = f"{type(exc).__name__}: {exc}"
    if second and run.error is None:
        try:
            run.second = once()
        except Exception as exc:
            run.second_error = f"{type(exc).__name__}: {exc}"
    run.seconds = time.monotonic() - started
    return run


# --- judging ingest cases --------------------------------------------------------------------


def _short(text: object, size: int = 70) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= size else line[: size - 1] + "…"


def _error_matches(row: tuple[Any, ...], want: Problem, site: Site, feed_url: str) -> str | None:
    stage, error_class, error, url = row
    if stage != want.stage and not re.fullmatch(want.stage, str(stage)):
        return f"stage {stage} (wanted {want.stage})"
    if not re.fullmatch(want.error_class, str(error_class or "")):
        return f"error_class {error_class} (wanted {want.error_class})"
    if not error or not re.search(want.message, str(error), re.IGNORECASE):
        return f"message {_short(error, 60)!r} lacks /{want.message}/"
    wanted_url = feed_url if want.path is None else site.url(want.path)
    if url != wanted_url:
        return f"url {url} (wanted {wanted_url})"
    return None


def _article_matches(row: tuple[Any, ...] | None, want: Stored) -> str | None:
    if row is None:
        return f"{want.path} not stored"
    _, title, published, problems = row
    if want.title is not None and title != want.title:
        return f"{want.path} title {title!r} (wanted {want.title!r})"
    if want.published is not UNSET and want.published != UNSET:
        if want.published is None and published is not None:
            return f"{want.path} published_at {published} (wanted none)"
        if want.published is not None:
            expected = datetime.fromisoformat(want.published)
            if published is None or published != expected:
                return f"{want.path} published_at {published} (wanted {want.published})"
    if want.problem is not None and not any(re.search(want.problem, p) for p in (problems or [])):
        return f"{want.path} problems {problems} lack /{want.problem}/"
    return None


def judge_ingest(case: IngestCase, run: IngestRun) -> Verdict:
    """Exactly the expected error rows for this case's source, and its good articles stored."""

    def verdict(observed: str, handled: bool) -> Verdict:
        return Verdict(case.id, case.group, case.expected, observed, handled)

    if run.report is None or run.report.status != "completed":
        status = run.report.status if run.report is not None else run.error
        return verdict(f"the run did not complete: {status}", False)
    site = run.sites[case.id]
    errors = query(
        run.warehouse,
        "SELECT stage, error_class, error, url FROM v_ingest_errors"
        " WHERE run_id = ? AND source_id = ? ORDER BY occurred_at",
        run.report.run_id,
        case.id,
    )
    articles = query(
        run.warehouse,
        "SELECT url, title, published_at, problems FROM v_articles WHERE source_id = ?",
        case.id,
    )
    by_url = {row[0]: row for row in articles}
    wrong: list[str] = []
    if len(errors) != len(case.errors):
        rows = "; ".join(f"{s}/{c}: {_short(e, 50)}" for s, c, e, _ in errors)
        wrong.append(f"{len(errors)} error rows (wanted {len(case.errors)}): {rows}")
    else:
        feed_url = site.url(case.feed_path)
        for row, problem in zip(errors, case.errors, strict=True):
            if (why := _error_matches(row, problem, site, feed_url)) is not None:
                wrong.append(why)
    for stored in case.stored:
        if (why := _article_matches(by_url.get(site.url(stored.path)), stored)) is not None:
            wrong.append(why)
    asked = [path for path in case.not_requested if path in site.requests]
    if asked:
        wrong.append(f"asked for {', '.join(asked)}")
    extra = set(by_url) - {site.url(s.path) for s in case.stored}
    if extra:
        wrong.append(f"unexpected articles: {sorted(extra)}")
    summary = f"{len(errors)} error row{'s' if len(errors) != 1 else ''}"
    if errors:
        stage, error_class, error, _ = errors[0]
        summary += f" ({stage}/{error_class}: {_short(error, 48)})"
    summary += f"; {len(articles)}/{len(case.stored)} stored"
    if wrong:
        return verdict(f"{summary} — {'; '.join(wrong)}", False)
    return verdict(summary, True)


# --- judging the run as a whole --------------------------------------------------------------


def judge_run(case: RunCase, run: IngestRun) -> Verdict:
    def verdict(observed: str, handled: bool) -> Verdict:
        return Verdict(case.id, case.group, case.expected, observed, handled)

    if run.report is None:
        return verdict(f"the run did not complete: {run.error}", False)
    if case.name == "completed":
        status = query(run.warehouse, "SELECT status FROM runs WHERE run_id = ?", run.report.run_id)
        ok = run.report.status == "completed" and status == [("completed",)]
        return verdict(f"runs.status = {status[0][0] if status else None}", ok)
    if case.name == "no_duplicates":
        dup_ids, dup_urls = query(
            run.warehouse,
            "SELECT count(*) - count(DISTINCT article_id), count(*) - count(DISTINCT url)"
            " FROM articles",
        )[0]
        return verdict(f"{dup_ids} duplicate ids, {dup_urls} duplicate urls",
                       dup_ids == 0 and dup_urls == 0)  # fmt: skip
    if case.name == "second_run":
        if run.second is None:
            return verdict(f"second run failed: {run.second_error}", False)
        return verdict(f"second run {run.second.status}", run.second.status == "completed")
    if case.name == "track":
        return _track(run, verdict)
    return verdict(f"unknown check {case.name}", False)


def _track(run: IngestRun, verdict: Any) -> Verdict:
    """The `track` flow over the run's articles: D2 once made it fail on every run."""
    if "track" not in run.checks:
        from config.settings import load_settings
        from flows.track import track

        try:
            report = track(load_settings(config_dir=run.config, warehouse=run.warehouse))
            run.checks["track"] = (report.status == "completed", f"track {report.status}")
        except Exception as exc:
            run.checks["track"] = (False, f"track raised {type(exc).__name__}: {_short(exc)}")
    ok, observed = run.checks["track"]
    return verdict(observed, ok)  # type: ignore[no-any-return]


# --- CLI cases -------------------------------------------------------------------------------


def workspace(root: Path, filled: Path | None) -> Workspace:
    """A fresh folder with a config; the filled warehouse copied in when given."""
    root.mkdir(parents=True, exist_ok=True)
    config = make_config(root / "config")
    warehouse = root / "w.duckdb"
    if filled is not None and filled.exists():
        shutil.copy(filled, warehouse)
    return Workspace(root, config, warehouse)


def cli_env(extra: dict[str, str], root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HZHK_", "PREFECT_"))}
    env.update(PREFECT_HOME=str(root / "prefect"), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    env.update(extra)
    return env


def run_cli(case: CliCase, root: Path, filled: Path | None = None) -> Verdict:
    """Run `hzhk` for the case and judge: exit code, stderr lines, no traceback, nothing left."""

    def verdict(observed: str, handled: bool) -> Verdict:
        return Verdict(case.id, case.group, case.expected, observed, handled)

    if case.needs_run and (filled is None or not filled.exists()):
        return verdict("no filled warehouse: the ingest run failed", False)
    ws = workspace(root, filled if case.needs_run else None)
    try:
        if case.prepare is not None:
            case.prepare(ws)
        args = case.args(ws)
        try:
            done = subprocess.run(
                [hzhk_command(), *args],
                capture_output=True,
                text=True,
                errors="replace",
                env=cli_env(dict(case.env), ws.root),
                cwd=ws.root,
                timeout=case.timeout_s,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            return verdict(f"still running after {case.timeout_s:.0f} s", False)
    finally:
        for site in ws.sites.values():
            site.close()
    lines = [line for line in done.stderr.splitlines() if line.strip() and DEBUG_HINT not in line]
    wrong: list[str] = []
    if done.returncode != case.code:
        wrong.append(f"exit {done.returncode} (wanted {case.code})")
    if "Traceback" in done.stderr or "Traceback" in done.stdout:
        wrong.append("a traceback")
    if len(lines) != case.stderr_lines:
        wrong.append(f"{len(lines)} stderr lines (wanted {case.stderr_lines})")
    if case.stderr and not re.search(case.stderr, done.stderr, re.IGNORECASE):
        wrong.append(f"stderr lacks /{case.stderr}/")
    if case.stdout and not re.search(case.stdout, done.stdout, re.IGNORECASE):
        wrong.append(f"stdout lacks /{case.stdout}/: {_short(done.stdout, 80)!r}")
    left = [str(p) for p in case.absent(ws) if p.exists()]
    if left:
        wrong.append(f"created {', '.join(left)}")
    said = lines[0] if lines else (done.stdout.strip().splitlines() or [""])[-1]
    summary = f"exit {done.returncode}: {_short(said, 64)}"
    if wrong:
        return verdict(f"{summary} — {'; '.join(wrong)}", False)
    return verdict(summary, True)
