"""Validate, whole catalogue: find the files under a root, load them, check each against its
schema, then run the cross-file rules, and return the problems with the model of what is valid.

This is the one entry point the CLI, the MkDocs plugin and the tests share.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from generator import schema
from generator.dates import today as default_today
from generator.errors import LayoutError
from generator.loader import LoadedFile, load_yaml
from generator.maturity import maturity_model
from generator.model import Catalogue, Organisation, Pattern
from generator.parallel import process_map
from generator.problems import Result
from generator.rules import CrossFileRules

PATTERNS_DIR = "patterns"
REGISTRY_FILE = "organisations.yaml"
# Below this many files one process is quicker than starting workers.
PARALLEL_MIN = 800
CHUNK = 250


@dataclass
class Validation:
    """Outcome of a run: the problems, and the catalogue built from every valid file."""

    result: Result
    catalogue: Catalogue
    root: Path


def display_path(path: Path) -> str:
    """Path as reported: relative to the working directory when inside it, so editors and CI can open it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def pattern_files(root: Path) -> list[Path]:
    """Pattern files under root/patterns, sorted; other extensions are reported, not skipped silently."""
    folder = root / PATTERNS_DIR
    if not folder.is_dir():
        raise LayoutError(f"{display_path(folder)}: no patterns folder; is --root the catalogue's root?")
    # Sorted by name as strings: sorting 10,000 Path objects took a tenth of a second.
    names = sorted(e.name for e in os.scandir(folder) if e.is_file() and not e.name.startswith("."))
    return [folder / name for name in names]


def load_registry(root: Path, result: Result) -> dict[str, Organisation] | None:
    """Organisations by ODS code, or None when the registry cannot be used."""
    path = root / REGISTRY_FILE
    display = display_path(path)
    if not path.is_file():
        result.error(display, 1, 1, "registry-missing",
                     f"no {REGISTRY_FILE} at the catalogue root: create it (see docs/organisations.md)")
        return None
    loaded = load_yaml(path, display, result)
    if loaded is None or not schema.check(loaded, schema.REGISTRY_SCHEMA, result):
        return None
    return {code: Organisation(code, **fields) for code, fields in sorted(loaded.data["organisations"].items())}


def validate_catalogue(root: Path, only: list[Path] | None = None, today: dt.date | None = None,
                       progress=None, similar: set[str] | None = None, jobs: int | None = None) -> Validation:
    """Check the whole catalogue; when `only` names files, report only problems in those files
    (and in the registry), while the cross-file rules still see every pattern. `similar` names
    the new or changed pattern ids to compare with the rest (the similar-pattern check)."""
    root = Path(root)
    today = today or default_today()
    model = maturity_model()
    result = Result()
    organisations = load_registry(root, result)

    paths = pattern_files(root)
    if only is not None:
        # A named file the run would never read must not pass silently as "0 errors".
        known = {p.resolve() for p in paths} | {(root / REGISTRY_FILE).resolve()}
        outside = [display_path(Path(p)) for p in only if Path(p).resolve() not in known]
        if outside:
            raise LayoutError(f"{', '.join(outside)}: not a file of the catalogue in {display_path(root)} "
                              f"(pattern files live in {display_path(root / PATTERNS_DIR)}; use --root)")
    loaded, valid = _check_files(paths, display_path(root / PATTERNS_DIR), result, progress, jobs)
    result.files_checked = len(paths) + 1

    ids = {f.data["id"] for f in loaded if isinstance(f.data.get("id"), str)}
    ids |= {Path(f.display).stem for f in loaded}
    rules = CrossFileRules(result, today, model, set(organisations) if organisations is not None else None, ids)
    rules.check_ids(loaded)
    catalogue = Catalogue(organisations=organisations or {})
    for f in loaded:
        rules.check_file(f)
        if valid[f.display] and not result.has_errors(f.display):
            pattern = Pattern.from_data(f.data, f.display)
            rules.check_evidence(f, pattern)
            if not result.has_errors(f.display):
                catalogue.patterns[pattern.id] = pattern

    if similar:
        valid_files = {f.data["id"]: f for f in loaded if f.data.get("id") in catalogue.patterns}
        rules.check_similar(valid_files, catalogue, set(similar))

    if only is not None:
        keep = {display_path(Path(p)) for p in only} | {display_path(root / REGISTRY_FILE)}
        result = result.only(keep)
    return Validation(result, catalogue, root)


def _check_chunk(items: list[tuple[Path, str]]) -> tuple[list[tuple[LoadedFile, bool]], list]:
    """Load and schema-check some pattern files: the per-file half of validation, run in workers."""
    result = Result()
    out = []
    for path, display in items:
        if path.suffix != ".yaml":
            result.error(display, 1, 1, "file-extension", f"pattern files end in .yaml: rename to {path.stem}.yaml")
            continue
        f = load_yaml(path, display, result)
        if f is not None:
            out.append((f, schema.check(f, schema.PATTERN_SCHEMA, result) and not result.has_errors(display)))
    return out, result.problems


def _check_files(paths: list[Path], folder: str, result: Result, progress, jobs: int | None):
    """Per-file checks for every pattern, on all cores for large catalogues (parsing dominates)."""
    items = [(path, os.path.join(folder, path.name)) for path in paths]
    chunks = [items[i:i + CHUNK] for i in range(0, len(items), CHUNK)]
    if len(items) < PARALLEL_MIN:
        jobs = 1  # starting workers costs more than a small catalogue's parse
    outcomes = list(_with_progress(process_map(_check_chunk, chunks, jobs), chunks, progress, len(items)))
    loaded, valid = [], {}
    for checked, problems in outcomes:
        for problem in problems:
            result.add(problem.path, problem.line, problem.col, problem.severity, problem.rule, problem.message)
        for f, ok in checked:
            loaded.append(f)
            valid[f.display] = ok
    return loaded, valid


def _with_progress(outcomes, chunks, progress, total):
    done = 0
    for chunk, outcome in zip(chunks, outcomes):
        done += len(chunk)
        if progress:
            progress(done, total)
        yield outcome
