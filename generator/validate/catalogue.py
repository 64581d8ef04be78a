"""Validate, whole catalogue: find the files under a root, load them, check each against its
schema, then run the cross-file rules, and return the problems with the model of what is valid.

This is the one entry point the CLI, the MkDocs plugin and the tests share.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from generator.validate import schema
from generator.dates import today as default_today
from generator.errors import LayoutError
from generator.layout import REGISTRY_FILE, CatalogueRoot, PatternFiles, display_path
from generator.layout import RULE as NOT_REGULAR
from generator.layout import not_regular, not_regular_message
from generator.validate.cache import FileCache, text_key
from generator.validate.loader import LoadedFile, load_yaml, read_text
from generator.model.maturity import maturity_model
from generator.model.catalogue import Catalogue, Organisation, Pattern
from generator.parallel import process_map
from generator.problems import Problem, Result
from generator.validate.rules import CrossFileRules

# Below this many files one process is quicker than starting workers.
PARALLEL_MIN = 800
CHUNK = 250


@dataclass
class Validation:
    """Outcome of a run: the problems, and the catalogue built from every valid file."""

    result: Result
    catalogue: Catalogue
    root: Path
    today: dt.date | None = None


def load_registry(root: Path, result: Result) -> dict[str, Organisation] | None:
    """Organisations by ODS code, or None when the registry cannot be used: then its own errors
    say why, and the patterns' codes are not checked against it (which would blame them all)."""
    return _organisations(_load_registry_file(root, result), result)


def _organisations(loaded: LoadedFile | None, result: Result) -> dict[str, Organisation] | None:
    if loaded is None or not schema.check(loaded, schema.REGISTRY_SCHEMA, result):
        return None
    return {code: Organisation.from_data(code, fields) for code, fields in sorted(loaded.data["organisations"].items())}


def _load_registry_file(root: Path, result: Result) -> LoadedFile | None:
    path = CatalogueRoot.at(root).registry
    display = display_path(path)
    try:
        kind = not_regular(path)
    except FileNotFoundError:
        result.error(display, 1, 1, "registry-missing",
                     f"no {REGISTRY_FILE} at the catalogue root: create it (see docs/organisations.md)")
        return None
    if kind is not None:
        result.error(display, 1, 1, NOT_REGULAR, not_regular_message(kind))
        return None
    return load_yaml(path, display, result)


def validate_catalogue(root: Path, only: list[Path] | None = None, today: dt.date | None = None,
                       progress=None, similar: set[str] | None = None, jobs: int | None = None) -> Validation:
    """Check the whole catalogue; when `only` names files, report only problems in those files
    (and in the registry), while the cross-file rules still see every pattern. The files `only`
    names are the ones being changed, so findings that depend on today's date (a review that
    lapsed under a declared maturity) are errors in them, and warnings in a full run: a catalogue
    that validated yesterday and has not changed still validates today. `similar` names the new
    or changed pattern ids to compare with the rest (the similar-pattern check)."""
    root = Path(root)
    today = today or default_today()
    model = maturity_model()
    result = Result()
    registry = _load_registry_file(root, result)
    organisations = _organisations(registry, result)
    org_codes = set(organisations) if organisations is not None else None

    layout = CatalogueRoot.at(root)
    files = layout.pattern_files()
    changed = None if only is None else _named_files(layout, files, only)
    for path, kind in files.irregular:
        result.error(display_path(path), 1, 1, NOT_REGULAR, not_regular_message(kind))
    cache = FileCache(root)
    loaded, valid = _check_files(files.paths, layout.display(layout.patterns), result, progress, jobs, cache)
    cache.save()
    result.files_checked = len(files.paths) + len(files.irregular) + 1

    # Ids come from the file names too, so a file that cannot be read is not also reported as
    # missing by every pattern that refers to it.
    ids = {f.data["id"] for f in loaded if isinstance(f.data.get("id"), str)} | files.stems
    rules = CrossFileRules(result, today, model, org_codes, ids, changed=changed)
    if organisations is not None:
        rules.check_registry(registry)
    rules.check_ids(loaded)
    rules.check_supersedes(loaded)
    catalogue = _checked_model(loaded, valid, rules, result, changed, organisations or {})

    if similar:
        valid_files = {f.data["id"]: f for f in loaded if f.data.get("id") in catalogue.patterns}
        rules.check_similar(valid_files, catalogue, set(similar))

    if changed is not None:
        result = result.only(changed | {layout.display(layout.registry)})
    return Validation(result, catalogue, root, today)


