"""Unit tests for generator/edit/registry.py: an organisation added to organisations.yaml in place,
where its code sorts, keeping comments; nothing changed when it is there already or when the
registry would not validate. Uses the FICTIONAL valid catalogue's registry (ZZ codes)."""

from __future__ import annotations

import pytest

from generator.edit.registry import add_organisation
from generator.errors import EditError

ADDED = "  ZZ31:\n    name: Fictional Thirtyone ICB\n    type: icb\n    region: london\n"


def add(root) -> bool:
    return add_organisation(root, "ZZ31", "Fictional Thirtyone ICB", "icb", "london")


def test_a_new_organisation_goes_where_its_code_sorts(catalogue):
    registry = catalogue / "organisations.yaml"
    before = registry.read_text(encoding="utf-8")
    assert add(catalogue) is True
    assert registry.read_text(encoding="utf-8") == before.replace("  ZZ4:\n", ADDED + "  ZZ4:\n")


def test_adding_it_again_changes_nothing(catalogue):
    add(catalogue)
    before = (catalogue / "organisations.yaml").read_bytes()
    assert add_organisation(catalogue, "ZZ31", "Another name", "trust", "north-west") is False
    assert (catalogue / "organisations.yaml").read_bytes() == before


def test_an_empty_registry_becomes_a_block_mapping(catalogue):
    (catalogue / "organisations.yaml").write_text("# Fictional.\norganisations: {}\n", encoding="utf-8")
    add(catalogue)
    assert (catalogue / "organisations.yaml").read_text(encoding="utf-8") == "# Fictional.\norganisations:\n" + ADDED


def test_codes_out_of_order_get_the_new_one_at_the_end(catalogue, edit):
    edit(catalogue / "organisations.yaml", "  ZZ1:\n", "  ZZ9:\n")
    add(catalogue)
    assert (catalogue / "organisations.yaml").read_text(encoding="utf-8").endswith(ADDED)


def test_an_entry_the_registry_would_refuse_leaves_it_untouched(catalogue):
    before = (catalogue / "organisations.yaml").read_bytes()
    with pytest.raises(EditError, match=r"ZZ31 was not added, because the registry would not validate"):
        add_organisation(catalogue, "ZZ31", "Fictional <b>", "icb", "london")
    assert (catalogue / "organisations.yaml").read_bytes() == before
