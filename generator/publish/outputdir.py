"""Output folders: where `catalogue build`, `catalogue render` and MkDocs (through the plugin) may
write. An output folder is replaced whole, so before anything is written this module refuses one
that is, holds or sits inside the catalogue's sources, and an existing one that the catalogue did
not write. Every folder the catalogue writes carries a marker file, so a later build knows the
folder is its own to replace, and is swapped into place only once it is complete."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterable

from generator.errors import OutputDirError
from generator.layout import SOURCE_FILES, SOURCE_FOLDERS

MARKER = ".catalogue-output"
# An output folder may be none of the root's sources (layout.SOURCE_FOLDERS and SOURCE_FILES),
# hold none of them, and (for the folders) lie inside none of them.
# Signs that a folder is some catalogue or repository, whatever the marker says.
_FOREIGN_SOURCES = ("organisations.yaml", "mkdocs.yml", ".git")


def _sources(root: Path, extra: Iterable[Path]) -> list[tuple[str, Path]]:
    """(name as shown, resolved path) of the root, its sources, and any extra (a configured docs_dir)."""
    found = [("the catalogue root", root)]
    found += [(f"the catalogue's {name}/", root / name) for name in SOURCE_FOLDERS]
    found += [(f"the catalogue's {name}", root / name) for name in SOURCE_FILES]
    found += [(f"the catalogue's {Path(path).name}", Path(path)) for path in extra]
    return [(name, path.resolve()) for name, path in found]


def _refusal(out: Path, what: str, reason: str, advice: str) -> OutputDirError:
    return OutputDirError(f"refusing to write {what} to {out}: {reason}, and an output folder is "
                          f"replaced whole; {advice}")


def check_output_dir(root: Path, out: Path, what: str = "the site", extra_sources: Iterable[Path] = ()) -> Path:
    """Return `out` resolved (symlinks followed) if the catalogue may replace it with `what`;
    raise OutputDirError, having touched nothing, if it may not."""
    root, out = Path(root).resolve(), Path(out).resolve()
    elsewhere = "choose a new or empty folder outside the catalogue's sources (site/ is the default)"
    for name, source in _sources(root, extra_sources):
        if out == source:
            raise _refusal(out, what, f"it is {name}", elsewhere)
        if source.is_relative_to(out):
            raise _refusal(out, what, f"it holds {name}", elsewhere)
        if source != root and source.is_dir() and out.is_relative_to(source):
            raise _refusal(out, what, f"it is inside {name}", elsewhere)
    if not out.exists():
        return out
    if not out.is_dir():
        raise _refusal(out, what, "it is a file", elsewhere)
    foreign = [name for name in _FOREIGN_SOURCES if (out / name).exists()]
    if any((out / "patterns").glob("*.yaml")):
        foreign.append("patterns/*.yaml")
    if foreign:
        raise _refusal(out, what, f"it holds catalogue sources ({', '.join(foreign)})", elsewhere)
    if any(out.iterdir()) and not (out / MARKER).is_file():
        raise _refusal(out, what, f"it is not empty and was not written by the catalogue (it has no "
                                  f"{MARKER} file)", "remove it yourself if you mean to, or choose another folder")
    return out


def write_marker(folder: Path) -> None:
    """Mark `folder` as written by the catalogue, so the next build may replace it. The text is the
    same whichever command wrote it, so builds stay byte-identical. MkDocs keeps dot-files when it
    empties site_dir, so a marker written before a build outlives a build that fails."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text(
        "Written by the NHS pattern catalogue (catalogue build, catalogue render, or mkdocs build with\n"
        "the catalogue plugin). The next build replaces this folder whole, so keep nothing else here.\n"
        "A folder without this file is never replaced.\n", encoding="utf-8", newline="\n")


def check_mkdocs_site_dir(root: Path, config) -> None:
    """For the plugin's on_config: refuse MkDocs' site_dir (PluginError), before MkDocs empties
    it, if `mkdocs build` could remove a source there. Writes nothing: the plugin marks the
    folder with write_marker in on_pre_build, which only a build runs."""
    from mkdocs.exceptions import PluginError

    extra = [Path(config.docs_dir)] + ([Path(config.config_file_path)] if config.config_file_path else [])
    try:
        check_output_dir(root, Path(config.site_dir), "the site", extra)
    except OutputDirError as exc:
        raise PluginError(f"catalogue: {exc}") from exc


def swap_into_place(built: Path, out: Path) -> None:
    """Replace `out` with `built` using renames, keeping the old folder until the new one is in,
    so a reader or a failed build never meets a half-written output folder."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
        os.replace(out, old / "site")
    try:
        os.replace(built, out)
    except BaseException:
        if old is not None:
            os.replace(old / "site", out)
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
