"""Schema: JSON Schema verdicts turned into located, readable problems with rule ids."""

import pytest
import yaml

from generator.validate import explain, schema


@pytest.fixture
def check(load_text, entry):
    """Check the minimal entry with `changes` applied (None removes a field): (ok, [(rule, message)])."""
    def run(**changes):
        data = {**entry, **changes}
        data = {k: v for k, v in data.items() if v is not None}
        f, result = load_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
        ok = schema.check(f, schema.PATTERN_SCHEMA, result)
        return ok, [(p.rule, p.message) for p in result.problems]
    return run


@pytest.mark.parametrize("name", [schema.PATTERN_SCHEMA, schema.REGISTRY_SCHEMA])
def test_the_packaged_schemas_are_valid_draft_2020_12(name):
    assert schema.validator_for(name) is not None  # check_schema raises otherwise


def test_field_names_read_as_paths():
    assert explain.field_name(["adoptions", 1, "status"]) == "adoptions[1].status"
    assert explain.field_name([]) == "(top level)"


def test_the_minimal_entry_with_unquoted_dates_passes(load_text, entry):
    text = yaml.safe_dump(entry, sort_keys=False).replace("'2026-01-05'", "2026-01-05")
    assert "\ncreated: 2026-01-05\n" in text
    f, result = load_text(text)
    assert schema.check(f, schema.PATTERN_SCHEMA, result) and not result.problems


def test_a_required_field_is_explained_by_its_description_not_its_format_label(check):
    ok, problems = check(problem=None)
    assert not ok
    assert problems == [("schema-required", "'problem' is required: The problem the pattern solves, "
                                            "in the words of the people who had it")]


def test_a_superseded_pattern_needs_superseded_by(check):
    assert check(lifecycle="superseded") == (False, [("schema-required", "'superseded_by' is required")])
    assert check(lifecycle="superseded", superseded_by="other-example") == (True, [])


@pytest.mark.parametrize("changes, rule, message", [
    ({"title": False}, "schema-type", "title must be text, not true/false; YAML reads unquoted false as "
                                      "true/false, so put the text in quotes"),
    ({"themes": "repeatability"}, "schema-type", "themes must be a list, not text"),
    ({"title": "ab"}, "schema-length", "title is 2 characters; it must be at least 3"),
    ({"tags": [f"tag-{n}" for n in range(13)]}, "schema-items", "tags has 13; it needs at most 12"),
    ({"lifecycle": "retired"}, "schema-enum", "lifecycle: 'retired' is not one of active, deprecated, superseded, unknown"),
    ({"colour": "blue"}, "schema-unknown-key", "unknown field 'colour'; remove it or fix its name"),
    ({"created": "5 January 2026"}, "schema-format", "created: '5 January 2026' is not valid: "
                                                     "write the date as YYYY-MM-DD"),
    ({"created": "2026-13-01"}, "schema-format", "created: '2026-13-01' is not a calendar date: "
                                                 "check the month and day"),
    ({"created": "\u0662\u0660\u0662\u0666-01-05"}, "schema-format",
     "created: '\u0662\u0660\u0662\u0666-01-05' is not valid: write the date as YYYY-MM-DD"),
    ({"contact": {"team": "Fictional Team", "url": "http://team.example.org/"}}, "schema-pattern",
     "contact.url: 'http://team.example.org/' is not valid: give an https:// link to a public page, "
     "e.g. https://example.org/page"),
])
def test_each_kind_of_schema_failure_has_its_own_message(check, changes, rule, message):
    assert check(**changes) == (False, [(rule, message)])


def test_an_in_use_adoption_needs_evidence(check):
    ok, problems = check(adoptions=[{"organisation": "ZZ2", "status": "in-use", "since": "2026-02-01"}])
    assert problems == [("schema-required", "'adoptions[0].evidence' is required: an adoption that is piloting "
                                            "or in use needs an evidence link (https) that shows it")]
    assert check(adoptions=[{"organisation": "ZZ2", "status": "exploring", "since": "2026-02-01"}]) == (True, [])


def test_every_failure_in_a_file_is_reported(check):
    ok, problems = check(title=True, category="nope", themes=[])
    assert sorted(rule for rule, _ in problems) == ["schema-enum", "schema-items", "schema-type"]


def test_each_missing_field_is_one_problem(check):
    ok, problems = check(title=None, problem=None, context=None)
    assert sorted(message.split(" is required")[0] for _, message in problems) == ["'context'", "'problem'", "'title'"]


HISTORY = [{"status": "piloting", "date": "2026-02-01", "evidence": "https://example.org/pilot"},
           {"status": "retired", "date": "2026-04-01", "reason": "Fictional: the pilot showed it did not fit."}]


def test_an_adoption_is_one_status_or_a_history_of_changes(check):
    assert check(adoptions=[{"organisation": "ZZ2", "history": HISTORY,
                             "contact": {"team": "Fictional Team", "email": "team@example.org"},
                             "adapted": "Fictional: ran it for one ward only."}]) == (True, [])
    assert check(adoptions=[{"organisation": "ZZ2", "status": "retired", "since": "2026-04-01",
                             "reason": "Fictional: the pilot showed it did not fit."}]) == (True, [])


def test_a_history_does_not_mix_with_the_one_status_form(check):
    ok, problems = check(adoptions=[{"organisation": "ZZ2", "status": "retired", "since": "2026-04-01",
                                     "history": HISTORY}])
    hint = "with a history, each change carries its own status, date, evidence and reason: move this into the history"
    assert (ok, problems) == (False, [("schema-not", f"adoptions[0].status: {hint}"),
                                      ("schema-not", f"adoptions[0].since: {hint}")])


def test_without_a_history_status_and_since_are_required(check):
    ok, problems = check(adoptions=[{"organisation": "ZZ2"}])
    hint = "give the status and the date it began (since), or a history of dated changes"
    assert problems == [("schema-required", f"'adoptions[0].status' is required: {hint}"),
                        ("schema-required", f"'adoptions[0].since' is required: {hint}")]


def test_a_change_to_piloting_or_in_use_needs_evidence(check):
    ok, problems = check(adoptions=[{"organisation": "ZZ2", "history": [{"status": "in-use", "date": "2026-02-01"}]}])
    assert problems == [("schema-required", "'adoptions[0].history[0].evidence' is required: a change to piloting "
                                            "or in-use needs an evidence link (https) that shows it")]


def test_an_adopter_contact_is_a_team_with_a_mailbox_or_a_page(check):
    ok, problems = check(adoptions=[{"organisation": "ZZ2", "status": "exploring", "since": "2026-02-01",
                                     "contact": {"team": "Fictional Team"}}])
    assert not ok and [rule for rule, _ in problems] == ["schema-anyOf"]
