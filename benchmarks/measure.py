"""Benchmarks, measuring: run a command several times and keep the median wall time and the
child's own peak memory (from wait4, so other processes never count)."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from dataclasses import dataclass


@dataclass
class Timing:
    seconds: float      # median wall time
    runs: list[float]
    peak_mb: float      # largest peak resident memory of one process over the runs
    cpu: float = 0.0    # median CPU time (user and system) of the command and what it waited for

    def __str__(self) -> str:
        return f"{self.seconds:.2f} s"


def run_once(cmd: list[str], cwd=None, env=None) -> tuple[float, float, float]:
    """Wall seconds, peak resident MB and CPU seconds of one run; fails loudly if the command fails."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {code}:\n{stderr[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], repeat: int, cwd=None, env=None) -> Timing:
    """Median of `repeat` runs (after one untimed warm-up, so disk caches are equally warm)."""
    run_once(cmd, cwd, env)
    results = [run_once(cmd, cwd, env) for _ in range(repeat)]
    runs = [r[0] for r in results]
    return Timing(statistics.median(runs), runs, max(r[1] for r in results), statistics.median(r[2] for r in results))


def ratio(a: Timing | float, b: Timing | float) -> float:
    a = a.seconds if isinstance(a, Timing) else a
    b = b.seconds if isinstance(b, Timing) else b
    return a / b
