"""Shared pieces of the property tests: every string field the schemas define (found by walking
the schemas, not listed by hand), hostile text for each, a FICTIONAL base catalogue to put it in,
and the checks every output must pass whatever a contributor wrote.

Everything here is fictional: ZZ codes, example.org links, made-up patterns.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import yaml
from hypothesis import strategies as st

from generator.render.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS
from generator.resources import load_schema

# Text an attacker or a careless contributor might write: markup, script URLs in every disguise,
# Markdown and attr_list syntax (after blank lines, where a block ends), template syntax, CSV
# formulas, XML breakers, control, bidi and zero-width characters.
FRAGMENTS = [
    "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>",
    "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](data:text/html,<script>alert(1)</script>)",
    "[x](vbscript:msgbox(1))", "<a href=\"javascript:alert(1)\">x</a>", "<a href='&#106;avascript:alert(1)'>x</a>",
    "\n\n{: onmouseover=alert(1) }\n\n", "\n\n[x](javascript:alert(1))\n\n", "{: .x onclick=alert(1) }",
    "\n\n# Heading\n\n", "\n\n<div onclick=alert(1)>x</div>\n\n", "<iframe src=https://example.org>",
    "<style>*{display:none}</style>", "<math><mi xlink:href=javascript:alert(1)>x</mi></math>",
    "{{ 7*7 }}", "{% raw %}", "${7*7}", "=cmd|' /C calc'!A0", "+1+1", "@SUM(1)", "-1",
    "]]>", "<![CDATA[", "<!--", "-->", "&amp;", "&lt;script&gt;", "&#0;", "\"", "'", "`", "\\",
    "\x00", "\x07", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u2029", "\u202e", "\u200b", "\u200d",
    "\ufeff", "\r\n", "\t", "javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=",
    "https://example.org/\"onmouseover=\"alert(1)", "https://example.org/<script>", "mailto:x@example.org",
]
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
DANGEROUS = ("javascript:", "data:", "vbscript:")
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "cite"}


def _resolve(schema: dict, node: dict) -> dict:
    ref = node.get("$ref")
    if ref:
        for step in ref.removeprefix("#/").split("/"):
            schema = schema[step]
        return schema
    return node


def string_fields(name: str) -> list[tuple[tuple, dict]]:
    """(path, schema) for every string the schema allows, with 0 for list items and "*" for map
    values; "**" marks a mapping key (propertyNames)."""
    root = load_schema(name)
    out: list[tuple[tuple, dict]] = []

    def walk(node: dict, path: tuple) -> None:
        node = _resolve(root, node)
        kind = node.get("type")
        if kind == "string":
            out.append((path, node))
        elif kind == "array":
            walk(node["items"], path + (0,))
        elif kind == "object":
            for key, sub in node.get("properties", {}).items():
                walk(sub, path + (key,))
            if isinstance(node.get("additionalProperties"), dict):
                walk(node["additionalProperties"], path + ("*",))
            if isinstance(node.get("propertyNames"), dict):
                out.append((path + ("**",), dict(node["propertyNames"], type="string")))

    walk(root, ())
    return out


def text_for(field: dict) -> st.SearchStrategy[str]:
    """Hostile text shaped to the field: mostly valid for it, so that it reaches the pages."""
    pieces = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), min_size=1, max_size=5)
    free = pieces.map("".join)
    if "enum" in field:
        return st.sampled_from(field["enum"])
    if field.get("format") == "date":
        return st.dates().map(lambda d: d.isoformat())
    if "pattern" in field:
        shaped = st.from_regex(field["pattern"], fullmatch=True)
        if field.get("format") == "uri":
            shaped = st.builds(lambda tail, frag: "https://example.org/" + tail + frag,
                               st.text(max_size=10), st.sampled_from(FRAGMENTS))
        return st.one_of(shaped, free)
    low, high = field.get("minLength", 0), field.get("maxLength", 400)
    return free.map(lambda text: ("Fictional " + text)[:high].ljust(low, "x"))


# A FICTIONAL base catalogue with every optional field present, so every string reaches a page.
ORGANISATIONS = {
    "ZZ1": {"name": "Fictional Northshire Trust", "type": "trust", "region": "london",
            "url": "https://northshire.example.org/", "note": "Fictional organisation.", "icb": "ZZ2",
            "closed": "2026-01-02", "successor": "ZZ3"},
    "ZZ2": {"name": "Fictional Southshire ICB", "type": "icb", "region": "south-west"},
    "ZZ3": {"name": "Fictional Eastshire Trust", "type": "trust", "region": "midlands", "icb": "ZZ2"},
}


def base_pattern(pid: str, other: str) -> dict:
    return {
        "id": pid, "title": f"Fictional pattern {pid[-1]}",
        "summary": "A fictional pattern for the property tests.", "category": "delivery",
        "themes": ["repeatability"], "tags": ["fictional-tag"],
        "care_settings": ["community"], "wgll": ["improve-care"],
        "problem": "A fictional problem, described briefly.", "context": "A fictional context, described briefly.",
        "solution": "A fictional solution, described briefly.",
        "consequences": {"benefits": ["Something fictional gets better."], "liabilities": ["Fictional cost."]},
        "editors_reading": ["Fictional reading of the editors."],
        "outcomes": [{"description": "A fictional outcome was measured.", "source": "https://example.org/o",
                      "date": "2026-02-01", "evidence": "data-showing-change"}],
        "originator": "ZZ1",
        # Both forms of an adoption, with every field: one status, and a history of changes.
        "adoptions": [{"organisation": "ZZ2", "status": "in-use", "since": "2026-03-01",
                       "evidence": "https://example.org/e", "reason": "Fictional reason for the status.",
                       "note": "Fictional note.", "adapted": "Fictional change to the pattern.",
                       "contact": {"team": "Fictional Adopter Team", "email": "adopter@example.org",
                                   "url": "https://example.org/adopter"}},
                      {"organisation": "ZZ3", "history": [
                          {"status": "piloting", "date": "2026-02-01", "evidence": "https://example.org/p",
                           "reason": "Fictional reason to pilot."},
                          {"status": "retired", "date": "2026-03-01", "reason": "Fictional reason to stop."}],
                       "note": "Fictional note.", "adapted": "Fictional change to the pattern.",
                       "contact": {"team": "Fictional Second Team", "email": "second@example.org",
                                   "url": "https://example.org/second"}}],
        "related": [{"pattern": other, "relation": "complements"}],
        "prerequisites": ["A fictional prerequisite."], "first_steps": ["A fictional first step."],
        "resources": [{"title": "Fictional guide", "url": "https://example.org/r"}],
        "sources": [{"kind": "originator-account", "title": "Fictional account", "publisher": "Fictional Trust",
                     "date": "2026-01-01", "url": "https://example.org/s"}],
        "written_by": "originator",
        "contact": {"team": "Fictional Team", "email": "team@example.org", "url": "https://example.org/t"},
        "lifecycle": "active", "created": "2026-01-05", "last_reviewed": "2026-01-05", "reviewed_by": "originator",
        "maturity": "emerging",
    }


def put(data, path: tuple, value: str):
    """Set the string at `path` (0 = the first list item that has the next field, "*" = first map
    value, "**" = first key)."""
    head, rest = path[0], path[1:]
    if head == "**":
        first = next(iter(data))
        data[value] = data.pop(first)
        return data
    key = next(iter(data)) if head == "*" else head
    if head == 0 and rest and isinstance(data, list):
        # The first item that has the next field (an adoption's two forms hold different ones).
        key = next((i for i, item in enumerate(data) if isinstance(item, dict) and rest[0] in item), 0)
    if not rest:
        data[key] = value
    else:
        put(data[key], rest, value)
    return data


def write_catalogue(root: Path, patterns: list[dict], organisations: dict) -> None:
    (root / "patterns").mkdir(parents=True, exist_ok=True)
    for old in (root / "patterns").glob("*.yaml"):
        old.unlink()
    for entry in patterns:
        name = entry["id"] if isinstance(entry.get("id"), str) and re.fullmatch(r"[a-z0-9-]{1,80}", entry["id"]) else "x"
        (root / "patterns" / f"{name}.yaml").write_text(
            yaml.safe_dump(entry, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (root / "organisations.yaml").write_text(
        yaml.safe_dump({"organisations": organisations}, allow_unicode=True), encoding="utf-8")


# ---------------------------------------------------------------- checks on outputs

class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.seen: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.seen.append((tag, {k: v or "" for k, v in attrs}))

    handle_startendtag = handle_starttag


def elements(html: str) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.seen


def scheme(url: str) -> str:
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", url).lower()
    match = re.match(r"([a-z][a-z0-9+.-]*):", cleaned)
    return match.group(1) + ":" if match else ""


def allow_list(tree: dict[str, str]) -> tuple[set[str], set[str]]:
    """Element and attribute names the templates write for a benign catalogue, plus the
    sanitiser's own allow-list: anything else in a page came from a contributor."""
    tags, attrs = set(ALLOWED_TAGS), {a for names in ALLOWED_ATTRIBUTES.values() for a in names}
    for path, text in tree.items():
        if path.endswith(".md"):
            for tag, found in elements(body(text)):
                tags.add(tag)
                attrs |= set(found)
    return tags, attrs


