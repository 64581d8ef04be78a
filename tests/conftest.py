"""Shared fixtures: where things are, a pinned "today", ways to run the CLI, and small entries."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.validate.loader import load_yaml
from generator.model.catalogue import Pattern
from generator.model.vocabulary import value_at
from generator.problems import Result

# The validation cache (generator/validate/cache.py) is off for the suite, so every test checks
# files for real and nothing is written to the user's cache folder; tests/unit/test_cache.py and
# tests/acceptance/test_validation_cache.py turn it on in a folder of their own.
os.environ["CATALOGUE_NO_CACHE"] = "1"

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures" / "core"
TODAY = dt.date(2026, 6, 30)  # the "today" every fixture is checked on


def epoch(day: dt.date) -> str:
    """SOURCE_DATE_EPOCH for noon UTC on `day`."""
    return str(int(dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.timezone.utc).timestamp()))


# A minimal valid entry, as plain data; tests change the fields they are about.
ENTRY = {
    "id": "fictional-example",
    "title": "Fictional example",
    "summary": "A fictional pattern used by the unit tests.",
    "category": "delivery",
    "themes": ["repeatability"],
    "problem": "A fictional problem, described briefly.",
    "context": "A fictional context, described briefly.",
    "solution": "A fictional solution, described briefly.",
    "consequences": {"benefits": ["Something fictional gets better."], "liabilities": []},
    "originator": "ZZ1",
    "contact": {"team": "Fictional Team", "url": "https://team.example.org/"},
    "sources": [{"kind": "originator-account", "title": "Fictional account of the example",
                 "publisher": "Fictional Northshire Trust", "date": "2026-01-01",
                 "url": "https://team.example.org/account"}],
    "written_by": "originator",
    "lifecycle": "active",
    "created": "2026-01-05",
    "last_reviewed": "2026-01-05",
    "reviewed_by": "originator",
    "maturity": "emerging",
}


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture
def valid_root() -> Path:
    """The valid fixture catalogue (read only: copy it before changing anything)."""
    return FIXTURES / "valid"


@pytest.fixture
def catalogue(tmp_path) -> Path:
    """A writable copy of the valid fixture catalogue."""
    root = tmp_path / "catalogue"
    shutil.copytree(FIXTURES / "valid", root)
    return root


@pytest.fixture
def run_mkdocs():
    """Run plain `mkdocs build --strict` in a subprocess on the day `today`."""
    def run(root: Path, site: Path, today: dt.date = TODAY):
        env = {**os.environ, "SOURCE_DATE_EPOCH": epoch(today), "NO_MKDOCS_2_WARNING": "1"}
        return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                              cwd=root, env=env, capture_output=True, text=True, timeout=600)
    return run


@pytest.fixture
def git_repo():
    """Make a folder a git repository on branch main, with everything in it committed."""
    def init(root: Path) -> Path:
        git = ["git", "-c", "user.name=Fictional Tester", "-c", "user.email=tester@example.org"]
        for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "Fictional start"]):
            subprocess.run(git + args, cwd=root, check=True, capture_output=True)
        return root
    return init


@pytest.fixture
def site_config():
    """Give a catalogue root the repository's mkdocs.yml and docs/, so it can be built."""
    def add(root: Path) -> Path:
        shutil.copy(TESTS.parent / "mkdocs.yml", root / "mkdocs.yml")
        shutil.copytree(TESTS.parent / "docs", root / "docs")
        return root
    return add


@pytest.fixture
def edit():
    """Replace text once in a file, failing if the text is not there (so no edit is silently lost)."""
    def replace(path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path.name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return replace


@pytest.fixture
def entry() -> dict:
    """A fresh copy of the minimal valid entry."""
    return {k: (v.copy() if isinstance(v, (dict, list)) else v) for k, v in ENTRY.items()}


@pytest.fixture
def load_text(tmp_path):
    """Write text (or bytes) to a file and load it: returns (LoadedFile or None, Result)."""
    def load(text: str | bytes, name: str = "entry.yaml"):
        path = tmp_path / name
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        result = Result()
        return load_yaml(path, name, result), result
    return load


@pytest.fixture
def make_pattern():
    """An in-memory Pattern: adoptions as (code, status, since), outcomes as dates (evidence at
    level 2) or as (date, evidence level)."""
    def make(adoptions=(), outcomes=(), **fields) -> Pattern:
        data = {**ENTRY, **fields}
        data["adoptions"] = [
            {"organisation": code, "status": status, "since": since,
             **({"evidence": "https://example.org/story"} if status in ("piloting", "in-use") else {})}
            for code, status, since in adoptions]
        dated = [item if isinstance(item, tuple) else (item, 2) for item in outcomes]
        data["outcomes"] = [{"description": "A fictional measured result.", "source": "https://example.org/result",
                             "date": day, "evidence": value_at("evidence", level)} for day, level in dated]
        return Pattern.from_data(data, "patterns/fictional-example.yaml")
    return make


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run generator.cli.main in-process on the pinned today: returns (exit code, stdout, stderr)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(TODAY))

    def run(*args: str):
        code = main(list(args))
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err
    return run


@pytest.fixture
def run_cli():
    """Run `python -m generator` in a subprocess; today=None keeps the real date."""
    def run(*args: str, cwd: Path | None = None, today: dt.date | None = TODAY):
        env = dict(os.environ)
        if today is not None:
            env["SOURCE_DATE_EPOCH"] = epoch(today)
        proc = subprocess.run([sys.executable, "-m", "generator", *map(str, args)], cwd=cwd, env=env,
                              capture_output=True, text=True, timeout=300)
        assert "Traceback" not in proc.stderr, proc.stderr
        return proc
    return run
