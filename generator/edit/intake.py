"""Edit, intake: apply an issue form submitted on GitHub (or the same answers sent by email) to the
catalogue, as `catalogue intake --issue-body FILE` does.

    recognise  issueforms.read_submission, by the labels of the forms in .github/ISSUE_TEMPLATE/
    read       edit/submission.py: an adoption or a new pattern, and every problem with it
    apply      edit/registry.py for an organisation new to the catalogue, then the code of
               `catalogue adopt` (edit/adopt.py) or of `catalogue new` (edit/newpattern.py)

The outcome is either applied (what changed, in Markdown, for a pull request's description) or
problems (nothing changed, in Markdown, to post on the issue); a body that is none of the forms
raises SubmissionError. Only patterns/<id>.yaml and organisations.yaml are ever written, and if
the second write is refused the registry is put back as it was.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.dates import today as default_today
from generator.edit.adopt import record_adoption
from generator.edit.newpattern import create_pattern
from generator.edit.registry import add_organisation
from generator.edit.answers import Problem
from generator.edit.submission import (AdoptionRequest, NewOrganisation, ProposalRequest, pattern_candidate,
                                       read_adoption, read_proposal)
from generator.edit.writer import write_atomic
from generator.errors import EditError, SubmissionError
from generator.issueforms import Submission, load_forms, read_submission
from generator.layout import FORMS_DIR, PATTERNS_DIR, REGISTRY_FILE, CatalogueRoot
from generator.model.catalogue import Catalogue, Pattern
from generator.model.vocabulary import display_name
from generator.problems import Result
from generator.validate import schema
from generator.validate.catalogue import load_registry, validate_catalogue
from generator.validate.loader import load_yaml

MAX_BODY_CHARS = 65_536  # the most GitHub keeps of an issue body
ADOPTION_FORM, PROPOSAL_FORM = "record-adoption.yml", "propose-pattern.yml"
_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|~!&])")


@dataclass
class Outcome:
    """What intake did: `title` is one line (a pull request's title, or what went wrong), and
    `details` Markdown lines."""

    applied: bool
    title: str
    details: list[str] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join([self.title, "", *self.details]).rstrip("\n") + "\n"


def read_issue_body(path: Path) -> str:
    """The text of an issue body saved to a file; SubmissionError when it cannot be one."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BODY_CHARS * 4 + 1)  # UTF-8 takes at most 4 bytes a character
    except OSError as exc:
        raise SubmissionError(f"{path}: cannot read the issue body: {exc.strerror or exc}") from exc
    too_long = SubmissionError(f"{path}: longer than GitHub lets an issue body be ({MAX_BODY_CHARS:,} "
                               "characters), so it is not a submitted form")
    if len(raw) > MAX_BODY_CHARS * 4:
        raise too_long  # before decoding: the read may have cut a character in two
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SubmissionError(f"{path}: the issue body is not UTF-8 text (byte {exc.start})") from exc
    if len(text) > MAX_BODY_CHARS:
        raise too_long
    return text


def intake(root: Path, body: str, today: dt.date | None = None) -> Outcome:
    """Read `body` as one of the catalogue's forms and apply it (see the module's docstring)."""
    layout = CatalogueRoot.at(root).require()
    forms = load_forms(layout.forms)
    if ADOPTION_FORM not in forms and PROPOSAL_FORM not in forms:
        raise SubmissionError(f"{layout.display(layout.forms)}: no {ADOPTION_FORM} or {PROPOSAL_FORM} form, so "
                              f"there is nothing to read a submission by (the forms live in {FORMS_DIR}/)")
    submission = read_submission(body, forms)
    if submission is None:
        raise SubmissionError("the issue body is not one of the catalogue's forms: its headings are not the "
                              "questions of " + " or ".join(sorted(forms)))
    if submission.form.file not in (ADOPTION_FORM, PROPOSAL_FORM):
        raise SubmissionError(f"the issue is a \u201c{submission.form.name}\u201d form; intake applies only "
                              f"{ADOPTION_FORM} and {PROPOSAL_FORM}")
    catalogue, known = _catalogue(root, submission, today)
    if submission.form.file == ADOPTION_FORM:
        request, problems = read_adoption(submission, catalogue, known, today or default_today())
    else:
        request, problems = read_proposal(submission, catalogue, known)
    if problems:
        return _refused(problems)
    try:
        return _apply(root, request)
    except EditError as exc:
        return _refused([Problem("", str(exc))])


def _catalogue(root: Path, submission: Submission, today: dt.date | None) -> tuple[Catalogue, set[str]]:
    """What reading the answers needs: the registry, the ids in use, and the pattern an adoption
    names. One named by its id or page address is read alone; one named by its title needs the
    whole catalogue, validated (for a large catalogue, seconds)."""
    layout = CatalogueRoot.at(root)
    known = layout.pattern_files().stems
    answer = submission.answers.get("pattern") if submission.form.file == ADOPTION_FORM else None
    named = pattern_candidate(answer) if isinstance(answer, str) else None
    if answer is not None and named not in known:
        return validate_catalogue(root, today=today).catalogue, known
    catalogue = Catalogue(organisations=load_registry(root, Result()) or {})
    if named in known:  # an existing file's name: safe as a path
        result, path = Result(), layout.pattern_path(named)
        loaded = load_yaml(path, layout.display(path), result)
        if loaded is not None and schema.check(loaded, schema.PATTERN_SCHEMA, result):
            catalogue.patterns[named] = Pattern.from_data(loaded.data, loaded.display)
    return catalogue, known


def _apply(root: Path, request: AdoptionRequest | ProposalRequest) -> Outcome:
    """Add the organisation if it is new, then make the change; put the registry back if refused."""
    registry = CatalogueRoot.at(root).registry
    before = registry.read_bytes()
    new = request.new_organisation
    added = new is not None and add_organisation(root, new.code, new.name, new.kind, new.region)
    try:
        if isinstance(request, AdoptionRequest):
            return _adopt(root, request, added)
        return _propose(root, request, added)
    except BaseException:
        if added:
            write_atomic(registry, before)
        raise


def _adopt(root: Path, request: AdoptionRequest, added: bool) -> Outcome:
    _, changed = record_adoption(root, request.pattern, request.organisation, request.status,
                                 since=request.since, evidence=request.evidence, note=request.note)
    status = display_name("adoption_status", request.status).lower()
    what = f"{request.organisation}'s adoption of \u201c{request.title}\u201d"
    lines = [f"- `{PATTERNS_DIR}/{request.pattern}.yaml`: {_md(request.organisation)} {status} since "
             f"{request.since}" + (f", [evidence](<{request.evidence}>)" if request.evidence else "")]
    lines += _registry_line(request.new_organisation) if added else []
    if not changed and not added:
        return Outcome(True, f"Nothing to change: {what} is already recorded as {status} since {request.since}")
    return Outcome(True, f"Record {what}", ["Changes made from the form:", "", *lines])


def _propose(root: Path, request: ProposalRequest, added: bool) -> Outcome:
    create_pattern(root, request.pattern, title=request.title, category=request.category,
                   originator=request.originator, details=request.details)
    d = request.details
    todo = [name for name, value in (("summary", d.summary), ("problem", d.problem), ("context", d.context),
                                     ("solution", d.solution), ("benefits", d.benefits)) if not value]
    lines = [f"- `{PATTERNS_DIR}/{request.pattern}.yaml`: a new entry, from the answers to the form"
             + (f"; still to write (marked TODO): {', '.join(todo)}" if todo else "")]
    lines += _registry_line(request.new_organisation) if added else []
    if request.outcomes:
        lines += ["", "Measured results given in the form, to add as `outcomes`, each with its public source "
                      "and date:", "", *(f"> {line}" for line in request.outcomes.split("\n"))]
    return Outcome(True, f"Add the pattern \u201c{request.title}\u201d", ["Changes made from the form:", "", *lines])


def _registry_line(new: NewOrganisation) -> list[str]:
    return [f"- `{REGISTRY_FILE}`: added {_md(new.code)}, {_md(new.name)} "
            f"({display_name('organisation_type', new.kind)}, {display_name('region', new.region)})"]


def _refused(problems: list[Problem]) -> Outcome:
    """The problems, to post on the issue; nothing was changed. A problem with an answer is the
    contributor's to fix; one the catalogue raised when applying the change is a maintainer's."""
    lines = ["Nothing in the catalogue was changed."]
    answers = [p for p in problems if p.label]
    if answers:
        lines += ["", "Edit the issue to put these right, and it will be read again:", ""]
        lines += [f"- **{_md(p.label)}**: {_md(p.message)}" for p in answers]
    for problem in (p for p in problems if not p.label):
        fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", problem.message)), default=0))
        lines += ["", "The catalogue refused the change, for a reason a maintainer needs to look at:", "",
                  fence, problem.message, fence]
    count = len(problems)
    return Outcome(False, f"The submission could not be applied: {count} thing{'s' if count != 1 else ''} "
                          "to put right", lines)


def _md(text: str) -> str:
    """Text shown as itself in Markdown: every character Markdown could read as markup escaped."""
    return _MARKDOWN.sub(r"\\\1", text)
