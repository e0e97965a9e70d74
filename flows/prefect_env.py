"""Prefect's environment, set before Prefect is imported (it reads its settings at import time).

Without `PREFECT_API_URL` Prefect starts a temporary local server whose database lives under
`PREFECT_HOME`: keep that inside the project's data folder, not the user's home. Telemetry is
off (server and client) because the machine may be offline (it only fills the logs with errors
there). The temporary server takes 8-18 s to start here, longer on a fresh PREFECT_HOME or busy
cores, so it is given more than Prefect's default 20 s before a run gives up.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from config.settings import Settings


def configure_prefect(settings: Settings) -> None:
    """Fill in what the user has not set; never override an explicit environment variable."""
    if "PREFECT_HOME" not in os.environ:
        home = settings.data_path / "prefect"
        home.mkdir(parents=True, exist_ok=True)  # Prefect creates only the last level itself
        os.environ["PREFECT_HOME"] = str(home)
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # Prefect's client-side telemetry (3.9 sends a first-run event from a terminal) honours the
    # DO_NOT_TRACK convention; a news tracker run by someone else's schedule sends nothing home.
    os.environ.setdefault("DO_NOT_TRACK", "1")
    # The terminal gets the command's own summary (one line per failure); Prefect's INFO lines
    # would say each thing twice. Only its console handler is quieted: the API (and so the UI)
    # still records every log of a run.
    os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")


@contextmanager
def one_off_run() -> Iterator[None]:
    """A flow run from the command line: without Prefect's flow-run heartbeats.

    Prefect 3.9 beats every 180 s from a thread that sleeps in 1-second steps, and a sync flow
    waits for that thread when it ends: 0.8 s of a `hzhk track` with nothing to do (2.8 s in
    all, against a running server; cProfile). A heartbeat only tells a server automation that a
    long run is still alive; a command's run is watched by the person who started it, and its
    crash is recorded by the run lock and the `runs` table. `hzhk serve`'s scheduled runs keep
    Prefect's heartbeats. Call after `configure_prefect`: this imports Prefect.
    """
    from prefect.context import SettingsContext, get_settings_context

    # What `prefect.settings.temporary_settings` does, with a copy that is not validated again
    # (its copy read the environment once more: 0.1 s); one nested value changes.
    context = get_settings_context()
    settings = context.settings
    beatless = settings.flows.model_copy(update={"heartbeat_frequency": None})
    with SettingsContext(
        profile=context.profile, settings=settings.model_copy(update={"flows": beatless})
    ):
        yield
