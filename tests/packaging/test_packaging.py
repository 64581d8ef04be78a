"""Packaging: the package as an organisation installs it, not as the test suite runs it (editable).

One module fixture builds the sdist and, from it, the wheel of the worktree as it stands (a
committed snapshot), installs the wheel into a fresh virtual environment, and runs the published
pre-commit hook (`pre-commit try-repo`, which installs its own wheel) on a valid and an invalid
catalogue; the three run at once. Every command runs from a folder outside the repository, so
nothing can be imported from the source tree. Nothing here is skipped: a missing tool (git,
network to PyPI for the dependencies) fails the test.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHIPPED = ("patterns", "organisations.yaml", "mkdocs.yml", "docs")
BROKEN = "patterns/cloud-centre-of-excellence.yaml"  # the copy that the invalid catalogue breaks
# Left out of a snapshot of a tree that is not a git checkout (an unpacked sdist).
UNTRACKED = shutil.ignore_patterns(".git", ".venv", "site", "build", "dist", "*.egg-info", "__pycache__",
                                   ".pytest_cache", ".cache")


def clean_env() -> dict[str, str]:
    """The environment without the test run's own virtual environment or import path."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.update(NO_MKDOCS_2_WARNING="1", GIT_AUTHOR_NAME="Fictional Tester", GIT_COMMITTER_NAME="Fictional Tester",
               GIT_AUTHOR_EMAIL="tester@example.org", GIT_COMMITTER_EMAIL="tester@example.org")
    return env


def run(args, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=clean_env(), capture_output=True, text=True,
                          timeout=timeout)


def git_repo(folder: Path) -> Path:
    """Commit everything in `folder` as a new git repository (pre-commit reads repositories)."""
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["-c", "commit.gpgsign=false", "commit", "-qm", "snapshot"]):
        proc = run(["git", *args], folder)
        assert proc.returncode == 0, proc.stderr
    return folder


def snapshot(dest: Path) -> Path:
    """The worktree as it stands, committed uncommitted changes and all: tracked and untracked
    files that git does not ignore (or the whole tree, less build output, outside a checkout)."""
    listed = run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], REPO)
    if listed.returncode == 0:
        for name in filter(None, listed.stdout.split("\0")):
            if (REPO / name).is_file():
                (dest / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(REPO / name, dest / name)
    else:
        shutil.copytree(REPO, dest, ignore=UNTRACKED)
    return git_repo(dest)


def shipped_copy(dest: Path) -> Path:
    """A copy of the shipped catalogue (patterns, registry, mkdocs.yml, docs) outside the repository."""
    dest.mkdir(parents=True)
    for name in SHIPPED:
        (shutil.copytree if (REPO / name).is_dir() else shutil.copy2)(REPO / name, dest / name)
    return dest


@dataclass
class Packaged:
    tmp: Path
    source: Path          # the committed snapshot the packages were built from
    dist: Path            # the sdist and the wheel
    venv: Path            # a fresh virtual environment with the wheel installed
    install: Future
    hooks: dict[str, Future]

    def installed(self) -> None:
        proc = self.install.result()
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]

    def tool(self, name: str, *args, cwd: Path) -> subprocess.CompletedProcess:
        """Run an installed command (catalogue, mkdocs) of the fresh environment."""
        self.installed()
        proc = run([self.venv / "bin" / name, *args], cwd)
        assert "Traceback" not in proc.stderr, proc.stderr
        return proc


def _build_and_install(source: Path, dist: Path, venv: Path) -> subprocess.CompletedProcess:
    """`python -m build` (the sdist, then the wheel from the sdist), a fresh venv, the wheel in it."""
    built = run([sys.executable, "-m", "build", "--outdir", dist, source], source.parent)
    if built.returncode != 0:
        return built
    made = run([sys.executable, "-m", "venv", venv], source.parent)
    if made.returncode != 0:
        return made
    return run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", *dist.glob("*.whl")], source.parent)


def _try_repo(source: Path, catalogue: Path) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "pre_commit", "try-repo", source, "catalogue-validate", "--ref", "HEAD",
                "--all-files"], catalogue)


