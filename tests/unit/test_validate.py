"""Validate: the whole-catalogue run that the CLI, the plugin and the tests share."""

import datetime as dt

import pytest

from generator.errors import LayoutError
from generator.model.maturity import maturity_model
from generator.model.reuse import reuse_of
from generator.validate.catalogue import validate_catalogue


def test_the_valid_fixture_has_no_problem_and_every_entry_is_in_the_catalogue(valid_root, today):
    validation = validate_catalogue(valid_root, today=today)
    assert validation.result.problems == [] and validation.result.files_checked == 5
    assert sorted(validation.catalogue.patterns) == [
        "automated-change-checks", "paper-change-board", "shared-landing-zone", "time-boxed-cloud-strategy"]
    assert sorted(validation.catalogue.organisations) == [f"ZZ{n}" for n in range(1, 8)]


def test_the_valid_fixture_covers_what_its_readme_says(valid_root, today):
    patterns = validate_catalogue(valid_root, today=today).catalogue.patterns.values()
    levels = {maturity_model().assess(p, today).level.id for p in patterns}
    assert len(levels) == 4
    assert {a.status for p in patterns for a in p.adoptions} == {"exploring", "piloting", "in-use", "retired"}
    assert "superseded" in {p.lifecycle for p in patterns}
    assert reuse_of(next(p for p in patterns if p.id == "time-boxed-cloud-strategy")).count == 5


def test_today_pins_the_date_rules(valid_root):
    problems = validate_catalogue(valid_root, today=dt.date(2026, 3, 15)).result.problems
    assert problems and {p.rule for p in problems} == {"date-future"}
    assert all("(today is 2026-03-15)" in p.message for p in problems)


def test_every_problem_in_every_file_is_reported_in_one_run(edit, catalogue, today):
    edit(catalogue / "patterns" / "paper-change-board.yaml", "category: governance", "category: nope")
    edit(catalogue / "patterns" / "shared-landing-zone.yaml", "themes: [reusability]", "themes: []")
    validation = validate_catalogue(catalogue, today=today)
    assert sorted((p.path.rsplit("/", 1)[-1], p.rule) for p in validation.result.problems) == [
        ("paper-change-board.yaml", "schema-enum"), ("shared-landing-zone.yaml", "schema-items")]
    assert sorted(validation.catalogue.patterns) == ["automated-change-checks", "time-boxed-cloud-strategy"]


def test_only_reports_the_named_files_while_rules_see_the_whole_catalogue(edit, catalogue, today):
    patterns = catalogue / "patterns"
    edit(patterns / "shared-landing-zone.yaml", "themes: [reusability]", "themes: []")
    edit(patterns / "paper-change-board.yaml", "maturity: emerging", "maturity: proven")
    result = validate_catalogue(catalogue, only=[patterns / "paper-change-board.yaml"], today=today).result
    assert [(p.path.rsplit("/", 1)[-1], p.rule) for p in result.problems] == [
        ("paper-change-board.yaml", "maturity-evidence")]  # its superseded_by still finds its successor


def test_only_refuses_a_file_outside_the_catalogue(catalogue, tmp_path, today):
    stray = tmp_path / "draft.yaml"
    stray.write_text("id: draft\n", encoding="utf-8")
    with pytest.raises(LayoutError, match="not a file of the catalogue"):
        validate_catalogue(catalogue, only=[stray], today=today)
    assert validate_catalogue(catalogue, only=[catalogue / "organisations.yaml"], today=today).result.success


def test_a_root_without_a_patterns_folder_is_a_layout_error(tmp_path):
    with pytest.raises(LayoutError, match="no patterns folder"):
        validate_catalogue(tmp_path)


def test_hidden_files_in_patterns_are_ignored(catalogue, today):
    (catalogue / "patterns" / ".fictional-example.yaml.swp").write_bytes(b"\x00\xff")
    assert validate_catalogue(catalogue, today=today).result.problems == []


def test_an_unusable_registry_is_reported_and_organisation_checks_are_skipped(edit, catalogue, today):
    edit(catalogue / "organisations.yaml", "  ZZ7:", "  zz7:")
    result = validate_catalogue(catalogue, today=today).result
    assert [(p.path.rsplit("/", 1)[-1], p.rule) for p in result.problems] == [("organisations.yaml", "schema-key")]
