"""Site tests: build the FICTIONAL demo catalogue (tests/fixtures/site/demo) and the shipped
catalogue with real MkDocs, once per session each, into temporary folders.

Every build runs on the pinned day SOURCE_DATE_EPOCH=1795651200 (2026-11-26T00:00Z), so the
pages, the feed and the sitemap are the same on every run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from functools import cached_property
from pathlib import Path

import pytest
import yaml

# The helpers next to this file, importable in every pytest import mode (prepend adds this
# folder to sys.path by itself; importlib does not).
if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))

# The property tests' hostile text (tests/property/hostile.py), for one real build with it everywhere.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "property"))

import hostile  # noqa: E402
import sitehtml  # noqa: E402
from sitehtml import DEMO, DEMO_PREFIX, EPOCH, REPO  # noqa: E402


def pinned_env() -> dict[str, str]:
    env = dict(os.environ)
    env["SOURCE_DATE_EPOCH"] = EPOCH
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.pop("CI", None)
    return env


class Site:
    """A built site folder, with its HTML pages parsed on demand (once)."""

    def __init__(self, root: Path, prefix: str = "/", proc: subprocess.CompletedProcess | None = None):
        self.root = root
        self.prefix = prefix
        self.proc = proc
        self._trees: dict[str, sitehtml.Element] = {}

    def path(self, url: str) -> Path:
        return sitehtml.page_path(self.root, url)

    def html(self, url: str) -> str:
        return self.path(url).read_text(encoding="utf-8")

    def tree(self, url: str) -> sitehtml.Element:
        """Parsed page by site URL ("patterns/x/") or file path ("patterns/x/index.html")."""
        if url not in self._trees:
            self._trees[url] = sitehtml.parse(self.html(url))
        return self._trees[url]

    def article(self, url: str) -> sitehtml.Element:
        """The page's own content (Material's <article>), without the theme's header and nav."""
        return self.tree(url).one("article")

    @cached_property
    def html_pages(self) -> list[str]:
        return [p.relative_to(self.root).as_posix() for p in sitehtml.html_files(self.root)]


@pytest.fixture(scope="session")
def session_env():
    """SOURCE_DATE_EPOCH for in-process builds in this session (monkeypatch, undone at the end)."""
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
    mp.setenv("NO_MKDOCS_2_WARNING", "1")
    yield
    mp.undo()


@pytest.fixture(scope="session")
def demo_before() -> dict[str, str]:
    """The demo fixture's files as they were before any build of this session."""
    return sitehtml.snapshot(DEMO)


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory, session_env, demo_before) -> Site:
    """The demo built in-process with generator.publish.build.build_site (strict)."""
    from generator.publish.build import build_site

    out = tmp_path_factory.mktemp("demo-build") / "site"
    assert build_site(DEMO, out) == out.resolve()
    return Site(out, DEMO_PREFIX)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory, session_env) -> Site:
    """A FICTIONAL catalogue with hostile text in every string field the schemas define (the
    longest the schema accepts in each), built in-process with the demo's configuration."""
    from generator.publish.build import build_site

    root = tmp_path_factory.mktemp("hostile") / "catalogue"
    hostile.write_catalogue(root, *hostile.hostile_everywhere())
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text((DEMO / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0] + "\n",
                                     encoding="utf-8")
    out = root.parent / "site"
    assert build_site(root, out) == out.resolve()
    return Site(out, DEMO_PREFIX)


class Jobs:
    """Subprocess builds started together and awaited one by one, so that they overlap with each
    other and with the in-process tests. Output goes to files, so no pipe can fill up."""

    def __init__(self, logs: Path):
        self.logs = logs
        self.running: dict[str, tuple[subprocess.Popen, list, Path]] = {}
        self.done: dict[str, subprocess.CompletedProcess] = {}

    def start(self, name: str, args, cwd: Path) -> None:
        args = [str(a) for a in args]
        out, err = (self.logs / f"{name}.stdout").open("w"), (self.logs / f"{name}.stderr").open("w")
        proc = subprocess.Popen(args, cwd=cwd, env=pinned_env(), stdout=out, stderr=err, text=True)
        out.close()
        err.close()
        self.running[name] = (proc, args, cwd)

    def wait(self, name: str, timeout: int = 300) -> subprocess.CompletedProcess:
        if name not in self.done:
            proc, args, cwd = self.running.pop(name)
            proc.wait(timeout=timeout)
            out, err = (self.logs / f"{name}.stdout"), (self.logs / f"{name}.stderr")
            self.done[name] = subprocess.CompletedProcess(args, proc.returncode, out.read_text(), err.read_text())
        return self.done[name]

    def stop(self) -> None:
        for proc, _, _ in self.running.values():
            if proc.poll() is None:
                proc.kill()  # only processes this session started
                proc.wait()