def body(page: str) -> str:
    return page.partition("\n---\n")[2] if page.startswith("---\n") else page


def output_problems(tree: dict[str, str], allowed: tuple[set[str], set[str]]) -> list[str]:
    """Every way the rendered tree could put script in a browser or garble a data file."""
    tags, attr_names = allowed
    problems = []
    for path, text in tree.items():
        if path.startswith("assets/") or path.startswith("schema/"):
            continue
        if CONTROL.search(text):
            problems.append(f"{path}: raw control character {CONTROL.search(text).group()!r}")
        if path.endswith(".md"):
            front = yaml.safe_load(text[4:].partition("\n---\n")[0])
            if not isinstance(front, dict) or not isinstance(front.get("title"), str):
                problems.append(f"{path}: front matter is not a mapping with a title")
            for tag, found in elements(body(text)):
                if tag not in tags:
                    problems.append(f"{path}: element <{tag}> outside the allow-list")
                for name, value in found.items():
                    if name.startswith("on") or name not in attr_names:
                        problems.append(f"{path}: <{tag}> attribute {name}={value!r}")
                    if name in URL_ATTRS and scheme(value) in DANGEROUS:
                        problems.append(f"{path}: <{tag} {name}={value!r}>")
        elif path.endswith(".json"):
            json.loads(text)
            if "<" in text:
                problems.append(f"{path}: a raw < in JSON (could close a script element it is embedded in)")
        elif path.endswith(".csv"):
            for row in list(csv.reader(io.StringIO(text)))[1:]:
                problems += [f"{path}: formula cell {cell!r}" for cell in row if cell[:1] in ("=", "+", "-", "@")]
        elif path.endswith(".xml"):
            feed = ET.fromstring(text)
            for el in feed.iter():
                href = el.attrib.get("href", "")
                if scheme(href) in DANGEROUS:
                    problems.append(f"{path}: <{el.tag} href={href!r}>")
    return problems


