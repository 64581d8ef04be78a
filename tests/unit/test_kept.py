"""Unit tests for generator/validate/kept.py: a run given what the last run kept (as each build of
`catalogue serve` is) reports exactly what a whole run reports, and models the same patterns; it
reads only the files whose status changed; a file rewritten behind its back (same size,
modification time put back) is read again; a file changed too recently to tell is not kept; and
the rules across files are worked out again for every file when what they compare it with (the
pattern ids, the registry, the day) changed. The fixture catalogues are FICTIONAL."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
import yaml

from generator.validate import facts as facts_module
from generator.validate import perfile
from generator.validate.catalogue import validate_catalogue
from generator.validate.kept import KeptRuns

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "core"
# Every fixture catalogue: the valid one and one per rule, so every cross-file rule is met.
CASES = sorted([FIXTURES / "valid"] + [p for p in (FIXTURES / "invalid").iterdir()
                                       if p.is_dir() and (p / "organisations.yaml").exists()])


@pytest.fixture
def settled(tmp_path, monkeypatch):
    """The caches in a folder of this test's own; files written by the test itself are seconds
    old, so the racy margin is lifted to let a run keep them."""
    monkeypatch.setenv("CATALOGUE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(facts_module, "RACY_NS", -10**12)


def outcome(validation):
    return sorted(validation.result.problems), validation.catalogue.patterns


def whole(root, today):
    return outcome(validate_catalogue(root, today=today))


def reading(monkeypatch) -> list[str]:
    """The names of the files loaded from now on."""
    read = []
    real = perfile.load_yaml
    monkeypatch.setattr(perfile, "load_yaml", lambda path, *a, **k: read.append(Path(path).name) or real(path, *a, **k))
    return read


def rewrite(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_a_kept_run_reports_what_a_whole_run_does(case, settled, tmp_path, today, monkeypatch):
    root = tmp_path / "catalogue"
    shutil.copytree(case, root)
    monkeypatch.chdir(root)
    kept = KeptRuns()
    expected = whole(root, today)
    assert outcome(validate_catalogue(root, today=today, kept=kept)) == expected  # reads every file
    read = reading(monkeypatch)
    assert outcome(validate_catalogue(root, today=today, kept=kept)) == expected
    # None again, but a file that could not be loaded at all (it is read until it can be).
    assert set(read) <= {Path(p.path).name for p in expected[0] if p.severity == "error"}
    assert set(read) <= {p.name for p in (root / "patterns").iterdir()} - {f"{pid}.yaml" for pid in expected[1]}


def test_an_edit_is_read_and_nothing_else(settled, catalogue, today, monkeypatch):
    kept = KeptRuns()
    validate_catalogue(catalogue, today=today, kept=kept)
    path = sorted((catalogue / "patterns").glob("*.yaml"))[0]
    rewrite(path, lambda data: data.update(summary=data["summary"] + " Edited, fictionally."))
    read = reading(monkeypatch)
    validation = validate_catalogue(catalogue, today=today, kept=kept)
    assert read == [path.name]
    assert validation.catalogue.patterns[path.stem].summary.endswith("Edited, fictionally.")
    assert outcome(validation) == whole(catalogue, today)


def test_a_file_changed_behind_its_back_is_read_again(settled, catalogue, today):
    """Same size, modification time put back: the change time differs, so it is read again."""
    kept = KeptRuns()
    validate_catalogue(catalogue, today=today, kept=kept)
    path = sorted((catalogue / "patterns").glob("*.yaml"))[0]
    stat = path.stat()
    title = yaml.safe_load(path.read_text(encoding="utf-8"))["title"]
    swapped = "".join(reversed(title))
    path.write_text(path.read_text(encoding="utf-8").replace(title, swapped, 1), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns
    validation = validate_catalogue(catalogue, today=today, kept=kept)
    assert validation.catalogue.patterns[path.stem].title == swapped
    assert outcome(validation) == whole(catalogue, today)


def test_a_file_changed_within_the_racy_margin_is_not_kept(tmp_path, catalogue, today, monkeypatch):
    """With the real margin, files written a moment ago are read again next time, not trusted."""
    monkeypatch.setenv("CATALOGUE_CACHE_DIR", str(tmp_path / "cache"))
    kept = KeptRuns()
    validate_catalogue(catalogue, today=today, kept=kept)
    assert kept.files == {}
    read = reading(monkeypatch)
    validate_catalogue(catalogue, today=today, kept=kept)
    assert sorted(read) == sorted(p.name for p in (catalogue / "patterns").glob("*.yaml"))


def test_a_removed_pattern_is_missed_by_the_unchanged_files_that_refer_to_it(settled, catalogue, today):
    """The rules across files are worked out again when the pattern ids change: a file that did
    not change now refers to a pattern that is gone."""
    kept = KeptRuns()
    first = validate_catalogue(catalogue, today=today, kept=kept)
    referring = {ref: p.id for p in first.catalogue.patterns.values() for ref, _ in p.related}
    assert referring, "the fixture has a related pattern"
    target, source = sorted(referring.items())[0]
    (catalogue / "patterns" / f"{target}.yaml").unlink()
    validation = validate_catalogue(catalogue, today=today, kept=kept)
    assert any(p.rule == "pattern-exists" and p.path.endswith(f"{source}.yaml") for p in validation.result.errors)
    assert outcome(validation) == whole(catalogue, today)


def test_another_day_checks_every_file_again(settled, catalogue, today):
    kept = KeptRuns()
    validate_catalogue(catalogue, today=today, kept=kept)
    later = today + dt.timedelta(days=800)
    validation = validate_catalogue(catalogue, today=later, kept=kept)
    assert any(p.rule == "review-overdue" for p in validation.result.problems)
    assert outcome(validation) == whole(catalogue, later)


def test_another_catalogue_is_not_taken_for_the_kept_one(settled, tmp_path, catalogue, today, monkeypatch):
    kept = KeptRuns()
    validate_catalogue(catalogue, today=today, kept=kept)
    other = tmp_path / "other"
    shutil.copytree(catalogue, other)
    expected = whole(other, today)
    read = reading(monkeypatch)
    assert outcome(validate_catalogue(other, today=today, kept=kept)) == expected
    assert len(read) == len(list((other / "patterns").glob("*.yaml")))


def test_an_unchanged_file_given_an_error_by_another_files_edit_is_checked_again(settled, catalogue, today):
    """The ids stay the same, but an edit makes a supersession go round in a circle through an
    unchanged file, whose pattern must then be left out as a whole run leaves it out."""
    kept = KeptRuns()
    first = validate_catalogue(catalogue, today=today, kept=kept)
    assert first.catalogue.patterns["paper-change-board"].superseded_by == "automated-change-checks"
    rewrite(catalogue / "patterns" / "automated-change-checks.yaml",
            lambda data: data.update(lifecycle="superseded", superseded_by="paper-change-board"))
    validation = validate_catalogue(catalogue, today=today, kept=kept)
    assert any(p.rule == "supersedes-cycle" and p.path.endswith("paper-change-board.yaml")
               for p in validation.result.errors)
    assert "paper-change-board" not in validation.catalogue.patterns
    assert outcome(validation) == whole(catalogue, today)


def test_unchanged_patterns_are_the_last_runs_own(settled, catalogue, today):
    """What the rules made of an unchanged file is taken, not worked out again."""
    kept = KeptRuns()
    first = validate_catalogue(catalogue, today=today, kept=kept).catalogue.patterns
    path = sorted((catalogue / "patterns").glob("*.yaml"))[0]
    rewrite(path, lambda data: data.update(summary=data["summary"] + " Edited, fictionally."))
    second = validate_catalogue(catalogue, today=today, kept=kept).catalogue.patterns
    assert second.keys() == first.keys()
    assert all((second[pid] is first[pid]) == (pid != path.stem) for pid in first)
