"""A contributor's whole path through the real CLI: scaffold a pattern, record two adoptions,
validate, build the site; plus `catalogue new` asking for what is missing in a terminal."""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

DEMO = Path(__file__).resolve().parents[1] / "fixtures" / "site" / "demo"  # fictional
DEMO_TODAY = dt.date(2026, 11, 26)  # the day the demo's dates are checked on


def copy_demo(tmp_path: Path) -> Path:
    root = tmp_path / "catalogue"
    shutil.copytree(DEMO, root)
    return root


def test_new_then_two_adoptions_then_validate_and_build(tmp_path, run_cli):
    run_cli = functools.partial(run_cli, today=DEMO_TODAY)
    root = copy_demo(tmp_path)
    new = run_cli("new", "fictional-discharge-checklist", "--title", "Shared discharge checklist",
                  "--category", "delivery", "--originator", "ZZ1", "--no-input", "--root", root)
    assert new.returncode == 0, new.stderr
    path = root / "patterns" / "fictional-discharge-checklist.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    # A hand-written comment that the round-trip edits must keep.
    path.write_text(text.replace("adoptions: []", "# Adoptions are recorded with `catalogue adopt`.\nadoptions: []"),
                    encoding="utf-8")

    first = run_cli("adopt", "fictional-discharge-checklist", "--org", "ZZ2", "--status", "in-use",
                    "--since", "2026-03-01", "--evidence", "https://example.org/zz2-discharge", "--root", root)
    second = run_cli("adopt", "fictional-discharge-checklist", "--org", "ZZ3", "--status", "piloting",
                     "--since", "2026-04-01", "--evidence", "https://example.org/zz3-discharge",
                     "--note", "Trying it on two wards.", "--root", root)
    assert (first.returncode, second.returncode) == (0, 0), first.stderr + second.stderr
    edited = path.read_text(encoding="utf-8")
    assert "# Adoptions are recorded with `catalogue adopt`." in edited
    assert edited.count("organisation: ZZ") == 2

    validate = run_cli("validate", "--root", root)
    assert validate.returncode == 0, validate.stdout
    assert "error" not in validate.stdout

    site = tmp_path / "site"
    build = run_cli("build", "--root", root, "--site-dir", site)
    assert build.returncode == 0, build.stderr
    page = (site / "patterns" / "fictional-discharge-checklist" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="pc-reuse-count">1</strong>', page)
    assert "1 piloting" in page
    assert "Fictional Eastmere Community NHS Trust" in page and "Fictional Westdale ICB" in page


def test_adopt_refuses_an_unknown_organisation_and_leaves_the_file(tmp_path, run_cli):
    root = copy_demo(tmp_path)
    path = root / "patterns" / "fictional-rota-app.yaml"
    before = path.read_bytes()
    proc = run_cli("adopt", "fictional-rota-app", "--org", "ZZ0", "--status", "exploring", "--root", root)
    assert proc.returncode == 2
    assert "ZZ0" in proc.stderr and "organisations.yaml" in proc.stderr
    assert path.read_bytes() == before


def test_adopt_rejects_a_malformed_date(tmp_path, run_cli):
    root = copy_demo(tmp_path)
    proc = run_cli("adopt", "fictional-rota-app", "--org", "ZZ6", "--status", "exploring",
                   "--since", "01/02/2026", "--root", root)
    assert proc.returncode == 2 and "YYYY-MM-DD" in proc.stderr


def read_until(fd: int, marker: str, timeout: float = 30) -> str:
    """Read from the terminal until `marker` appears."""
    seen, end = "", time.monotonic() + timeout
    while marker not in seen:
        assert time.monotonic() < end, f"waited for {marker!r}, saw {seen[-400:]!r}"
        try:
            chunk = os.read(fd, 4096).decode("utf-8", "replace")
        except OSError:
            break
        seen += chunk
    return seen


def test_new_asks_for_what_is_missing_in_a_terminal(tmp_path):
    root = copy_demo(tmp_path)
    leader, follower = os.openpty()
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795651200"}  # 2026-11-26
    proc = subprocess.Popen([sys.executable, "-m", "generator", "new", "fictional-asked-pattern", "--root", str(root)],
                            stdin=follower, stdout=follower, stderr=follower, close_fds=True, env=env)
    os.close(follower)
    try:
        read_until(leader, "Title:")
        os.write(leader, b"Asked for in a terminal\n")
        screen = read_until(leader, "Category (number or name):")
        assert "people-and-skills" in screen
        os.write(leader, b"2\n")  # the second category, by number
        screen = read_until(leader, "Originator (number or ODS code):")
        assert "ZZ1 (Fictional Northbrook Hospitals NHS Trust)" in screen
        os.write(leader, b"1\n")
        read_until(leader, "wrote")
        assert proc.wait(timeout=60) == 0
    finally:
        os.close(leader)
        if proc.poll() is None:
            proc.kill()
    text = (root / "patterns" / "fictional-asked-pattern.yaml").read_text(encoding="utf-8")
    assert 'title: "Asked for in a terminal"' in text
    assert "category: delivery" in text and "originator: ZZ1" in text


def test_new_without_a_terminal_names_the_missing_flags(tmp_path, run_cli):
    root = copy_demo(tmp_path)
    proc = run_cli("new", "fictional-flagless", "--root", root)
    assert proc.returncode == 2
    assert "--title" in proc.stderr and "--category" in proc.stderr
    assert not (root / "patterns" / "fictional-flagless.yaml").exists()