def _checked_model(loaded, valid, rules: CrossFileRules, result: Result, changed: set[str] | None,
                   organisations: dict) -> Catalogue:
    """Each file's own cross-file checks, and the model of every valid pattern. In a run limited
    to some files only their problems are reported, so the others are read (their ids, titles and
    relations serve the rules across files) but not checked again: a pattern that parses and
    passes the schema counts as a similar-pattern candidate there."""
    catalogue = Catalogue(organisations=organisations)
    for f in loaded:
        own = changed is None or f.display in changed
        if own:
            rules.check_file(f)
        if valid[f.display] and not result.has_errors(f.display):
            pattern = Pattern.from_data(f.data, f.display)
            if own:
                rules.check_evidence(f, pattern)
            if not result.has_errors(f.display):
                catalogue.patterns[pattern.id] = pattern
    return catalogue


def _named_files(layout: CatalogueRoot, files: PatternFiles, only: list[Path]) -> set[str]:
    """The display paths of the files `only` names, which must all be files of the catalogue."""
    def identity(path: Path) -> Path:
        return path.parent.resolve() / path.name  # the entry itself, not what a link points at

    # Every entry lies in the patterns folder (or is the registry): resolve that folder once.
    folder = layout.patterns.resolve()
    known = {folder / path.name: display_path(path) for path in files.paths + [p for p, _ in files.irregular]}
    known[identity(layout.registry)] = display_path(layout.registry)
    # A named file the run would never read must not pass silently as "0 errors".
    outside = [display_path(Path(p)) for p in only if identity(Path(p)) not in known]
    if outside:
        raise LayoutError(f"{', '.join(outside)}: not a file of the catalogue in {layout.display()} "
                          f"(pattern files live in {layout.display(layout.patterns)}; use --root)")
    return {known[identity(Path(p))] for p in only}


def _check_chunk(items: list[tuple[Path, str, str | None]]) -> tuple[list[tuple[LoadedFile, bool]], list]:
    """Load and schema-check some pattern files (text already read, when given): the per-file
    half of validation, run in workers."""
    result = Result()
    out = []
    for path, display, text in items:
        if path.suffix != ".yaml":
            result.error(display, 1, 1, "file-extension", f"pattern files end in .yaml: rename to {path.stem}.yaml")
            continue
        f = load_yaml(path, display, result, text)
        if f is not None:
            out.append((f, schema.check(f, schema.PATTERN_SCHEMA, result) and not result.has_errors(display)))
    return out, result.problems


def _from_cache(paths: list[Path], folder: str, cache: FileCache):
    """The files whose verdict the cache holds, as (LoadedFile, valid, problems), and the rest to
    check as (path, display, text or None)."""
    hits, misses = [], []
    for path in paths:
        display = os.path.join(folder, path.name)
        text = read_text(path, display, Result()) if cache.enabled and path.suffix == ".yaml" else None
        entry = cache.get(text_key(text)) if text is not None else None
        if entry is None:
            misses.append((path, display, text))
        else:
            data, problems, ok = entry
            hits.append((LoadedFile(path, display, text, data), ok,
                         [Problem(display, *problem) for problem in problems]))
    return hits, misses


def _check_files(paths: list[Path], folder: str, result: Result, progress, jobs: int | None, cache: FileCache):
    """Per-file checks for every pattern: remembered verdicts for files whose text is unchanged,
    and the rest checked, on all cores for large catalogues (parsing dominates)."""
    hits, items = _from_cache(paths, folder, cache)
    chunks = [items[i:i + CHUNK] for i in range(0, len(items), CHUNK)]
    if len(items) < PARALLEL_MIN:
        jobs = 1  # starting workers costs more than a small catalogue's parse
    outcomes = [([(f, ok) for f, ok, _ in hits], [p for _, _, problems in hits for p in problems])]
    outcomes += _with_progress(process_map(_check_chunk, chunks, jobs), chunks, progress, len(items))
    loaded, valid = [], {}
    for index, (checked, problems) in enumerate(outcomes):
        for problem in problems:
            result.add(problem.path, problem.line, problem.col, problem.severity, problem.rule, problem.message)
        for f, ok in checked:
            loaded.append(f)
            valid[f.display] = ok
            if index:  # newly checked: remembered for the next run
                own = [[p.line, p.col, p.severity, p.rule, p.message] for p in problems if p.path == f.display]
                cache.put(text_key(f.text), f.data, own, ok)
    loaded.sort(key=lambda f: f.path.name)
    return loaded, valid


def _with_progress(outcomes, chunks, progress, total):
    done = 0
    for chunk, outcome in zip(chunks, outcomes):
        done += len(chunk)
        if progress:
            progress(done, total)
        yield outcome
