"""Build: run MkDocs on a catalogue into a temporary folder and swap it into place only when the
build succeeded, so a failed build leaves the previous site as it was. Also writes the plain
page tree for `catalogue render`. Every output folder is checked first (generator/outputdir.py):
nothing is written where it could replace a source or a folder the catalogue did not write."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import tempfile
from pathlib import Path

from generator.errors import BuildError, CatalogueError, InvalidCatalogueError
from generator.layout import CatalogueRoot
from generator.publish.outputdir import check_output_dir, write_marker
from generator.publish.siteconfig import read_mkdocs_yml
from generator.validate.catalogue import reusing

log = logging.getLogger("mkdocs")


def _pin_build_date() -> None:
    """Reproducible builds: pin SOURCE_DATE_EPOCH (MkDocs' sitemap, our "today") to midnight UTC."""
    if not os.environ.get("SOURCE_DATE_EPOCH"):
        midnight = dt.datetime.combine(dt.datetime.now(dt.timezone.utc).date(), dt.time(), dt.timezone.utc)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))


def config_file(root: Path) -> Path:
    return CatalogueRoot.at(root).require_config()


def _swap_into_place(built: Path, site_dir: Path) -> None:
    """Replace site_dir with built using renames, keeping the old folder until the new one is in."""
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
        os.replace(site_dir, old / "site")
    try:
        os.replace(built, site_dir)
    except BaseException:
        if old is not None:
            os.replace(old / "site", site_dir)
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def _validate_first(config):
    """Validate the catalogue the config's plugin reads, before MkDocs starts, so errors are
    reported as located problems with exit status 1 (raising InvalidCatalogueError), not as a
    MkDocs abort; the plugin then reuses this validation. None when the plugin is not enabled."""
    from generator.validate.catalogue import validate_catalogue

    plugin = config.plugins.get("catalogue")
    if plugin is None or not plugin.config.enabled:
        return None
    root = Path(config.config_file_path).resolve().parent / plugin.config.root
    validation = validate_catalogue(root)
    if not validation.result.success:
        raise InvalidCatalogueError(validation.result)
    return validation


def _needs_empty_docs(cfg_path: Path) -> bool:
    """MkDocs needs docs_dir to exist, but a catalogue needs no hand-written pages: true when
    docs_dir is the default, docs, and there is no docs/ folder, so MkDocs is given an empty one.
    (A missing folder of another name stays MkDocs' error: it may be a typo.)"""
    return read_mkdocs_yml(cfg_path).get("docs_dir", "docs") == "docs" and not (cfg_path.parent / "docs").exists()


def _empty_docs(scratch: Path) -> dict:
    """load_config overrides that point docs_dir at a new, empty folder inside scratch."""
    (scratch / "docs").mkdir(parents=True, exist_ok=True)
    return {"docs_dir": str(scratch / "docs")}


def build_site(root: Path, site_dir: Path | None = None, strict: bool = True) -> Path:
    """Build the site with MkDocs (strict by default) and return the site folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    _pin_build_date()
    cfg_path = config_file(root)
    # Refused before anything is written, then again once MkDocs has read where docs_dir is.
    site_dir = check_output_dir(root, site_dir or Path(root) / "site", "the site", [cfg_path])
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    try:
        config = load_config(str(cfg_path), strict=strict, site_dir=str(staging / "site"),
                             **(_empty_docs(staging) if _needs_empty_docs(cfg_path) else {}))
        check_output_dir(root, site_dir, "the site", [cfg_path, Path(config.docs_dir)])
        with reusing(_validate_first(config)):
            build(config)
        write_marker(staging / "site")
        _swap_into_place(staging / "site", site_dir)
    except MkDocsException as exc:
        raise BuildError(f"the site was not built (the previous site is unchanged): {exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return site_dir


def serve_site(root: Path, dev_addr: str | None = None) -> None:
    """Serve the site with live reload on pattern and registry changes."""
    from mkdocs.commands.serve import serve

    cfg_path = config_file(root)
    if not _needs_empty_docs(cfg_path):
        serve(config_file=str(cfg_path), dev_addr=dev_addr)
        return
    with tempfile.TemporaryDirectory(prefix="catalogue-serve-") as scratch:
        serve(config_file=str(cfg_path), dev_addr=dev_addr, **_empty_docs(Path(scratch)))


def render_tree(root: Path, out: Path, templates: Path | None = None) -> int:
    """Validate, render the page tree (Markdown and data files) into `out`, and return the file count."""
    from generator.dates import today
    from generator.render.context import build_context
    from generator.render.pages import render_site
    from generator.validate.catalogue import validate_catalogue

    out = check_output_dir(root, out, "the page tree")
    validation = validate_catalogue(root)
    if not validation.result.success:
        raise InvalidCatalogueError(validation.result)
    tree = render_site(build_context(validation.catalogue, today()), templates)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    try:
        for rel, content in sorted(tree.items()):
            target = staging / "tree" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8", newline="\n")
        write_marker(staging / "tree")
        _swap_into_place(staging / "tree", out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return len(tree)
