"""Validate, kept runs: under `catalogue serve`, each run keeps in memory what it made of every
pattern file, so the next run (after an edit) reads and checks again only the files whose status
changed, and the rules across files reuse each unchanged file's own outcome while everything they
compare it with is unchanged. At 5,000 patterns a whole run reads and hashes every file and
writes the verdict cache again (2 to 4 s under the server); a kept run stats the files.

What is kept of a file: its status, the loaded file (data and text), its own verdict and problems
(read, parse, schema), and what the per-file rules across files made of it (their problems and
its pattern). Safe as the facts index is (validate/facts.py):
- a file's outcome is reused only while its status (device, inode, size, modification and change
  times) is the one taken before it was read; rewriting a file changes its change time, which no
  program can set back;
- a file changed within RACY_NS of the run that read it is not kept, so it is read again;
- the rules' outcome of a file is reused only for the same loaded file, the same day, registry
  codes and pattern ids, and the same errors found in it before those rules ran.
Nothing is written to disk; the process ends, and the kept runs with it.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.characters import printable
from generator.layout import PatternFiles
from generator.model.catalogue import Pattern
from generator.problems import Problem, Result
from generator.validate import facts
from generator.validate.cache import FileCache
from generator.validate.facts import FactsIndex, status
from generator.validate.loader import LoadedFile
from generator.validate.perfile import check_files

# Up to this many files to read, they are parsed directly; more (the first run), and the verdict
# cache (one large file) is worth reading, as a whole run reads it.
DIRECT_MAX = 20


@dataclass
class KeptFile:
    """One pattern file as a run left it."""

    status: list[int]
    loaded: LoadedFile
    valid: bool  # its own verdict (read, parse, schema)
    problems: list[Problem]  # its own problems
    ruled: tuple | None = None  # (inputs, problems, pattern or None): the rules across files' outcome


@dataclass
class KeptRuns:
    """What the last run of one catalogue root kept, for the next run in this process."""

    root: Path | None = None
    files: dict[str, KeptFile] = field(default_factory=dict)  # by file name
    setting: tuple = ()  # what the rules across files compared every file with, last run

    def of(self, root: Path) -> dict[str, KeptFile]:
        return self.files if self.root == Path(root).resolve() else {}


def check_kept(root: Path, files: PatternFiles, folder: str, result: Result, progress, jobs,
               kept: KeptRuns) -> tuple[list[LoadedFile], dict[str, bool]]:
    """Per-file checks for every pattern, as check_files makes them: the kept outcome of each file
    whose status is unchanged, the rest read and checked. Keeps this run's outcome in `kept`."""
    started = time.time_ns()
    old = kept.of(root)
    where = str(files.folder)
    reused: list[KeptFile] = []
    to_read: list[Path] = []
    before: dict[str, list[int] | None] = {}
    for name in files.names:
        now = status(os.path.join(where, name))
        entry = old.get(name)
        if entry is not None and entry.status == now:
            reused.append(entry)
        else:
            to_read.append(files.folder / name)
            before[name] = now
    whole = len(to_read) == len(files.names)
    own = Result()
    cache = FileCache(root, enabled=len(to_read) > DIRECT_MAX)
    loaded, valid = check_files(to_read, folder, own, progress, jobs, cache)
    if whole:  # as a whole run leaves the verdict cache and the facts index
        cache.save()
        index = FactsIndex(root)
        index.record(loaded, valid)
        index.save()
    by_path: dict[str, list[Problem]] = {}
    for problem in own.problems:
        by_path.setdefault(problem.path, []).append(problem)
        result.add(*_fields(problem))
    new = {}
    for f in loaded:
        name = f.path.name
        if _settled(before[name], started):
            new[name] = KeptFile(before[name], f, valid[f.display], by_path.get(printable(f.display), []))
    for entry in reused:
        for problem in entry.problems:
            result.add(*_fields(problem))
        new[entry.loaded.path.name] = entry
        loaded.append(entry.loaded)
        valid[entry.loaded.display] = entry.valid
    loaded.sort(key=lambda f: f.path.name)
    kept.root, kept.files = Path(root).resolve(), new
    return loaded, valid


def _settled(before: list[int] | None, started: int) -> bool:
    """Whether a file read in a run that started at `started` may be kept: its status is known,
    and its times are older than the racy margin (facts.RACY_NS, read here so tests can lift it)."""
    return before is not None and max(before[3], before[4]) < started - facts.RACY_NS


def _fields(problem: Problem) -> tuple:
    return (problem.path, problem.line, problem.col, problem.severity, problem.rule, problem.message)


class RuledFiles:
    """The per-file rules across files over one run (check_file, then the pattern and its
    evidence): each unchanged file's kept outcome is added again instead of worked out, while the
    run compares it with what the last one did (the day, registry codes, pattern ids)."""

    def __init__(self, kept: KeptRuns | None, setting: tuple):
        self.files = kept.files if kept is not None else {}
        self.same = kept is not None and kept.setting == setting
        if kept is not None:
            kept.setting = setting

    def reuse(self, f: LoadedFile, had_errors: bool, result: Result) -> tuple[bool, Pattern | None]:
        """(True, its pattern or None) when the file's kept outcome stands and was added again."""
        entry = self.files.get(f.path.name) if self.same else None
        if entry is None or entry.loaded is not f or entry.ruled is None or entry.ruled[0] != had_errors:
            return False, None
        for problem in entry.ruled[1]:
            result.add(*_fields(problem))
        return True, entry.ruled[2]

    def keep(self, f: LoadedFile, had_errors: bool, problems: list[Problem], pattern: Pattern | None) -> None:
        entry = self.files.get(f.path.name)
        if entry is not None and entry.loaded is f:
            entry.ruled = (had_errors, problems, pattern)
