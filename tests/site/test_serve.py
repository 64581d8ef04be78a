"""`catalogue serve` rebuilds the site when a pattern changes: a real MkDocs dev server on
127.0.0.1, a real edit, and the page fetched again."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

DEMO = Path(__file__).resolve().parents[1] / "fixtures" / "site" / "demo"  # fictional


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        page = fetch(url)
        if page is not None and text in page:
            return True
        time.sleep(0.5)
    return False


def test_serve_rebuilds_when_a_pattern_changes(tmp_path):
    root = tmp_path / "catalogue"
    shutil.copytree(DEMO, root)
    port = free_port()
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795651200", "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--root", str(root),
                             "--dev-addr", f"127.0.0.1:{port}"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # The demo's site_url ends in /catalogue/, and MkDocs serves the site under that path.
    url = f"http://127.0.0.1:{port}/catalogue/patterns/fictional-rota-app/"
    try:
        assert wait_for(url, "Self-service staff rota app", 90), "the dev server never served the page"
        path = root / "patterns" / "fictional-rota-app.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(
            "title: Self-service staff rota app", "title: Self-service staff rota app, renamed"), encoding="utf-8")
        assert wait_for(url, "Self-service staff rota app, renamed", 90), "no rebuild after the pattern changed"
        registry = root / "organisations.yaml"
        registry.write_text(registry.read_text(encoding="utf-8").replace(
            "Fictional Southholm Mental Health NHS Trust", "Fictional Southholm Health NHS Trust"), encoding="utf-8")
        assert wait_for(url, "Fictional Southholm Health NHS Trust", 90), "no rebuild after the registry changed"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        stderr = proc.stderr.read().decode("utf-8", "replace")
        proc.stderr.close()
    assert "Traceback" not in stderr, stderr
