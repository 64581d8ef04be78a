"""Validate: check loaded data against the JSON Schemas in schema/ and turn each failure into a
located, readable problem. The schema is the single source of field rules; this module only
explains its verdicts (with hints taken from the schema's own `x-hint` and `description`).

jsonschema is configured as the fast path is (generator/fastcheck.py): the same keywords, the
formats of generator/formats.py, and `pattern` matched as ECMA-262 (generator/ecma.py) instead
of with Python's `re`, which lets `$` match before a final newline."""

from __future__ import annotations

import difflib
import re
import string
from functools import lru_cache

from jsonschema import Draft202012Validator, ValidationError, validators
from jsonschema.exceptions import SchemaError

from generator.validate import fastcheck
from generator.characters import describe, unseen
from generator.validate.ecma import ecma_regex
from generator.errors import ConfigError
from generator.validate.formats import format_checker
from generator.validate.loader import LoadedFile
from generator.problems import Result
from generator.resources import load_schema

PATTERN_SCHEMA = "pattern.schema.json"
REGISTRY_SCHEMA = "organisations.schema.json"


def _ecma_pattern(validator, pattern, instance, schema):
    """The `pattern` keyword as JSON Schema defines it: an ECMA-262 search."""
    if validator.is_type(instance, "string") and not ecma_regex(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


# Draft 2020-12 with ECMA-262 patterns, and exactly our formats ("regex" too, for check_schema).
CatalogueValidator = validators.extend(Draft202012Validator, {"pattern": _ecma_pattern},
                                       format_checker=format_checker())


def validator_for_schema(schema) -> Draft202012Validator:
    """The explaining validator for a schema, configured as the fast path is."""
    fastcheck.check_keywords(schema)
    try:
        CatalogueValidator.check_schema(schema, format_checker=CatalogueValidator.FORMAT_CHECKER)
    except SchemaError as error:
        raise ConfigError(f"the schema is not valid JSON Schema 2020-12: {error.message}") from None
    return CatalogueValidator(schema, format_checker=CatalogueValidator.FORMAT_CHECKER)


@lru_cache(maxsize=None)
def validator_for(name: str) -> Draft202012Validator:
    """Build the validator for a packaged schema once per process."""
    return validator_for_schema(load_schema(name))


def field_name(path) -> str:
    """Readable field path: adoptions[1].status; a key nobody could read is quoted: ['ZZ9\\n']."""
    out = ""
    for step in path:
        if isinstance(step, int) or not str(step).isprintable():
            out += f"[{step!r}]"
        else:
            out += f".{step}" if out else str(step)
    return out or "(top level)"


# Characters RFC 3986 allows somewhere in a URI; any other must be percent-encoded.
_URI_CHARACTERS = frozenset(string.ascii_letters + string.digits + "-._~:/?#[]@!$&'()*+,;=%")


def _culprit(value: str, error) -> tuple[int, str] | None:
    """(index, description) of the one character that breaks a text rule, when one is to blame:
    the first unseen character a `pattern` refuses on its own, or the first a link cannot hold."""
    if error.validator == "pattern":
        regex = ecma_regex(error.validator_value)
        for index, char in enumerate(value):
            if unseen(char) and not regex.search(char):
                return index, describe(char)
    elif error.validator == "format" and error.validator_value == "uri":
        for index, char in enumerate(value):
            if char not in _URI_CHARACTERS:
                return index, f"{describe(char)}, which a link cannot hold: percent-encode it (a space is %20)"
    return None


def _shown(value: str, index: int = 0) -> str:
    """The value as quoted in a message: whole when short, else the stretch around `index`."""
    if len(value) <= 80:
        return repr(value)
    start = max(0, index - 30)
    return ("..." if start else "") + repr(value[start:start + 60]) + ("..." if start + 60 < len(value) else "")


def not_valid(value: str, error, hint) -> str:
    """Why a text value fails a pattern or format: the character at fault, else the schema's hint."""
    culprit = _culprit(value, error)
    if culprit is None:
        return f"{_shown(value)} is not valid" + (f": {hint}" if hint else "")
    index, what = culprit
    how = f"; {hint}" if hint and error.validator == "pattern" else ""
    return f"{_shown(value, index)} is not valid: character {index + 1} is {what}{how}"


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
        emit(path + [value], f"{field_name(path + [value])}: key {not_valid(value, error, hint)}",
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
    elif kind == "format" and error.validator_value == "date" \
            and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", str(value)):
        # Written as YYYY-MM-DD already, so the hint would only repeat it: the day does not exist.
        emit(path, f"{where}: {value!r} is not a calendar date: check the month and day", "schema-format")
    elif kind in ("pattern", "format"):
        emit(path, f"{where}: {not_valid(value, error, hint)}", f"schema-{kind}")
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
