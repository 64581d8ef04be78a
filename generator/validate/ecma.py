"""Validate, regular expressions: the schema's `pattern` keywords read as JSON Schema means them,
ECMA-262 regular expressions in Unicode mode, not as Python's `re` reads the same text.

The two differ where it matters for a catalogue: in Python `$` also matches before a final
newline (so `^[A-Z0-9]{3,6}$` accepts "ZZ9\\n"), and `\\d`, `\\w`, `\\s` and `\\b` take their
Unicode meanings. Both validation paths (generator/schema.py and generator/fastcheck.py) match
through this module, backed by `regress`, the Rust regress crate's ECMA-262 engine, which
check-jsonschema also uses; so they read every pattern alike, and as an editor's YAML language
server (JavaScript) does.
"""

from __future__ import annotations

from functools import lru_cache

import regress

RegexError = regress.RegressError


class EcmaRegex:
    """One compiled ECMA-262 pattern; `search` answers what the `pattern` keyword asks."""

    __slots__ = ("source", "_regex")

    def __init__(self, source: str):
        self.source = source
        self._regex = regress.Regex(source, flags="u")

    def search(self, text: str) -> bool:
        """True when the pattern matches somewhere in `text` (patterns are not anchored)."""
        try:
            return self._regex.find(text) is not None
        except UnicodeEncodeError:
            # Only a YAML "\\uD800" escape makes a lone surrogate: not Unicode text, so it
            # matches no pattern, and the field that holds it is reported.
            return False

    def __repr__(self) -> str:
        return f"EcmaRegex({self.source!r})"


@lru_cache(maxsize=None)
def ecma_regex(source: str) -> EcmaRegex:
    """The compiled pattern, once per process; raises RegexError when it is not ECMA-262."""
    return EcmaRegex(source)


def is_ecma_regex(text) -> bool:
    """The "regex" format: text that compiles as an ECMA-262 pattern (non-text passes)."""
    if not isinstance(text, str):
        return True
    try:
        ecma_regex(text)
    except (RegexError, UnicodeEncodeError):
        return False
    return True
