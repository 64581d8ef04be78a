"""Validate, schema: check loaded data against the JSON Schemas in schema/. The schema is the single
source of field rules: a file the fast path (fastcheck.py) passes is valid; any other is checked by
jsonschema, and each failure is explained as a located problem by explain.py.

jsonschema is configured as the fast path is (generator/fastcheck.py): the same keywords, the
formats of generator/formats.py, and `pattern` matched as ECMA-262 (generator/ecma.py) instead
of with Python's `re`, which lets `$` match before a final newline."""

from __future__ import annotations

from functools import lru_cache

from jsonschema import Draft202012Validator, ValidationError, validators
from jsonschema.exceptions import SchemaError

from generator.validate import fastcheck
from generator.validate.ecma import ecma_regex
from generator.errors import ConfigError
from generator.validate.formats import format_checker
from generator.validate.explain import field_name, leaves, record
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


def check(loaded: LoadedFile, schema_name: str, result: Result) -> bool:
    """Record every schema problem in one file; True when there are none."""
    if fastcheck.is_valid(schema_name, loaded.data):
        return True
    validator = validator_for(schema_name)
    errors = list(validator.iter_errors(loaded.data))
    for error in errors:
        for leaf in leaves(error):
            record(loaded, leaf, result)
    return not errors
