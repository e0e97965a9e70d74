"""Task arguments Prefect should pass along without looking inside.

Before a task runs, Prefect walks every argument, into every list, dict and dataclass, looking for
futures and states to resolve (`visit_collection`). A batch of fetched pages is thousands of
objects deep: in issue 13's profile of a 2,000-page ingest that walk cost 5.4 s. Prefect's
`quote` marks an argument as final, and the task receives the value itself; `as_is` is `quote`
typed as the value it wraps, which is what the task sees.
"""

from __future__ import annotations

from typing import TypeVar, cast

from prefect.utilities.annotations import quote

T = TypeVar("T")


def as_is(value: T) -> T:
    """`value`, marked for Prefect as holding no futures to resolve (see the module's doc)."""
    return cast(T, quote(value))
