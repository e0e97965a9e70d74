"""A run's start-up objects are frozen once per process; what the run allocates stays
collectable."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import gc
from flows.heap import set_apart_start_up
set_apart_start_up()
first = gc.get_freeze_count()
made = [[] for _ in range(1000)]
set_apart_start_up()
print(first > 0, gc.get_freeze_count() == first)
"""


def test_start_up_objects_are_frozen_once_and_later_ones_are_not() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["True", "True"]
