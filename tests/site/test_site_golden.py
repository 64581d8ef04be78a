"""Golden output: the demo and shipped catalogues build to exactly the bytes recorded in
tests/fixtures/golden/ (SHA-256 per file), so a change meant to leave behaviour alone (issue 13's
consolidation) is proved to. Recorded: every file of the page tree the plugin hands to MkDocs,
every data file and asset the catalogue writes, and the content (<article>) of every generated page.
Material's own chrome and assets, and Pagefind's index, are left out: they change with those
packages' versions, which the catalogue does not pin exactly.

A change that alters the output on purpose re-records the files, and the diff shows which:
    CATALOGUE_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/site/test_site_golden.py
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import pytest

from sitehtml import DEMO, REPO, TODAY

GOLDEN = REPO / "tests" / "fixtures" / "golden"
# Files of the built site that the catalogue writes itself (the rest is Material's or Pagefind's).
OWN_FILES = ("feed.xml", "catalogue.json", "catalogue.csv", "schema/", "assets/catalogue.")


def digest(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def page_tree(root: Path) -> dict[str, str]:
    """The page tree the plugin renders for a catalogue, with the options its mkdocs.yml gives."""
    from generator.publish.pipeline import SiteOptions, render_catalogue

    return render_catalogue(root, SiteOptions.from_mkdocs_yml(root / "mkdocs.yml"), TODAY).tree


ARTICLE = re.compile(r"<article\b.*?</article>", re.S)


def manifest(root: Path, site) -> dict[str, str]:
    tree = page_tree(root)
    out = {f"tree/{path}": digest(text) for path, text in tree.items()}
    # The built content of every generated page (hand-written guides in docs/ are not output).
    for source in (path for path in tree if path.endswith(".md")):
        page = source[: -len("index.md")] if source.endswith("index.md") else source[:-3] + "/"
        html = (site.root / page / "index.html").read_text(encoding="utf-8")
        out[f"article/{page}index.html"] = digest(ARTICLE.search(html).group())
    for path in sorted(site.root.rglob("*")):
        rel = path.relative_to(site.root).as_posix()
        if path.is_file() and rel.startswith(OWN_FILES):
            out[f"site/{rel}"] = digest(path.read_bytes())
    return dict(sorted(out.items()))


@pytest.mark.parametrize("name", ["demo", "shipped"])
def test_output_is_byte_identical_to_the_recorded_one(request, name):
    site = request.getfixturevalue(f"{name}_site")
    found = manifest(DEMO if name == "demo" else REPO, site)
    path = GOLDEN / f"{name}.json"
    if os.environ.get("CATALOGUE_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(found, indent=1) + "\n", encoding="utf-8")
    recorded = json.loads(path.read_text(encoding="utf-8"))
    changed = sorted(k for k in found.keys() & recorded.keys() if found[k] != recorded[k])
    assert (changed, sorted(found.keys() - recorded.keys()), sorted(recorded.keys() - found.keys())) == ([], [], [])
