"""Cross-file rules: ids, references, dates and declared maturity, read defensively."""

import datetime as dt

import pytest
import yaml

from generator.validate import schema
from generator.model.maturity import maturity_model
from generator.model.catalogue import Pattern
from generator.ruleset import RULES
from generator.validate.rules import CrossFileRules

DAY = dt.timedelta(days=1)
LEAVE_OUT = object()  # a change that removes the field


@pytest.fixture
def problems(load_text, entry, today):
    """Run every cross-file rule on the minimal entry with `changes`: [(rule, severity, message)]."""
    def run(on=today, orgs=("ZZ1", "ZZ2", "ZZ3"), **changes):
        data = {key: value for key, value in {**entry, **changes}.items() if value is not LEAVE_OUT}
        text = yaml.safe_dump(data, sort_keys=False)
        f, result = load_text(text, name="fictional-example.yaml")
        rules = CrossFileRules(result, on, maturity_model(), None if orgs is None else set(orgs),
                               {"fictional-example", "other-example"})
        rules.check_ids([f])
        rules.check_file(f)
        if schema.check(f, schema.PATTERN_SCHEMA, result):
            rules.check_evidence(f, Pattern.from_data(f.data))
        return [(p.rule, p.severity, p.message) for p in result.problems]
    return run


def test_only_these_rules_are_warnings():
    assert {rule.id for rule in RULES.values() if rule.severity == "warning"} == {
        "adoption-originator", "review-overdue", "placeholder-text", "similar-pattern", "maturity-lapsed",
        "superseded-by-inactive", "ods-skipped"}


def test_the_minimal_entry_breaks_no_rule(problems):
    assert problems() == []


def test_today_is_not_in_the_future_but_tomorrow_is(problems, today):
    assert problems(created=today.isoformat(), last_reviewed=today.isoformat()) == []
    found = problems(created=today.isoformat(), last_reviewed=(today + DAY).isoformat())
    assert [rule for rule, _, _ in found] == ["date-future"]


def test_a_review_is_overdue_after_365_days(problems, today):
    last = today - dt.timedelta(days=365)
    assert problems(created=last.isoformat(), last_reviewed=last.isoformat()) == []
    last -= DAY
    assert problems(created=last.isoformat(), last_reviewed=last.isoformat()) == [
        ("review-overdue", "warning", "last reviewed 366 days ago (the review period is 365 days): ask the "
                                      "originators to confirm the entry, and update last_reviewed and reviewed_by")]


def test_an_entry_no_one_reviewed_is_overdue_365_days_after_it_was_written(problems, today):
    never = {"reviewed_by": "none", "last_reviewed": LEAVE_OUT}
    assert problems(created=(today - dt.timedelta(days=365)).isoformat(), **never) == []
    found = problems(created=(today - dt.timedelta(days=366)).isoformat(), **never)
    assert found == [("review-overdue", "warning", "not reviewed since it was written 366 days ago (the review "
                      "period is 365 days): ask the originators to confirm the entry, and update last_reviewed "
                      "and reviewed_by")]


def test_a_source_dated_after_today_is_in_the_future_and_an_undated_one_is_not(problems, entry, today):
    source = dict(entry["sources"][0])
    assert problems(sources=[dict(source, date="undated")]) == []
    found = problems(sources=[source, dict(source, date=(today + DAY).isoformat())])
    assert [rule for rule, _, _ in found] == ["date-future"]


def test_maturity_evidence_names_each_missing_criterion_once_at_the_declared_threshold(problems):
    [(rule, severity, message)] = problems(maturity="reused")
    assert (rule, severity) == ("maturity-evidence", "error")
    assert message == ("declared 'reused' needs at least 1 other organisation piloting it or using it; 0 found; "
                       "needs an outcome whose evidence is at level 2 or higher (data showing change); "
                       "the strongest recorded: none; "
                       "needs at least 1 measured outcome with a published source; 0 recorded; "
                       "needs at least 3 other organisations using it in live service; 0 found; "
                       "the evidence supports 'emerging'")


def test_unknown_organisations_are_found_in_adoptions_too(problems):
    adoption = {"organisation": "ZZ9", "status": "exploring", "since": "2026-02-01"}
    assert [rule for rule, _, _ in problems(adoptions=[adoption])] == ["organisation-exists"]


def test_organisations_are_not_checked_when_the_registry_is_unusable(problems):
    assert problems(orgs=None, originator="ZZ9") == []


def test_superseded_by_must_name_a_pattern(problems):
    found = problems(lifecycle="superseded", superseded_by="no-such-pattern")
    assert [rule for rule, _, _ in found] == ["pattern-exists"]
    assert problems(lifecycle="superseded", superseded_by="other-example") == []


def test_a_placeholder_is_reported_with_its_field_path(problems):
    found = problems(consequences={"benefits": ["TODO: what got better."], "liabilities": []})
    assert found == [("placeholder-text", "warning",
                      "consequences.benefits[0] still holds a TODO placeholder: replace it")]


@pytest.mark.parametrize("changes", [
    {"adoptions": "ZZ2"}, {"adoptions": ["ZZ2", None]}, {"related": ["other-example"]},
    {"originator": ["ZZ1"]}, {"created": 20260105}, {"id": None}, {"outcomes": [{"date": None}]},
])
def test_rules_read_data_the_schema_rejected_without_failing(problems, changes):
    found = problems(**changes)
    assert found and all(rule.startswith("schema-") for rule, _, _ in found)


def lapsed_entry(entry):
    """The minimal entry declaring 'reused', earned in 2025 while its review of 2025-01-05 counted."""
    adoptions = [{"organisation": code, "status": "in-use", "since": "2025-02-01",
                  "evidence": "https://example.org/story"} for code in ("ZZ2", "ZZ3", "ZZ4")]
    outcomes = [{"description": "A fictional measured result.", "source": "https://example.org/result",
                 "date": "2025-02-01", "evidence": "data-showing-change"}]
    return {**entry, "created": "2025-01-05", "last_reviewed": "2025-01-05", "maturity": "reused",
            "adoptions": adoptions, "outcomes": outcomes}


@pytest.mark.parametrize("changed, severity", [(None, "warning"), ({"other-example.yaml"}, "warning"),
                                               ({"fictional-example.yaml"}, "error")])
def test_a_lapsed_level_is_an_error_only_in_a_file_being_changed(load_text, entry, today, changed, severity):
    f, result = load_text(yaml.safe_dump(lapsed_entry(entry), sort_keys=False), name="fictional-example.yaml")
    rules = CrossFileRules(result, today, maturity_model(), {"ZZ1", "ZZ2", "ZZ3", "ZZ4"}, {"fictional-example"},
                           changed=changed)
    rules.check_evidence(f, Pattern.from_data(f.data))
    assert [(p.rule, p.severity) for p in result.problems] == [
        ("maturity-lapsed", severity), ("review-overdue", "warning")]
    assert result.problems[0].message.startswith(
        "declared 'reused' needs a review within 365 days; the last review (2025-01-05) lapsed on 2026-01-06, "
        "so the evidence now supports 'established'")
