"""Publish, preview: `catalogue serve`, MkDocs' live-reloading server on the catalogue (the plugin
adds watches on the patterns and the registry, so an edit rebuilds the site). Its builds are
"dirty": the plugin keeps the previous build and rebuilds only what an edit changed
(plugin/preview.py), so a saved pattern shows in seconds even in a large catalogue."""

from __future__ import annotations

import tempfile
from pathlib import Path

from generator.layout import CatalogueRoot
from generator.publish.build import empty_docs, needs_empty_docs


def serve_site(root: Path, dev_addr: str | None = None) -> None:
    """Serve the site with live reload on pattern and registry changes."""
    from mkdocs.commands.serve import serve

    cfg_path = CatalogueRoot.at(root).require_config()
    if not needs_empty_docs(cfg_path):
        serve(config_file=str(cfg_path), dev_addr=dev_addr, build_type="dirty")
        return
    with tempfile.TemporaryDirectory(prefix="catalogue-serve-") as scratch:
        serve(config_file=str(cfg_path), dev_addr=dev_addr, build_type="dirty", **empty_docs(Path(scratch)))
