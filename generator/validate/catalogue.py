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
from generator.validate.cache import FileCache
from generator.validate.facts import FactsIndex
from generator.validate.kept import KeptRuns, RuledFiles, check_kept
from generator.validate.limited import check_limited, describer, similar_entries
from generator.validate.perfile import check_files
from generator.validate.loader import LoadedFile, load_yaml
from generator.model.maturity import maturity_model
from generator.model.catalogue import Catalogue, Organisation, Pattern
from generator.problems import Result
from generator.validate.rules import CrossFileRules


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
                       progress=None, similar: set[str] | None = None, jobs: int | None = None,
                       kept: KeptRuns | None = None) -> Validation:
    """Check the whole catalogue; when `only` names files, report only problems in those files
    (and in the registry), while the cross-file rules still see every pattern. The files `only`
    names are the ones being changed, so findings that depend on today's date (a review that
    lapsed under a declared maturity) are errors in them, and warnings in a full run: a catalogue
    that validated yesterday and has not changed still validates today. `similar` names the new
    or changed pattern ids to compare with the rest (the similar-pattern check). `kept` (a whole
    run under `catalogue serve`) gives what the last run made of each file, and keeps this run's:
    only files whose status changed are read again (validate/kept.py)."""
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
    kept = kept if changed is None and not similar else None
    index = None if kept is not None else FactsIndex(root)
    loaded, valid, others = _per_file(root, layout, files, changed, result, progress, jobs, index, kept)
    result.files_checked = len(files.names) + len(files.irregular) + 1

    # Ids come from the file names too, so a file that cannot be read is not also reported as
    # missing by every pattern that refers to it.
    ids = {f.data["id"] for f in loaded if isinstance(f.data.get("id"), str)} | files.stems
    reported = None if changed is None else changed | {layout.display(layout.registry)}
    rules = CrossFileRules(result, today, model, org_codes, ids, changed=changed, reported=reported)
    if organisations is not None:
        rules.check_registry(registry)
    rules.check_ids(loaded)
    rules.check_supersedes(loaded)
    ruled = RuledFiles(kept, (today, model, org_codes, ids))
    catalogue = _checked_model(loaded, valid, rules, result, changed, organisations or {}, ruled)

    if similar:
        entries, related = similar_entries(catalogue, others, index, result)
        named = {pid: f for f in loaded if (pid := f.data.get("id")) in catalogue.patterns and f.text}
        rules.check_similar(named, entries, set(similar), related, describer(catalogue, files))
    if index is not None:
        index.save()

    if reported is not None:
        result = result.only(reported)
    return Validation(result, catalogue, root, today)


def _per_file(root, layout: CatalogueRoot, files: PatternFiles, changed: set[str] | None, result: Result,
              progress, jobs, index: FactsIndex | None, kept: KeptRuns | None):
    """Every pattern file read and checked on its own (or taken from what a kept run or the facts
    index knows of it): (loaded files, each file's verdict, the facts of files not named)."""
    folder = layout.display(layout.patterns)
    if kept is not None:
        return (*check_kept(root, files, folder, result, progress, jobs, kept), {})
    if changed is not None:
        return check_limited(root, files, folder, changed, result, progress, jobs, index)
    cache = FileCache(root)
    loaded, valid = check_files(files.paths, folder, result, progress, jobs, cache)
    cache.save()
    index.record(loaded, valid)
    return loaded, valid, {}


def _checked_model(loaded, valid, rules: CrossFileRules, result: Result, changed: set[str] | None,
                   organisations: dict, ruled: RuledFiles) -> Catalogue:
    """Each file's own cross-file checks, and the model of every valid pattern. A run limited to
    some files checks and models only those: the others serve the rules across files through
    their facts (validate/facts.py), and are not checked again. A kept run (validate/kept.py)
    takes an unchanged file's outcome from the last run."""
    catalogue = Catalogue(organisations=organisations)
    for f in loaded:
        if changed is not None and f.display not in changed:
            continue
        had_errors = result.has_errors(f.display)
        reused, pattern = ruled.reuse(f, had_errors, result)
        if not reused:
            start = len(result.problems)
            pattern = _checked_pattern(f, valid[f.display], rules, result)
            ruled.keep(f, had_errors, result.problems[start:], pattern)
        if pattern is not None:
            catalogue.patterns[pattern.id] = pattern
    return catalogue


def _checked_pattern(f: LoadedFile, valid: bool, rules: CrossFileRules, result: Result) -> Pattern | None:
    """The file's rules across files, and its pattern if it has no error."""
    rules.check_file(f)
    if valid and not result.has_errors(f.display):
        pattern = Pattern.from_data(f.data, f.display)
        rules.check_evidence(f, pattern)
        if not result.has_errors(f.display):
            return pattern
    return None


def _named_files(layout: CatalogueRoot, files: PatternFiles, only: list[Path]) -> set[str]:
    """The display paths of the files `only` names, which must all be files of the catalogue."""
    def identity(path: Path) -> str:
        return os.path.join(path.parent.resolve(), path.name)  # the entry itself, not what a link points at

    # Every entry lies in the patterns folder (or is the registry): resolve that folder once.
    folder, shown = str(layout.patterns.resolve()), layout.display(layout.patterns)
    names = set(files.names) | {path.name for path, _ in files.irregular}
    registry = identity(layout.registry)
    found, outside = set(), []
    for path in map(Path, only):
        entry = identity(path)
        if entry == registry:
            found.add(display_path(layout.registry))
        elif os.path.dirname(entry) == folder and path.name in names:
            found.add(os.path.join(shown, path.name))
        else:  # a named file the run would never read must not pass silently as "0 errors"
            outside.append(display_path(path))
    if outside:
        raise LayoutError(f"{', '.join(outside)}: not a file of the catalogue in {layout.display()} "
                          f"(pattern files live in {layout.display(layout.patterns)}; use --root)")
    return found
