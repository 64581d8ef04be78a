"""Validate, fast path: the same JSON Schemas compiled to Python code (fastjsonschema), used only
to answer "valid or not". A file it rejects is re-checked with jsonschema, which explains every
failure. The two paths are configured to mean the same thing, and the tests prove that they give
the same verdict: on the official JSON Schema Test Suite for every keyword and format the
schemas use (tests/unit/test_schema_suite.py) and on thousands of generated and mutated entries
(tests/unit/test_validation_properties.py).

What makes them agree:
- both read only keywords that mean the same in draft 7, which fastjsonschema compiles, and in
  2020-12 (SHARED_KEYWORDS); a schema using any other is refused, not half-checked;
- both take their formats from generator/formats.py;
- both match `pattern` as ECMA-262 (generator/ecma.py): fastjsonschema would compile it with
  Python's `re`, so each pattern reaches it as a custom format backed by the ECMA engine.
"""

from __future__ import annotations

from functools import lru_cache

import fastjsonschema

from generator.validate.ecma import RegexError, ecma_regex
from generator.errors import ConfigError
from generator.validate.formats import FORMATS
from generator.resources import load_schema

DRAFT7 = "http://json-schema.org/draft-07/schema#"

# Keywords both engines read identically; description, examples and the x- keywords (hints, display
# names, nouns, ODS codes) are annotations.
SHARED_KEYWORDS = {
    "$schema", "$id", "$defs", "$ref", "$comment", "title", "description", "examples", "x-hint", "x-names",
    "x-nouns", "x-ods", "type",
    "enum", "const", "pattern", "format", "minLength", "maxLength", "minItems", "maxItems",
    "uniqueItems", "items", "required", "properties", "additionalProperties", "propertyNames",
    "minProperties", "if", "then", "else", "not", "anyOf", "allOf", "oneOf",
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
}
ANNOTATIONS = {"$comment", "title", "description", "examples", "x-hint", "x-names", "x-nouns", "x-ods"}
NAME_MAPS = {"properties", "$defs", "patternProperties", "dependentSchemas"}  # name: schema
# Their values are data, not schemas.
DATA = {"examples", "enum", "const", "required", "default", "x-names", "x-nouns", "x-ods"}


def keywords_of(node, found: set | None = None) -> set:
    """Every keyword a schema uses, at any depth."""
    found = set() if found is None else found
    if isinstance(node, dict):
        for key, value in node.items():
            found.add(key)
            for sub in (value.values() if key in NAME_MAPS and isinstance(value, dict) else
                        () if key in DATA else [value]):
                keywords_of(sub, found)
    elif isinstance(node, list):
        for item in node:
            keywords_of(item, found)
    return found


def check_keywords(schema) -> None:
    """Refuse a schema the two engines would read differently (ConfigError)."""
    unknown = keywords_of(schema) - SHARED_KEYWORDS
    if unknown:
        raise ConfigError(f"the schema uses {', '.join(sorted(unknown))}, which the fast and the slow "
                          "validation paths would not read alike")


def _ecma_patterns(node, formats: dict):
    """A copy of a schema with each `pattern` turned into a custom format that matches as ECMA-262."""
    if isinstance(node, list):
        return [_ecma_patterns(item, formats) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key in DATA or key == "pattern":
            out[key] = value
        elif key in NAME_MAPS and isinstance(value, dict):
            out[key] = {name: _ecma_patterns(sub, formats) for name, sub in value.items()}
        else:
            out[key] = _ecma_patterns(value, formats)
    if "$ref" in out and set(out) - ANNOTATIONS - {"$ref"}:
        # Draft 7 ignores a $ref's siblings and 2020-12 applies them: write allOf: [{$ref}].
        raise ConfigError(f"$ref {out['$ref']!r} has sibling keywords; wrap it in allOf")
    if isinstance(out.get("pattern"), str):
        source = out.pop("pattern")
        name = f"ecma-pattern-{source.encode().hex()}"  # a safe name: it is written into generated code
        try:
            formats[name] = ecma_regex(source).search
        except RegexError as error:
            raise ConfigError(f"pattern {source!r} is not an ECMA-262 regular expression: {error}") from None
        out["allOf"] = [*out.get("allOf", []), {"format": name}]
    return out


def _refuse_remote(uri):
    raise ConfigError(f"the schema refers to {uri}; only references inside it are followed")


def compile_schema(schema):
    """The compiled checker for a schema, configured as both paths must be."""
    check_keywords(schema)
    formats = dict(FORMATS)
    draft7 = _ecma_patterns(schema, formats)
    if isinstance(draft7, dict):  # a schema may also be true or false
        draft7["$schema"] = DRAFT7
    # fastjsonschema fetches a remote $ref with urllib unless a handler says otherwise.
    handlers = dict.fromkeys(("http", "https", "file", "ftp", "data", ""), _refuse_remote)
    return fastjsonschema.compile(draft7, handlers=handlers, formats=formats)


@lru_cache(maxsize=None)
def compiled(name: str):
    """The compiled checker for a packaged schema, built once per process."""
    return compile_schema(load_schema(name))


def is_valid(name: str, data) -> bool:
    """True when `data` satisfies the schema; False means "ask jsonschema" for the reasons."""
    try:
        compiled(name)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True
