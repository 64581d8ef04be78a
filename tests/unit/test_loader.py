"""Loader: safe YAML reading that records each problem with its line and column and never raises."""

import datetime as dt
import os

import pytest

from generator.validate import loader
from generator.dates import parse_date


def located(result):
    return [(p.rule, p.line, p.col) for p in result.problems]


def test_yaml_1_1_surprises_stay_text(load_text):
    f, result = load_text("country: NO\nswitch: on\nversion: 1.10\nanswer: yes\ncount: 012\n")
    assert f.data == {"country": "NO", "switch": "on", "version": "1.10", "answer": "yes", "count": "012"}
    assert not result.problems


def test_only_true_and_false_are_booleans_and_only_tilde_null_or_nothing_are_null(load_text):
    f, _ = load_text("a: true\nb: False\nc: ~\nd: null\ne:\n")
    assert f.data == {"a": True, "b": False, "c": None, "d": None, "e": None}


def test_an_unquoted_date_stays_text_that_reads_as_a_date(load_text):
    f, _ = load_text("created: 2025-01-18\n")
    assert f.data["created"] == "2025-01-18"
    assert parse_date(f.data["created"]) == dt.date(2025, 1, 18)


def test_a_byte_order_mark_and_crlf_line_endings_are_accepted(load_text):
    f, result = load_text(b"\xef\xbb\xbfid: x\r\ntitle: A title\r\n")
    assert f.data == {"id": "x", "title": "A title"} and not result.problems
    assert f.locate(("title",)) == (2, 8)


def test_locate_finds_values_keys_and_the_deepest_existing_node(load_text):
    f, _ = load_text("a:\n  b:\n    - x\n    - y\n")
    assert f.locate(("a", "b", 1)) == (4, 7)
    assert f.locate(("a", "b"), key=True) == (2, 3)
    assert f.locate(("a", "missing", 0)) == (2, 3)  # stops at a's mapping


@pytest.mark.parametrize("raw, col", [
    (b"title: caf\xff\n", 11),
    (b"a: \xc3\xa9\nb: \xc3\xa9 \xff\n", 6),  # the column counts the two-byte \xc3\xa9 as one character
    (b"\xef\xbb\xbftitle: \xff\n", 8),  # the byte-order mark is not a column
])
def test_a_byte_that_is_not_utf8_is_named_and_located_in_characters(load_text, raw, col):
    f, result = load_text(raw)
    assert f is None
    assert located(result) == [("file-encoding", raw.count(b"\n", 0, raw.index(b"\xff")) + 1, col)]
    assert result.problems[0].message.startswith("byte 0xff is not valid UTF-8")


def test_a_file_over_one_mebibyte_is_refused_and_one_of_exactly_that_size_loads(load_text):
    head = b"id: x\n"
    f, result = load_text(head + b"#" * (loader.MAX_BYTES - len(head)))
    assert f.data == {"id": "x"} and not result.problems
    f, result = load_text(head + b"#" * (loader.MAX_BYTES - len(head) + 1))
    assert f is None and located(result) == [("file-too-large", 1, 1)]


def test_an_unreadable_file_is_reported_not_raised(load_text, monkeypatch):
    # The system's refusal is simulated: the tests run as root here, which may read anything.
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(os, "open", refuse)
    f, result = load_text("id: x\n")
    assert f is None and located(result) == [("file-unreadable", 1, 1)]
    assert "Permission denied" in result.problems[0].message


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "\ufeff", "---\n...\n"])
def test_a_file_with_no_fields_is_empty(load_text, text):
    f, result = load_text(text)
    assert f is None and located(result) == [("file-empty", 1, 1)]


def test_nesting_is_allowed_to_64_levels_and_refused_beyond(load_text):
    f, result = load_text("tags: " + "[" * 63 + "]" * 63 + "\n")  # 64 levels with the top mapping
    assert f is not None and not result.problems
    f, result = load_text("tags: " + "[" * 64 + "]" * 64 + "\n")
    assert f is None and located(result) == [("yaml-depth", 1, 70)]


def test_a_duplicate_key_is_reported_and_the_first_value_kept(load_text):
    f, result = load_text("title: first\nother: x\ntitle: second\n")
    assert f.data == {"title": "first", "other": "x"}
    assert located(result) == [("yaml-duplicate-key", 3, 1)]


def test_a_key_that_is_not_text_is_reported_and_kept_as_written(load_text):
    f, result = load_text("true: x\n~: y\n")
    assert f.data == {"true": "x", "~": "y"}
    assert located(result) == [("yaml-key-type", 1, 1), ("yaml-key-type", 2, 1)]


@pytest.mark.parametrize("text", ["a: !!str 012\n", "a: !!bool true\n"])
def test_the_tags_of_plain_values_are_allowed(load_text, text):
    f, result = load_text(text)
    assert f is not None and not result.problems


@pytest.mark.parametrize("text, rule, col", [
    ("a: !!python/object:os.system x\n", "yaml-tag", 4),
    ("a: !!binary aGk=\n", "yaml-tag", 4),
    ("a: !!timestamp 2025-01-01\n", "yaml-tag", 4),
    ("a: !!int 1\n", "yaml-tag", 4),
    ("a: !custom x\n", "yaml-tag", 4),
    ("a: &x [1]\nb: *x\n", "yaml-alias", 4),
    ("a: &x\n  b: *x\n", "yaml-alias", 6),
    ("a: &x 1\n", "yaml-anchor", 4),
])
def test_tags_anchors_and_aliases_are_refused(load_text, text, rule, col):
    f, result = load_text(text)
    assert f is None and located(result) == [(rule, text.count("\n"), col)]


@pytest.mark.parametrize("raw", [b"\x00\x01", b"[", b"{a: [}", b"a: b: c", b"a: 1\n---\nb: 2\n", b"@x\n",
                                 b"\t- x\n", b"a: *missing\n", b"- a\n", b"just text\n"])
def test_broken_input_is_recorded_never_raised(load_text, raw):
    f, result = load_text(raw)
    assert f is None and len(result.errors) == 1
    assert result.errors[0].rule in ("yaml-syntax", "yaml-top-level")


def test_a_syntax_error_names_where_the_unclosed_part_began(load_text):
    f, result = load_text('id: x\ntitle: "never closed\nsummary: y\n')
    [problem] = result.problems
    assert (problem.rule, problem.line) == ("yaml-syntax", 4)
    assert "started at line 2, column 8" in problem.message
