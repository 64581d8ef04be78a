"""Validate, cache: the per-file half of validation (parse and schema check) remembered by each
file's content, so a run over a large catalogue parses and checks only the files that changed;
the cross-file rules still run over every file.

Safe by construction:
- An entry is keyed by the SHA-256 of the file's text, so a file changed behind the cache's back
  (same size, same time, new bytes) is a new key; nothing trusts sizes or modification times.
- Every key also carries a fingerprint of the package version, the packaged schemas and the
  source of the code that makes per-file verdicts, so a schema or code change starts afresh.
- The cache lives in the user's cache folder (XDG_CACHE_HOME, else ~/.cache), never in the
  catalogue: a pull request cannot commit a cache that calls a broken file valid.
- It is JSON (data, problems, verdict), never pickle; a missing, unreadable or corrupt cache is an
  empty one, and it is written atomically. CATALOGUE_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from generator import __version__
from generator.resources import read_schema_file, schema_files

FORMAT = 1  # the layout of an entry; bump when it changes


def cache_dir() -> Path:
    """CATALOGUE_CACHE_DIR when set, else nhs-pattern-catalogue/ in the user's cache folder."""
    if os.environ.get("CATALOGUE_CACHE_DIR"):
        return Path(os.environ["CATALOGUE_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "nhs-pattern-catalogue"


# The modules whose code decides a file's own verdict (reading, parsing, the schema check) and
# the facts kept of it (facts.py, with the similarity text).
_VERDICT_CODE = ("loader.py", "schema.py", "explain.py", "fastcheck.py", "formats.py", "ecma.py", "facts.py",
                 "../model/similarity.py", "../model/vocabulary.py")


@lru_cache(maxsize=None)
def fingerprint() -> str:
    """What every cached verdict depends on besides the file itself."""
    digest = hashlib.sha256(f"{FORMAT}:{__version__}".encode())
    for entry in sorted(schema_files().iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".json", ".yaml")):
            digest.update(entry.name.encode() + b"\0" + read_schema_file(entry.name).encode())
    here = Path(__file__).resolve().parent
    for name in _VERDICT_CODE + ("../characters.py", "../problems.py"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def cache_file(root: Path, suffix: str) -> Path:
    """The file in the cache folder for one catalogue root."""
    return cache_dir() / (hashlib.sha256(str(Path(root).resolve()).encode()).hexdigest()[:24] + suffix)


def read_json(path: Path):
    """What a cache file holds, or None when it is missing or unreadable."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_json(path: Path, value) -> None:
    """Write a cache file atomically; a cache that cannot be written is no error."""
    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".cache-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            # ASCII escapes: a file name that is not UTF-8 reaches Python as a lone surrogate,
            # which JSON can escape but UTF-8 cannot encode.
            json.dump(value, handle)
        os.replace(temp, path)
    except (OSError, ValueError):
        if temp is not None and os.path.exists(temp):
            os.unlink(temp)


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class FileCache:
    """Per-file verdicts of one catalogue root: {text key: [data, problems, valid]}, where each
    problem is [line, col, severity, rule, message] (the path is the file's own)."""

    def __init__(self, root: Path, enabled: bool = True):
        self.path = cache_file(root, ".json")
        self.enabled = enabled and not os.environ.get("CATALOGUE_NO_CACHE")
        self._old: dict | None = None  # read at the first look-up: it is large
        self.new: dict = {}

    @property
    def old(self) -> dict:
        if self._old is None:
            stored = read_json(self.path) if self.enabled else None
            entries = stored.get("entries") if isinstance(stored, dict) and stored.get("fingerprint") == fingerprint() else None
            self._old = entries if isinstance(entries, dict) else {}
        return self._old

    def get(self, key: str):
        """(data, problems, valid) for a text key, or None; an entry used is kept for next time."""
        entry = self.old.get(key)
        if not (isinstance(entry, list) and len(entry) == 3 and isinstance(entry[1], list)):
            return None
        self.new[key] = entry
        return entry

    def put(self, key: str, data, problems: list, valid: bool) -> None:
        self.new[key] = [data, problems, valid]

    def save(self) -> None:
        """Write the entries of this run (the files as they are now), atomically; a cache that
        cannot be written is no error."""
        if self.enabled and self.new != self.old:
            write_json(self.path, {"fingerprint": fingerprint(), "entries": self.new})
