"""Model, vocabulary: the schema's enumerated values (categories, themes, adoption statuses,
organisation types, regions...) and the words readers see for each, read from the schema's own
`x-names` beside each `enum`, with `x-nouns` (singular and plural nouns of organisation types) and
`x-ods` (the codes NHS ODS uses for regions).
The one place code and templates get a display name or a list of allowed values; nothing else
lists them."""

from __future__ import annotations

from functools import lru_cache

from generator.errors import ConfigError
from generator.resources import load_schema

# Each vocabulary: the schema file and the path to the node that holds its `enum` and `x-names`.
VOCABULARIES = {
    "category": ("pattern.schema.json", ("properties", "category")),
    "theme": ("pattern.schema.json", ("properties", "themes", "items")),
    "care_setting": ("pattern.schema.json", ("properties", "care_settings", "items")),
    "wgll": ("pattern.schema.json", ("properties", "wgll", "items")),
    "relation": ("pattern.schema.json", ("properties", "related", "items", "properties", "relation")),
    "lifecycle": ("pattern.schema.json", ("properties", "lifecycle")),
    "maturity": ("pattern.schema.json", ("properties", "maturity")),
    "adoption_status": ("pattern.schema.json", ("$defs", "adoption", "properties", "status")),
    "source_kind": ("pattern.schema.json", ("$defs", "source", "properties", "kind")),
    "written_by": ("pattern.schema.json", ("properties", "written_by")),
    "reviewed_by": ("pattern.schema.json", ("properties", "reviewed_by")),
    # A ladder: its values are in order, lowest first, and a value's level is its place (1, 2, ...).
    "evidence": ("pattern.schema.json", ("properties", "outcomes", "items", "properties", "evidence")),
    "organisation_type": ("organisations.schema.json", ("$defs", "organisation", "properties", "type")),
    "region": ("organisations.schema.json", ("$defs", "organisation", "properties", "region")),
}


@lru_cache(maxsize=None)
def names(vocabulary: str) -> dict[str, str]:
    """Every value of a vocabulary, in the schema's order, with its display name."""
    schema_name, path = VOCABULARIES[vocabulary]
    node = load_schema(schema_name)
    for step in path:
        node = node[step]
    shown = node.get("x-names", {})
    missing = [value for value in node["enum"] if value not in shown]
    if missing:
        raise ConfigError(f"schema/{schema_name}: x-names of {'/'.join(path)} lacks {', '.join(missing)}")
    return {value: shown[value] for value in node["enum"]}


@lru_cache(maxsize=None)
def _annotation(vocabulary: str, keyword: str) -> dict:
    """An `x-` keyword beside a vocabulary's enum ({} when it has none)."""
    schema_name, path = VOCABULARIES[vocabulary]
    node = load_schema(schema_name)
    for step in path:
        node = node[step]
    return node.get(keyword, {})


def noun(vocabulary: str, value: str, count: int) -> str:
    """The reader's noun for one value, singular for 1 and plural otherwise ("1 trust", "3 trusts"),
    from the schema's `x-nouns`; "organisation" or "organisations" where it gives none."""
    singular, plural = _annotation(vocabulary, "x-nouns").get(value, ["organisation", "organisations"])
    return singular if count == 1 else plural


def ods_codes(vocabulary: str) -> dict[str, str]:
    """Values with the code NHS ODS uses for them (regions: "london" -> "Y56"), from `x-ods`, in
    the schema's order: for the regions, the seven NHS England regions."""
    return dict(_annotation(vocabulary, "x-ods"))


def enum_values(vocabulary: str) -> list[str]:
    """The allowed values of a vocabulary, in the schema's order."""
    return list(names(vocabulary))


def display_name(vocabulary: str, value: str) -> str:
    """The reader's word for one value (the value itself if the schema does not know it)."""
    return names(vocabulary).get(value, value)


def level_of(vocabulary: str, value: str) -> int:
    """A value's place on a ladder vocabulary, counting from 1 (evidence: data-showing-change is 2)."""
    return enum_values(vocabulary).index(value) + 1


def value_at(vocabulary: str, level: int) -> str:
    """The value at a place on a ladder vocabulary, counting from 1."""
    return enum_values(vocabulary)[level - 1]


# The marker a new entry's scaffold leaves in every field to fill in: the validator warns about
# each (placeholder-text), and the similar-pattern check ignores entries that still hold it.
PLACEHOLDER = "TODO"


def statuses_needing_evidence() -> tuple[str, ...]:
    """The adoption statuses the schema requires an evidence link for (its if/then on status)."""
    return tuple(load_schema("pattern.schema.json")["$defs"]["adoption"]["if"]["properties"]["status"]["enum"])
