"""Validate, fast path: the same JSON Schemas compiled to Python code (fastjsonschema), used only
to answer "valid or not". A file it rejects is re-checked with jsonschema, which explains every
failure and has the last word, so the two can only disagree at the cost of time, never of a
verdict, as long as the compiled checker never passes what jsonschema rejects. The tests
cross-check that on every fixture and on mutated entries.

Our schemas use only keywords that mean the same in draft 7 and 2020-12 (a test keeps it so),
which is what fastjsonschema compiles.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import fastjsonschema

from generator.resources import load_schema

DRAFT7 = "http://json-schema.org/draft-07/schema#"

# Keywords both engines read identically; x-hint, description and examples are annotations.
SHARED_KEYWORDS = {
    "$schema", "$id", "$ref", "$defs", "title", "description", "examples", "x-hint", "type",
    "enum", "const", "pattern", "format", "minLength", "maxLength", "minItems", "maxItems",
    "uniqueItems", "items", "required", "properties", "additionalProperties", "propertyNames",
    "minProperties", "if", "then", "else", "not", "anyOf", "allOf",
}


def _date(value: str) -> bool:
    """jsonschema's "date": a real calendar date written YYYY-MM-DD (fastjsonschema only checks the shape)."""
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


# Formats checked exactly as jsonschema checks them, so the verdicts agree.
FORMATS = {"date": _date, "email": lambda value: "@" in value, "uri": lambda value: True}


@lru_cache(maxsize=None)
def compiled(name: str):
    """The compiled checker for a packaged schema, built once per process."""
    schema = dict(load_schema(name))
    schema["$schema"] = DRAFT7
    return fastjsonschema.compile(schema, formats=FORMATS)


def is_valid(name: str, data) -> bool:
    """True when `data` certainly satisfies the schema; False means "ask jsonschema"."""
    try:
        compiled(name)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True
