"""Benchmarks, the preview: `catalogue serve` on a catalogue, a change saved to one pattern, and
the time until the server sends the updated pattern page (polled every 50 ms over HTTP, as a
browser reloading the page would fetch it), then until the search index served has changed; with
the machine's load average over the last minute at the end, since a shared machine's load moves
every figure."""

from __future__ import annotations

import json
import os
import shutil
import socket
import statistics
import subprocess
import time
import urllib.request
from pathlib import Path

import yaml

POLL = 0.05
TIMEOUT = 900


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read()
    except OSError:
        return None


def _wait(test, what: str) -> float:
    start = time.perf_counter()
    while not test():
        if time.perf_counter() - start > TIMEOUT:
            raise RuntimeError(f"timed out waiting for {what}")
        time.sleep(POLL)
    return time.perf_counter() - start


def _index_state(bundle: str) -> bytes | None:
    """Every shard's entry file together: the edited page is in one shard, whose entry (it names
    its metadata by a hash of it) changes when that shard is written again."""
    listing = _get(bundle + "catalogue-shards.json")
    if listing is None:
        return None
    parts = [_get(bundle + folder + "pagefind-entry.json") for folder in ["", *json.loads(listing)]]
    return None if None in parts else b"\n".join(parts)


def measure_preview(root: Path, full_s: float, bin_dir: Path, env: dict, edits: int = 3) -> dict:
    """Start the server on a copy of `root`, then edit one pattern's summary `edits` times."""
    copy = root.parent / (root.name + "-preview")
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(root, copy)
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen([str(bin_dir / "catalogue"), "serve", "--root", str(copy), "--dev-addr", f"127.0.0.1:{port}"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        start_s = _wait(lambda: _get(base) is not None, "the first page")
        target = sorted((copy / "patterns").glob("*.yaml"))[0]
        page = f"{base}patterns/{target.stem}/"
        bundle = f"{base}pagefind/"
        shown, indexed = [], []
        for n in range(edits):
            data = yaml.safe_load(target.read_text(encoding="utf-8"))
            word = f"benchmarkedit{n}x"
            data["summary"] = f"{data['summary'].rstrip('.')} {word}."
            text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
            before = _index_state(bundle)
            saved = time.perf_counter()
            target.write_text(text, encoding="utf-8")
            _wait(lambda: word.encode() in (_get(page) or b""), "the edited page")
            shown.append(time.perf_counter() - saved)
            _wait(lambda: (_index_state(bundle) or before) != before, "the search index")
            indexed.append(time.perf_counter() - saved)
    finally:
        server.terminate()
        server.wait(timeout=60)
    return {"full_s": full_s, "start_s": start_s, "edit_s": statistics.median(shown),
            "edit_runs": shown, "index_s": statistics.median(indexed), "load": os.getloadavg()[0]}
