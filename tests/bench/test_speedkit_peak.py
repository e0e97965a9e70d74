"""A worker's peak RSS is its own: not the peak of the process that started it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from bench.speedkit import PROJECT as PROJECT_ROOT
from bench.speedkit import peak_rss_mb
from bench.track_speed import StepTimer

PARENT = textwrap.dedent(
    """
    import subprocess, sys
    blob = bytearray(400 * 2**20)
    for i in range(0, len(blob), 4096):
        blob[i] = 1
    child = "from bench import speedkit; print(speedkit.peak_rss_mb())"
    print(subprocess.run([sys.executable, "-c", child], capture_output=True, text=True).stdout)
    """
)


def current_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text("ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def test_a_worker_started_by_a_400_mb_parent_reports_its_own_peak() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PARENT], capture_output=True, text=True, cwd=PROJECT_ROOT, check=True
    )
    assert float(out.stdout.strip()) < 200


def test_each_step_is_charged_with_what_it_added_to_the_peak() -> None:
    timer = StepTimer()
    held: list[bytearray] = []

    # Above the process's high-water mark so far (a long test session may have set one), so
    # the step raises the peak by at least 120 MB whatever ran before it.
    headroom = peak_rss_mb() - current_rss_mb()

    def load(settings: object, run_id: object) -> None:
        blob = bytearray(int((headroom + 120) * 2**20))
        for i in range(0, len(blob), 4096):
            blob[i] = 1
        held.append(blob)

    timer._outer("load_articles", load)(None, None)
    timer._outer("finish", lambda *args: None)(None)
    assert timer.peak_rise["load_articles"] >= 100
    assert timer.peak_rise["finish"] < 5