@pytest.fixture(scope="module")
def packaged(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("packaging")
    source = snapshot(tmp / "source")
    valid = git_repo(shipped_copy(tmp / "hook-valid"))
    invalid = shipped_copy(tmp / "hook-invalid")
    broken = invalid / BROKEN
    broken.write_text(re.sub(r"(?m)^category: .*$", "category: not-a-category", broken.read_text(encoding="utf-8")),
                      encoding="utf-8")
    git_repo(invalid)
    with ThreadPoolExecutor(max_workers=3) as pool:
        yield Packaged(tmp, source, tmp / "dist", tmp / "venv",
                       pool.submit(_build_and_install, source, tmp / "dist", tmp / "venv"),
                       {"valid": pool.submit(_try_repo, source, valid),
                        "invalid": pool.submit(_try_repo, source, invalid)})


def test_the_sdist_carries_every_file_the_repository_tracks(packaged):
    packaged.installed()
    (sdist,) = packaged.dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        carried = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    tracked = {p.relative_to(packaged.source).as_posix() for p in packaged.source.rglob("*")
               if p.is_file() and ".git" not in p.relative_to(packaged.source).parts}
    assert tracked - carried == set()  # tests, fixtures, docs, the shipped catalogue: all there
    assert {"tests/conftest.py", "tests/fixtures/core/valid/organisations.yaml", "docs/guide/validation.md"} <= carried


def test_the_wheel_carries_the_schemas_templates_and_theme(packaged):
    packaged.installed()
    (wheel,) = packaged.dist.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    schemas = {p.name for p in (REPO / "schema").iterdir() if p.suffix in (".json", ".yaml")}
    assert {f"generator/schemas/{name}" for name in schemas} <= names
    for folder, suffix in (("templates", ".j2"), ("assets", ".js"), ("assets", ".css"), ("theme/partials", ".html")):
        shipped = {f"generator/{folder}/{p.name}" for p in (REPO / "generator" / folder).glob(f"*{suffix}")}
        assert shipped and shipped <= names, folder
    assert not any(name.startswith(("tests/", "schema/")) for name in names)


def test_the_fresh_environment_runs_the_wheel_not_the_repository(packaged):
    packaged.installed()
    proc = run([packaged.venv / "bin" / "python", "-c",
                "import generator, generator.schemas as s; print(generator.__file__); print(s.__file__)"], packaged.tmp)
    assert proc.returncode == 0, proc.stderr
    for line in proc.stdout.split():
        assert Path(line).is_relative_to(packaged.venv) and "site-packages" in line, line


def test_a_wheel_install_validates_and_builds_the_shipped_catalogue(packaged):
    root = shipped_copy(packaged.tmp / "shipped")
    validate = packaged.tool("catalogue", "validate", cwd=root)
    assert validate.returncode == 0, validate.stdout + validate.stderr
    build = packaged.tool("catalogue", "build", cwd=root)
    assert build.returncode == 0, build.stderr
    mkdocs = packaged.tool("mkdocs", "build", "--strict", "--site-dir", packaged.tmp / "shipped-mkdocs", cwd=root)
    assert mkdocs.returncode == 0, mkdocs.stderr
    for site in (root / "site", packaged.tmp / "shipped-mkdocs"):
        assert (site / "patterns" / "cloud-centre-of-excellence" / "index.html").is_file()
        assert (site / "schema" / "pattern.schema.json").is_file() and (site / "pagefind").is_dir()


NEW = ["new", "fictional-packaged-pattern", "--title", "Fictional packaged pattern", "--category", "delivery",
       "--originator", "X26", "--no-input"]


def test_catalogue_new_from_a_wheel_never_points_into_the_virtual_environment(packaged):
    plain = shipped_copy(packaged.tmp / "new-plain")
    with_schema = shipped_copy(packaged.tmp / "new-schema")
    shutil.copytree(REPO / "schema", with_schema / "schema")
    published = shipped_copy(packaged.tmp / "new-published")
    config = published / "mkdocs.yml"
    # In place of the shipped site_url (read from SITE_URL, unset here): a fixed address.
    config.write_text("site_url: https://example.org/fictional-catalogue/\n"
                      + re.sub(r"(?m)^site_url:.*\n", "", config.read_text(encoding="utf-8")), encoding="utf-8")
    expected = {plain: None, with_schema: "../schema/pattern.schema.json",
                published: "https://example.org/fictional-catalogue/schema/pattern.schema.json"}
    for root, modeline in expected.items():
        proc = packaged.tool("catalogue", *NEW, cwd=root)
        assert proc.returncode == 0, proc.stderr
        text = (root / "patterns" / "fictional-packaged-pattern.yaml").read_text(encoding="utf-8")
        first = text.splitlines()[0]
        assert first == (f"# yaml-language-server: $schema={modeline}" if modeline else "id: fictional-packaged-pattern")
        assert str(packaged.venv) not in text and "site-packages" not in text
        assert packaged.tool("catalogue", "validate", cwd=root).returncode == 0


def test_catalogue_init_from_a_wheel_validates_and_builds(packaged):
    root = packaged.tmp / "initialised"
    assert packaged.tool("catalogue", "init", root, cwd=packaged.tmp).returncode == 0
    for args in (["catalogue", "validate"], ["catalogue", "build"], ["mkdocs", "build", "--strict"]):
        proc = packaged.tool(*args, cwd=root)
        assert proc.returncode == 0, (args, proc.stderr)
    assert (root / "site" / "index.html").is_file()


def test_the_pre_commit_hook_passes_a_valid_catalogue(packaged):
    proc = packaged.hooks["valid"].result()
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert re.search(r"catalogue validate\.+Passed", proc.stdout), proc.stdout


def test_the_pre_commit_hook_fails_an_invalid_catalogue_with_the_located_error(packaged):
    proc = packaged.hooks["invalid"].result()
    assert proc.returncode != 0 and re.search(r"catalogue validate\.+Failed", proc.stdout), proc.stdout
    assert re.search(rf"^{re.escape(BROKEN)}:\d+:11: error: \[schema-enum\] category: 'not-a-category'",
                     proc.stdout, re.M), proc.stdout
