"""Publish, page tree: `catalogue render` writes the pages and data files the pipeline makes (the
same the MkDocs plugin is given) into a folder, without MkDocs, for another builder or a review."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from generator.layout import CatalogueRoot
from generator.publish.outputdir import check_output_dir, swap_into_place, write_marker
from generator.publish.pipeline import SiteOptions, render_catalogue


def render_tree(root: Path, out: Path, templates: Path | None = None) -> int:
    """Validate and render the catalogue with the options of its mkdocs.yml (if it has one), write
    the page tree into `out`, and return the file count."""
    out = check_output_dir(root, out, "the page tree")
    options = SiteOptions.from_mkdocs_yml(CatalogueRoot.at(root).config, templates)
    tree = render_catalogue(root, options).tree
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    try:
        for rel, content in sorted(tree.items()):
            target = staging / "tree" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8", newline="\n")
        write_marker(staging / "tree")
        swap_into_place(staging / "tree", out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return len(tree)
