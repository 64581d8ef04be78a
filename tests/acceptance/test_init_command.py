"""`catalogue init` end to end: a new, empty catalogue validates and builds at once (with
`catalogue build` and plain `mkdocs build`), takes its first pattern, and never overwrites a folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.publish.outputdir import MARKER

FILES = [".gitignore", "docs/about.md", "mkdocs.yml", "organisations.yaml", "patterns/.gitkeep"]
FICTIONAL_ORG = """organisations:
  ZZ1:
    name: Fictional Northmoor NHS Trust
    type: trust
    region: north-west
"""


def tree(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_init_writes_a_catalogue_that_validates_and_builds_at_once(tmp_path, run_cli):
    root = tmp_path / "new" / "catalogue"
    proc = run_cli("init", root, "--name", "Fictional: Trust #1 patterns")  # YAML's special characters
    assert proc.returncode == 0, proc.stderr
    assert tree(root) == FILES
    assert run_cli("validate", "--root", root).returncode == 0
    build = run_cli("build", "--root", root)
    assert build.returncode == 0, build.stderr
    assert "<title>Find and reuse practice from NHS organisations - Fictional: Trust #1 patterns</title>" in (root / "site" / "index.html").read_text(encoding="utf-8")
    assert (root / "site" / "about" / "index.html").is_file() and (root / "site" / MARKER).is_file()
    mkdocs = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "plain")],
                            cwd=root, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert mkdocs.returncode == 0, mkdocs.stderr
    assert (tmp_path / "plain" / "patterns" / "index.html").is_file()


def test_the_first_organisation_and_pattern_go_in_as_documented(tmp_path, run_cli):
    root = tmp_path / "catalogue"
    assert run_cli("init", root).returncode == 0
    registry = root / "organisations.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("organisations: {}\n", FICTIONAL_ORG),
                        encoding="utf-8")
    new = run_cli("new", "fictional-first-pattern", "--title", "Fictional first pattern", "--category",
                  "delivery", "--no-input", "--root", root)
    assert new.returncode == 0, new.stderr
    # No schema/ copy and no site_url yet: no editor schema line rather than one into the package.
    assert "yaml-language-server" not in (root / "patterns" / "fictional-first-pattern.yaml").read_text(encoding="utf-8")
    assert run_cli("validate", "--root", root).returncode == 0
    assert run_cli("build", "--root", root).returncode == 0
    assert (root / "site" / "patterns" / "fictional-first-pattern" / "index.html").is_file()


def test_a_catalogue_without_docs_builds(tmp_path, run_cli):
    root = tmp_path / "catalogue"
    assert run_cli("init", root).returncode == 0
    (root / "docs" / "about.md").unlink()
    (root / "docs").rmdir()
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - About this catalogue: about.md\n", ""),
                      encoding="utf-8")
    build = run_cli("build", "--root", root)
    assert build.returncode == 0, build.stderr
    assert (root / "site" / "index.html").is_file() and not (root / "docs").exists()


@pytest.mark.parametrize("existing", ["notes.txt", ".hidden", "patterns/fictional.yaml"])
def test_init_refuses_a_folder_that_is_not_empty_and_touches_nothing(tmp_path, run_cli, existing):
    root = tmp_path / "catalogue"
    (root / existing).parent.mkdir(parents=True, exist_ok=True)
    (root / existing).write_text("FICTIONAL", encoding="utf-8")
    proc = run_cli("init", root)
    assert proc.returncode == 2 and "is not empty" in proc.stderr, proc.stderr
    assert tree(root) == [existing] and (root / existing).read_text(encoding="utf-8") == "FICTIONAL"


@pytest.mark.parametrize("name", ["", "Fictional\nname", "Fictional\u2028name"])
def test_init_refuses_a_name_that_is_not_one_line_and_writes_nothing(tmp_path, run_cli, name):
    proc = run_cli("init", tmp_path / "catalogue", "--name", name)
    assert proc.returncode == 2 and "--name must be one line of printable text" in proc.stderr
    assert not (tmp_path / "catalogue").exists()


def test_init_accepts_an_empty_folder_or_a_fresh_git_repository_and_refuses_a_file(tmp_path, run_cli):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_cli("init", empty).returncode == 0 and tree(empty) == FILES
    repo = tmp_path / "repo"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    assert run_cli("init", repo).returncode == 0
    assert [p for p in tree(repo) if not p.startswith(".git/")] == FILES
    afile = tmp_path / "file"
    afile.write_text("FICTIONAL", encoding="utf-8")
    proc = run_cli("init", afile)
    assert proc.returncode == 2 and "is a file" in proc.stderr
