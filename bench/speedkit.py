"""What the scale-and-speed benchmarks share: worker processes, peak RSS, a Prefect server, the
machine's load, and the tables they print.

Every run that is measured for memory runs in a process of its own (`run_worker`): peak RSS is
a high-water mark for the life of a process, so only a fresh process says what one run needed.
It is read as the process's own memory's high-water mark (`VmHWM`), not `ru_maxrss`: Linux
carries `ru_maxrss` over from the parent into a child started by (v)fork and exec, so a worker
started by a benchmark that had grown to 560 MB storing articles reported 560 MB before doing
anything (issue 13's tracking peaks, measured that way until then, grew with the warehouse the
parent had stored, not with the run). A worker prints one JSON line, prefixed `RESULT `, as its
last line of output.

Other engineers use this machine (2 cores) while benchmarks run, so each table also says what the
load average was, and figures measured more than once are given as median with their spread.
"""

from __future__ import annotations

import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
RESULT = "RESULT "


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MB: `VmHWM` of /proc/self/status, the
    high-water mark of this process's own memory since it started (or exec'd); `ru_maxrss`
    where there is no /proc (it may include the parent's peak: see the module's docstring)."""
    try:
        status = Path("/proc/self/status").read_text("ascii").splitlines()
    except OSError:
        status = []
    for line in status:
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024  # kB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_peak_rss_mb() -> float:
    """The largest peak RSS of this process's finished child processes (a pool's workers), in
    MB: `ru_maxrss` of RUSAGE_CHILDREN is the maximum over them, not their sum. A forked worker
    starts with its parent's pages, so this counts those too (an upper bound)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def load() -> str:
    """The 1-, 5- and 15-minute load averages, e.g. "1.52 1.80 2.10 (2 cores)"."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} cores)"


def report(result: Mapping[str, Any]) -> None:
    """A worker's last line: its result, for the parent to read."""
    print(RESULT + json.dumps(result, default=str), flush=True)


