"""Unit tests for generator/issueforms.py: the repository's issue forms read as questions, and
bodies in the format GitHub writes read back into answers by question id (FICTIONAL answers)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.errors import ConfigError
from generator.issueforms import NO_RESPONSE, load_forms, read_submission, write_body

REPO = Path(__file__).resolve().parents[2]
FORMS_DIR = REPO / ".github" / "ISSUE_TEMPLATE"
FORMS = load_forms(FORMS_DIR)
ADOPT, PROPOSE = FORMS["record-adoption.yml"], FORMS["propose-pattern.yml"]


def test_every_form_is_read_with_its_questions_as_the_yaml_defines_them():
    assert set(FORMS) == {"record-adoption.yml", "propose-pattern.yml", "report-problem.yml"}  # not config.yml
    for name, form in FORMS.items():
        data = yaml.safe_load((FORMS_DIR / name).read_text(encoding="utf-8"))
        answered = [item for item in data["body"] if item["type"] != "markdown"]
        assert [q.id for q in form.questions] == [item["id"] for item in answered]
        assert [q.label for q in form.questions] == [item["attributes"]["label"] for item in answered]
        assert form.labels == tuple(data["labels"]) and form.title == data["title"]
    assert ADOPT.question("status").options == ("exploring", "piloting", "in-use", "retired")
    assert ADOPT.question("pattern").required and not ADOPT.question("evidence").required
    assert PROPOSE.question("themes").multiple
    assert ADOPT.question("checks").must_tick == ADOPT.question("checks").options
    assert FORMS["report-problem.yml"].question("output").render == "shell"


def test_a_body_as_github_writes_it_reads_back_by_question_id():
    answers = {"pattern": "shared-landing-zone", "organisation": "ZZ1", "status": "in-use", "since": "2026-05-01",
               "note": "Line one.\n\n### Not a question\n\nLine two.",
               "checks": list(ADOPT.question("checks").options)}
    body = write_body(ADOPT, answers)
    assert f"### {ADOPT.question('evidence').label}\n\n{NO_RESPONSE}\n" in body
    assert "- [X] " in body
    submission = read_submission(body, FORMS)
    assert submission.form is ADOPT
    assert submission.answers == {**{q.id: None for q in ADOPT.questions}, **answers}


def test_line_endings_a_byte_order_mark_and_lower_case_ticks_are_read_as_github_means_them():
    body = write_body(ADOPT, {"pattern": "x", "organisation": "ZZ1", "status": "exploring", "since": "2026-01-01",
                              "checks": list(ADOPT.question("checks").options)})
    body = "\ufeff" + body.replace("- [X] ", "- [x] ").replace("\n", "\r\n")
    submission = read_submission(body, FORMS)
    assert submission.answers["pattern"] == "x" and submission.answers["checks"] == list(ADOPT.question("checks").options)


def test_multiple_choices_and_unticked_boxes():
    body = write_body(PROPOSE, {"title": "Fictional title", "themes": ["repeatability", "scalability"]})
    answers = read_submission(body, FORMS).answers
    assert answers["themes"] == ["repeatability", "scalability"]
    assert answers["checks"] == [] and answers["outcomes"] is None


def test_a_code_block_answer_loses_its_fence():
    form = FORMS["report-problem.yml"]
    body = write_body(form, {"kind": "A link is broken", "what": "Fictional.", "output": "```shell\n$ ls\nx\n```"})
    assert read_submission(body, FORMS).answers["output"] == "$ ls\nx"


@pytest.mark.parametrize("body", [
    "",
    "Hello, we use a pattern. Please add us.",
    "### Pattern\n\nx\n",  # one heading of a form is not the form
    write_body(ADOPT, {"pattern": "x"}).replace(f"### {ADOPT.question('status').label}\n", "### Staus\n"),
])
def test_a_body_that_is_none_of_the_forms_is_not_read_as_one(body):
    assert read_submission(body, FORMS) is None


def test_an_optional_question_missing_from_the_body_is_an_empty_answer():
    """An issue opened before a question was added to the form still reads."""
    body = write_body(ADOPT, {"pattern": "x", "organisation": "ZZ1"})
    body = body.replace(f"### {ADOPT.question('note').label}\n\n{NO_RESPONSE}\n\n", "")
    answers = read_submission(body, FORMS).answers
    assert answers["pattern"] == "x" and answers["note"] is None


def test_the_email_format_leaves_empty_answers_blank_after_an_introduction():
    body = write_body(ADOPT, {"pattern": "x"}, empty="", intro="Answer under each heading.")
    assert body.startswith("Answer under each heading.\n\n### Pattern\n\nx\n\n")
    assert NO_RESPONSE not in body
    assert read_submission(body, FORMS).answers["pattern"] == "x"


def test_a_folder_without_forms_has_none_and_a_broken_form_is_named(tmp_path):
    assert load_forms(tmp_path / "missing") == {}
    (tmp_path / "config.yml").write_text("blank_issues_enabled: false\n", encoding="utf-8")
    assert load_forms(tmp_path) == {}
    (tmp_path / "broken.yml").write_text("body: [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="broken.yml: cannot read the issue form"):
        load_forms(tmp_path)
