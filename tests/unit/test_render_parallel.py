"""render_site on several processes gives exactly the tree one process gives, and falls back to
rendering here when forking is not safe (another thread running, as under `mkdocs serve`): the
forked workers rely on inheriting the context, which spawn could not give them.

The parallel case runs in a fresh interpreter: in a whole test session, earlier tests leave
threads behind (the browser tests' site server, Playwright's), and with them forking is refused."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from generator.render import pages
from generator.render.context import build_context
from generator.synth import synth_catalogue
from generator.validate.catalogue import validate_catalogue

TODAY = dt.date(2026, 11, 26)  # the day the fictional catalogue is dated for
N_PATTERNS, N_ORGS = 350, 60  # together just over pages.PARALLEL_MIN, as more than one chunk

_render_chunk = pages._render_chunk
_pid_log = None  # the file chunk_spy writes to (set by the fixture; inherited by forked workers)


def chunk_spy(items):
    """pages._render_chunk, noting which process rendered each chunk (workers write to a file,
    as nothing else they change comes back)."""
    with open(_pid_log, "a", encoding="utf-8") as log:
        log.write(f"{os.getpid()}\n")
    return _render_chunk(items)


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("render-parallel") / "catalogue"
    synth_catalogue(path, N_PATTERNS, N_ORGS, seed=5, today=TODAY)
    return path


def context_of(root: Path):
    """A fictional catalogue's context, made as generator/publish/pipeline.py makes it."""
    return build_context(validate_catalogue(root, today=TODAY).catalogue, TODAY)


@pytest.fixture(scope="module")
def ctx(root):
    validation = validate_catalogue(root, today=TODAY)
    assert validation.result.success
    context = build_context(validation.catalogue, TODAY)
    assert len(context.patterns) + len(context.organisations) >= pages.PARALLEL_MIN
    assert len(context.patterns) + len(context.organisations) > pages.CHUNK
    return context


@pytest.fixture(scope="module")
def serial(ctx):
    return pages.render_site(ctx, jobs=1)


@pytest.fixture
def processes(tmp_path, monkeypatch):
    """Render with chunk_spy in place; returns the ids of the processes that rendered chunks."""
    log = tmp_path / "pids"
    log.touch()
    monkeypatch.setattr(sys.modules[__name__], "_pid_log", str(log))
    monkeypatch.setattr(pages, "_render_chunk", chunk_spy)
    return lambda: log.read_text(encoding="utf-8").split()


def test_serial_tree_has_every_page(ctx, serial):
    assert {v.page for v in ctx.patterns} | {o.page for o in ctx.organisations} <= set(serial)


# Run by test_parallel_equals_serial in a fresh interpreter (argv: catalogue root, pid log).
DRIVER = """
import json, os, sys
from pathlib import Path
sys.path.insert(0, os.path.dirname(sys.argv[3]))
import test_render_parallel as t
from generator import parallel
from generator.render import pages
t._pid_log = sys.argv[2]
ctx = t.context_of(Path(sys.argv[1]))
serial = pages.render_site(ctx, jobs=1)
pages._render_chunk = t.chunk_spy
forkable = parallel.can_fork()
tree = pages.render_site(ctx, jobs=2)
print(json.dumps({"forkable": forkable, "same_order": list(tree) == list(serial), "equal": tree == serial,
                  "pages": len(tree), "parent": os.getpid()}))
"""


def test_parallel_equals_serial(root, tmp_path):
    log = tmp_path / "pids"
    log.touch()
    proc = subprocess.run([sys.executable, "-c", DRIVER, str(root), str(log), __file__],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    outcome = json.loads(proc.stdout.strip().splitlines()[-1])
    assert outcome["forkable"], "the driver should be the only thread"
    assert outcome["same_order"] and outcome["equal"], outcome
    assert outcome["pages"] >= N_PATTERNS + N_ORGS
    pids = log.read_text(encoding="utf-8").split()
    assert len(pids) >= 2 and str(outcome["parent"]) not in pids, "the chunks were rendered in workers"


def test_with_another_thread_running_renders_here_and_agrees(ctx, serial, processes):
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        tree = pages.render_site(ctx, jobs=2)
    finally:
        stop.set()
        other.join()
    assert list(tree) == list(serial)
    assert tree == serial
    pids = processes()
    assert len(pids) >= 2 and set(pids) == {str(os.getpid())}, "forking is not safe: rendered here"
