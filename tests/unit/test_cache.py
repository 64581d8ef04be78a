"""Unit tests for generator/validate/cache.py and its use by validate_catalogue: a run that takes
remembered verdicts reports exactly what a run without them reports, a file changed behind the
cache's back is checked again, and a stale, corrupt or foreign cache is never trusted."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from generator.validate import cache as cache_module
from generator.validate.catalogue import validate_catalogue

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "core"
CASES = sorted([FIXTURES / "valid"] + [p for p in (FIXTURES / "invalid").iterdir() if p.is_dir()])


@pytest.fixture
def cached(tmp_path, monkeypatch):
    """The cache turned on, in a folder of this test's own."""
    monkeypatch.delenv("CATALOGUE_NO_CACHE", raising=False)
    monkeypatch.setenv("CATALOGUE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def outcome(root, today, **options):
    validation = validate_catalogue(root, today=today, **options)
    return sorted(validation.result.problems), sorted(validation.catalogue.patterns)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_a_cached_run_reports_what_an_uncached_run_does(case, cached, tmp_path, today, monkeypatch):
    root = tmp_path / "catalogue"
    shutil.copytree(case, root)
    monkeypatch.chdir(root)
    monkeypatch.setenv("CATALOGUE_NO_CACHE", "1")
    expected = outcome(root, today)
    monkeypatch.delenv("CATALOGUE_NO_CACHE")
    first, second = outcome(root, today), outcome(root, today)
    assert first == expected and second == expected


def test_the_second_run_parses_no_pattern(cached, catalogue, today, monkeypatch):
    """Only the registry (one file, not cached) is parsed again."""
    from generator.validate import catalogue as validation
    from generator.validate import perfile

    validate_catalogue(catalogue, today=today)
    loads = []
    real = validation.load_yaml
    for module in (validation, perfile):
        monkeypatch.setattr(module, "load_yaml", lambda *a, **k: loads.append(a) or real(*a, **k))
    validate_catalogue(catalogue, today=today)
    assert [Path(args[0]).name for args in loads] == ["organisations.yaml"]
    assert list(cached.glob("*.json")) and not list(catalogue.rglob("*.json"))


def test_a_file_changed_behind_the_caches_back_is_checked_again(cached, catalogue, today):
    """Same size, same modification time, different bytes: the key is the content, so it misses."""
    path = sorted((catalogue / "patterns").glob("*.yaml"))[0]
    before = outcome(catalogue, today)
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    changed = text.replace("category: ", "categorx: ", 1)
    assert len(changed) == len(text) and changed != text
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    after = outcome(catalogue, today)
    assert after != before
    assert any(p.rule == "schema-unknown-key" and p.path.endswith(path.name) for p in after[0])


def test_a_new_schema_or_code_starts_afresh(cached, catalogue, today, monkeypatch):
    validate_catalogue(catalogue, today=today)
    monkeypatch.setattr(cache_module, "fingerprint", lambda: "another version")
    assert cache_module.FileCache(catalogue).old == {}


@pytest.mark.parametrize("content", ["{not json", "[]", '{"fingerprint": 1, "entries": []}', ""])
def test_a_corrupt_cache_is_an_empty_one(cached, catalogue, today, content):
    expected = outcome(catalogue, today)
    for path in cached.glob("*.json"):
        path.write_text(content, encoding="utf-8")
    assert outcome(catalogue, today) == expected


def test_a_forged_entry_for_other_content_changes_nothing(cached, catalogue, today):
    """An entry is found only by the SHA-256 of the exact text: one that claims a verdict for
    other text is never used for this file."""
    expected = outcome(catalogue, today)
    path = next(p for p in cached.glob("*.json") if not p.name.endswith(".facts.json"))
    stored = json.loads(path.read_text(encoding="utf-8"))
    stored["entries"] = {key[::-1]: [{}, [], True] for key in stored["entries"]}
    path.write_text(json.dumps(stored), encoding="utf-8")
    assert outcome(catalogue, today) == expected


def test_off_means_nothing_is_written(tmp_path, catalogue, today, monkeypatch):
    monkeypatch.setenv("CATALOGUE_NO_CACHE", "1")
    monkeypatch.setenv("CATALOGUE_CACHE_DIR", str(tmp_path / "cache"))
    validate_catalogue(catalogue, today=today)
    assert not (tmp_path / "cache").exists()


def test_the_cache_is_never_in_the_catalogue(monkeypatch, tmp_path):
    monkeypatch.delenv("CATALOGUE_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_module.cache_dir() == tmp_path / "xdg" / "nhs-pattern-catalogue"
    assert cache_module.FileCache(tmp_path / "catalogue").path.parent == tmp_path / "xdg" / "nhs-pattern-catalogue"
