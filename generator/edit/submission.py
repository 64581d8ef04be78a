"""Edit, submissions: what a submitted issue form asks for, in the terms of the edit commands: an
adoption (edit/adopt.py), a new pattern (edit/newpattern.py) and, for an organisation new to the
catalogue, a registry entry (edit/registry.py).

Each answer is checked against the schema's rule for the field it fills, and every problem is kept
with the form's own label for the question (edit/answers.py), so a contributor sees them all at
once. Nothing here writes a file: edit/intake.py applies what this reads. The question ids are the
contract with the forms; their labels are only ever read from the forms (generator/issueforms.py).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass

from generator.dates import parse_date
from generator.edit.answers import Answers, Problem, list_items, one_line
from generator.edit.arguments import field_problems
from generator.edit.scaffold import Details
from generator.issueforms import Submission
from generator.model.catalogue import Catalogue
from generator.model.vocabulary import display_name, statuses_needing_evidence
from generator.validate.schema import REGISTRY_SCHEMA

ADOPTION = ("$defs", "adoption", "properties")
ORGANISATION = ("$defs", "organisation", "properties")
# The questions that describe an organisation new to the registry: (its field, its vocabulary).
_REGISTRY_QUESTIONS = {"organisation_name": ("name", None), "organisation_type": ("type", "organisation_type"),
                       "organisation_region": ("region", "region")}


@dataclass(frozen=True)
class NewOrganisation:
    code: str
    name: str
    kind: str
    region: str


@dataclass(frozen=True)
class AdoptionRequest:
    """An adoption to record, as `catalogue adopt` takes it."""

    pattern: str
    title: str
    organisation: str
    status: str
    since: dt.date
    evidence: str | None
    note: str | None
    new_organisation: NewOrganisation | None


@dataclass(frozen=True)
class ProposalRequest:
    """A new entry to write, as `catalogue new` takes it, with what the proposal says."""

    pattern: str
    title: str
    category: str
    originator: str
    details: Details
    new_organisation: NewOrganisation | None
    outcomes: str | None  # measured results as written: a maintainer adds each with its source


def pattern_id_for(title: str) -> str:
    """The id a new pattern gets from its title: ASCII letters and digits joined by hyphens."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = "-".join(re.findall(r"[a-z0-9]+", ascii_title.lower()))
    return slug[:80].rsplit("-", 1)[0] if len(slug) > 80 else slug


def organisation_of(a: Answers, catalogue: Catalogue) -> tuple[str | None, NewOrganisation | None]:
    """The ODS code answered, and the registry entry to add when the catalogue does not know it."""
    code = a.get("organisation", required=True)
    if code is None:
        return None, None
    code = a.checked("organisation", code.strip().upper(), ADOPTION + ("organisation",))
    if code is None or code in catalogue.organisations:
        return code, None
    asked = {q: a.get(q) for q in _REGISTRY_QUESTIONS}
    missing = [a.label(q) for q, value in asked.items() if value is None]
    if missing:
        a.problem("organisation", f"{code} is not in the catalogue's list of organisations yet: to add it, "
                                  f"answer {', '.join(missing)}")
        return None, None
    found = {}
    for question, (key, vocabulary) in _REGISTRY_QUESTIONS.items():
        value = a.choice(vocabulary, asked[question]) if vocabulary else asked[question].strip()
        found[key] = a.checked(question, value, ORGANISATION + (key,), REGISTRY_SCHEMA)
    if None in found.values():
        return None, None
    return code, NewOrganisation(code, found["name"], found["type"], found["region"])


def pattern_candidate(answer: str) -> str:
    """The id an answer names if it is an id or a page address (…/patterns/<id>/, <id>.yaml)."""
    candidate = re.split(r"[?#]", answer.strip())[0].rstrip("/").rsplit("/", 1)[-1]
    return re.sub(r"\.(html|yaml|md)$", "", candidate)


def pattern_of(a: Answers, catalogue: Catalogue, known_ids: set[str]):
    """The pattern an adoption names by id, page address or title; None (a problem) otherwise."""
    answer = a.get("pattern", required=True)
    if answer is None:
        return None
    wanted = answer.strip()
    candidate = pattern_candidate(wanted)
    if candidate in catalogue.patterns:
        return catalogue.patterns[candidate]
    titled = [p for p in catalogue.patterns.values() if p.title.casefold() == wanted.casefold()]
    if len(titled) == 1:
        return titled[0]
    if not field_problems("id", candidate) and candidate in known_ids:
        a.problem("pattern", f"the pattern {candidate} has errors, so an adoption cannot be added to it yet; "
                             "a maintainer will fix it")
        return None
    close = difflib.get_close_matches(candidate, sorted(catalogue.patterns), n=3, cutoff=0.6)
    hint = (" Did you mean " + " or ".join(close) + "?") if close else \
        " Give the last part of the pattern's page address, or its title as the catalogue shows it."
    a.problem("pattern", f"no pattern in the catalogue has that id or title.{hint}")
    return None


