"""Unit tests for generator/plugin/preview.py's handling of Python's collector under `catalogue
serve`: after each build it runs once, a moment later, rather than during the next rebuild; a
reset (a failed build, the end of the session) gives the collector back its usual schedule."""

from __future__ import annotations

import gc
import threading

from generator.plugin import preview as preview_module
from generator.plugin.preview import Preview


def test_the_collector_runs_after_a_build_and_not_during_the_next(tmp_path, monkeypatch):
    monkeypatch.setattr(preview_module, "COLLECT_AFTER", 0.0)
    collected = threading.Event()
    real = gc.collect
    monkeypatch.setattr(gc, "collect", lambda *a: collected.set() or real(*a))
    preview = Preview()
    try:
        preview.finish([], str(tmp_path))
        assert not gc.isenabled()
        assert collected.wait(10)
    finally:
        preview.reset()
    assert gc.isenabled()
