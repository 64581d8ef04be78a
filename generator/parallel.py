"""Parallel: run per-item work of large catalogues on every core, in worker processes.

Work is split into chunks, mapped in order, and the results come back in the same order, so a
parallel run gives exactly what a serial one gives (tests compare the two).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor


def can_fork() -> bool:
    """fork is the quickest start (workers inherit the parent's data), but unsafe once other
    threads run, as under `mkdocs serve` or once the search indexer is reading replies."""
    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def workers(jobs: int | None = None) -> int:
    """The cores this process may use (a container's share, not the whole machine's)."""
    if jobs:
        return jobs
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def process_map(fn, chunks: list, jobs: int | None = None, fork_only: bool = False):
    """fn over chunks, yielded in order: in worker processes when there is more than one core and
    more than one chunk, else here. With fork_only (work that relies on the parent's memory),
    it runs here whenever forking is not safe."""
    jobs = workers(jobs)
    forkable = can_fork()
    if jobs < 2 or len(chunks) < 2 or (fork_only and not forkable):
        yield from map(fn, chunks)
        return
    context = multiprocessing.get_context("fork" if forkable else "spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), mp_context=context) as pool:
        yield from pool.map(fn, chunks)
