"""Validate, limited runs: check the files a change names (`validate PATH`, `--changed-since`,
the pre-commit hook, `adopt`, `new`) against the whole catalogue, at the cost of what changed.

The named files are read and checked in full. Every other file serves the rules across files
through its facts (validate/facts.py), remembered by its status; only the files whose status
changed since the last run are read again. So a one-file check in a catalogue of 10,000 lists
the folder and reads one index, rather than parsing 10,000 files.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.layout import PatternFiles
from generator.model.catalogue import Catalogue, Pattern
from generator.model.reuse import reuse_of
from generator.problems import Result
from generator.validate.cache import FileCache
from generator.validate.facts import FactsIndex, facts_of, stand_in, status
from generator.validate.loader import LoadedFile, load_yaml
from generator.validate.perfile import check_files

# Up to this many changed files are parsed directly; more, and the verdict cache (one large
# file) is worth reading, e.g. after switching to a branch that touched many patterns.
DIRECT_MAX = 20


def check_limited(root: Path, files: PatternFiles, folder: str, changed: set[str], result: Result, progress,
                  jobs, index: FactsIndex):
    """The named files and those whose status changed, loaded and checked; the rest as stand-ins.
    Returns (loaded files, each file's verdict, {display: (file name, facts)} of the files not named)."""
    to_read: list[Path] = []
    before: dict[str, list[int] | None] = {}
    others: dict[str, tuple[str, dict]] = {}
    stand_ins: list[LoadedFile] = []
    valid: dict[str, bool] = {}
    where = str(files.folder)
    for name in files.names:
        display = os.path.join(folder, name)
        now = status(os.path.join(where, name))
        facts = None if display in changed else index.get(name, now)
        if facts is None:
            to_read.append(files.folder / name)
            before[name] = now
        else:
            others[display] = (name, facts)
            stand_ins.append(stand_in(display, facts))
            valid[display] = facts["valid"]
    cache = FileCache(root, enabled=len(to_read) > DIRECT_MAX)
    loaded, checked = check_files(to_read, folder, result, progress, jobs, cache)
    for f in loaded:
        facts = facts_of(f, checked[f.display])
        index.put(f.path.name, before[f.path.name], facts)
        if f.display not in changed:
            others[f.display] = (f.path.name, facts)
    valid.update(checked)
    return sorted(loaded + stand_ins, key=lambda f: f.display), valid, others


def similar_entries(catalogue: Catalogue, others: dict, index: FactsIndex, result: Result):
    """(id, normalised text) of every valid pattern, and the (id, related id) pairs they state:
    the named files' from the model, the rest from their facts."""
    from generator.model.similarity import normalise

    patterns = catalogue.sorted_patterns()
    entries = [(p.id, normalise(p.title, p.summary)) for p in patterns]
    related = [(p.id, other) for p in patterns for other, _ in p.related]
    for display, (_, facts) in sorted(others.items()):
        if facts["valid"] and not result.has_errors(display):
            entries.append((facts["data"]["id"], index.text(facts)))
            related += [(facts["data"]["id"], r["pattern"]) for r in facts["data"].get("related", []) if r]
    return entries, related


def describer(catalogue: Catalogue, files: PatternFiles):
    """(title, reuse count) of a pattern by id, for the similar-pattern message: a pattern not
    named in the run is read now, as only the few that match are ever described. It is read from
    the file named after its id, which owns the id (a copy claiming it is the one blamed); only
    valid patterns are compared, so the id is a safe file name."""
    def describe(pid: str) -> tuple[str, int]:
        pattern = catalogue.patterns.get(pid)
        if pattern is None:
            path = files.folder / f"{pid}.yaml"
            loaded = load_yaml(path, str(path), Result())
            try:
                pattern = Pattern.from_data(loaded.data, str(path))
            except (AttributeError, KeyError, TypeError, ValueError):
                # Removed or rewritten since the run began: the message still names the pattern.
                return pid, 0
        return pattern.title, reuse_of(pattern).count
    return describe
