"""Unit tests for generator/validate/facts.py and limited.py: a run limited to some files, taking
the other files' remembered facts, reports exactly what the same run reports without them; it
reads only the files it names; a file changed behind the index's back (same size, modification
time put back) is read again; a file changed too recently to tell is not remembered; and a
corrupt or foreign index is never trusted."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from generator.validate import facts as facts_module
from generator.validate import perfile
from generator.validate.catalogue import validate_catalogue

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "core"
# Every fixture catalogue: the valid one and one per rule, so every cross-file rule is met.
CASES = sorted([FIXTURES / "valid"] + [p for p in (FIXTURES / "invalid").iterdir()
                                       if p.is_dir() and (p / "organisations.yaml").exists()])


@pytest.fixture
def indexed(tmp_path, monkeypatch):
    """The caches turned on, in a folder of this test's own; files written by the test itself
    are seconds old, so the racy margin is lifted to let the index remember them."""
    monkeypatch.delenv("CATALOGUE_NO_CACHE", raising=False)
    monkeypatch.setenv("CATALOGUE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(facts_module, "RACY_NS", -10**12)
    return tmp_path / "cache"


def limited(root, names, today):
    """A run limited to some pattern files, with the similar-pattern check, as `validate PATH` runs."""
    paths = [root / "patterns" / name for name in names]
    result = validate_catalogue(root, only=paths, today=today, similar={Path(n).stem for n in names}).result
    return sorted(result.problems)


def uncached(monkeypatch, run):
    monkeypatch.setenv("CATALOGUE_NO_CACHE", "1")
    try:
        return run()
    finally:
        monkeypatch.delenv("CATALOGUE_NO_CACHE")


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_a_limited_run_with_facts_reports_what_one_without_does(case, indexed, tmp_path, today, monkeypatch):
    root = tmp_path / "catalogue"
    shutil.copytree(case, root)
    monkeypatch.chdir(root)
    names = sorted(p.name for p in (root / "patterns").iterdir())
    validate_catalogue(root, today=today)  # a full run records every file's facts
    for name in names:
        expected = uncached(monkeypatch, lambda: limited(root, [name], today))
        assert limited(root, [name], today) == expected, name
    if len(names) > 1:  # two named at once, from an index the limited runs kept up to date
        pair = names[:2]
        assert limited(root, pair, today) == uncached(monkeypatch, lambda: limited(root, pair, today))


def test_a_limited_run_reads_only_the_named_file(indexed, catalogue, today, monkeypatch):
    names = sorted(p.name for p in (catalogue / "patterns").glob("*.yaml"))
    validate_catalogue(catalogue, today=today)
    read = []
    real = perfile.load_yaml
    monkeypatch.setattr(perfile, "load_yaml", lambda path, *a, **k: read.append(Path(path).name) or real(path, *a, **k))
    limited(catalogue, [names[0]], today)
    assert read == [names[0]]
    assert list(indexed.glob("*.facts.json")) and not list(catalogue.rglob("*.json"))


def test_a_file_changed_behind_the_index_is_read_again(indexed, catalogue, today, monkeypatch):
    """Another file made a near-copy of the named one, at the same size and with its modification
    time put back: its change time differs, so its facts are not used and the copy is found."""
    monkeypatch.chdir(catalogue)
    by_length = sorted((catalogue / "patterns").glob("*.yaml"),
                       key=lambda p: len(fields(p)["title"] + fields(p)["summary"]))
    named, other = by_length[0], by_length[-1]  # the copy must fit in the other file's size
    limited(catalogue, [named.name], today)
    assert not any(p.rule == "similar-pattern" for p in limited(catalogue, [named.name], today))
    stat = other.stat()
    mine, theirs = fields(named), fields(other)
    text = other.read_text(encoding="utf-8")
    copied = text.replace(theirs["title"], mine["title"]).replace(theirs["summary"], mine["summary"])
    assert len(copied.encode()) <= stat.st_size
    copied += "#" * (stat.st_size - len(copied.encode()) - 1) + "\n" if len(copied.encode()) < stat.st_size else ""
    other.write_text(copied, encoding="utf-8")
    os.utime(other, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert other.stat().st_size == stat.st_size and other.stat().st_mtime_ns == stat.st_mtime_ns
    found = limited(catalogue, [named.name], today)
    assert any(p.rule == "similar-pattern" and other.stem in p.message for p in found)
    assert found == uncached(monkeypatch, lambda: limited(catalogue, [named.name], today))


def fields(path: Path) -> dict:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_a_file_changed_within_the_racy_margin_is_not_remembered(tmp_path, catalogue, today, monkeypatch):
    """With the real margin, files written a moment ago are read again next time, not trusted."""
    monkeypatch.delenv("CATALOGUE_NO_CACHE", raising=False)
    monkeypatch.setenv("CATALOGUE_CACHE_DIR", str(tmp_path / "cache"))
    validate_catalogue(catalogue, today=today)
    index = facts_module.FactsIndex(catalogue)
    assert index.old == {}
    for path in (catalogue / "patterns").iterdir():  # a modification time put a minute back
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns - 60 * 10**9))
    validate_catalogue(catalogue, today=today)
    # Setting the time changed the change time (ctime) to now, so they are still not remembered.
    assert facts_module.FactsIndex(catalogue).old == {}


@pytest.mark.parametrize("content", ["{not json", "[]", '{"fingerprint": 1, "files": []}', "",
                                     '{"files": {"x.yaml": [[1], {"data": {}}]}}'])
def test_a_corrupt_or_foreign_index_is_an_empty_one(indexed, catalogue, today, content, monkeypatch):
    monkeypatch.chdir(catalogue)
    name = sorted(p.name for p in (catalogue / "patterns").glob("*.yaml"))[0]
    expected = uncached(monkeypatch, lambda: limited(catalogue, [name], today))
    validate_catalogue(catalogue, today=today)
    for path in indexed.glob("*.facts.json"):
        path.write_text(content, encoding="utf-8")
    assert limited(catalogue, [name], today) == expected


def test_an_entry_with_another_status_is_not_used(indexed, catalogue, today, monkeypatch):
    """Facts forged for a file (here: every other file claims the named one's id) are used only
    under the exact status recorded, which a forger would have to match to the nanosecond."""
    monkeypatch.chdir(catalogue)
    name = sorted(p.name for p in (catalogue / "patterns").glob("*.yaml"))[0]
    expected = uncached(monkeypatch, lambda: limited(catalogue, [name], today))
    validate_catalogue(catalogue, today=today)
    path = next(indexed.glob("*.facts.json"))
    stored = json.loads(path.read_text(encoding="utf-8"))
    for entry in stored["files"].values():
        entry[0][3] += 1
        entry[1]["data"]["id"] = Path(name).stem
    path.write_text(json.dumps(stored), encoding="utf-8")
    assert limited(catalogue, [name], today) == expected


def test_a_new_schema_or_code_starts_afresh(indexed, catalogue, today, monkeypatch):
    validate_catalogue(catalogue, today=today)
    assert facts_module.FactsIndex(catalogue).old
    monkeypatch.setattr(facts_module, "fingerprint", lambda: "another version")
    assert facts_module.FactsIndex(catalogue).old == {}


def test_off_means_no_index_is_written(tmp_path, catalogue, today, monkeypatch):
    monkeypatch.setenv("CATALOGUE_NO_CACHE", "1")
    monkeypatch.setenv("CATALOGUE_CACHE_DIR", str(tmp_path / "cache"))
    name = sorted(p.name for p in (catalogue / "patterns").glob("*.yaml"))[0]
    limited(catalogue, [name], today)
    assert not (tmp_path / "cache").exists()


def test_a_file_name_that_is_not_utf8_is_remembered_without_a_traceback(indexed, catalogue, today, monkeypatch):
    monkeypatch.chdir(catalogue)
    source = sorted((catalogue / "patterns").glob("*.yaml"))[0]
    odd = os.path.join(os.fsencode(catalogue / "patterns"), b"caf\xe9.yaml")
    with open(odd, "wb") as handle:
        handle.write(source.read_bytes())
    validate_catalogue(catalogue, today=today)  # writes the index, the odd name included
    assert list(indexed.glob("*.facts.json")) and not list(indexed.glob(".cache-*"))
    assert limited(catalogue, [source.name], today) == uncached(monkeypatch, lambda: limited(catalogue, [source.name], today))


def test_a_copy_with_the_same_id_does_not_change_the_similar_pattern_message(indexed, catalogue, today, monkeypatch):
    """The message describes the file that owns the id (named after it), as a run without the
    index does, not a copy claiming the same id."""
    monkeypatch.chdir(catalogue)
    original = sorted((catalogue / "patterns").glob("*.yaml"))[0]
    data = fields(original)
    near = dict(data, id="zz-fictional-near-copy", related=[])
    (catalogue / "patterns" / "zz-fictional-near-copy.yaml").write_text(yaml_text(near), encoding="utf-8")
    validate_catalogue(catalogue, today=today)
    copy = dict(data, title="A fictional copy's title")
    (catalogue / "patterns" / f"{original.stem}-copy.yaml").write_text(yaml_text(copy), encoding="utf-8")
    found = limited(catalogue, ["zz-fictional-near-copy.yaml"], today)
    assert any(p.rule == "similar-pattern" and data["title"] in p.message for p in found)
    assert found == uncached(monkeypatch, lambda: limited(catalogue, ["zz-fictional-near-copy.yaml"], today))


def yaml_text(data: dict) -> str:
    import yaml

    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
