"""A run's start-up objects set apart from Python's cyclic garbage collector.

By the time a flow starts, its process holds ~140,000 long-lived objects (Prefect, pydantic,
httpx, the parsers' modules). The collector scans the older generations again and again while a
run allocates. Measured when parsing built a BeautifulSoup tree per page (~100,000 objects per
150 pages, webs of parent/child cycles that only the collector frees), on the ingest benchmark's
pages in such a process: 17.9 ms a page, 14.9 ms once the start-up objects were frozen
(`gc.freeze`: they stay alive and reference-counted, they are only no longer scanned). Parsers
now read lxml's tree, which is not Python objects, but a run still allocates Prefect's and
pydantic's objects by the thousand per task. What the run itself allocates is collected as
before.
"""

from __future__ import annotations

import gc

_frozen = False


def set_apart_start_up() -> None:
    """Freeze what exists; once per process (a pipeline's subflows, a served deployment's later
    runs: what they add is the run's, and stays collectable). No collection first: it cost
    77 ms of a flow's start-up and found 663 unreachable objects (measured after importing the
    flows), which freezing keeps for the process's life."""
    global _frozen
    if _frozen:
        return
    gc.freeze()
    _frozen = True
