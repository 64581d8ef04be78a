"""Output folders through the real CLI: `catalogue build --site-dir` and `catalogue render --out`
refuse every folder whose replacement could remove a source (exit 2, every file still there),
replace only an empty folder or one the catalogue wrote, and mark each folder they write."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import shutil
from pathlib import Path

import pytest

from generator.publish.outputdir import MARKER

DEMO = Path(__file__).resolve().parents[1] / "fixtures" / "site" / "demo"  # fictional
REPO = Path(__file__).resolve().parents[2]
DEMO_NOON = dt.datetime(2026, 11, 26, 12, tzinfo=dt.timezone.utc)  # the day the demo is checked on
OUT_FLAG = {"build": "--site-dir", "render": "--out"}


@pytest.fixture
def root(tmp_path, monkeypatch, cli) -> Path:
    """A copy of the demo catalogue with every kind of source: patterns/, organisations.yaml,
    docs/, schema/, mkdocs.yml and a .git folder, alone in its parent folder. (After `cli`,
    which pins the core fixtures' day: the demo is dated for its own.)"""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(DEMO_NOON.timestamp())))
    root = tmp_path / "work" / "catalogue"
    shutil.copytree(DEMO, root)
    shutil.copytree(REPO / "schema", root / "schema")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    return root


def files(folder: Path) -> dict[str, bytes]:
    """Every file under folder, by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def refused(cli, command: str, root: Path, out: Path) -> str:
    """Run the command into `out`; assert it refused with exit 2 and lost no source file."""
    before = files(root)
    assert any(name.startswith("patterns/") for name in before)
    code, _, err = cli(command, "--root", str(root), OUT_FLAG[command], str(out))
    assert code == 2, err
    assert f"catalogue {command}: error: refusing to write" in err, err
    assert files(root) == before  # every pattern file, the registry and the docs, byte for byte
    return err


SOURCES = {
    "the root": (".", "it is the catalogue root"),
    "patterns": ("patterns", "it is the catalogue's patterns/"),
    "inside patterns": ("patterns/new", "it is inside the catalogue's patterns/"),
    "docs": ("docs", "it is the catalogue's docs/"),
    "inside docs": ("docs/new", "it is inside the catalogue's docs/"),
    "schema": ("schema", "it is the catalogue's schema/"),
    ".git": (".git", "it is the catalogue's .git/"),
    "the registry": ("organisations.yaml", "it is the catalogue's organisations.yaml"),
    "mkdocs.yml": ("mkdocs.yml", "it is the catalogue's mkdocs.yml"),
    "the parent of the root": ("..", "it holds the catalogue root"),
    "an ancestor of the root": ("../..", "it holds the catalogue root"),
    "the root, through a path with ..": ("patterns/..", "it is the catalogue root"),
}


@pytest.mark.parametrize("command", OUT_FLAG)
@pytest.mark.parametrize("case", SOURCES)
def test_a_source_or_a_folder_holding_one_is_refused(cli, root, command, case):
    relative, reason = SOURCES[case]
    err = refused(cli, command, root, root / relative)
    assert reason in err and "an output folder is replaced whole" in err


@pytest.mark.parametrize("command", OUT_FLAG)
def test_symlinks_are_followed_before_comparing(cli, root, command):
    link = root.parent / "link-to-patterns"
    link.symlink_to(root / "patterns", target_is_directory=True)
    assert "it is the catalogue's patterns/" in refused(cli, command, root, link)
    assert "it is inside the catalogue's patterns/" in refused(cli, command, root, link / "new")


@pytest.mark.parametrize("command", OUT_FLAG)
def test_a_non_empty_folder_the_catalogue_did_not_write_is_refused_untouched(cli, root, command):
    notes = root.parent / "notes"
    notes.mkdir()
    (notes / "plan.txt").write_text("FICTIONAL notes", encoding="utf-8")
    err = refused(cli, command, root, notes)
    assert "was not written by the catalogue" in err and "remove it yourself" in err
    assert files(notes) == {"plan.txt": b"FICTIONAL notes"}
    (notes / "plan.txt").unlink()
    (notes / ".hidden").write_text("FICTIONAL", encoding="utf-8")  # hidden files count too
    refused(cli, command, root, notes)


def test_a_file_is_refused(cli, root):
    target = root.parent / "notes.txt"
    target.write_text("FICTIONAL", encoding="utf-8")
    assert "it is a file" in refused(cli, "render", root, target)
    assert target.read_text(encoding="utf-8") == "FICTIONAL"


def test_a_marked_folder_holding_a_catalogue_is_still_refused(cli, root):
    other = root.parent / "other"
    shutil.copytree(root / "patterns", other / "patterns")
    (other / MARKER).write_text("copied by hand\n", encoding="utf-8")
    err = refused(cli, "render", root, other)
    assert "it holds catalogue sources (patterns/*.yaml)" in err and (other / "patterns").is_dir()


def test_an_empty_folder_is_used_and_marked(cli, root):
    site = root.parent / "empty"
    site.mkdir()
    code, out, err = cli("build", "--root", str(root), "--site-dir", str(site))
    assert code == 0, err
    assert (site / "index.html").is_file() and (site / MARKER).is_file()


def test_a_previous_site_with_the_marker_is_replaced_and_a_failed_build_keeps_it(cli, root):
    site = root / "site"
    assert cli("build", "--root", str(root))[0] == 0
    assert (site / MARKER).is_file()
    (site / "stale.html").write_text("FICTIONAL stale page", encoding="utf-8")
    code, _, err = cli("build", "--root", str(root))
    assert code == 0, err
    assert not (site / "stale.html").exists() and (site / MARKER).is_file()

    previous = files(site)
    broken = root / "patterns" / "fictional-broken.yaml"
    broken.write_text("# Broken on purpose: not a mapping.\n- FICTIONAL\n", encoding="utf-8")
    code, _, err = cli("build", "--root", str(root))
    assert code != 0 and "fictional-broken.yaml" in err
    assert files(site) == previous  # the atomic swap: a failed build leaves the previous site


def test_render_replaces_its_own_tree(cli, root):
    tree = root.parent / "tree"
    assert cli("render", "--root", str(root), "--out", str(tree))[0] == 0
    (tree / "stale.md").write_text("FICTIONAL", encoding="utf-8")
    assert cli("render", "--root", str(root), "--out", str(tree))[0] == 0
    assert not (tree / "stale.md").exists() and (tree / MARKER).is_file()


# Every output path of up to two steps from the root, among the sources, the way up and new
# folders: each is either refused or written without losing a single source file.
STEPS = (".", "..", "patterns", "docs", "schema", ".git", "site", "new")
PATHS = sorted({os.path.normpath(os.path.join(*steps))
                for n in (1, 2) for steps in itertools.product(STEPS, repeat=n)})


def test_no_output_path_loses_a_source(cli, root):
    before = files(root)
    written = 0
    for relative in PATHS:
        out = root / relative
        code, _, err = cli("render", "--root", str(root), "--out", str(out))
        assert code in (0, 2) and "Traceback" not in err, (relative, err)
        if code == 0:
            written += 1
            assert (out / MARKER).is_file() and not root.is_relative_to(out.resolve())
            shutil.rmtree(out)  # the next path starts from the same catalogue
        assert files(root) == before, relative
    assert written >= 5  # new folders beside and below the root were written