def run_worker(
    module: str, args: Sequence[str], env: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Run `python -m module args` in a fresh process; its `RESULT` line, with `wall_s` (the
    whole process, interpreter start-up and imports included)."""
    started = time.perf_counter()
    done = subprocess.run(
        [PYTHON, "-m", module, *args],
        cwd=PROJECT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    lines = [line for line in done.stdout.splitlines() if line.startswith(RESULT)]
    if done.returncode != 0 or not lines:
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-30:])
        raise RuntimeError(f"{module} {' '.join(args)} failed ({done.returncode}):\n{tail}")
    result: dict[str, Any] = json.loads(lines[-1][len(RESULT) :])
    result["wall_s"] = wall
    return result


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def prefect_env(home: Path) -> dict[str, str]:
    """Prefect's environment for a benchmark: its own home, no telemetry, quiet console."""
    return {
        "PREFECT_HOME": str(home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "WARNING",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    }


@contextmanager
def prefect_server() -> Iterator[tuple[str, float]]:
    """A real `prefect server start` on a free loopback port, with its state in a temporary
    PREFECT_HOME; yields its API URL and the seconds it took to answer its health check."""
    with tempfile.TemporaryDirectory(prefix="bench-prefect-") as home:
        port = free_port()
        env = {**os.environ, **prefect_env(Path(home))}
        env.pop("PREFECT_API_URL", None)
        started = time.perf_counter()
        process = subprocess.Popen(
            [
                str(Path(PYTHON).parent / "prefect"),
                "server",
                "start",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        api = f"http://127.0.0.1:{port}/api"
        try:
            while True:
                if process.poll() is not None:
                    raise RuntimeError("prefect server start exited before answering")
                try:
                    if httpx.get(f"{api}/health", timeout=2.0).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.perf_counter() - started > 180:
                    raise RuntimeError("prefect server did not answer within 180 s")
                time.sleep(0.25)
            yield api, time.perf_counter() - started
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def spread(values: Sequence[float]) -> tuple[float, float, float]:
    """Median, minimum and maximum."""
    return statistics.median(values), min(values), max(values)


def quantiles(values: Sequence[float]) -> tuple[float, float, float]:
    """10th percentile, median and 90th percentile (the median alone for fewer than 3 values)."""
    if len(values) < 3:
        middle = statistics.median(values)
        return middle, middle, middle
    deciles = statistics.quantiles(values, n=10, method="inclusive")
    return deciles[0], statistics.median(values), deciles[-1]


def fmt_spread(values: Sequence[float], digits: int = 2) -> str:
    """`median [min–max]` of repeated measurements."""
    if not values:
        return "-"
    middle, low, high = spread(values)
    if len(values) == 1:
        return f"{middle:.{digits}f}"
    return f"{middle:.{digits}f} [{low:.{digits}f}–{high:.{digits}f}]"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table (it reads in a terminal and pastes into docs/benchmarks.md)."""
    cells = [[str(h) for h in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"

    rule = "| " + " | ".join("-" * w for w in widths) + " |"
    return "\n".join([line(cells[0]), rule, *(line(r) for r in cells[1:])])


def verdict(value: float, target: float, *, at_most: bool = True) -> str:
    """`ok` or `MISSED (x1.8)`: how far a figure is from its target."""
    met = value <= target if at_most else value >= target
    if met:
        return "ok"
    factor = value / target if at_most else (target / value if value else float("inf"))
    return f"MISSED (x{factor:.1f})"


# Where a thread waits, not works: a profile of several threads counts each wait in full.
IDLE = (
    "_queue.SimpleQueue' objects>",
    "select.epoll' objects>",
    "_thread.lock' objects>",
    "selectors.py",
    "_contextvars.Context' objects>",
    "threading.py",
    "builtins.next>",
    "time.sleep>",
)


def top_costs(
    stats_file: Path, count: int = 15
) -> tuple[float, list[tuple[str, float, float, float]]]:
    """The profile's CPU seconds and its top cost centres by cumulative time: (function,
    cumulative s, share of the CPU seconds, own s). Functions of this benchmark, Prefect's
    engine wrappers around a task, the interpreter's own entries and the places where a thread
    only waits (a queue, a lock, the event loop's poll) are left out, so what remains says where
    the pipeline's code spends its time. The CPU seconds are the profiled own time of everything
    but those waits, summed over the run's threads (a profile of several threads)."""
    import pstats

    stats = pstats.Stats(str(stats_file))
    entries: dict[tuple[str, int, str], tuple[int, int, float, float, object]]
    entries = stats.stats  # type: ignore[attr-defined]
    skip = ("/bench/", "<frozen", "<string>", "{built-in method builtins.exec}")
    wrappers = ("prefect/", "asyncio/", "concurrent/", "contextvars", "anyio/")
    total = sum(
        own
        for (path, line, name), (_, _, own, _, _) in entries.items()
        if not any(i in f"{path}:{line}({name})" for i in IDLE)
    )
    rows = []
    for (path, line, name), (_, _, own, cumulative, _) in entries.items():
        where = f"{path}:{line}({name})"
        if any(s in where for s in skip + IDLE):
            continue
        if any(w in path for w in wrappers) and own < 0.02 * total:
            continue
        rows.append(
            (_short(path, line, name), cumulative, cumulative / total if total else 0.0, own)
        )
    rows.sort(key=lambda r: -r[1])
    return total, rows[:count]


def _short(path: str, line: int, name: str) -> str:
    if path == "~":
        return name
    for marker in ("site-packages/", str(PROJECT) + "/", "/lib/python3.11/"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    return f"{path}:{line} {name}"


def cost_table(stats_file: Path, count: int = 15) -> str:
    total, rows = top_costs(stats_file, count)
    lines = [(name, f"{cum:.2f}", f"{share:.0%}", f"{own:.2f}") for name, cum, share, own in rows]
    return f"profiled CPU {total:.2f} s (cProfile's own times, idle waits left out)\n" + table(
        ("function", "cumulative s", "share", "own s"), lines
    )
