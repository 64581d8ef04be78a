"""The official JSON Schema Test Suite, draft 2020-12 (tests/fixtures/json-schema-test-suite/),
through both validation paths configured exactly as `catalogue validate` configures them: every
case must get the suite's verdict from jsonschema (generator/schema.py) and from the compiled
fast path (generator/fastcheck.py), with ECMA-262 patterns and the catalogue's formats."""

import json
from functools import lru_cache
from pathlib import Path

import fastjsonschema
import pytest

from generator.validate import fastcheck
from generator.errors import ConfigError
from generator.validate.schema import validator_for_schema

SUITE = Path(__file__).resolve().parents[1] / "fixtures" / "json-schema-test-suite" / "tests" / "draft2020-12"

# Groups whose schema uses one of these keywords are refused by both paths (ConfigError), as a
# catalogue schema using them would be, so they have no verdict to compare. Why each is refused:
REFUSED = {
    "patternProperties": "fastjsonschema would match its patterns with Python's re, and no custom "
                         "format can stand in for it; our schemas do not use it",
    "prefixItems": "draft 7, which fastjsonschema compiles, has no prefixItems and reads an items "
                   "array differently; our schemas do not use it",
    "dependentSchemas": "draft 7 has no dependentSchemas; our schemas do not use it",
    "unevaluatedProperties": "fastjsonschema does not implement it; our schemas do not use it",
}
# Counted once by hand, so that a change in what is refused cannot pass unnoticed.
REFUSED_CASES = 86
RUN_CASES = 692


def groups():
    """(file name, group index, group) for every group of every copied file."""
    for path in sorted(SUITE.rglob("*.json")):
        for index, group in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            yield path.relative_to(SUITE).as_posix(), index, group


def refused(group) -> bool:
    return bool(fastcheck.keywords_of(group["schema"]) & set(REFUSED))


@lru_cache(maxsize=None)
def both_paths(name: str, index: int):
    """The two validators for one group's schema, built as production builds them."""
    schema = next(g for n, i, g in groups() if (n, i) == (name, index))["schema"]
    return validator_for_schema(schema), fastcheck.compile_schema(schema)


CASES = [pytest.param(name, index, test["data"], test["valid"], id=f"{name}: {group['description']}: "
                      f"{test['description']}")
         for name, index, group in groups() if not refused(group) for test in group["tests"]]


@pytest.mark.parametrize("name, index, data, valid", CASES)
def test_both_paths_give_the_suites_verdict(name, index, data, valid):
    slow, fast = both_paths(name, index)
    assert slow.is_valid(data) == valid, "jsonschema"
    try:
        fast(data)
        fast_valid = True
    except fastjsonschema.JsonSchemaException:
        fast_valid = False
    assert fast_valid == valid, "fastjsonschema"


def test_the_groups_left_out_are_refused_by_both_paths_for_a_listed_reason():
    left_out = [group for _, _, group in groups() if refused(group)]
    for group in left_out:
        with pytest.raises(ConfigError):
            fastcheck.compile_schema(group["schema"])
        with pytest.raises(ConfigError):
            validator_for_schema(group["schema"])
    assert sum(len(group["tests"]) for group in left_out) == REFUSED_CASES
    assert len(CASES) == RUN_CASES


def test_every_other_keyword_in_the_suite_is_one_both_paths_read_alike():
    used = set().union(*(fastcheck.keywords_of(g["schema"]) for _, _, g in groups() if not refused(g)))
    # Property names inside `properties`/`$defs` are not collected; what is left are keywords.
    assert used <= fastcheck.SHARED_KEYWORDS
