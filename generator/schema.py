"""Validate: check loaded data against the JSON Schemas in schema/ and turn each failure into a
located, readable problem. The schema is the single source of field rules; this module only
explains its verdicts (with hints taken from the schema's own `x-hint` and `description`)."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from jsonschema import Draft202012Validator

from generator import fastcheck
from generator.loader import LoadedFile
from generator.problems import Result
from generator.resources import load_schema

PATTERN_SCHEMA = "pattern.schema.json"
REGISTRY_SCHEMA = "organisations.schema.json"


@lru_cache(maxsize=None)
def validator_for(name: str) -> Draft202012Validator:
    """Build the validator for a packaged schema once per process."""
    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def field_name(path) -> str:
    """Readable field path: adoptions[1].status."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out or "(top level)"


def _suggest(word, choices) -> str:
    match = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean {match[0]!r}?)" if match else ""


def _leaves(error):
    """The most specific errors: for anyOf/oneOf keep the parent, which carries the hint."""
    if error.validator in ("anyOf", "oneOf") or not error.context:
        yield error
    else:
        for sub in error.context:
            yield from _leaves(sub)


def check(loaded: LoadedFile, schema_name: str, result: Result) -> bool:
    """Record every schema problem in one file; True when there are none."""
    if fastcheck.is_valid(schema_name, loaded.data):
        return True
    validator = validator_for(schema_name)
    errors = list(validator.iter_errors(loaded.data))
    for error in errors:
        for leaf in _leaves(error):
            _record(loaded, leaf, result)
    return not errors


_TYPE_WORDS = {"string": "text", "array": "a list", "object": "a mapping of field: value",
               "boolean": "true or false", "integer": "a whole number", "number": "a number"}


def _type_name(value) -> str:
    return {bool: "true/false", type(None): "nothing", dict: "a mapping", list: "a list",
            str: "text"}.get(type(value), type(value).__name__)


def _record(loaded: LoadedFile, error, result: Result) -> None:
    path = list(error.absolute_path)
    where = field_name(path)
    hint = error.schema.get("x-hint") if isinstance(error.schema, dict) else None
    value = error.instance
    kind = error.validator

    def emit(location, message, rule, key=False):
        line, col = loaded.locate(tuple(location), key=key)
        result.error(loaded.display, line, col, rule, message)

    if "propertyNames" in error.schema_path:
        # jsonschema reports a bad key at its mapping, with the key as the instance.
        how = f": {hint}" if hint else ""
        emit(path + [value], f"{field_name(path + [value])}: key {value!r} is not valid{how}",
             "schema-key", key=True)
    elif kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        for extra in sorted(set(value) - set(allowed)):
            emit(path + [extra], f"unknown field {field_name(path + [extra])!r}{_suggest(extra, allowed)}; "
                 "remove it or fix its name", "schema-unknown-key", key=True)
    elif kind == "required":
        for missing in error.validator_value:
            if isinstance(value, dict) and missing not in value:
                desc = error.schema.get("properties", {}).get(missing, {}).get("description", "")
                # First real sentence: skip a one-word label such as "Markdown."
                first = next((s for s in desc.split(". ") if " " in s.strip()), "")
                about = f": {first.rstrip('.')}" if first else ""
                if hint:  # a conditional requirement explains its condition
                    about = f": {hint}"
                emit(path, f"{field_name(path + [missing])!r} is required{about}", "schema-required")
    elif kind == "type":
        expected = _TYPE_WORDS.get(error.validator_value, error.validator_value)
        message = f"{where} must be {expected}, not {_type_name(value)}"
        if error.validator_value == "string" and value is None:
            message = f"{where} has no value: write one, or remove the field"
        elif error.validator_value == "string" and isinstance(value, bool):
            message += f"; YAML reads unquoted {str(value).lower()} as true/false, so put the text in quotes"
        emit(path, message, "schema-type")
    elif kind == "enum":
        options = ", ".join(map(str, error.validator_value))
        emit(path, f"{where}: {value!r} is not one of {options}{_suggest(value, error.validator_value)}",
             "schema-enum")
    elif kind == "const":
        emit(path, f"{where} must be {error.validator_value!r}", "schema-enum")
    elif kind == "format" and error.validator_value == "date" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
        # Written as YYYY-MM-DD already, so the hint would only repeat it: the day does not exist.
        emit(path, f"{where}: {value!r} is not a calendar date: check the month and day", "schema-format")
    elif kind in ("pattern", "format"):
        how = f": {hint}" if hint else ""
        emit(path, f"{where}: {value!r} is not valid{how}", f"schema-{kind}")
    elif kind == "not" and isinstance(value, dict) and isinstance(error.validator_value, dict) \
            and error.validator_value.get("required"):
        # A forbidden field (not: required: [x]): point at the field, not at its mapping.
        present = [k for k in error.validator_value["required"] if k in value]
        emit(path + present[:1], f"{field_name(path + present[:1])}: {hint or error.message}", "schema-not",
             key=True)
    elif kind in ("minLength", "maxLength"):
        bound = "at least" if kind == "minLength" else "at most"
        emit(path, f"{where} is {len(value)} characters; it must be {bound} {error.validator_value}",
             "schema-length")
    elif kind in ("minItems", "maxItems", "minProperties"):
        bound = "at least" if kind.startswith("min") else "at most"
        emit(path, f"{where} has {len(value)}; it needs {bound} {error.validator_value}", "schema-items")
    elif kind == "uniqueItems":
        emit(path, f"{where} lists the same item twice; keep one", "schema-unique")
    else:
        detail = hint or error.message
        emit(path, f"{where}: {detail}", f"schema-{kind}")
