"""edit_yaml: a hand-written YAML file changed in place keeps the author's text (comments, quotes,
indentation, wrapping, BOM, line endings, preamble, final newline), is written only when it
changes, and is put back byte for byte when the caller's check refuses the edit. Every
organisation and pattern here is fictional."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.edit.yamledit import edit_yaml
from generator.errors import CatalogueError, EditError

# Hand-written on purpose: comments, single and double quotes, a flow list, a folded scalar.
ENTRY = """\
# yaml-language-server: $schema=../schema/pattern.schema.json
# Hand-written note: this entry is fictional and kept short on purpose.
id: shared-booking-hub
title: 'Shared booking hub'
summary: "One booking team serves several clinics, so patients get one number and miss fewer appointments."
themes:
  - repeatability
  - reusability
tags: [booking, outpatients]
context: >-
  A fictional acute trust with many small outpatient clinics
  and a stretched administrative team.
consequences:
  benefits:
    - "Patients call one number."
originator: ZZ1   # the trust that started it
related: []
lifecycle: active
"""

ADDED = """\
originator: ZZ1   # the trust that started it
reviews:
  - by: ZZ2
    on: '2026-03-01'
related: []
"""

REGISTRY = """\
# Fictional organisations: every code starts with ZZ.
organisations:
  ZZ1:
    name: Fictional Northshire Hospitals NHS Trust   # the first one
    type: trust
    region: north-west

  ZZ2:
    name: "Fictional Southmoor Community Health NHS Trust"
    type: trust
    region: south-west
"""


def add_review(data: CommentedMap, by: str = "ZZ2", on: str = "2026-03-01") -> bool:
    """A change of the kind a command makes: append an item to a list, made after `originator`."""
    if "reviews" not in data:
        keys = list(data.keys())
        data.insert(keys.index("originator") + 1 if "originator" in keys else len(keys), "reviews", CommentedSeq())
    item = CommentedMap()
    item["by"], item["on"] = by, on
    data["reviews"].append(item)
    return True


def edit(path: Path, change=add_review, **kwargs) -> bool:
    return edit_yaml(path, change, key="reviews", after="originator", **kwargs)


@pytest.fixture
def entry(tmp_path) -> Path:
    path = tmp_path / "shared-booking-hub.yaml"
    path.write_text(ENTRY, encoding="utf-8")
    return path


def with_review(text: str) -> str:
    return text.replace("originator: ZZ1   # the trust that started it\nrelated: []\n", ADDED)


def test_only_the_changed_lines_are_new(entry):
    assert edit(entry) is True
    assert entry.read_text(encoding="utf-8") == with_review(ENTRY)


def test_hand_written_comments_survive(entry):
    edit(entry)
    text = entry.read_text(encoding="utf-8")
    assert "# Hand-written note: this entry is fictional and kept short on purpose.\n" in text
    assert "originator: ZZ1   # the trust that started it\n" in text


def test_crlf_and_byte_order_mark_are_kept(entry):
    entry.write_bytes(b"\xef\xbb\xbf" + ENTRY.replace("\n", "\r\n").encode("utf-8"))
    edit(entry)
    raw = entry.read_bytes()
    assert raw == b"\xef\xbb\xbf" + with_review(ENTRY).replace("\n", "\r\n").encode("utf-8")
    assert raw.count(b"\n") == raw.count(b"\r\n")


def test_indentless_lists_are_kept(entry):
    text = (ENTRY.replace("  - repeatability\n  - reusability\n", "- repeatability\n- reusability\n")
            .replace('    - "Patients call one number."', '  - "Patients call one number."'))
    entry.write_text(text, encoding="utf-8")
    edit(entry)
    assert entry.read_text(encoding="utf-8") == text.replace(
        "related: []\n", "reviews:\n- by: ZZ2\n  on: '2026-03-01'\nrelated: []\n")


def test_document_start_and_the_comments_before_it_are_kept(entry):
    text = "# Written by hand.\n---\n" + ENTRY
    entry.write_text(text, encoding="utf-8")
    edit(entry)
    assert entry.read_text(encoding="utf-8") == with_review(text)


def test_missing_final_newline_stays_missing(entry):
    entry.write_text(ENTRY.rstrip("\n"), encoding="utf-8")
    edit(entry)
    assert entry.read_text(encoding="utf-8") == with_review(ENTRY).rstrip("\n")


def test_wrapped_plain_text_is_not_reflowed(entry):
    """ruamel.yaml joins a plain scalar the author wrapped over two lines; only the changed key's
    block is taken from its output then, so the author's wrapping stays."""
    text = ENTRY.replace('summary: "One booking team serves several clinics, so patients get one number '
                         'and miss fewer appointments."',
                         "summary: One booking team serves several clinics, so patients\n"
                         "  get one number and miss fewer appointments.")
    entry.write_text(text, encoding="utf-8")
    edit(entry)
    assert entry.read_text(encoding="utf-8") == with_review(text)
    edit(entry, lambda data: add_review(data, by="ZZ3"))
    new = entry.read_text(encoding="utf-8")
    assert "so patients\n  get one number" in new
    assert new.index("by: ZZ2") < new.index("by: ZZ3") < new.index("related: []")


def test_a_new_key_without_its_anchor_goes_at_the_end(entry):
    text = ENTRY.replace("originator: ZZ1   # the trust that started it\n", "")
    entry.write_text(text, encoding="utf-8")
    edit(entry)
    assert entry.read_text(encoding="utf-8") == text + "reviews:\n  - by: ZZ2\n    on: '2026-03-01'\n"


