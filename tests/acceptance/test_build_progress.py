"""`catalogue build` on a terminal shows how far it is (MkDocs converting the pages, then
rendering the theme around them); in a pipe or in CI it prints no progress at all.
The catalogue is a small FICTIONAL one from `catalogue synth`, large enough for progress lines."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795651200"}
ENV.pop("CI", None)


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory):
    root = tmp_path_factory.mktemp("progress") / "catalogue"
    subprocess.run([sys.executable, "-m", "generator", "synth", "--patterns", "220", "--organisations", "20",
                    "--out", str(root)], check=True, env=ENV, capture_output=True)
    return root


def read_all(fd: int) -> str:
    chunks = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:  # the other end closed: Linux reports EIO
            break
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_terminal_sees_each_stage_counted_to_the_end(catalogue, tmp_path):
    leader, follower = os.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "generator", "build", "--root", str(catalogue),
                             "--site-dir", str(tmp_path / "site")],
                            stdin=subprocess.DEVNULL, stdout=follower, stderr=follower, close_fds=True, env=ENV)
    os.close(follower)
    try:
        screen = read_all(leader)
        assert proc.wait(timeout=300) == 0, screen
    finally:
        os.close(leader)
    finals = {m.group(1): (m.group(2), m.group(3)) for m in
              re.finditer(r"(converted pages|rendered pages) ([\d,]+)/([\d,]+)", screen)}
    assert set(finals) == {"converted pages", "rendered pages"}, screen[-2000:]
    for stage, (done, total) in finals.items():
        assert done == total and int(total.replace(",", "")) > 220, (stage, done, total)
    assert screen.index("converted pages") < screen.index("rendered pages")


def test_a_pipe_gets_no_progress(catalogue, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(catalogue),
                           "--site-dir", str(tmp_path / "site")], env=ENV, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "site" / "pagefind" / "pagefind-entry.json").is_file()
    assert "pages" not in proc.stdout + proc.stderr and "\r" not in proc.stderr
