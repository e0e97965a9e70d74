"""A stand-in for `forget_task_results` (flows/prefect_results.py) that counts what it drops."""

from __future__ import annotations

from collections.abc import Callable


def counting_forget() -> tuple[Callable[[], None], list[int]]:
    """A function to patch in for `forget_task_results`, and the list of how many links the flow
    run's context held at each call; each call still drops them, and checks they are gone."""
    from prefect.context import FlowRunContext

    from flows.prefect_results import forget_task_results

    held: list[int] = []

    def counted() -> None:
        context = FlowRunContext.get()
        assert context is not None
        held.append(len(context.run_results))
        forget_task_results()
        assert not context.run_results

    return counted, held
