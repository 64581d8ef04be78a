"""Edit, arguments: check a value given on the command line (or typed at a prompt) against the
schema's rule for the field it fills, before any file is read or written with it.

An id becomes a file name, so a value the schema would refuse must never reach the file system
(a 300-character id made the operating system fail, and `../x` would name a file elsewhere).
The rules are the schema's own (pattern, length, enum), applied by the same validator as the
files; only the wording of the answer is made here, for a flag rather than a line in a file.
"""

from __future__ import annotations

import unicodedata

from generator.validate import explain, schema
from generator.resources import load_schema

# What a value is called in a message, by the field it fills.
LABELS = {"id": "the id", "title": "the title", "category": "the category", "originator": "the originator"}
SHOWN = 60  # characters of a refused value quoted back; a long one is cut


def _shown(value: str) -> str:
    if len(value) <= SHOWN:
        return repr(value)
    return f"{value[:SHOWN]!r}... ({len(value):,} characters)"


def _one_line(label: str, value: str) -> str | None:
    """A value for a one-line field holds no line break or control character: a flag or a prompt
    answer with one is a slip (a pasted line end), and YAML would fold it away unseen."""
    bad = next((c for c in value if unicodedata.category(c) in ("Cc", "Zl", "Zp")), None)
    if bad is None:
        return None
    return f"{label} {_shown(value)} holds the control character U+{ord(bad):04X}: give it on one line"


def field_problems(field: str, value: str, label: str | None = None) -> list[str]:
    """What is wrong with `value` as the pattern field `field`, by the schema; [] when nothing is."""
    return rule_problems(value, label or LABELS.get(field, field), ("properties", field))


def rule_problems(value, label: str, where: tuple[str, ...], schema_name: str = schema.PATTERN_SCHEMA,
                  one_line: bool = True) -> list[str]:
    """What is wrong with `value` by the rule at `where` in a packaged schema (e.g. ("$defs",
    "adoption", "properties", "note")), each problem starting with `label`; [] when nothing is.
    `one_line` refuses line breaks and control characters before the schema is asked."""
    rule = load_schema(schema_name)
    for step in where:
        rule = rule[step]
    control = _one_line(label, value) if one_line and isinstance(value, str) else None
    if control:
        return [control]
    problems = []
    for error in schema.validator_for(schema_name).evolve(schema=rule).iter_errors(value):
        if error.validator in ("minLength", "maxLength"):
            bound = "at least" if error.validator == "minLength" else "at most"
            problems.append(f"{label} is {len(value):,} characters; it must be {bound} {error.validator_value}")
        elif error.validator == "enum":
            problems.append(f"{label} {_shown(value)} is not one of {', '.join(error.validator_value)}")
        elif error.validator in ("pattern", "format"):
            problems.append(f"{label} {explain.not_valid(value, error, error.schema.get('x-hint'))}")
        else:
            problems.append(f"{label} {_shown(value)}: {error.message}")
    return list(dict.fromkeys(problems))  # a link can fail its format and its pattern alike


def arguments_problems(values: dict[str, str | None]) -> list[str]:
    """Problems of every given value (None means not given), field by field."""
    return [problem for field, value in values.items() if value is not None
            for problem in field_problems(field, value)]