@pytest.fixture(scope="session")
def jobs(tmp_path_factory):
    started = Jobs(tmp_path_factory.mktemp("job-logs"))
    yield started
    started.stop()


@pytest.fixture(scope="session")
def build_jobs(tmp_path_factory, jobs, demo_before) -> dict[str, Path]:
    """Start every independent subprocess build at once: the demo by `catalogue build` and by
    plain `mkdocs build --strict`, the shipped catalogue, and `catalogue render`."""
    dirs = {name: tmp_path_factory.mktemp(name) for name in ("demo-cli", "demo-mkdocs", "shipped", "render")}
    jobs.start("demo-cli", [sys.executable, "-m", "generator", "build", "--root", DEMO,
                            "--site-dir", dirs["demo-cli"] / "site"], dirs["demo-cli"])
    jobs.start("demo-mkdocs", [sys.executable, "-m", "mkdocs", "build", "-f", "tests/fixtures/site/demo/mkdocs.yml",
                               "--strict", "-d", dirs["demo-mkdocs"] / "site"], REPO)
    jobs.start("shipped", [sys.executable, "-m", "generator", "build", "--root", REPO,
                           "--site-dir", dirs["shipped"] / "site"], dirs["shipped"])
    # `catalogue render`, reporting whether anything imported MkDocs
    code = ("import sys; from generator.cli import main; rc = main(sys.argv[1:]); "
            "print('MKDOCS-LOADED' if any(m == 'mkdocs' or m.startswith('mkdocs.') for m in sys.modules) "
            "else 'NO-MKDOCS'); sys.exit(rc)")
    jobs.start("render", [sys.executable, "-c", code, "render", "--root", DEMO, "--out", dirs["render"] / "tree"],
               dirs["render"])
    return dirs


@pytest.fixture(scope="session")
def demo_site_cli(jobs, build_jobs) -> Site:
    """The demo built again, by `python -m generator build` in a subprocess."""
    proc = jobs.wait("demo-cli")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return Site(build_jobs["demo-cli"] / "site", DEMO_PREFIX, proc)


@pytest.fixture(scope="session")
def demo_site_mkdocs(jobs, build_jobs) -> Site:
    """The demo built by plain `mkdocs build --strict` (the plugin found through its entry point)."""
    proc = jobs.wait("demo-mkdocs")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return Site(build_jobs["demo-mkdocs"] / "site", DEMO_PREFIX, proc)


@pytest.fixture(scope="session")
def shipped_site(jobs, build_jobs) -> Site:
    """The catalogue this repository ships (root mkdocs.yml), built strict by `catalogue build`."""
    proc = jobs.wait("shipped")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return Site(build_jobs["shipped"] / "site", "/", proc)


@pytest.fixture(scope="session")
def rendered_tree(jobs, build_jobs) -> tuple[Path, subprocess.CompletedProcess]:
    """The demo's page tree written by `catalogue render --out` (no MkDocs)."""
    return build_jobs["render"] / "tree", jobs.wait("render")


@pytest.fixture(scope="session")
def demo_entries() -> dict[str, dict]:
    """The demo's pattern files as plain YAML data, by id (read independently of the generator)."""
    entries = {}
    for path in sorted((DEMO / "patterns").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["_comment"] = path.read_text(encoding="utf-8").splitlines()[0]
        for adoption in data.get("adoptions") or []:
            # An adoption with a history stands as its latest change, as the tests read it today
            # (every change in the demo is dated on or before the pinned day).
            if "history" in adoption:
                latest = adoption["history"][-1]
                adoption.update(status=latest["status"], since=latest["date"])
                adoption.setdefault("evidence", next((c["evidence"] for c in reversed(adoption["history"])
                                                      if "evidence" in c), None))
        entries[data["id"]] = data
    return entries


@pytest.fixture(scope="session")
def demo_orgs() -> dict[str, dict]:
    """The demo's registry, each organisation with "shown": its name as pages show it (a name in
    capitals, as ODS writes names, reads in a readable case; the demo's need only this rule)."""
    orgs = yaml.safe_load((DEMO / "organisations.yaml").read_text(encoding="utf-8"))["organisations"]
    for org in orgs.values():
        name = org["name"]
        org["shown"] = name if name != name.upper() else " ".join(
            word if word == "NHS" else word.capitalize() for word in name.split())
    return orgs


@pytest.fixture(scope="session")
def maturity_config() -> dict:
    return yaml.safe_load((REPO / "schema" / "maturity.yaml").read_text(encoding="utf-8"))


def pytest_terminal_summary(terminalreporter):
    if sitehtml.REPORT:
        terminalreporter.section("site measurements")
        for line in sitehtml.REPORT:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def site_at():
    """Site(root), for tests that build a catalogue of their own (test_site_paging.py)."""
    return Site
