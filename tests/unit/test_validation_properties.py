"""Properties of validation, over entries generated from the schemas and real entries mutated
with hostile values (control characters, bidi and zero-width marks, line breaks, `javascript:`
and malformed links, ISO week dates, huge strings, wrong types):
- the compiled fast path and jsonschema give the same verdict on every one;
- `validate_catalogue` on a catalogue holding one never raises, and reports every problem as
  one printable line;
- every string field the schema defines refuses control characters, and every single-line one
  line breaks and invisible characters (fields found by walking the schema, not listed)."""

from __future__ import annotations

import copy
import datetime as dt
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.validate import fastcheck
from generator.validate.loader import load_yaml
from generator.problems import Result
from generator.resources import load_schema
from generator.validate.schema import PATTERN_SCHEMA, REGISTRY_SCHEMA, validator_for
from generator.validate.catalogue import validate_catalogue
from schemawalk import example, from_schema, mutated, string_fields

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "core"
TODAY = dt.date(2026, 6, 30)  # the fixtures' pinned today (tests/conftest.py)
PATTERN = load_schema(PATTERN_SCHEMA)
REGISTRY = load_schema(REGISTRY_SCHEMA)
# Hypothesis keeps no example database in the repository; a failure prints how to reproduce it.
FAST = settings(max_examples=2500, deadline=None, database=None, suppress_health_check=list(HealthCheck))
SLOW = settings(max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck))


def real(paths) -> list[dict]:
    return [load_yaml(p, str(p), Result()).data for p in paths]


REAL_PATTERNS = real(sorted((REPO / "patterns").glob("*.yaml")) + sorted((FIXTURES / "valid" / "patterns").glob("*.yaml")))
REAL_REGISTRIES = real([REPO / "organisations.yaml", FIXTURES / "valid" / "organisations.yaml"])
PATTERNS = mutated(st.one_of(from_schema(PATTERN), st.sampled_from(REAL_PATTERNS)))
REGISTRIES = mutated(st.one_of(from_schema(REGISTRY), st.sampled_from(REAL_REGISTRIES)))


def agree(name: str, data) -> None:
    assert fastcheck.is_valid(name, data) == validator_for(name).is_valid(data)


@FAST
@given(PATTERNS)
def test_both_paths_agree_on_generated_and_mutated_patterns(data):
    agree(PATTERN_SCHEMA, data)


@settings(FAST, max_examples=1000)
@given(REGISTRIES)
def test_both_paths_agree_on_generated_and_mutated_registries(data):
    agree(REGISTRY_SCHEMA, data)


def test_the_strategies_reach_both_verdicts():
    """A differential test is only worth its cases if both verdicts occur among them."""
    verdicts = set()

    @settings(FAST, max_examples=200)
    @given(PATTERNS)
    def collect(data):
        verdicts.add(validator_for(PATTERN_SCHEMA).is_valid(data))

    collect()
    assert verdicts == {True, False}


@SLOW
@given(PATTERNS, st.one_of(st.none(), REGISTRIES))
def test_validating_a_catalogue_never_raises_and_reports_one_line_per_problem(entry, registry):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "catalogue"
        shutil.copytree(FIXTURES / "valid", root)
        name = entry.get("id") if isinstance(entry.get("id"), str) and entry["id"].isidentifier() else "entry"
        # PyYAML writes every non-printable character as an escape, as a contributor could.
        (root / "patterns" / f"{name}.yaml").write_text(yaml.safe_dump(entry, allow_unicode=False), encoding="utf-8")
        if registry is not None:
            (root / "organisations.yaml").write_text(yaml.safe_dump(registry), encoding="utf-8")
        validation = validate_catalogue(root, today=TODAY)
    for problem in validation.result.problems:
        assert problem.message.isprintable(), problem.message
        assert problem.line >= 1 and problem.col >= 1


def fields(multi_line=None):
    """(schema, schema name, path) for each string field of both schemas, as test parameters."""
    return [pytest.param(schema, name, path, id=f"{name.split('.')[0]}:" + ".".join(map(str, path)))
            for schema, name in ((PATTERN, PATTERN_SCHEMA), (REGISTRY, REGISTRY_SCHEMA))
            for path, multi in string_fields(schema) if multi_line is None or multi == multi_line]


def full_entry(schema) -> dict:
    """Every field of the schema filled from its examples (the registry: one organisation)."""
    if schema is REGISTRY:
        return {"organisations": {"ZZ1": example(REGISTRY, REGISTRY["$defs"]["organisation"])}}
    entry = example(PATTERN, PATTERN)
    del entry["superseded_by"]  # allowed only with lifecycle: superseded
    # An adoption is written in one of two forms, one status or a history of changes: one of each.
    full = entry["adoptions"][0]
    one_status = {k: v for k, v in full.items() if k != "history"}
    history = {k: v for k, v in full.items() if k not in ("status", "since", "evidence", "reason")}
    entry["adoptions"] = [one_status, history]
    return entry


def with_value(schema, path, change) -> dict:
    data = copy.deepcopy(full_entry(schema))
    if path == ("superseded_by",):
        data.update(lifecycle="superseded", superseded_by=example(schema, schema["properties"]["superseded_by"]))
    parent = data
    for i, step in enumerate(path[:-1]):
        if step == 0 and isinstance(parent, list):
            # The first item that has the next field (an adoption's two forms hold different ones).
            step = next(n for n, item in enumerate(parent) if not isinstance(item, dict) or path[i + 1] in item)
        parent = parent[step]
    parent[path[-1]] = change(parent[path[-1]])
    return data


@pytest.mark.parametrize("schema", [PATTERN, REGISTRY], ids=["pattern", "registry"])
def test_the_entry_filled_from_the_examples_is_valid(schema):
    name = PATTERN_SCHEMA if schema is PATTERN else REGISTRY_SCHEMA
    assert validator_for(name).is_valid(full_entry(schema))


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x9b"])
@pytest.mark.parametrize("schema, name, path", fields())
def test_every_string_field_refuses_control_characters(schema, name, path, char):
    data = with_value(schema, path, lambda value: value[:2] + char + value[2:])
    assert not validator_for(name).is_valid(data) and not fastcheck.is_valid(name, data)


@pytest.mark.parametrize("char", ["\n", "\r", "\u2028", "\u2029", "\x85", "\u202e", "\u2066", "\u061c",
                                  "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
@pytest.mark.parametrize("schema, name, path", fields(multi_line=False))
def test_every_single_line_field_refuses_line_breaks_and_invisible_characters(schema, name, path, char):
    for change in (lambda value: value + char, lambda value: value[:2] + char + value[2:]):
        data = with_value(schema, path, change)
        assert not validator_for(name).is_valid(data) and not fastcheck.is_valid(name, data)


@pytest.mark.parametrize("schema, name, path", fields(multi_line=True))
def test_prose_keeps_its_line_breaks_and_tabs(schema, name, path):
    data = with_value(PATTERN, path, lambda value: value + "\n\n\tMore text, on a new line.\n")
    assert validator_for(PATTERN_SCHEMA).is_valid(data) and fastcheck.is_valid(PATTERN_SCHEMA, data)
