"""Walking the packaged schemas for tests: every string field they define (so no test lists fields
by hand), a FICTIONAL entry that fills every field from the schema's own examples, and Hypothesis
strategies that build entries from the schema and mutate them with hostile values."""

from __future__ import annotations

import copy

from hypothesis import strategies as st

TEXT_DEF = "#/$defs/text"  # multi-line prose; every other free-text field is one line

# Values a careless or hostile contributor might write; each is tried wherever a value can go.
HOSTILE = [
    "\x00", "\x07", "\x1b[31m", "\x7f", "\x85", "\x9b", "\n", "\r", "\r\n", "\t", "\u2028", "\u2029",
    "\u202e", "\u2066", "\u200b", "\u200d", "\u2060", "\ufeff", "\u061c", "\ud800", "\U0001f600",
    "javascript:alert(1)", "<script>alert(1)</script>", "{: onmouseover=alert(1) }", "[x](javascript:alert(1))",
    "2025-W01-1", "2025-001", "20250101", "2025-02-30", "\u0662\u0660\u0662\u0665-01-01",
    "https://example.org/a b", "https://example.org/<x>", "https://example.org\\@example.net",
    'https://example.org/"', "https://user@example.org/", "http://example.org/", "https://",
    "team @example.org", "a@b", "ZZ9\n", "cloud\n", "zz1", "TODO", "", " ", "x" * 5000,
]
WRONG_TYPES = [None, True, False, 0, 3, 1.5, [], {}, ["x"], {"x": "y"}]


def resolve(node: dict, root: dict) -> dict:
    """The node with a local $ref (a JSON pointer into the schema) followed."""
    while isinstance(node, dict) and "$ref" in node:
        target = root
        for step in node["$ref"].removeprefix("#/").split("/"):
            target = target[step]
        node = target
    return node


def refs(node: dict) -> set[str]:
    return {part["$ref"] for part in node.get("allOf", []) if "$ref" in part}


def string_fields(root: dict, node: dict | None = None, path=()):
    """(path, is_multi_line) for every string field; list items appear as index 0."""
    node = resolve(root if node is None else node, root)
    if node.get("type") == "string":
        yield path, TEXT_DEF in refs(node)
    for name, sub in node.get("properties", {}).items():
        yield from string_fields(root, sub, path + (name,))
    if isinstance(node.get("items"), dict):
        yield from string_fields(root, node["items"], path + (0,))
    if isinstance(node.get("additionalProperties"), dict):
        yield from string_fields(root, node["additionalProperties"], path + ("ZZ1",))


def example(root: dict, node: dict):
    """A valid value for a node with every field present: objects and lists built from their
    parts, text from its first example."""
    node = resolve(node, root)
    if node.get("type") == "object" and "properties" in node:
        return {name: example(root, sub) for name, sub in node["properties"].items()}
    items = resolve(node.get("items", {}), root)
    if node.get("type") == "array" and not {"properties", "examples", "enum"} & set(items) and "examples" in node:
        return copy.deepcopy(node["examples"][0][:1])  # e.g. tags: the list's example names its items
    if node.get("type") == "array":
        return [example(root, items)]
    if "examples" in node:
        return copy.deepcopy(node["examples"][0])
    if "enum" in node:
        return node["enum"][0]
    return "Fictional text long enough for any field."


def from_schema(root: dict, node: dict | None = None):
    """A strategy for values the node accepts, drawn from its examples and enums (mostly valid)."""
    node = resolve(root if node is None else node, root)
    if "enum" in node:
        return st.sampled_from(node["enum"])
    kind = node.get("type")
    if kind == "object" and "properties" in node:
        props = node["properties"]
        required = {k: from_schema(root, props[k]) for k in node.get("required", ())}
        optional = {k: from_schema(root, v) for k, v in props.items() if k not in required}
        return st.fixed_dictionaries(required, optional=optional)
    if kind == "object":  # the registry: codes to organisations
        codes = st.sampled_from(["ZZ1", "ZZ2", "ZZ3", "X26", "RJ1"])
        return st.dictionaries(codes, from_schema(root, node["additionalProperties"]), min_size=1, max_size=3)
    if kind == "array":
        return st.lists(from_schema(root, node["items"]), min_size=node.get("minItems", 0), max_size=3)
    if "examples" in node:
        return st.sampled_from(node["examples"])
    letters = st.characters(codec="ascii", categories=["L", "N", "Zs", "P"])
    return st.text(letters, min_size=node.get("minLength", 0), max_size=60)


def _paths(value, path=()):
    """Every place in nested data: mapping keys and list indexes."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, path + (index,))


def _hostile_value():
    fragments = st.sampled_from(HOSTILE)
    return st.one_of(fragments, st.sampled_from(WRONG_TYPES).map(copy.deepcopy), st.text(max_size=30),
                     st.tuples(st.text(max_size=12), fragments, st.text(max_size=12)).map("".join))


@st.composite
def mutated(draw, entries):
    """An entry from `entries` with up to three things broken: a field dropped, retyped, given a
    hostile value, a hostile fragment spliced into its text, or an unknown key added."""
    data = copy.deepcopy(draw(entries))
    for _ in range(draw(st.integers(0, 3))):
        path = draw(st.sampled_from(list(_paths(data))))
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        target = parent[path[-1]] if path else data
        action = draw(st.sampled_from(["drop", "replace", "splice", "add"]))
        if action == "drop" and path:
            del parent[path[-1]]
        elif action == "replace" and path:
            parent[path[-1]] = draw(_hostile_value())
        elif action == "splice" and path and isinstance(target, str):
            at = draw(st.integers(0, len(target)))
            parent[path[-1]] = target[:at] + draw(st.sampled_from(HOSTILE)) + target[at:]
        elif action == "add" and isinstance(target, dict):
            target[draw(st.sampled_from(["sumary", "ZZ9\n", "note", "x\u202e"]))] = draw(_hostile_value())
        elif action == "add" and isinstance(target, list):
            target.append(draw(_hostile_value()))
    return data
