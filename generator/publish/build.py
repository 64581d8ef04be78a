"""Publish, build: run MkDocs on a catalogue into a temporary folder and swap it into place only
when the build succeeded, so a failed build leaves the previous site as it was. The catalogue is
validated first, so its problems are reported as located lines with exit status 1, and every
output folder is checked (outputdir.py) before anything is written."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

from generator.errors import BuildError, InvalidCatalogueError
from generator.layout import CatalogueRoot
from generator.publish.outputdir import check_output_dir, swap_into_place, write_marker
from generator.publish.pipeline import prevalidated
from generator.siteconfig import read_mkdocs_yml


def pin_build_date() -> None:
    """Reproducible builds: pin SOURCE_DATE_EPOCH (MkDocs' sitemap, our "today") to midnight UTC."""
    if not os.environ.get("SOURCE_DATE_EPOCH"):
        midnight = dt.datetime.combine(dt.datetime.now(dt.timezone.utc).date(), dt.time(), dt.timezone.utc)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))


def needs_empty_docs(cfg_path: Path) -> bool:
    """MkDocs needs docs_dir to exist, but a catalogue needs no hand-written pages: true when
    docs_dir is the default, docs, and there is no docs/ folder, so MkDocs is given an empty one.
    (A missing folder of another name stays MkDocs' error: it may be a typo.)"""
    return read_mkdocs_yml(cfg_path).get("docs_dir", "docs") == "docs" and not (cfg_path.parent / "docs").exists()


def empty_docs(scratch: Path) -> dict:
    """load_config overrides that point docs_dir at a new, empty folder inside scratch."""
    (scratch / "docs").mkdir(parents=True, exist_ok=True)
    return {"docs_dir": str(scratch / "docs")}


def _validate_first(config):
    """Validate the catalogue the config's plugin reads, before MkDocs starts (raising
    InvalidCatalogueError); the plugin's pipeline then takes this validation. None when the
    plugin is not enabled."""
    from generator.validate.catalogue import validate_catalogue

    plugin = config.plugins.get("catalogue")
    if plugin is None or not plugin.config.enabled:
        return None
    validation = validate_catalogue(Path(config.config_file_path).resolve().parent / plugin.config.root)
    if not validation.result.success:
        raise InvalidCatalogueError(validation.result)
    return validation


def build_site(root: Path, site_dir: Path | None = None, strict: bool = True) -> Path:
    """Build the site with MkDocs (strict by default) and return the site folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    pin_build_date()
    cfg_path = CatalogueRoot.at(root).require_config()
    # Refused before anything is written, then again once MkDocs has read where docs_dir is.
    site_dir = check_output_dir(root, site_dir or Path(root) / "site", "the site", [cfg_path])
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    try:
        config = load_config(str(cfg_path), strict=strict, site_dir=str(staging / "site"),
                             **(empty_docs(staging) if needs_empty_docs(cfg_path) else {}))
        check_output_dir(root, site_dir, "the site", [cfg_path, Path(config.docs_dir)])
        with prevalidated(_validate_first(config)):
            build(config)
        write_marker(staging / "site")
        swap_into_place(staging / "site", site_dir)
    except MkDocsException as exc:
        raise BuildError(f"the site was not built (the previous site is unchanged): {exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return site_dir