def test_no_change_leaves_the_file_untouched(entry):
    before = entry.stat()
    assert edit(entry, lambda data: False) is False
    assert edit(entry, lambda data: True) is False  # "changed", but to the same text
    assert entry.read_text(encoding="utf-8") == ENTRY
    assert entry.stat().st_mtime_ns == before.st_mtime_ns and entry.stat().st_ino == before.st_ino


def test_a_refusing_change_writes_nothing(entry):
    def refuse(data):
        data["lifecycle"] = "deprecated"
        raise EditError("refused")

    with pytest.raises(EditError, match="refused"):
        edit(entry, refuse)
    assert entry.read_text(encoding="utf-8") == ENTRY


@pytest.mark.parametrize("error", [EditError("the entry would not validate"), KeyboardInterrupt()])
def test_a_failed_check_puts_the_original_bytes_back(entry, error):
    original = b"\xef\xbb\xbf" + ENTRY.replace("\n", "\r\n").encode("utf-8")
    entry.write_bytes(original)
    seen = []

    def check():
        seen.append(entry.read_bytes())  # the check sees the edited file
        raise error

    with pytest.raises(type(error)):
        edit(entry, check=check)
    assert seen and seen[0] != original
    assert entry.read_bytes() == original
    assert sorted(p.name for p in entry.parent.iterdir()) == [entry.name]  # no temporary file left


def test_a_passing_check_keeps_the_edit(entry):
    assert edit(entry, check=lambda: None) is True
    assert entry.read_text(encoding="utf-8") == with_review(ENTRY)


def test_broken_yaml_is_reported_with_its_position_not_rewritten(entry):
    entry.write_text(ENTRY.replace("lifecycle: active\n", "lifecycle: [active\n"), encoding="utf-8")
    before = entry.read_bytes()
    with pytest.raises(EditError, match=r"shared-booking-hub\.yaml:\d+:\d+: the file is not valid YAML"):
        edit(entry)
    assert entry.read_bytes() == before


@pytest.mark.parametrize("raw, message", [
    (b"id: caf\xe9\n", "is not UTF-8 text"),
    (b"- a list\n- not a mapping\n", "does not hold a mapping"),
])
def test_files_it_cannot_edit_are_refused_as_catalogue_errors(entry, raw, message):
    entry.write_bytes(raw)
    with pytest.raises(CatalogueError, match=message):
        edit(entry)
    assert entry.read_bytes() == raw


def test_an_organisation_is_added_to_the_registry_in_place(tmp_path):
    """The registry is a mapping under one key: a new organisation is one more block in it."""
    path = tmp_path / "organisations.yaml"
    path.write_text(REGISTRY, encoding="utf-8")

    def add_organisation(data):
        fields = CommentedMap()
        fields["name"], fields["type"], fields["region"] = "Fictional Eastdale ICB", "icb", "east-of-england"
        data["organisations"]["ZZ3"] = fields
        return True

    assert edit_yaml(path, add_organisation, key="organisations") is True
    assert path.read_text(encoding="utf-8") == REGISTRY + (
        "  ZZ3:\n    name: Fictional Eastdale ICB\n    type: icb\n    region: east-of-england\n")


# The ways people indent: (mapping indent, list indent, offset of the dash), as ruamel names them.
STYLES = [(2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (3, 3, 0)]


def styled(mapping: int, sequence: int, offset: int, wrapped: bool) -> str:
    """A fictional entry written in one indentation style, with comments, and a scalar wrapped
    by hand (which ruamel.yaml would join) or not."""
    m, item = " " * mapping, " " * offset + "-" + " " * (sequence - offset - 1)
    summary = "one line of text\n  wrapped by hand" if wrapped else "one line of text"
    return (f"# Fictional.\nid: x\nsummary: {summary}\nthemes:\n{item}a\n{item}b\n"
            f"contact:\n{m}team: T   # a team\n{m}url: https://example.org/t\noriginator: ZZ1\nlifecycle: active\n")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(style=st.sampled_from(STYLES), crlf=st.booleans(), bom=st.booleans(), preamble=st.booleans(),
       final_newline=st.booleans(), wrapped=st.booleans(), reviews=st.integers(1, 3))
def test_any_layout_gets_only_new_lines(tmp_path, style, crlf, bom, preamble, final_newline, wrapped, reviews):
    """Whatever the layout, an edit only inserts lines, in one place after the anchor, in the
    file's own line endings, BOM and final newline, and the file reads back as the new data."""
    text = ("# Hand-written.\n---\n" if preamble else "") + styled(*style, wrapped)
    text = text if final_newline else text.rstrip("\n")
    raw = ("\ufeff" if bom else "") + (text.replace("\n", "\r\n") if crlf else text)
    path = tmp_path / "entry.yaml"
    path.write_bytes(raw.encode("utf-8"))
    for n in range(reviews):
        assert edit(path, lambda data: add_review(data, by=f"ZZ{n + 2}")) is True
    new = path.read_bytes().decode("utf-8")
    assert new.startswith("\ufeff") == bom
    assert (new.count("\r\n") == new.count("\n")) if crlf else "\r" not in new
    assert new.endswith("\n") == final_newline
    old_lines, new_lines = raw.lstrip("\ufeff").splitlines(), new.lstrip("\ufeff").splitlines()
    opcodes = [op for op in difflib.SequenceMatcher(a=old_lines, b=new_lines).get_opcodes() if op[0] != "equal"]
    assert [op[0] for op in opcodes] == ["insert"]
    assert old_lines[opcodes[0][1] - 1] == "originator: ZZ1"
    inserted = new_lines[opcodes[0][3]:opcodes[0][4]]
    assert inserted[0] == "reviews:" and sum("by: ZZ" in line for line in inserted) == reviews
