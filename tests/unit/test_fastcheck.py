"""The compiled fast path and jsonschema give the same verdict: cross-checked on every fixture
entry and on named mutations of a valid one (test_validation_properties.py generates thousands
more, test_schema_suite.py runs the official test suite through both)."""

import copy
from pathlib import Path

import pytest

from generator.validate import fastcheck
from generator.validate.loader import load_yaml
from generator.problems import Result
from generator.resources import load_schema
from generator.errors import ConfigError
from generator.validate.formats import FORMATS
from generator.validate.schema import PATTERN_SCHEMA, REGISTRY_SCHEMA, validator_for, validator_for_schema

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", [PATTERN_SCHEMA, REGISTRY_SCHEMA])
def test_schemas_use_only_keywords_and_formats_both_engines_read_alike(name):
    schema = load_schema(name)
    assert fastcheck.keywords_of(schema) <= fastcheck.SHARED_KEYWORDS
    assert {node["format"] for node in subschemas(schema) if "format" in node} <= set(FORMATS)


def subschemas(node):
    """Every mapping in a schema (enough to find each `format`)."""
    if isinstance(node, dict):
        yield node
        node = list(node.values())
    if isinstance(node, list):
        for item in node:
            yield from subschemas(item)


def test_a_schema_either_engine_would_read_differently_is_refused():
    for schema in ({"patternProperties": {"^a$": {}}}, {"prefixItems": [{}]},
                   {"$ref": "#/$defs/a", "maxLength": 3, "$defs": {"a": {}}}, {"pattern": "(?P<a>x)"}):
        with pytest.raises(ConfigError):
            fastcheck.compile_schema(schema)
        if "$ref" not in schema:  # 2020-12 reads a $ref's siblings; only draft 7 cannot
            with pytest.raises(ConfigError):
                validator_for_schema(schema)


def test_a_remote_reference_is_never_fetched():
    with pytest.raises(ConfigError, match="only references inside it"):
        fastcheck.compile_schema({"$ref": "https://example.org/schema.json"})


def verdicts(name, data):
    return fastcheck.is_valid(name, data), validator_for(name).is_valid(data)


def fixture_files():
    files = sorted(FIXTURES.glob("**/patterns/*.yaml")) + sorted((REPO / "patterns").glob("*.yaml"))
    registries = sorted(FIXTURES.glob("**/organisations.yaml")) + [REPO / "organisations.yaml"]
    cases = [(PATTERN_SCHEMA, p) for p in files] + [(REGISTRY_SCHEMA, p) for p in registries]
    # Files broken at the YAML level never reach the schema, so they have nothing to compare.
    return [(name, p) for name, p in cases if load_yaml(p, str(p), Result()) is not None]


@pytest.mark.parametrize("name,path", fixture_files(), ids=lambda v: getattr(v, "name", v))
def test_both_engines_agree_on_every_fixture(name, path):
    loaded = load_yaml(path, str(path), Result())
    fast, reference = verdicts(name, loaded.data)
    assert fast == reference


def valid_entry():
    loaded = load_yaml(REPO / "tests/fixtures/site/demo/patterns/fictional-shared-booking-service.yaml",
                       "x", Result())
    return loaded.data


def mutations():
    """(label, function that breaks or changes one thing)."""
    entry = valid_entry()
    out = []
    for key in entry:
        out.append((f"drop {key}", lambda d, k=key: d.pop(k)))
        for label, value in (("none", None), ("bool", True), ("int", 3), ("list", []), ("map", {}),
                             ("empty", ""), ("long", "x" * 300), ("angle", "<b>")):
            out.append((f"{key}={label}", lambda d, k=key, v=value: d.__setitem__(k, v)))
    out += [
        ("feb 30", lambda d: d.__setitem__("created", "2025-02-30")),
        ("date shape", lambda d: d.__setitem__("created", "2025-2-3")),
        ("extra key", lambda d: d.__setitem__("sumary", "x")),
        ("superseded alone", lambda d: d.__setitem__("lifecycle", "superseded")),
        ("superseded_by while active", lambda d: d.__setitem__("superseded_by", "other")),
        ("in-use without evidence", lambda d: d["adoptions"][0].pop("evidence")),
        ("bad status", lambda d: d["adoptions"][0].__setitem__("status", "in use")),
        ("bad code", lambda d: d["adoptions"][0].__setitem__("organisation", "zz1")),
        ("contact without channel", lambda d: d.__setitem__("contact", {"team": "A team"})),
        ("contact email no at", lambda d: d["contact"].__setitem__("email", "nobody")),
        ("http source", lambda d: d["outcomes"][0].__setitem__("source", "http://example.org")),
        ("duplicate theme", lambda d: d.__setitem__("themes", ["reusability", "reusability"])),
        ("tag case", lambda d: d.__setitem__("tags", ["Booking"])),
        ("no themes", lambda d: d.__setitem__("themes", [])),
        ("relation enum", lambda d: d["related"][0].__setitem__("relation", "related")),
        ("trailing newline id", lambda d: d.__setitem__("id", "fictional-shared-booking-service\n")),
        ("trailing newline tag", lambda d: d.__setitem__("tags", ["cloud\n"])),
        ("iso week date", lambda d: d.__setitem__("created", "2025-W01-1")),
        ("ordinal date", lambda d: d.__setitem__("created", "2025-001")),
        ("arabic-indic digits", lambda d: d.__setitem__("created", "\u0662\u0660\u0662\u0665-01-01")),
        ("url with a space", lambda d: d["contact"].__setitem__("url", "https://example.org/a b")),
        ("url with a backslash", lambda d: d["contact"].__setitem__("url", "https://example.org\\@evil.example")),
        ("url with user info", lambda d: d["contact"].__setitem__("url", "https://nhs.uk@example.org/")),
        ("email with a space", lambda d: d["contact"].__setitem__("email", "team @example.org")),
        ("title with ESC", lambda d: d.__setitem__("title", "Fictional \x1b[31mtitle")),
        ("title with RLO", lambda d: d.__setitem__("title", "Fictional \u202etitle")),
        ("problem with NUL", lambda d: d.__setitem__("problem", "A problem that\x00 hides a NUL character.")),
        ("lone surrogate", lambda d: d.__setitem__("title", "Fictional \ud800 title")),
    ]
    return out


@pytest.mark.parametrize("label,mutate", mutations(), ids=[m[0] for m in mutations()])
def test_both_engines_agree_on_mutations(label, mutate):
    data = copy.deepcopy(valid_entry())
    mutate(data)
    fast, reference = verdicts(PATTERN_SCHEMA, data)
    assert fast == reference, label


def test_the_unmutated_entry_is_valid_for_both():
    assert verdicts(PATTERN_SCHEMA, valid_entry()) == (True, True)
