"""Validate, facts: what the cross-file rules need to know of a pattern file they do not report on
(its id, lifecycle, supersessions and relations, whether it passed its own checks, and its title
and summary for the similar-pattern check), remembered by the file's status, so a run limited to
a few files (`validate PATH`, `--changed-since`, the pre-commit hook) neither reads nor parses
the rest of a large catalogue.

Safe when files change behind its back, the way git's index is:
- A file's facts are used only while its status is the one recorded: device, inode, size, and
  the modification and change times in nanoseconds. Rewriting a file changes its change time
  (ctime), which no program can set back, so even a same-size edit with its modification time
  restored is seen.
- A file whose times are within RACY_NS of the run that recorded it is not remembered ("racy":
  it may have changed again within the file system's timestamp granularity), so it is read again.
- It lives beside the verdict cache (validate/cache.py), with the same fingerprint of package,
  schemas and code, never in the catalogue, in JSON, written atomically; CATALOGUE_NO_CACHE=1
  turns it off and a missing or corrupt index is an empty one.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from generator.model.similarity import normalise
from generator.validate.cache import cache_file, fingerprint, read_json, write_json
from generator.validate.loader import LoadedFile

RACY_NS = 2_000_000_000  # two seconds: coarser than any local file system's timestamps
_KEPT = ("id", "lifecycle", "superseded_by")  # what the id and supersession rules read


def status(path: Path | str) -> list[int] | None:
    """The recorded status of a file (not following links), or None when it cannot be read."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]


def facts_of(f: LoadedFile, valid: bool) -> dict:
    """The facts of one loaded file; the data kept is read defensively, as the rules read it."""
    data = f.data
    kept = {key: data[key] for key in _KEPT if key in data}
    if isinstance(data.get("related"), list):
        # Positions are kept (a non-mapping item stays as None), as the rules index the list.
        kept["related"] = [{"relation": r.get("relation"), "pattern": r.get("pattern")} if isinstance(r, dict)
                           else None for r in data["related"]]
    facts = {"data": kept, "valid": valid}
    if valid:
        facts["title"], facts["summary"] = data.get("title") or "", data.get("summary") or ""
    return facts


def stand_in(display: str, facts: dict) -> LoadedFile:
    """A file known only by its facts: the cross-file rules read its data like a loaded file's.
    It has no text, so a problem in it cannot be located; runs that use stand-ins report only the
    files they name (CrossFileRules.reported). Its path is the display path: building a Path
    object for each of 10,000 files cost more than the rest of the loop."""
    return LoadedFile(display, display, "", facts["data"])


class FactsIndex:
    """The facts of every pattern file of one catalogue root: {file name: [status, facts]}."""

    def __init__(self, root: Path):
        self.path = cache_file(root, ".facts.json")
        self.enabled = not os.environ.get("CATALOGUE_NO_CACHE")
        self.started = time.time_ns()
        stored = read_json(self.path) if self.enabled else None
        files = stored.get("files") if isinstance(stored, dict) and stored.get("fingerprint") == fingerprint() else None
        self.old: dict = files if isinstance(files, dict) else {}
        self.new: dict = {}
        self.dirty = False

    def get(self, name: str, now: list[int] | None) -> dict | None:
        """The facts of a file whose status is still `now`, or None."""
        entry = self.old.get(name)
        if now is None or not (isinstance(entry, list) and len(entry) == 2 and entry[0] == now
                               and isinstance(entry[1], dict) and isinstance(entry[1].get("data"), dict)):
            return None
        self.new[name] = entry
        return entry[1]

    def put(self, name: str, before: list[int] | None, facts: dict) -> None:
        """Remember a file's facts under the status it had before it was read; a file changed
        too recently to tell a later change apart is left out."""
        if before is not None and max(before[3], before[4]) < self.started - RACY_NS:
            kept = self.old.get(name)
            # The same status as last time: keep that entry, with the text a limited run worked out.
            self.new[name] = kept if isinstance(kept, list) and kept[:1] == [before] else [before, facts]

    def record(self, loaded: list[LoadedFile], valid: dict[str, bool]) -> None:
        """After a full run: the facts of every file that loaded. The status is taken after the
        read, which is safe: a file changed since the run started is racy and left out."""
        for f in loaded:
            self.put(f.path.name, status(f.path), facts_of(f, valid[f.display]))

    def text(self, facts: dict) -> str:
        """The normalised text the similar-pattern check compares, worked out once and kept."""
        if not isinstance(facts.get("text"), str):
            # Only the text is compared; the title shown in a message is read from the file.
            facts["text"] = normalise(facts.pop("title", ""), facts.pop("summary", ""))
            self.dirty = True
        return facts["text"]

    def save(self) -> None:
        if self.enabled and (self.dirty or self.new != self.old):
            write_json(self.path, {"fingerprint": fingerprint(), "files": self.new})
