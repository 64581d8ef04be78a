"""Validate, explaining schema failures: each jsonschema error becomes a located problem in words a
contributor can act on, with the rule id of its keyword (generator/ruleset.py) and hints from the
schema's own `x-hint` and `description`. One explainer per keyword, in the EXPLAIN table."""

from __future__ import annotations

import difflib
import re
import string

from generator.characters import describe, unseen
from generator.problems import Result
from generator.validate.ecma import ecma_regex
from generator.validate.loader import LoadedFile

_TYPE_WORDS = {"string": "text", "array": "a list", "object": "a mapping of field: value",
               "boolean": "true or false", "integer": "a whole number", "number": "a number"}


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


def leaves(error):
    """The most specific errors: for anyOf/oneOf keep the parent, which carries the hint."""
    if error.validator in ("anyOf", "oneOf") or not error.context:
        yield error
    else:
        for sub in error.context:
            yield from leaves(sub)




def _type_name(value) -> str:
    return {bool: "true/false", type(None): "nothing", dict: "a mapping", list: "a list",
            str: "text"}.get(type(value), type(value).__name__)


# Each explainer takes (error, path, hint) and returns (location, message, point at the key?) triples.

def _key(error, path, hint):
    # jsonschema reports a bad key at its mapping, with the key as the instance.
    value = error.instance
    return [(path + [value], f"{field_name(path + [value])}: key {not_valid(value, error, hint)}", True)]


def _unknown_keys(error, path, hint):
    allowed = list(error.schema.get("properties", {}))
    return [(path + [extra], f"unknown field {field_name(path + [extra])!r}{_suggest(extra, allowed)}; "
             "remove it or fix its name", True) for extra in sorted(set(error.instance) - set(allowed))]


def _required(error, path, hint):
    out = []
    for missing in error.validator_value:
        if isinstance(error.instance, dict) and missing not in error.instance:
            desc = error.schema.get("properties", {}).get(missing, {}).get("description", "")
            # First real sentence: skip a one-word label such as "Markdown."
            first = next((s for s in desc.split(". ") if " " in s.strip()), "")
            about = f": {first.rstrip('.')}" if first else ""
            if hint:  # a conditional requirement explains its condition
                about = f": {hint}"
            out.append((path, f"{field_name(path + [missing])!r} is required{about}", False))
    return out


def _type(error, path, hint):
    where, value = field_name(path), error.instance
    expected = _TYPE_WORDS.get(error.validator_value, error.validator_value)
    message = f"{where} must be {expected}, not {_type_name(value)}"
    if error.validator_value == "string" and value is None:
        message = f"{where} has no value: write one, or remove the field"
    elif error.validator_value == "string" and isinstance(value, bool):
        message += f"; YAML reads unquoted {str(value).lower()} as true/false, so put the text in quotes"
    return [(path, message, False)]


def _enum(error, path, hint):
    options = ", ".join(map(str, error.validator_value))
    return [(path, f"{field_name(path)}: {error.instance!r} is not one of {options}"
             f"{_suggest(error.instance, error.validator_value)}", False)]


def _const(error, path, hint):
    return [(path, f"{field_name(path)} must be {error.validator_value!r}", False)]


def _text(error, path, hint):
    value = error.instance
    if error.validator == "format" and error.validator_value == "date" \
            and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", str(value)):
        # Written as YYYY-MM-DD already, so the hint would only repeat it: the day does not exist.
        return [(path, f"{field_name(path)}: {value!r} is not a calendar date: check the month and day", False)]
    return [(path, f"{field_name(path)}: {not_valid(value, error, hint)}", False)]


def _forbidden(schema) -> list[str]:
    """The fields a `not` forbids: `not: {required: [x]}`, or any of `not: {anyOf: [{required: [x]}, ...]}`."""
    if not isinstance(schema, dict):
        return []
    if schema.get("required"):
        return list(schema["required"])
    return [key for option in schema.get("anyOf", []) if isinstance(option, dict)
            for key in option.get("required", [])]


def _not(error, path, hint):
    value = error.instance
    present = [k for k in _forbidden(error.validator_value) if isinstance(value, dict) and k in value]
    if present:
        # A forbidden field: point at each one, not at its mapping.
        return [(path + [k], f"{field_name(path + [k])}: {hint or error.message}", True) for k in present]
    return _other(error, path, hint)


def _length(error, path, hint):
    bound = "at least" if error.validator == "minLength" else "at most"
    return [(path, f"{field_name(path)} is {len(error.instance)} characters; it must be {bound} "
             f"{error.validator_value}", False)]


def _items(error, path, hint):
    bound = "at least" if error.validator.startswith("min") else "at most"
    return [(path, f"{field_name(path)} has {len(error.instance)}; it needs {bound} {error.validator_value}", False)]


def _unique(error, path, hint):
    return [(path, f"{field_name(path)} lists the same item twice; keep one", False)]


def _other(error, path, hint):
    return [(path, f"{field_name(path)}: {hint or error.message}", False)]


# keyword: (rule id, explainer). A keyword not listed is explained by _other as schema-invalid.
EXPLAIN = {
    "additionalProperties": ("schema-unknown-key", _unknown_keys),
    "required": ("schema-required", _required),
    "type": ("schema-type", _type),
    "enum": ("schema-enum", _enum),
    "const": ("schema-enum", _const),
    "pattern": ("schema-pattern", _text),
    "format": ("schema-format", _text),
    "not": ("schema-not", _not),
    "minLength": ("schema-length", _length),
    "maxLength": ("schema-length", _length),
    "minItems": ("schema-items", _items),
    "maxItems": ("schema-items", _items),
    "minProperties": ("schema-items", _items),
    "uniqueItems": ("schema-unique", _unique),
    "anyOf": ("schema-anyOf", _other),
}


def record(loaded: LoadedFile, error, result: Result) -> None:
    """Record one jsonschema error as located problems."""
    path = list(error.absolute_path)
    hint = error.schema.get("x-hint") if isinstance(error.schema, dict) else None
    if "propertyNames" in error.schema_path:
        rule, explain = "schema-key", _key
    else:
        rule, explain = EXPLAIN.get(error.validator, ("schema-invalid", _other))
    for location, message, key in explain(error, path, hint):
        line, col = loaded.locate(tuple(location), key=key)
        result.error(loaded.display, line, col, rule, message)
