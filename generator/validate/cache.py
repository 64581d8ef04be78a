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


# The modules whose code decides a file's own verdict (reading, parsing, the schema check).
_VERDICT_CODE = ("loader.py", "schema.py", "explain.py", "fastcheck.py", "formats.py", "ecma.py")


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


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class FileCache:
    """Per-file verdicts of one catalogue root: {text key: [data, problems, valid]}, where each
    problem is [line, col, severity, rule, message] (the path is the file's own)."""

    def __init__(self, root: Path):
        self.path = cache_dir() / (hashlib.sha256(str(Path(root).resolve()).encode()).hexdigest()[:24] + ".json")
        self.enabled = not os.environ.get("CATALOGUE_NO_CACHE")
        self.old: dict = self._read() if self.enabled else {}
        self.new: dict = {}

    def _read(self) -> dict:
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(stored, dict) or stored.get("fingerprint") != fingerprint():
            return {}
        entries = stored.get("entries")
        return entries if isinstance(entries, dict) else {}

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
        if not self.enabled or self.new == self.old:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=".cache-", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({"fingerprint": fingerprint(), "entries": self.new}, handle, ensure_ascii=False)
            os.replace(temp, self.path)
        except OSError:
            pass
