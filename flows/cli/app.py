"""The `hzhk` command itself: the app, the options every command shares, and the entry point.

Prefect and DuckDB are imported only inside the commands that use them, so `hzhk --help` stays
fast. `--warehouse`, `--config` and `--data-dir` are accepted both before the command
(`hzhk -w X db migrate`) and after it (`hzhk db migrate -w X`); the one after wins.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.text import Text

from config.errors import ConfigError
from config.settings import Settings, load_settings

if TYPE_CHECKING:
    from config.source_list import Source

    pass


app = typer.Typer(
    help="Track Hangzhou-Hong Kong cooperation news into a DuckDB warehouse.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


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


class TaskRunnerChoice(StrEnum):
    """`--task-runner`: the values of settings' `[compute] task_runner`."""

    auto = "auto"
    threads = "threads"
    processes = "processes"
    dask = "dask"


TaskRunnerOpt = Annotated[
    TaskRunnerChoice | None,
    typer.Option(
        "--task-runner",
        help="Where pages are parsed: settings' compute.task_runner (README: Scale).",
    ),
]


def with_task_runner(settings: Settings, task_runner: TaskRunnerChoice | None) -> Settings:
    """Settings with `--task-runner` in place of `[compute] task_runner`, when it is given."""
    if task_runner is None:
        return settings
    compute = settings.compute.model_validate(
        settings.compute.model_dump() | {"task_runner": task_runner.value}
    )
    return settings.model_copy(update={"compute": compute})


def load_sources_for(settings: Settings, sources_file: Path | None) -> list[Source]:
    from config.source_list import load_sources

    try:
        return load_sources(sources_file or settings.config_dir / "sources.toml")
    except ConfigError as exc:
        raise fail(str(exc)) from exc


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
