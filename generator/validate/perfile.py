"""Validate, per file: read each pattern file, parse it and check it against the schema, using the
verdict cache for files whose text is unchanged, on all cores for large catalogues (parsing
dominates). The rules across files run afterwards, in catalogue.py.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.parallel import process_map
from generator.problems import Problem, Result
from generator.validate import schema
from generator.validate.cache import FileCache, text_key
from generator.validate.loader import LoadedFile, load_yaml, read_text

# Below this many files one process is quicker than starting workers.
PARALLEL_MIN = 800
CHUNK = 250


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


def check_files(paths: list[Path], folder: str, result: Result, progress, jobs: int | None, cache: FileCache):
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
