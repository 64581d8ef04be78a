"""The rule registry (generator/ruleset.py) is the one list of rules: the docs tables are
generated from it, every rule id the code can emit is in it, and every rule in it is emitted
somewhere (no dead entries)."""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import pytest

from generator.ruleset import RULES, markdown_table

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs" / "guide" / "validation.md"
# Where each group's table is: the ODS import's rules are with the registry's guide.
TABLES = {"reading": DOCS, "schema": DOCS, "cross-file": DOCS,
          "ods": REPO / "docs" / "guide" / "organisations.md"}
PREFIXES = ("file-", "yaml-", "schema-", "registry-", "ods-")


def constants() -> set[str]:
    """Every string constant in the package's code, outside the registry itself."""
    found = set()
    for path in (REPO / "generator").rglob("*.py"):
        if path.name == "ruleset.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


@pytest.mark.parametrize("group", sorted(TABLES))
def test_docs_tables_are_generated_from_the_registry(group):
    docs = TABLES[group]
    text = docs.read_text(encoding="utf-8")
    start, end = f"<!-- rules:{group} -->\n", f"<!-- /rules:{group} -->"
    if os.environ.get("CATALOGUE_UPDATE_DOCS"):
        before, rest = text.split(start)
        text = before + start + markdown_table(group) + end + rest.split(end, 1)[1]
        docs.write_text(text, encoding="utf-8")
    assert text.split(start)[1].split(end)[0] == markdown_table(group)


def test_every_rule_id_in_the_code_is_registered():
    emitted = {c for c in constants() if c.startswith(PREFIXES) and re.fullmatch(r"[a-z]+(-[a-zA-Z]+)+", c)}
    assert emitted - set(RULES) == set()


def test_every_registered_rule_is_emitted_somewhere():
    assert set(RULES) - constants() == set()


def test_severities_are_error_or_warning():
    assert {rule.severity for rule in RULES.values()} == {"error", "warning"}
    assert {rule.group for rule in RULES.values()} == set(TABLES)
