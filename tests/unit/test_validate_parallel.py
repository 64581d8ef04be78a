"""Validation on several processes gives exactly what one process gives, with fork and with
spawn (used when other threads run, as under `mkdocs serve`)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from generator.validate import catalogue as validate
from generator.validate import perfile
from generator.synth import synth_catalogue

TODAY = dt.date(2026, 11, 26)  # the day the fictional catalogue is dated for


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """A fictional catalogue just over the parallel threshold, with two files broken on purpose."""
    root = tmp_path_factory.mktemp("parallel") / "catalogue"
    synth_catalogue(root, perfile.PARALLEL_MIN + 20, 40, seed=3, today=TODAY)
    files = sorted((root / "patterns").glob("*.yaml"))
    files[5].write_text(files[5].read_text(encoding="utf-8").replace("category:", "categry:"), encoding="utf-8")
    files[-3].write_text("id: [unclosed\n", encoding="utf-8")
    return root


def outcome(root, jobs):
    v = validate.validate_catalogue(root, today=TODAY, jobs=jobs)
    return v.result.sorted(), sorted(v.catalogue.patterns)


def test_parallel_equals_sequential(large):
    sequential = outcome(large, 1)
    assert any(p.rule == "schema-unknown-key" for p in sequential[0])
    assert any(p.rule == "yaml-syntax" for p in sequential[0])
    assert outcome(large, 2) == sequential


def test_parallel_with_another_thread_running_uses_spawn_and_agrees(large):
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert outcome(large, 2) == outcome(large, 1)
    finally:
        stop.set()
        other.join()
