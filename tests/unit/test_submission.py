"""Unit tests for generator/edit/submission.py and generator/edit/answers.py: a submitted form's
answers read into an adoption or a new pattern, every problem kept with the form's label, and
nothing written. Uses the FICTIONAL valid catalogue and the repository's own forms."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.edit.answers import list_items, one_line
from generator.edit.submission import NewOrganisation, pattern_id_for, read_adoption, read_proposal
from generator.issueforms import Submission, load_forms
from generator.validate.catalogue import validate_catalogue

REPO = Path(__file__).resolve().parents[2]
FORMS = load_forms(REPO / ".github" / "ISSUE_TEMPLATE")
ADOPT, PROPOSE = FORMS["record-adoption.yml"], FORMS["propose-pattern.yml"]
TODAY = dt.date(2026, 6, 30)
ADOPTION = {"pattern": "automated-change-checks", "organisation": "ZZ3", "status": "in-use", "since": "2026-05-01",
            "evidence": "https://eastdale.example.org/checks", "checks": list(ADOPT.question("checks").options)}
PROPOSAL = {"title": "Fictional shared rota app", "summary": "When wards keep paper rotas, share one rota app so "
            "that staff swap shifts easily.", "problem": "Managers phoned round to fill gaps in the rota.",
            "solution": "One rota app for every ward, with a champion on each ward.",
            "liabilities": "- The licence costs money.\n- Champions need time.", "category": "operations",
            "themes": ["repeatability"], "organisation": "ZZ1", "contact_team": "Fictional Workforce Team",
            "contact_link": "workforce@northshire.example.org", "checks": list(PROPOSE.question("checks").options)}


@pytest.fixture(scope="module")
def catalogue():
    validation = validate_catalogue(REPO / "tests" / "fixtures" / "core" / "valid", today=TODAY)
    assert validation.result.success
    return validation.catalogue


def adopt(catalogue, **changes):
    answers = {**{q.id: None for q in ADOPT.questions}, **ADOPTION, **changes}
    return read_adoption(Submission(ADOPT, answers), catalogue, set(catalogue.patterns), TODAY)


def propose(catalogue, **changes):
    answers = {**{q.id: None for q in PROPOSE.questions}, **PROPOSAL, **changes}
    return read_proposal(Submission(PROPOSE, answers), catalogue, set(catalogue.patterns))


def messages(problems) -> dict[str, str]:
    return {p.label: p.message for p in problems}


def test_an_adoption_is_read_as_catalogue_adopt_takes_it(catalogue):
    request, problems = adopt(catalogue, note="We adapted it.\nIt works.")
    assert problems == []
    assert (request.pattern, request.organisation, request.status, request.since, request.evidence, request.note) == (
        "automated-change-checks", "ZZ3", "in-use", dt.date(2026, 5, 1), "https://eastdale.example.org/checks",
        "We adapted it. It works.")
    assert request.new_organisation is None


@pytest.mark.parametrize("answer", ["Automated change checks", "automated change CHECKS",
                                    "https://example.org/catalogue/patterns/automated-change-checks/",
                                    "patterns/automated-change-checks.yaml"])
def test_the_pattern_may_be_named_by_id_title_or_address(catalogue, answer):
    request, problems = adopt(catalogue, pattern=answer)
    assert problems == [] and request.pattern == "automated-change-checks"


def test_display_names_and_lower_case_codes_are_taken(catalogue):
    request, problems = adopt(catalogue, organisation=" zz3 ", status="In use")
    assert problems == [] and (request.organisation, request.status) == ("ZZ3", "in-use")


def test_a_new_organisation_needs_its_name_type_and_region(catalogue):
    _, problems = adopt(catalogue, organisation="ZZ9")
    assert messages(problems) == {ADOPT.question("organisation").label: (
        "ZZ9 is not in the catalogue's list of organisations yet: to add it, answer "
        + ", ".join(ADOPT.question(q).label for q in ("organisation_name", "organisation_type", "organisation_region")))}
    request, problems = adopt(catalogue, organisation="ZZ9", organisation_name="Fictional Ninefields NHS Trust",
                              organisation_type="Trust", organisation_region="london")
    assert problems == []
    assert request.new_organisation == NewOrganisation("ZZ9", "Fictional Ninefields NHS Trust", "trust", "london")


def test_every_problem_is_reported_at_once_with_the_forms_labels(catalogue):
    _, problems = adopt(catalogue, pattern="../../etc/passwd", organisation="ZZ 3", status="using it",
                        since="2027-01-01", evidence="http://eastdale.example.org/", note="x" * 501, checks=[])
    found = messages(problems)
    label = {q: ADOPT.question(q).label for q in ("pattern", "organisation", "status", "since", "evidence", "note", "checks")}
    assert set(found) == set(label.values())
    assert found[label["pattern"]].startswith("no pattern in the catalogue has that id or title")
    assert "is not valid: use the organisation's ODS code in capitals" in found[label["organisation"]]
    assert "is not one of exploring, piloting, in-use, retired" in found[label["status"]]
    assert found[label["since"]] == "2027-01-01 is in the future: give the day the status began, today (2026-06-30) or earlier"
    assert "give an https:// link" in found[label["evidence"]]
    assert found[label["note"]] == "The answer is 501 characters; it must be at most 500"
    assert found[label["checks"]].startswith("tick \u201cThis issue contains no patient information")


def test_the_originator_cannot_adopt_its_own_pattern(catalogue):
    _, problems = adopt(catalogue, organisation="ZZ7")
    assert messages(problems) == {ADOPT.question("organisation").label:
                                  "ZZ7 is this pattern's originator; an adoption records another organisation's use of it"}


def test_in_use_needs_evidence_and_exploring_does_not(catalogue):
    _, problems = adopt(catalogue, evidence=None)
    assert messages(problems) == {ADOPT.question("evidence").label: "In use needs a public https:// link that shows "
                                  "the adoption (a case study, board paper or blog post)"}
    request, problems = adopt(catalogue, status="exploring", evidence=None)
    assert problems == [] and request.evidence is None


@pytest.mark.parametrize("title, expected", [
    ("Fictional shared rota app", "fictional-shared-rota-app"),
    ("  Café -- rota: app #2! ", "cafe-rota-app-2"),
    ("A " + "long " * 30, ("a-" + "long-" * 15).rstrip("-")),
    ("<script>", "script"),
    ("../../etc", "etc"),
])
def test_a_new_pattern_id_comes_from_its_title(title, expected):
    assert pattern_id_for(title) == expected
    assert len(pattern_id_for(title)) <= 80


def test_a_proposal_is_read_as_catalogue_new_takes_it(catalogue):
    request, problems = propose(catalogue)
    assert problems == []
    assert (request.pattern, request.title, request.category, request.originator) == (
        "fictional-shared-rota-app", "Fictional shared rota app", "operations", "ZZ1")
    d = request.details
    assert d.liabilities == ("The licence costs money.", "Champions need time.")
    assert d.email == "workforce@northshire.example.org" and d.url is None and d.team == "Fictional Workforce Team"
    assert d.context is None and d.benefits == () and d.themes == ("repeatability",)
    request, _ = propose(catalogue, contact_link="https://northshire.example.org/workforce")
    assert request.details.url == "https://northshire.example.org/workforce" and request.details.email is None


@pytest.mark.parametrize("question, answer, culprit", [
    ("title", "<script>alert(1)</script>", "<script>"),
    ("problem", "A fictional problem [with a link](javascript:alert(1)) in it.", "javascript:"),
    ("solution", "A fictional solution <img src=x onerror=alert(1)> described.", "<img src=x onerror=alert(1)>"),
    ("liabilities", "- One\n- Two </div", "</div"),
    ("contact_team", "Fictional <b>Team</b>", "<b>"),
])
def test_html_or_script_in_any_answer_is_refused_with_words(catalogue, question, answer, culprit):
    _, problems = propose(catalogue, **{question: answer})
    assert messages(problems) == {PROPOSE.question(question).label: (
        f"remove {culprit!r}: answers are plain text (with Markdown in the longer ones), and HTML or script is "
        "not accepted")}


def test_a_less_than_sign_in_prose_is_text(catalogue):
    request, problems = propose(catalogue, problem="Waits of < 4 hours fell to > 2 hours; a <- b is fine.")
    assert problems == [] and request.details.problem.startswith("Waits of < 4 hours")


def test_a_proposal_with_a_taken_name_is_refused_with_words(catalogue):
    _, problems = propose(catalogue, title="Shared landing zone")
    assert "already has a pattern with the address shared-landing-zone" in messages(problems)[PROPOSE.question("title").label]
    _, problems = propose(catalogue, title="!!!")
    assert "needs some letters or digits" in messages(problems)[PROPOSE.question("title").label]


def test_a_proposal_reports_every_missing_answer(catalogue):
    empty = {q: None for q in ("title", "summary", "problem", "solution", "liabilities", "category", "organisation",
                               "contact_team", "contact_link")}
    _, problems = propose(catalogue, themes=[], checks=[], **empty)
    found = messages(problems)
    for question in (*empty, "themes"):
        assert found.pop(PROPOSE.question(question).label) == "this question needs an answer"
    assert list(found) == [PROPOSE.question("checks").label]


def test_control_characters_in_prose_are_refused(catalogue):
    _, problems = propose(catalogue, problem="A fictional problem with a bell \x07 in it.")
    assert "control character (U+0007)" in messages(problems)[PROPOSE.question("problem").label]


def test_list_items_and_one_line():
    assert list_items("- one\n  continued\n* two\n\n1. three\n\nfour\nfive") == (
        "one continued", "two", "three", "four five")
    assert list_items("\n\n") == ()
    assert one_line("  a\n b\tc  ") == "a b c"