def hostile_everywhere() -> tuple[list[dict], dict]:
    """The base catalogue with hostile text in every string field at once: for each field the
    longest run of FRAGMENTS the schema accepts there (fields whose pattern admits no hostile
    text keep their base value). Deterministic, for a real build of one site."""
    from generator.validate.schema import validator_for

    patterns = [base_pattern("fictional-a", "fictional-b"), base_pattern("fictional-b", "fictional-a")]
    orgs = copy.deepcopy(ORGANISATIONS)
    checks = [(patterns[0], "pattern.schema.json", string_fields("pattern.schema.json")),
              ({"organisations": orgs}, "organisations.schema.json", string_fields("organisations.schema.json"))]
    for data, schema_name, fields in checks:
        validator = validator_for(schema_name)
        for path, field in fields:
            if "enum" in field or field.get("format") == "date" or path[-1] == "**":
                continue
            prefix = "https://example.org/" if field.get("format") == "uri" else "Fictional "
            for size in (12, 6, 3, 1):
                for start in range(0, len(FRAGMENTS), size):
                    value = prefix + "".join(FRAGMENTS[start:start + size])
                    value = value[:field.get("maxLength", 10_000)].ljust(field.get("minLength", 0), "x")
                    trial = put(copy.deepcopy(data), path, value)
                    if not list(validator.iter_errors(trial)):
                        put(data, path, value)
                        break
                else:
                    continue
                break
    return patterns, orgs
