"""changed_files: what a branch changed under patterns/ and in the registry, from real git
repositories made in a temporary folder. The files are fictional placeholders: only their
names and whether they changed matter here."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.errors import ChangesError
from generator.validate.changes import changed_files
from generator.errors import CatalogueError

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Fictional Tester", "GIT_AUTHOR_EMAIL": "tester@example.org",
    "GIT_COMMITTER_NAME": "Fictional Tester", "GIT_COMMITTER_EMAIL": "tester@example.org",
    "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
}


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=repo, capture_output=True,
                          text=True, env={**os.environ, **GIT_ENV}, check=True)
    return done.stdout


def write(repo: Path, name: str, text: str = "fictional: true\n") -> Path:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path) -> Path:
    """A repository whose main branch has a registry, two patterns and a README; the work
    happens on the branch `proposal`."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    git(root, "checkout", "-q", "-b", "main")
    write(root, "organisations.yaml")
    write(root, "patterns/alpha.yaml")
    write(root, "patterns/beta.yaml")
    write(root, "README.md", "# Fictional catalogue\n")
    commit_all(root, "base")
    git(root, "checkout", "-q", "-b", "proposal")
    return root


def names(root: Path, paths: set[Path]) -> set[str]:
    return {p.relative_to(root.resolve()).as_posix() for p in paths}


def test_nothing_changed(repo):
    assert changed_files(repo, "main") == set()


def test_committed_staged_modified_and_untracked_files_count(repo):
    write(repo, "patterns/gamma.yaml")
    commit_all(repo, "add gamma")                        # committed on the branch
    write(repo, "patterns/alpha.yaml", "changed: 1\n")   # modified, not staged
    write(repo, "patterns/delta.yaml")
    git(repo, "add", "patterns/delta.yaml")              # staged
    write(repo, "patterns/epsilon.yaml")                 # untracked
    assert names(repo, changed_files(repo, "main")) == {
        "patterns/alpha.yaml", "patterns/gamma.yaml", "patterns/delta.yaml", "patterns/epsilon.yaml"}


def test_paths_are_absolute_and_exist(repo):
    write(repo, "patterns/gamma.yaml")
    (path,) = changed_files(repo, "main")
    assert path.is_absolute() and path.is_file()


def test_registry_counts_other_files_do_not(repo):
    write(repo, "organisations.yaml", "changed: 1\n")
    write(repo, "README.md", "# Changed\n")
    write(repo, "docs/guide.md")
    write(repo, "patterns/nested/not-a-pattern.yaml")
    write(repo, "patterns/.hidden.yaml")
    assert names(repo, changed_files(repo, "main")) == {"organisations.yaml"}


def test_other_file_types_in_patterns_count(repo):
    """The validator reports a pattern file with the wrong extension, so it must be checked."""
    write(repo, "patterns/gamma.yml")
    assert names(repo, changed_files(repo, "main")) == {"patterns/gamma.yml"}


def test_changes_made_on_main_since_the_branch_do_not_count(repo):
    git(repo, "checkout", "-q", "main")
    write(repo, "patterns/beta.yaml", "changed on main\n")
    commit_all(repo, "main moves on")
    git(repo, "checkout", "-q", "proposal")
    write(repo, "patterns/gamma.yaml")
    commit_all(repo, "add gamma")
    assert names(repo, changed_files(repo, "main")) == {"patterns/gamma.yaml"}


def test_deleted_files_are_left_out_unless_asked_for(repo):
    (repo / "patterns" / "beta.yaml").unlink()
    git(repo, "rm", "-q", "--cached", "patterns/alpha.yaml")
    (repo / "patterns" / "alpha.yaml").unlink()
    commit_all(repo, "remove alpha")
    assert changed_files(repo, "main") == set()
    assert names(repo, changed_files(repo, "main", include_deleted=True)) == {
        "patterns/alpha.yaml", "patterns/beta.yaml"}


def test_renamed_file_counts_under_its_new_name(repo):
    git(repo, "mv", "patterns/beta.yaml", "patterns/beta-renamed.yaml")
    assert names(repo, changed_files(repo, "main")) == {"patterns/beta-renamed.yaml"}
    commit_all(repo, "rename")
    assert names(repo, changed_files(repo, "main")) == {"patterns/beta-renamed.yaml"}


def test_unusual_file_names(repo):
    write(repo, "patterns/caf\u00e9 entry.yaml")
    commit_all(repo, "unicode name")
    write(repo, "patterns/with\ttab.yaml")
    assert names(repo, changed_files(repo, "main")) == {"patterns/caf\u00e9 entry.yaml", "patterns/with\ttab.yaml"}


def test_catalogue_in_a_subfolder_of_the_repository(repo):
    write(repo, "catalogue/organisations.yaml")
    write(repo, "catalogue/patterns/one.yaml")
    write(repo, "patterns/outside.yaml")
    root = repo / "catalogue"
    assert names(root, changed_files(root, "main")) == {"organisations.yaml", "patterns/one.yaml"}


def test_commit_and_tag_references(repo):
    git(repo, "tag", "v1", "main")
    base = git(repo, "rev-parse", "main").strip()
    write(repo, "patterns/gamma.yaml")
    commit_all(repo, "add gamma")
    assert names(repo, changed_files(repo, "v1")) == {"patterns/gamma.yaml"}
    assert names(repo, changed_files(repo, base)) == {"patterns/gamma.yaml"}
    assert names(repo, changed_files(repo, "HEAD~1")) == {"patterns/gamma.yaml"}


def test_unknown_reference(repo):
    with pytest.raises(ChangesError, match="unknown git reference 'origin/main'.*fetch-depth: 0"):
        changed_files(repo, "origin/main")


@pytest.mark.parametrize("ref", ["--output=/tmp/x", "", "-p"])
def test_option_like_reference_is_refused(repo, ref):
    with pytest.raises(ChangesError, match="is not a git reference"):
        changed_files(repo, ref)


def test_unrelated_history(repo):
    git(repo, "checkout", "-q", "--orphan", "unrelated")
    git(repo, "rm", "-rq", "--cached", ".")
    commit_all(repo, "unrelated root")
    git(repo, "checkout", "-q", "proposal")
    with pytest.raises(ChangesError, match="shares no history"):
        changed_files(repo, "unrelated")


def test_not_a_git_repository(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    (tmp_path / "patterns").mkdir()
    with pytest.raises(ChangesError, match="not inside a git repository"):
        changed_files(tmp_path, "main")


def test_missing_folder(tmp_path):
    with pytest.raises(ChangesError, match="is not a folder"):
        changed_files(tmp_path / "nowhere", "main")


def test_git_not_installed(repo, monkeypatch):
    monkeypatch.setenv("PATH", str(repo / "no-bin"))
    with pytest.raises(ChangesError, match="git is not installed"):
        changed_files(repo, "main")


def test_errors_are_catalogue_errors():
    """The CLI prints a CatalogueError as one message: never a traceback."""
    assert issubclass(ChangesError, CatalogueError)
