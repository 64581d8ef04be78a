"""Validate, characters: naming a character in a message so a reader can find it, even one that
shows nothing on screen (a control character, a line break, a zero-width or text-direction mark)."""

from __future__ import annotations

import unicodedata

LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def unseen(char: str) -> bool:
    """True for a character that shows as nothing, or as mere space, where it stands."""
    return char != " " and (not char.isprintable() or char.isspace())


def describe(char: str) -> str:
    """The character as a reader can recognise it: 'a line break (U+000A)', "'<'"."""
    label = f"U+{ord(char):04X} {unicodedata.name(char, '')}".strip()
    if char == " ":
        return "a space"
    if char in LINE_BREAKS:
        return f"a line break ({label})"
    category = unicodedata.category(char)
    if category == "Cc":
        return f"a control character ({label})"
    if category == "Cs":
        return f"half of a character, a lone surrogate ({label})"
    if unseen(char):
        return f"an invisible character ({label})"
    return repr(char)


def line_and_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of text[index], columns counted in characters as editors count."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def printable(text: str) -> str:
    """The text with every unseen character but the space written as an escape (\\n, \\x1b,
    \\u202e), so that a message quoting contributor text stays one readable line."""
    return "".join(char.encode("unicode_escape").decode("ascii") if unseen(char) else char for char in text)
