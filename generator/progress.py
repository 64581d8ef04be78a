"""Report, progress: a one-line counter on a terminal for long runs, silent in CI and in pipes."""

from __future__ import annotations

import os
import sys


def progress_printer(label: str, minimum: int = 200, stream=None):
    """A callback `show(done, total)` that redraws `label done/total`, or None where nobody watches."""
    stream = stream or sys.stderr
    if os.environ.get("CI") or not stream.isatty():
        return None
    shown = {"percent": -1}

    def show(done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        if total < minimum or (percent == shown["percent"] and done != total):
            return
        shown["percent"] = percent
        print(f"\r{label} {done:,}/{total:,}", end="\n" if done == total else "", file=stream, flush=True)
    return show
