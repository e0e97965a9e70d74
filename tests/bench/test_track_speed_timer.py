"""The tracking benchmark counts a batch's articles as the flow passes them: wrapped `as_is`."""

from __future__ import annotations

from typing import Any

from bench.track_speed import StepTimer
from flows.prefect_args import as_is


def test_a_batch_passed_as_is_counts_its_articles() -> None:
    timer = StepTimer()

    def read(settings: Any, due: Any) -> None:
        return None

    timed = timer._outer("read_batch", read)
    timed(None, as_is(list(range(200))))
    timed(None, list(range(7)))
    assert [n for n, _ in timer.batches] == [200, 7]
