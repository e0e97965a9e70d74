"""Prefect's environment, set before Prefect is imported (it reads its settings at import time).

Without `PREFECT_API_URL` Prefect starts a temporary local server whose database lives under
`PREFECT_HOME`: keep that inside the project's data folder, not the user's home. Telemetry is
off (server and client) because the machine may be offline (it only fills the logs with errors
there). The temporary server takes 8-18 s to start here, longer on a fresh PREFECT_HOME or busy
cores, so it is given more than Prefect's default 20 s before a run gives up.
"""

from __future__ import annotations

import os

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
