"""Output folders, the check MkDocs' own build needs: `check_mkdocs_site_dir` is what the plugin's
on_config calls, so plain `mkdocs build` refuses a site_dir that it would empty of a source."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from generator.publish.outputdir import MARKER, check_mkdocs_site_dir, write_marker

DEMO = Path(__file__).resolve().parents[1] / "fixtures" / "site" / "demo"  # fictional


@pytest.fixture
def root(tmp_path) -> Path:
    root = tmp_path / "catalogue"
    shutil.copytree(DEMO, root)
    return root


def mkdocs_config(root: Path, site_dir: Path):
    return load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir))


# (A site_dir holding docs_dir, such as the root, MkDocs refuses itself.)
@pytest.mark.parametrize("site_dir", ["patterns", "patterns/site", "organisations.yaml", "../elsewhere"])
def test_a_site_dir_that_mkdocs_would_empty_is_refused_before_anything_is_written(root, site_dir):
    (root.parent / "elsewhere").mkdir()
    (root.parent / "elsewhere" / "notes.txt").write_text("FICTIONAL", encoding="utf-8")
    before = sorted(p.relative_to(root.parent) for p in root.parent.rglob("*"))
    with pytest.raises(PluginError, match="^catalogue: refusing to write the site to "):
        check_mkdocs_site_dir(root, mkdocs_config(root, root / site_dir))
    assert sorted(p.relative_to(root.parent) for p in root.parent.rglob("*")) == before


def test_an_accepted_site_dir_is_left_alone_and_once_marked_is_accepted_again(root):
    check_mkdocs_site_dir(root, mkdocs_config(root, root / "site"))
    assert not (root / "site").exists()  # on_config writes nothing; on_pre_build marks the folder
    write_marker(root / "site")
    (root / "site" / "index.html").write_text("FICTIONAL previous site", encoding="utf-8")
    check_mkdocs_site_dir(root, mkdocs_config(root, root / "site"))
    (root / "site" / MARKER).unlink()
    with pytest.raises(PluginError, match="was not written by the catalogue"):
        check_mkdocs_site_dir(root, mkdocs_config(root, root / "site"))
