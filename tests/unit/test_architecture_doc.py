"""docs/architecture.md can be trusted: every file and folder it names exists, and every module of
the package is named in it, so it cannot drift from the code unnoticed."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DOC = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")


def named_paths() -> set[str]:
    paths = set(re.findall(r"`((?:generator|schema|tests|docs)/[\w./*-]+)`", DOC))
    # the pipeline diagram names modules relative to generator/
    paths |= {f"generator/{p}" for p in re.findall(r"\b((?:validate|model|render|publish|plugin)/\w+\.py)", DOC)}
    return paths


def test_every_path_it_names_exists():
    missing = [p for p in sorted(named_paths()) if not list(REPO.glob(p.rstrip("/")))]
    assert len(named_paths()) > 30 and missing == []


def test_every_module_is_named():
    modules = {p.relative_to(REPO).as_posix() for p in (REPO / "generator").rglob("*.py")
               if p.name != "__init__.py" and "schemas" not in p.parts}
    named = named_paths()
    folders = {p for p in named if p.endswith("/")}
    # Core modules (generator/*.py) may be named by their bare name, as the layers table does.
    unnamed = [m for m in sorted(modules) if m not in named and not any(m.startswith(f) for f in folders)
               and not (m.count("/") == 1 and f"`{Path(m).stem}`" in DOC)]
    assert unnamed == []
