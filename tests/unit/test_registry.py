"""Unit tests for generator/edit/registry.py: an organisation added to organisations.yaml in place,
where its code sorts, keeping comments; nothing changed when it is there already or when the
registry would not validate. FICTIONAL organisations (ZZ codes)."""

from __future__ import annotations

import pytest

from generator.edit.registry import add_organisation
from generator.errors import EditError

REGISTRY = """\
# Fictional organisations: every code starts with ZZ.
organisations:
  ZZ1:
    name: Fictional Northshire Hospitals NHS Trust   # the first one
    type: trust
    region: north-west
  ZZ5:
    name: "Fictional Southmoor Community Health NHS Trust"
    type: trust
    region: south-west
"""
ADDED = """\
  ZZ3:
    name: Fictional Eastdale ICB
    type: icb
    region: east-of-england
"""


@pytest.fixture
def root(tmp_path):
    (tmp_path / "patterns").mkdir()
    (tmp_path / "organisations.yaml").write_text(REGISTRY, encoding="utf-8")
    return tmp_path


def test_a_new_organisation_goes_where_its_code_sorts(root):
    assert add_organisation(root, "ZZ3", "Fictional Eastdale ICB", "icb", "east-of-england") is True
    lines = REGISTRY.splitlines(keepends=True)
    assert (root / "organisations.yaml").read_text(encoding="utf-8") == "".join(lines[:6]) + ADDED + "".join(lines[6:])


def test_adding_it_again_changes_nothing(root):
    add_organisation(root, "ZZ3", "Fictional Eastdale ICB", "icb", "east-of-england")
    before = (root / "organisations.yaml").read_bytes()
    assert add_organisation(root, "ZZ3", "Another name", "trust", "london") is False
    assert (root / "organisations.yaml").read_bytes() == before


def test_an_empty_registry_becomes_a_block_mapping(root):
    (root / "organisations.yaml").write_text("# Fictional.\norganisations: {}\n", encoding="utf-8")
    add_organisation(root, "ZZ3", "Fictional Eastdale ICB", "icb", "east-of-england")
    assert (root / "organisations.yaml").read_text(encoding="utf-8") == "# Fictional.\norganisations:\n" + ADDED


def test_codes_out_of_order_get_the_new_one_at_the_end(root):
    (root / "organisations.yaml").write_text(REGISTRY.replace("ZZ1:", "ZZ9:"), encoding="utf-8")
    add_organisation(root, "ZZ3", "Fictional Eastdale ICB", "icb", "east-of-england")
    assert (root / "organisations.yaml").read_text(encoding="utf-8").endswith(ADDED)


def test_an_entry_the_registry_would_refuse_leaves_it_untouched(root):
    before = (root / "organisations.yaml").read_bytes()
    with pytest.raises(EditError, match=r"ZZ3 was not added, because the registry would not validate"):
        add_organisation(root, "ZZ3", "Fictional <b>", "icb", "east-of-england")
    assert (root / "organisations.yaml").read_bytes() == before