def read_adoption(submission: Submission, catalogue: Catalogue, known_ids: set[str],
                  today: dt.date) -> tuple[AdoptionRequest | None, list[Problem]]:
    """The adoption a record-adoption form asks for, or None and every problem with it."""
    a = Answers(submission)
    pattern = pattern_of(a, catalogue, known_ids)
    code, new = organisation_of(a, catalogue)
    if pattern is not None and code is not None and code == pattern.originator:
        a.problem("organisation", f"{code} is this pattern's originator; an adoption records another "
                                  "organisation's use of it")
    status = a.get("status", required=True)
    status = status and a.checked("status", a.choice("adoption_status", status), ADOPTION + ("status",))
    since = _since(a, today)
    evidence = a.get("evidence")
    evidence = evidence and a.checked("evidence", evidence.strip(), ADOPTION + ("evidence",))
    if status in statuses_needing_evidence() and a.get("evidence") is None:
        a.problem("evidence", f"{display_name('adoption_status', status)} needs a public https:// link that "
                              "shows the adoption (a case study, board paper or blog post)")
    note = a.get("note")
    note = note and a.checked("note", one_line(note), ADOPTION + ("note",))
    a.ticked()
    if a.problems:
        return None, a.problems
    return AdoptionRequest(pattern.id, pattern.title, code, status, since, evidence, note, new), []


def _since(a: Answers, today: dt.date) -> dt.date | None:
    answer = a.get("since", required=True)
    if answer is None:
        return None
    day = parse_date(answer.strip())
    if day is None:
        a.problem("since", "give the date as YYYY-MM-DD, e.g. 2026-03-01")
    elif day > today:
        a.problem("since", f"{day} is in the future: give the day the status began, today ({today}) or earlier")
    return day


def read_proposal(submission: Submission, catalogue: Catalogue, known_ids: set[str],
                  ) -> tuple[ProposalRequest | None, list[Problem]]:
    """The new entry a propose-pattern form asks for, or None and every problem with it."""
    a = Answers(submission)
    title = a.get("title", required=True)
    title = title and a.checked("title", title.strip(), ("properties", "title"))
    pattern_id = _new_id(a, title, known_ids) if title else None
    summary = a.get("summary", required=True)
    details = Details(
        summary=summary and a.checked("summary", one_line(summary), ("properties", "summary")),
        **{field: _prose(a, field, required=field != "context") for field in ("problem", "context", "solution")},
        benefits=_items(a, "benefits", ("properties", "consequences", "properties", "benefits")),
        liabilities=_items(a, "liabilities", ("properties", "consequences", "properties", "liabilities"),
                           required=True),
        themes=_themes(a),
        **_contact(a))
    category = a.get("category", required=True)
    category = category and a.checked("category", a.choice("category", category),
                                      ("properties", "category"))
    code, new = organisation_of(a, catalogue)
    a.ticked()
    if a.problems:
        return None, a.problems
    outcomes = a.get("outcomes")
    return ProposalRequest(pattern_id, title, category, code, details, new, outcomes and outcomes.strip()), []


def _new_id(a: Answers, title: str, known_ids: set[str]) -> str | None:
    pattern_id = pattern_id_for(title)
    if not pattern_id or field_problems("id", pattern_id):
        a.problem("title", "the name needs some letters or digits, which make the pattern's page address")
        return None
    if pattern_id in known_ids:
        a.problem("title", f"the catalogue already has a pattern with the address {pattern_id}: if it describes "
                           "your practice, record an adoption of it instead; otherwise give this one another name")
        return None
    return pattern_id


def _prose(a: Answers, field: str, required: bool) -> str | None:
    text = a.get(field, required)
    return text and a.checked(field, text.strip(), ("properties", field), one_line=False)


def _items(a: Answers, field: str, where: tuple[str, ...], required: bool = False) -> tuple[str, ...]:
    text = a.get(field, required)
    items = list_items(text) if text else ()
    return tuple(item for item in items if a.checked(field, item, where + ("items",), one_line=False))


def _themes(a: Answers) -> tuple[str, ...]:
    chosen = dict.fromkeys(a.choice("theme", t) for t in a.get("themes", required=True) or ())
    return tuple(t for t in chosen if a.checked("themes", t, ("properties", "themes", "items")))


def _contact(a: Answers) -> dict[str, str | None]:
    """The team's name, and its mailbox or web page: whichever the answer is."""
    team = a.get("contact_team", required=True)
    link = a.get("contact_link", required=True)
    found = {"team": team and a.checked("contact_team", team.strip(), ("properties", "contact", "properties", "team"))}
    if link:
        link = link.strip()
        kind = "email" if "@" in link and not link.lower().startswith("https://") else "url"
        value = link[len("mailto:"):] if link.lower().startswith("mailto:") else link
        found[kind] = a.checked("contact_link", value, ("properties", "contact", "properties", kind))
    return found
