"""Prefect's links from task results to their runs, let go once a batch is done with them.

When a task returns, Prefect links the value, and each item of a list (each field of a dataclass)
it returns, to the task run's state in the flow run's context (`FlowRunContext.run_results`,
keyed by `id()`). A later task given one of those values looks it up and records the earlier run
as its upstream. The links stay until the flow run ends. The track loop makes ~550 a batch of 200
articles (counted: the articles read, their assessments, the duplicate links, the events), and the
list of ids a run starts from one per id: a 90,000-article run held ~340,000 by its end. Let go
after each batch, that run's peak fell from 398 and 404 MB to 355 MB (issue 13, P4).

The track and ingest loops hand their values on `as_is` (flows/prefect_args.py), which Prefect does
not look inside, so a finished batch's links are never read again: dropping them after each batch
keeps the context at one batch's worth and loses nothing a task asks for.
"""

from __future__ import annotations

from prefect.context import FlowRunContext


def forget_task_results() -> None:
    """Drop the current flow run's links from task results to their states (see the module)."""
    context = FlowRunContext.get()
    if context is not None:
        context.run_results.clear()
