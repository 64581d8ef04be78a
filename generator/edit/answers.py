"""Edit, form answers: one submitted form's answers, read question by question for
edit/submission.py, each checked against the schema's rule for the field it fills
(edit/arguments.py). Every problem is kept with the form's own label for its question, in words fit
to post back on the issue, so that a contributor sees them all at once."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.edit.arguments import rule_problems
from generator.issueforms import Answer, Submission
from generator.model.vocabulary import names

_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# An HTML tag or a script link in an answer: `< 4 hours` is text, `<script>` is not.
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z][^<>]*>?|\b(?:javascript|vbscript)\s*:", re.IGNORECASE)


@dataclass(frozen=True)
class Problem:
    """One thing to fix: the form's label of the question at fault, and what is wrong."""

    label: str
    message: str


class Answers:
    """The answers of one submission, read question by question; every problem is collected."""

    def __init__(self, submission: Submission):
        self.form = submission.form
        self.answers = submission.answers
        self.problems: list[Problem] = []

    def label(self, question_id: str) -> str:
        question = self.form.question(question_id)
        return question.label if question else question_id

    def problem(self, question_id: str, message: str) -> None:
        problem = Problem(self.label(question_id), message)
        if problem not in self.problems:  # an answer read twice is reported once
            self.problems.append(problem)

    def get(self, question_id: str, required: bool = False) -> Answer:
        """The answer, or None when there is none (a problem when the question needs one) or it
        holds markup (always a problem)."""
        value = self.answers.get(question_id)
        if value is None or value == [] or (isinstance(value, str) and not value.strip()):
            if required:
                self.problem(question_id, "this question needs an answer")
            return None
        markup = next((m for text in ([value] if isinstance(value, str) else value)
                       for m in [_MARKUP.search(text)] if m), None)
        if markup:
            # The site would show it as text, or drop it; a reviewer should never have to read it.
            self.problem(question_id, f"remove {markup.group()!r}: answers are plain text (with Markdown in the "
                                      "longer ones), and HTML or script is not accepted")
            return None
        return value

    def checked(self, question_id: str, value, where: tuple[str, ...], schema: str | None = None,
                one_line: bool = True):
        """`value` if the schema's rule at `where` allows it, else None (its problems recorded)."""
        found = rule_problems(value, "The answer", where, *([schema] if schema else []), one_line=one_line)
        for message in found:
            self.problem(question_id, message)
        return None if found else value

    @staticmethod
    def choice(vocabulary: str, value: str) -> str:
        """A dropdown answer as the schema's value: the value itself, or the name readers see for it."""
        wanted = value.strip()
        return next((v for v, shown in names(vocabulary).items()
                     if wanted.casefold() in (v.casefold(), shown.casefold())), wanted)

    def ticked(self, question_id: str = "checks") -> None:
        """Every checkbox the form requires is ticked."""
        question = self.form.question(question_id)
        ticked = set(self.answers.get(question_id) or ())
        for option in question.must_tick if question else ():
            if option not in ticked:
                self.problem(question_id, f"tick \u201c{option}\u201d")


def one_line(text: str) -> str:
    """A textarea answer for a one-line field: its lines joined, runs of spaces made one."""
    return " ".join(text.split())


def list_items(text: str) -> tuple[str, ...]:
    """A textarea answer as list items: one per `- ` (or `* `, `1. `) line or paragraph, each on one line."""
    items: list[list[str]] = []
    new = True
    for line in text.split("\n"):
        if not line.strip():
            new = True
            continue
        marker = _LIST_ITEM.match(line)
        if marker or new:
            items.append([])
        items[-1].append(line[marker.end():] if marker else line)
        new = False
    return tuple(one_line(" ".join(item)) for item in items if one_line(" ".join(item)))
