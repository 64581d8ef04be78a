"""Edit, new catalogue: `catalogue init DIR` writes an empty catalogue that validates and builds as
written (an empty registry, an empty patterns/ folder, mkdocs.yml, one hand-written page), for an
organisation starting a catalogue of its own with the packaged schema and tools."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from generator.errors import EditError
from generator.siteconfig import mkdocs_yml
from generator.edit.writer import write_atomic

DEFAULT_NAME = "Pattern catalogue"

# No yaml-language-server line: the schema is packaged, not in the catalogue, and a committed file
# must not point into a virtual environment.
REGISTRY = """\
# The organisations registry: every organisation that originates or adopts a pattern, keyed by
# its NHS ODS code. Add an organisation before the first pattern that names it, replacing {}:
#
# organisations:
#   X26:
#     name: NHS Digital
#     type: national-body   # trust, icb, national-body, primary-care, local-authority, supplier, other
#     region: national      # an NHS England region, national, or a devolved nation
organisations: {}
"""

KEEP = """\
Keeps the empty patterns/ folder in git. Add a pattern with `catalogue new ID --title T
--category C --originator CODE`: one YAML file per pattern, named after its id.
"""

ABOUT = """\
# About this catalogue

This catalogue records practice that organisations have made work, as **patterns** that others
can reuse: the problem, the context, the solution, its consequences and measured outcomes, who
originated it and who now uses it. Each pattern shows how many organisations reuse it and a
maturity rating earned from the recorded evidence ([the maturity model](maturity.md)).

Replace this page with who runs the catalogue and how to contribute to it. Everything in `docs/`
is published as written; the pattern, organisation and category pages are generated from
`patterns/` and `organisations.yaml`, and are not kept here.
"""

CONFIG_COMMENT = """\
The catalogue's site, built by `catalogue build` (or `mkdocs build`). Pages under patterns/,
organisations/ and categories/, and the data files, are generated in memory by the catalogue
plugin from patterns/ and organisations.yaml; docs/ holds only hand-written pages.
Add site_url (the address the site is published at) once you know it: feeds and the sitemap use
it, and `catalogue new` then points new entries' editor schema line at the schema published there."""


def catalogue_files(name: str) -> dict[str, str]:
    """The files of a new catalogue called `name`, by path relative to its root."""
    config = mkdocs_yml(CONFIG_COMMENT, json.dumps(name, ensure_ascii=False),
                        "Proven practice, recorded as patterns with reuse counts and evidence-based maturity.",
                        ("About this catalogue", "about.md"))
    return {
        "organisations.yaml": REGISTRY,
        "patterns/.gitkeep": KEEP,
        "docs/about.md": ABOUT,
        "mkdocs.yml": config,
        ".gitignore": "# The built site (`catalogue build`).\n/site/\n",
    }


def _check_target(folder: Path) -> None:
    """Refuse a file, or a folder holding anything but a fresh `git init`."""
    if folder.exists() and not folder.is_dir():
        raise EditError(f"{folder} is a file: give a new or empty folder")
    if folder.is_dir():
        entries = sorted(entry.name for entry in folder.iterdir() if entry.name != ".git")
        if entries:
            shown = ", ".join(entries[:3]) + (f" and {len(entries) - 3} more" if len(entries) > 3 else "")
            raise EditError(f"{folder} is not empty ({shown}): `catalogue init` starts a catalogue only "
                            "in a new or empty folder, so that it never overwrites or mixes with other files")


def create_catalogue(folder: Path, name: str = DEFAULT_NAME) -> list[Path]:
    """Write a new, empty catalogue into `folder` (new, empty, or holding only .git); return the
    files written. All of them are written, or none: they are moved in only once all exist."""
    if not name.strip() or not name.isprintable():
        raise EditError("--name must be one line of printable text")
    folder = Path(folder)
    _check_target(folder)
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".catalogue-init-", dir=folder))
    files, moved = catalogue_files(name), []
    try:
        for rel, text in files.items():
            (staging / rel).parent.mkdir(parents=True, exist_ok=True)
            write_atomic(staging / rel, text)
        for entry in sorted(staging.iterdir()):
            os.replace(entry, folder / entry.name)
            moved.append(folder / entry.name)
    except BaseException:
        for path in moved:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [folder / rel for rel in files]
