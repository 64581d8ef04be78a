"""Edit, new entry: gather what `catalogue new` needs (from flags, or by asking in a terminal),
write patterns/<id>.yaml atomically, and check it validates before leaving it in place."""

from __future__ import annotations

import os
from pathlib import Path

from generator.edit.arguments import arguments_problems, field_problems
from generator.dates import today
from generator.errors import EditError
from generator.report import format_problem
from generator.resources import load_schema
from generator.edit.scaffold import Details, new_pattern_text, schema_reference
from generator.layout import CatalogueRoot
from generator.validate.catalogue import validate_catalogue
from generator.edit.writer import write_atomic


def _refuse(problems: list[str]) -> None:
    if problems:
        raise EditError("; ".join(problems))


def _ask(prompt: str, choices: list[str] | None = None, field: str | None = None) -> str:
    """Ask on the terminal until the answer is non-empty (and one of `choices`, when given, and
    valid for the schema's `field`, when given)."""
    while True:
        if choices:
            print("\n".join(f"  {i}. {c}" for i, c in enumerate(choices, 1)))
        answer = input(f"{prompt}: ").strip()
        if choices and answer.isdigit() and 1 <= int(answer) <= len(choices):
            answer = choices[int(answer) - 1]
        problems = field_problems(field, answer) if field and answer else []
        if answer and (not choices or answer in choices) and not problems:
            return answer
        print("; ".join(problems) or ("Please choose one of the listed options." if choices else "Please give an answer."))


def _registry_codes(root: Path) -> list[str]:
    from generator.problems import Result
    from generator.validate.catalogue import load_registry

    organisations = load_registry(root, Result()) or {}
    return [f"{code} ({org.name})" for code, org in organisations.items()]


def create_pattern(root: Path, pattern_id: str, title=None, category=None, originator=None,
                   interactive=False, details: Details | None = None) -> Path:
    """Write a new entry and return its path; raise EditError if it cannot be done as asked.
    `details` fills in what a proposal already says (the rest stays TODO placeholders)."""
    # Every argument is checked before any of them is used as a name on the file system.
    _refuse(arguments_problems({"id": pattern_id, "title": title, "category": category, "originator": originator}))
    catalogue = CatalogueRoot.at(root).require()
    patterns, path = catalogue.patterns, catalogue.pattern_path(pattern_id)
    if os.path.lexists(path):  # a link counts as taken, even a dangling one
        raise EditError(f"{path} already exists; edit it instead")
    categories = load_schema("pattern.schema.json")["properties"]["category"]["enum"]
    codes = _registry_codes(root)

    if title is None:
        title = _ask("Title", field="title") if interactive else None
    if category is None:
        category = _ask("Category (number or name)", categories) if interactive else None
    if originator is None:
        if interactive:
            originator = _ask("Originator (number or ODS code)", codes).split(" ")[0]
        elif len(codes) == 1:
            originator = codes[0].split(" ")[0]
    missing = [flag for flag, value in (("--title", title), ("--category", category),
                                         ("--originator", originator)) if not value]
    if missing:
        raise EditError(f"give {', '.join(missing)} (or run in a terminal to be asked)")
    _refuse(arguments_problems({"title": title, "category": category, "originator": originator}))

    text = new_pattern_text(pattern_id, title, category, originator, today(), schema_reference(patterns),
                            details)
    write_atomic(path, text)
    result = validate_catalogue(root, only=[path]).result
    if not result.success:
        path.unlink()
        raise EditError("the new entry would not validate, so it was not written:\n"
                        + "".join(f"  {format_problem(p)}\n" for p in result.sorted() if p.severity == "error"))
    return path
