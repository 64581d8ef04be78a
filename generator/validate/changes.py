"""Changes: which catalogue files a branch changed, for `catalogue validate --changed-since REF`.

A file counts as changed when it differs between the merge base of REF and HEAD and HEAD
(`git diff --name-only REF...`, what a pull request shows), or is staged, modified or untracked
in the working tree (`git status --porcelain`), so a contributor checks exactly what they are
about to propose. Only pattern files and the organisations registry are returned.

Every failure (no git, not a repository, unknown ref, no common history) is a ChangesError with
a message that says what to do; git's own output never reaches the user as a traceback.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from generator.errors import ChangesError
from generator.layout import PATTERNS_DIR, REGISTRY_FILE


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, GIT_OPTIONAL_LOCKS="0", LC_ALL="C", GIT_TERMINAL_PROMPT="0")
    try:
        return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, check=False)
    except FileNotFoundError:
        raise ChangesError("git is not installed (or not on PATH); --changed-since needs git: "
                           "install it, or validate the whole catalogue without --changed-since") from None
    except OSError as exc:
        raise ChangesError(f"cannot run git: {exc.strerror}") from None


def _first_line(completed: subprocess.CompletedProcess) -> str:
    text = completed.stderr.decode("utf-8", "replace").strip()
    return text.splitlines()[0] if text else f"git exited with status {completed.returncode}"


def _top_level(root: Path) -> Path:
    if not root.is_dir():
        raise ChangesError(f"{root} is not a folder")
    done = _git(["rev-parse", "--show-toplevel"], root)
    if done.returncode != 0:
        detail = _first_line(done)
        if "dubious ownership" in detail:
            raise ChangesError(f"git refuses to read {root}: {detail} (see `git config --global "
                               "--add safe.directory`)")
        raise ChangesError(f"{root} is not inside a git repository, so there is nothing to compare "
                           "with: clone the catalogue with git, or validate without --changed-since")
    return Path(os.fsdecode(done.stdout.rstrip(b"\n"))).resolve()


def _check_ref(ref: str, top: Path) -> None:
    if not ref or ref.startswith("-") or any(c in ref for c in "\0\n"):
        raise ChangesError(f"{ref!r} is not a git reference; give a branch, tag or commit, e.g. origin/main")
    done = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], top)
    if done.returncode != 0:
        raise ChangesError(
            f"unknown git reference {ref!r}: give a branch, tag or commit that exists here, e.g. "
            "origin/main (run `git fetch origin main` first; a CI checkout needs fetch-depth: 0)")


def _split(output: bytes) -> list[str]:
    return [os.fsdecode(item) for item in output.split(b"\0") if item]


def _diff_paths(ref: str, top: Path) -> list[str]:
    done = _git(["-c", "core.quotepath=off", "diff", "--name-only", "-z", "--no-ext-diff",
                 f"{ref}...", "--"], top)
    if done.returncode != 0:
        detail = _first_line(done)
        if "no merge base" in detail:
            raise ChangesError(f"{ref!r} shares no history with this branch, so its changes cannot be "
                               "listed; compare with the branch this one was made from, e.g. origin/main")
        raise ChangesError(f"git could not compare with {ref!r}: {detail}")
    return _split(done.stdout)


def _status_paths(top: Path) -> list[str]:
    done = _git(["status", "--porcelain", "-z", "--untracked-files=all"], top)
    if done.returncode != 0:
        raise ChangesError(f"git could not list uncommitted files: {_first_line(done)}")
    paths, items = [], _split(done.stdout)
    i = 0
    while i < len(items):
        entry = items[i]
        status, path = entry[:2], entry[3:]
        paths.append(path)
        if "R" in status or "C" in status:
            i += 1  # a rename or copy is followed by its old name, which no longer exists here
        i += 1
    return paths


def _is_catalogue_file(relative: Path) -> bool:
    parts = relative.parts
    if parts == (REGISTRY_FILE,):
        return True
    return len(parts) == 2 and parts[0] == PATTERNS_DIR and not parts[1].startswith(".")


def changed_files(root: Path, ref: str, include_deleted: bool = False) -> set[Path]:
    """Pattern files and the registry under `root` that differ from `ref` (committed since the
    branch left it, staged, modified or untracked), as absolute paths.

    Deleted files are left out unless `include_deleted`: there is nothing left to check in them.
    Raises ChangesError when git cannot answer.
    """
    root = Path(root).resolve()
    top = _top_level(root)
    _check_ref(ref, top)
    found: set[Path] = set()
    for name in _diff_paths(ref, top) + _status_paths(top):
        path = top / name
        try:
            relative = path.relative_to(root)
        except ValueError:
            continue  # outside the catalogue root
        if not _is_catalogue_file(relative):
            continue
        if include_deleted or os.path.lexists(path):  # a link is checked (and refused), not skipped
            found.add(path)
    return found
