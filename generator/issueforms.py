"""Issue forms: the catalogue's GitHub issue forms (.github/ISSUE_TEMPLATE/*.yml), read as the one
source of their questions, and the body GitHub writes when someone submits one, read back into
answers by field id.

GitHub writes a submitted form as Markdown: each question's label as a `### Label` heading, then
the answer; `_No response_` for an empty one; a multiple-choice dropdown as `a, b`; checkboxes as
`- [X] label` (ticked) or `- [ ] label`. The labels are never written in code: a body is
recognised by the labels of the form definitions, and each answer is keyed by the id the form
gives its question. The site's email links write the same format (`write_body`), so an emailed
answer can be read the same way.

    forms = load_forms(root / ".github" / "ISSUE_TEMPLATE")
    submission = read_submission(body, forms)   # None when the body is none of the forms
    submission.form.file, submission.answers["pattern"]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.errors import ConfigError

NO_RESPONSE = "_No response_"
# The kinds of question that carry an answer (a `markdown` element is only text on the form).
ANSWERED = ("input", "textarea", "dropdown", "checkboxes")
_CHECKBOX = re.compile(r"^\s*[-*] \[([ xX]?)\] (.*)$")
_FENCE = re.compile(r"^```[^\n`]*\n(.*?)\n?```$", re.S)

Answer = str | list[str] | None


@dataclass(frozen=True)
class Question:
    """One question of a form: what GitHub shows, and what it requires."""

    id: str
    kind: str  # input, textarea, dropdown or checkboxes
    label: str
    required: bool = False
    options: tuple[str, ...] = ()  # dropdown choices, or checkbox labels
    multiple: bool = False  # a dropdown that takes more than one choice
    must_tick: tuple[str, ...] = ()  # checkbox labels the form requires
    render: str | None = None  # a textarea GitHub wraps in a code block


@dataclass(frozen=True)
class Form:
    """One issue form: its file name (the `template=` of a new-issue link), and its questions."""

    file: str
    name: str
    title: str  # the issue title the form starts with
    labels: tuple[str, ...]  # the issue labels GitHub gives a submitted form
    questions: tuple[Question, ...]

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


@dataclass
class Submission:
    """A body recognised as one form: its answers by question id (None or [] when empty)."""

    form: Form
    answers: dict[str, Answer] = field(default_factory=dict)


def load_forms(folder: Path) -> dict[str, Form]:
    """The issue forms in `folder` by file name ({} when there is none); ConfigError for a form
    that is not YAML. config.yml (the template chooser's settings) is not a form."""
    forms = {}
    for path in sorted(Path(folder).glob("*.yml")) if Path(folder).is_dir() else []:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise ConfigError(f"{path}: cannot read the issue form: {exc}") from exc
        if isinstance(data, dict) and isinstance(data.get("body"), list):
            forms[path.name] = _form(path.name, data)
    return forms


def _form(file: str, data: dict) -> Form:
    questions = []
    for item in data["body"]:
        if not isinstance(item, dict) or item.get("type") not in ANSWERED or not item.get("id"):
            continue
        attributes, validations = item.get("attributes") or {}, item.get("validations") or {}
        options = attributes.get("options") or []
        labels = [o["label"] if isinstance(o, dict) else o for o in options]
        questions.append(Question(
            id=str(item["id"]), kind=item["type"], label=str(attributes.get("label", "")).strip(),
            required=bool(validations.get("required")), options=tuple(map(str, labels)),
            multiple=bool(attributes.get("multiple")), render=attributes.get("render"),
            must_tick=tuple(str(o["label"]) for o in options if isinstance(o, dict) and o.get("required"))))
    return Form(file, str(data.get("name", file)), str(data.get("title", "")),
                tuple(map(str, data.get("labels") or [])), tuple(questions))


def read_submission(body: str, forms: dict[str, Form]) -> Submission | None:
    """The form `body` answers, with its answers; None when it matches none of `forms`.

    A body matches a form when the labels of all the form's required questions are headings of
    the body, in the form's order; of several, the one with most headings found wins. Only the
    form's own headings divide answers, so a `###` line inside an answer stays in it."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    headings = [(i, line[4:].strip()) for i, line in enumerate(lines) if line.startswith("### ")]
    best: tuple[Form, list[tuple[Question, int]]] | None = None
    for form in forms.values():
        found = _headings_of(form, headings)
        if found and (best is None or len(found) > len(best[1])):
            best = (form, found)
    if best is None:
        return None
    form, found = best
    answers: dict[str, Answer] = {q.id: ([] if _listed(q) else None) for q in form.questions}
    for k, (question, line) in enumerate(found):
        end = found[k + 1][1] if k + 1 < len(found) else len(lines)
        answers[question.id] = _answer(question, lines[line + 1:end])
    return Submission(form, answers)


def _headings_of(form: Form, headings: list[tuple[int, str]]) -> list[tuple[Question, int]] | None:
    """Each question found as a heading, with its line, in order; None if a required one is missing."""
    found, at = [], 0
    for question in form.questions:
        line = next((k for k in range(at, len(headings)) if headings[k][1] == question.label), None)
        if line is None:
            if question.required:
                return None
            continue
        found.append((question, headings[line][0]))
        at = line + 1
    return found or None


def _listed(question: Question) -> bool:
    return question.kind == "checkboxes" or (question.kind == "dropdown" and question.multiple)


def _answer(question: Question, lines: list[str]) -> Answer:
    """One answer as GitHub wrote it: text, a list of choices or of ticked boxes, or None."""
    if question.kind == "checkboxes":
        ticks = (_CHECKBOX.match(line) for line in lines)
        return [m.group(2).strip() for m in ticks if m and m.group(1) in ("x", "X")]
    text = "\n".join(lines).strip("\n")
    if text.strip() in ("", NO_RESPONSE):
        return [] if _listed(question) else None
    if question.render:
        fenced = _FENCE.match(text.strip())
        text = fenced.group(1) if fenced else text
    if question.kind == "dropdown":
        return [part.strip() for part in text.strip().split(", ")] if question.multiple else text.strip()
    return text.strip() if question.kind == "input" else text.rstrip()


def write_body(form: Form, answers: dict[str, Answer], empty: str = NO_RESPONSE, intro: str = "") -> str:
    """A body in the format GitHub writes for `form` (an empty answer as `empty`), after `intro`:
    what the site's email links prefill, and what the tests submit."""
    parts = [intro.rstrip("\n") + "\n\n"] if intro else []
    for question in form.questions:
        value = answers.get(question.id)
        if question.kind == "checkboxes":
            ticked = set(value or ())
            text = "\n".join(f"- [{'X' if o in ticked else ' '}] {o}" for o in question.options)
        elif isinstance(value, list):
            text = ", ".join(value) or empty
        else:
            text = value if value else empty
        parts.append(f"### {question.label}\n\n{text}\n\n" if text else f"### {question.label}\n\n\n")
    return "".join(parts).rstrip("\n") + "\n"
