"""Plain `mkdocs build` with the catalogue plugin refuses a site_dir that could remove a source
(issue 10 item 2): MkDocs itself only refuses a site_dir that holds docs_dir."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DEMO = Path(__file__).resolve().parents[1] / "fixtures" / "site" / "demo"


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("site_dir", ["patterns", "patterns/site", "notes"])
def test_mkdocs_build_refuses_a_source_as_site_dir(tmp_path, site_dir):
    """patterns/ and a folder in it are sources; notes/ is a folder of the author's own."""
    root = tmp_path / "catalogue"
    shutil.copytree(DEMO, root)
    (root / "notes").mkdir()
    (root / "notes" / "mine.txt").write_text("FICTIONAL notes of my own\n", encoding="utf-8")
    before = snapshot(root)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1795651200")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", site_dir],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0
    assert "catalogue:" in proc.stderr and "Traceback" not in proc.stderr
    assert snapshot(root) == before
