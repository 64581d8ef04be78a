"""ECMA-262 patterns: what the schema's `pattern` means, where Python's `re` would differ."""

import pytest

from generator.validate.ecma import EcmaRegex, RegexError, ecma_regex, is_ecma_regex


@pytest.mark.parametrize("pattern, text, matches", [
    ("^[A-Z0-9]{3,6}$", "ZZ9", True),
    ("^[A-Z0-9]{3,6}$", "ZZ9\n", False),  # Python's $ matches before a final newline
    ("^[a-z0-9]+(-[a-z0-9]+)*$", "cloud\n", False),
    ("^\\d+$", "\u0662\u0660", False),  # \d is ASCII digits only
    ("^\\w+$", "\u00e9cole", False),  # \w is [A-Za-z0-9_]
    ("^\\s$", "\u00a0", True),  # \s includes Unicode spaces ...
    ("^\\s$", "\x85", False),  # ... but not NEL, which Python's \s takes
    ("^\\p{Letter}+$", "\u00e9cole", True),  # Unicode property escapes (the u flag)
    ("^.$", "\U0001f600", True),  # a character outside the BMP is one character
    ("cole", "\u00e9cole", True),  # patterns are not anchored
])
def test_patterns_match_as_ecma_262(pattern, text, matches):
    assert ecma_regex(pattern).search(text) is matches


def test_a_lone_surrogate_matches_no_pattern():
    assert ecma_regex("").search("\ud800") is False
    assert ecma_regex("^.*$").search("a\udc80b") is False


def test_compiled_patterns_are_shared():
    assert ecma_regex("^a$") is ecma_regex("^a$")
    assert repr(ecma_regex("^a$")) == "EcmaRegex('^a$')"


@pytest.mark.parametrize("pattern", ["(?P<name>x)", "(?i)x", "a)", "[z-a]"])
def test_python_only_or_broken_syntax_is_not_an_ecma_pattern(pattern):
    assert not is_ecma_regex(pattern)
    with pytest.raises(RegexError):
        EcmaRegex(pattern)


def test_the_regex_format_ignores_what_is_not_text():
    assert is_ecma_regex(3) and is_ecma_regex("^(?<name>x)$")
