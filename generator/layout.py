"""Layout: what a catalogue root holds and where (CatalogueRoot), and the files that make it up.
The one place that knows the folder layout: patterns/<id>.yaml, organisations.yaml, mkdocs.yml,
docs/, the optional schema/ copy and the issue forms in .github/ISSUE_TEMPLATE/.

Only a regular file inside the root is part of the catalogue. Anything else where a file is
expected (a symbolic link, even to a file inside the root; a named pipe; a device; a folder
named like a pattern file) is reported as a located `file-not-regular` error and never opened:
a link would publish a file from outside the catalogue, and reading a named pipe would hang the
run. Entries are examined without following links (os.scandir and lstat), and the loader opens
files with O_NOFOLLOW and checks again, so a file swapped for a link mid-run is refused too.

The patterns folder itself must be a real folder: a link there would make every pattern a file
outside the root, so it is a layout error (exit 2), like a missing folder.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import LayoutError

PATTERNS_DIR = "patterns"
REGISTRY_FILE = "organisations.yaml"
CONFIG_FILE = "mkdocs.yml"
FORMS_DIR = ".github/ISSUE_TEMPLATE"  # the issue forms, read by `catalogue intake` and the site's links
# What a catalogue root holds that a build reads: folders, then files.
SOURCE_FOLDERS = (PATTERNS_DIR, "docs", "schema", ".git")
SOURCE_FILES = (REGISTRY_FILE, CONFIG_FILE)
RULE = "file-not-regular"

_KINDS = ((stat.S_ISLNK, "a symbolic link"), (stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


def display_path(path: Path) -> str:
    """Path as reported: relative to the working directory when inside it, so editors and CI can open it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def stem_of(path: str) -> str:
    """A file's name without its last suffix, as Path.stem gives it, for a path kept as text."""
    name = os.path.basename(path)
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def kind_of(mode: int) -> str | None:
    """What a file mode is, in words, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((words for test, words in _KINDS if test(mode)), "not a regular file")


def not_regular(path: Path) -> str | None:
    """Why `path` (not followed if a link) is not a regular file, or None when it is one.
    Raises FileNotFoundError when nothing is there."""
    kind = kind_of(os.lstat(path).st_mode)
    if kind == "a symbolic link":
        kind += f" (to {os.readlink(path)})"
    return kind


def not_regular_message(kind: str) -> str:
    """The file-not-regular message: what the entry is, and what to do."""
    return (f"this is {kind}, not a regular file; the catalogue reads only regular files inside its "
            "root: put the file itself here")


@dataclass(frozen=True)
class CatalogueRoot:
    """A catalogue's root folder and the paths inside it."""

    path: Path

    @classmethod
    def at(cls, folder) -> "CatalogueRoot":
        return cls(Path(folder))

    @property
    def patterns(self) -> Path:
        return self.path / PATTERNS_DIR

    @property
    def registry(self) -> Path:
        return self.path / REGISTRY_FILE

    @property
    def config(self) -> Path:
        return self.path / CONFIG_FILE

    @property
    def forms(self) -> Path:
        return self.path / FORMS_DIR

    @property
    def schema_copy(self) -> Path:
        """Where a catalogue may keep its own copy of the schemas (for editors' schema lines)."""
        return self.path / "schema"

    def pattern_path(self, pattern_id: str) -> Path:
        """The file of a pattern; the id must already be valid (it becomes a file name)."""
        return self.patterns / f"{pattern_id}.yaml"

    def display(self, path: Path | None = None) -> str:
        """A path as reported (see display_path); the root itself when no path is given."""
        return display_path(self.path if path is None else path)

    def require(self, registry: bool = True) -> "CatalogueRoot":
        """This root, or LayoutError when it lacks patterns/ (and, if asked, organisations.yaml)."""
        if not self.patterns.is_dir() or (registry and not self.registry.is_file()):
            needs = f"{PATTERNS_DIR}/ and {REGISTRY_FILE}" if registry else f"{PATTERNS_DIR}/"
            raise LayoutError(f"{self.display()} is not a catalogue root: it needs {needs} (run the command "
                              "from the catalogue's folder, give --root, or start one with `catalogue init`)")
        return self

    def require_config(self) -> Path:
        """mkdocs.yml, or LayoutError when the root has none."""
        if not self.config.is_file():
            raise LayoutError(f"{self.display(self.config)}: no {CONFIG_FILE} at the catalogue root "
                              "(`catalogue init` and `catalogue synth` write one)")
        return self.config

    def pattern_files(self) -> "PatternFiles":
        return find_pattern_files(self.path)


@dataclass
class PatternFiles:
    """The entries of the patterns folder: regular files to read, and what else was found.
    Kept as names: a catalogue of 10,000 files pays for a Path object per file only when a run
    reads them all."""

    folder: Path
    names: list[str] = field(default_factory=list)  # regular files, sorted by name
    irregular: list[tuple[Path, str]] = field(default_factory=list)  # (path, what it is)

    @property
    def paths(self) -> list[Path]:
        return [self.folder / name for name in self.names]

    @property
    def stems(self) -> set[str]:
        """The id of every *.yaml entry, readable or not: a file's id is known from its name."""
        names = self.names + [p.name for p, _ in self.irregular]
        return {name[:-5] for name in names if name.endswith(".yaml") and len(name) > 5}


def find_pattern_files(root: Path) -> PatternFiles:
    """Every entry of root/patterns except hidden ones, sorted by name; raises LayoutError when the
    folder is missing or is not a real folder inside the root."""
    folder = Path(root) / PATTERNS_DIR
    if folder.is_symlink():
        raise LayoutError(f"{display_path(folder)} is a symbolic link (to {os.readlink(folder)}); the catalogue "
                          "reads only a real folder inside its root: move the pattern files into it")
    if not folder.is_dir():
        raise LayoutError(f"{display_path(folder)}: no patterns folder; is --root the catalogue's root?")
    found = PatternFiles(folder)
    # Sorted by name as strings: sorting 10,000 Path objects took a tenth of a second.
    entries = sorted(((e.name, e) for e in os.scandir(folder) if not e.name.startswith(".")),
                     key=lambda pair: pair[0])
    for name, entry in entries:
        if entry.is_file(follow_symlinks=False):
            found.names.append(name)
            continue
        try:
            kind = not_regular(folder / name) or "not a regular file"
        except FileNotFoundError:
            continue  # removed while the folder was read
        found.irregular.append((folder / name, kind))
    return found
