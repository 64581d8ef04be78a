"""Edit, YAML in place: change a YAML file that people wrote by hand, keeping their text.

A contributor's diff should show only what the command changed. So a file is loaded with
ruamel.yaml's round-trip mode, which keeps comments, key order, quoting and indentation; the
byte-order mark, line endings, a missing final newline and the comments and `---` before the
first field are kept around it. When ruamel.yaml would still reformat something else (a plain
scalar the author wrapped, say), only the changed top-level key's block is taken from its
output and spliced into the author's text. The new text is written atomically and, when the
caller's check refuses it, the original bytes are put back.

This module knows nothing about what the file holds: `catalogue adopt` (edit/adopt.py) and
`catalogue organisations import` (edit/odsimport.py) say what to change and how to check it;
`set_keys` changes a mapping's keys in the schema's order, as both need.

    edit_yaml(path, change, key="adoptions", after="originator", check=validate)
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from generator.edit.writer import write_atomic
from generator.errors import EditError

BOM = "\ufeff"
# Long enough that ruamel never re-wraps a line the author wrote (the default is 80).
LINE_WIDTH = 4096
# (mapping, sequence, offset) indentations to try, the scaffold's style (mapping 2 with `  - `
# items) first.
INDENTS = [(2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (2, 3, 1), (3, 3, 0), (4, 2, 0)]


def edit_yaml(path: Path, change: Callable[[CommentedMap], bool], *, key: str, after: str | None = None,
              check: Callable[[], None] | None = None) -> bool:
    """Change the YAML mapping in `path` in place; return whether the file changed.

    `change` gets the loaded mapping, changes it where it needs to (under the top-level `key`
    only) and returns whether it did; it may raise to refuse, and then nothing is written. A new
    `key` goes after the top-level key `after` (at the end without one). Once the new text is
    written, `check` runs: if it raises, the original bytes are put back and the error goes on.
    """
    document = YamlDocument.read(path)
    if not change(document.data):
        return False
    return document.save(key, after=after, check=check)


@dataclass
class YamlDocument:
    """A YAML file opened for an in-place edit: `data` to change, and what is needed to write it
    back as the author wrote it."""

    path: Path
    raw: bytes  # the file as read, put back when a check refuses the edit
    preamble: str  # comments and `---` before the first field, which ruamel.yaml would drop
    body: str  # the rest, with LF line endings and a final newline
    has_bom: bool
    newline: str  # the file's line ending
    final_newline: bool
    yaml: YAML  # set to the file's own indentation
    exact: bool  # whether `yaml` reproduces the untouched body exactly
    data: CommentedMap

    @classmethod
    def read(cls, path: Path) -> "YamlDocument":
        """Read and load `path`; EditError when it is not UTF-8, not YAML or not a mapping."""
        raw = path.read_bytes()
        text, has_bom, newline = _decode(raw, path)
        preamble, body = _split_preamble(text)
        final_newline = body.endswith("\n")
        if not final_newline:
            body += "\n"
        yaml, exact = _round_trip_yaml(body)
        data = _load(yaml, body, path)
        return cls(path, raw, preamble, body, has_bom, newline, final_newline, yaml, exact, data)

    def text(self, key: str, after: str | None = None) -> str:
        """The file's new text: `data` as dumped, or, when that would reformat more than `key`,
        the author's text with only `key`'s block replaced (or inserted after `after`)."""
        new_text = _dump(self.yaml, self.data)
        if not self.exact:
            new_text = _splice(self.body, new_text, key, after) or new_text
        if not self.final_newline:
            new_text = new_text[:-1]
        new_text = self.preamble + new_text
        if self.newline != "\n":
            new_text = new_text.replace("\n", self.newline)
        return BOM + new_text if self.has_bom else new_text

    def save(self, key: str, after: str | None = None, check: Callable[[], None] | None = None) -> bool:
        """Write the new text atomically unless it is the same bytes, then run `check`, putting
        the original bytes back if it raises; return whether the file changed."""
        new_text = self.text(key, after)
        if new_text.encode("utf-8") == self.raw:
            return False
        write_atomic(self.path, new_text)
        if check is not None:
            try:
                check()
            except BaseException:
                self.restore()
                raise
        return True

    def restore(self) -> None:
        """Put the file's original bytes back, atomically."""
        tmp = self.path.with_name(f".{self.path.name}.restore")
        tmp.write_bytes(self.raw)
        tmp.replace(self.path)


def _decode(raw: bytes, path: Path) -> tuple[str, bool, str]:
    """Text with LF line endings, whether the file had a BOM, and the line ending to write back."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EditError(f"{path}: is not UTF-8 text (byte {exc.start}); run `catalogue validate {path}`") from exc
    has_bom = text.startswith(BOM)
    if has_bom:
        text = text[1:]
    newline = "\r\n" if "\r\n" in text and text.count("\r\n") * 2 >= text.count("\n") else "\n"
    return text.replace("\r\n", "\n"), has_bom, newline


def _yaml(mapping: int, sequence: int, offset: int) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = LINE_WIDTH
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def _dump(yaml: YAML, data) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _split_preamble(text: str) -> tuple[str, str]:
    """Comments and a `---` document start before the entry, which ruamel.yaml would drop, and
    the rest. Without a `---` line before the first field, the preamble is empty."""
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped == "---" or stripped.startswith("--- #"):
            return "".join(lines[:i + 1]), "".join(lines[i + 1:])
        if stripped and not stripped.startswith("#"):
            break
    return "", text


def _round_trip_yaml(text: str) -> tuple[YAML, bool]:
    """A YAML instance set to the file's own indentation, and whether it reproduces the
    untouched file exactly.

    ruamel.yaml applies one indentation to the whole file, so the settings are found by trying
    the usual ones and keeping the first that reproduces the file exactly. When none does, the
    closest is used and only the changed key's block is spliced into the author's text.
    """
    best, best_distance = None, None
    for mapping, sequence, offset in INDENTS:
        yaml = _yaml(mapping, sequence, offset)
        try:
            dumped = _dump(yaml, yaml.load(text))
        except YAMLError:
            return yaml, True  # _load reports the syntax error with its position
        if dumped == text:
            return yaml, True
        distance = sum(1 for a, b in zip(dumped.splitlines(), text.splitlines()) if a != b)
        distance += abs(dumped.count("\n") - text.count("\n"))
        if best_distance is None or distance < best_distance:
            best, best_distance = yaml, distance
    return best, False


def _load(yaml: YAML, text: str, path: Path) -> CommentedMap:
    try:
        data = yaml.load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise EditError(f"{where}: the file is not valid YAML, so it was not changed; "
                        f"run `catalogue validate {path}` and fix it first") from exc
    if not isinstance(data, CommentedMap):
        raise EditError(f"{path}: the file does not hold a mapping of field: value; "
                        f"run `catalogue validate {path}`")
    return data


def same(value, wanted) -> bool:
    """True when a loaded value equals the wanted one as the file would spell it (dates as YYYY-MM-DD)."""
    if isinstance(value, (dt.date, dt.datetime)):
        value = value.isoformat()
    if isinstance(wanted, dt.date):
        wanted = wanted.isoformat()
    if isinstance(value, dict) and isinstance(wanted, dict):
        return {k: str(v) for k, v in value.items()} == {k: str(v) for k, v in wanted.items()}
    return value == wanted


def set_keys(mapping: CommentedMap, wanted: dict, order: tuple[str, ...]) -> bool:
    """Set each wanted key that differs, keeping `order` for new keys; True when anything changed."""
    changed = False
    for key, value in wanted.items():
        if key in mapping and same(mapping[key], value):
            continue
        changed = True
        if key in mapping:
            mapping[key] = value
        else:
            # Keep the schema's key order: insert before the first later key that is present.
            later = order[order.index(key) + 1:]
            keys = list(mapping.keys())
            position = next((keys.index(k) for k in later if k in keys), len(keys))
            mapping.insert(position, key, value)
    return changed


_TOP_LEVEL_KEY = re.compile(r"^(?![\s#\-]|\.\.\.)\S")


def _key_line(key: str) -> re.Pattern:
    key = re.escape(key)
    return re.compile(rf"^(?:{key}|'{key}'|\"{key}\")[ \t]*:(?:[ \t]|$)")


def _region(lines: list[str], key: str) -> tuple[int, int] | None:
    """Line range of a top-level key: from its line up to the next top-level key."""
    pattern = _key_line(key)
    start = next((i for i, line in enumerate(lines) if pattern.match(line)), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(lines)) if _TOP_LEVEL_KEY.match(lines[i])), len(lines))
    return start, end


def _plain(value):
    """Loaded YAML as plain data, to compare two texts by meaning."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value if value is None or isinstance(value, (bool, int, float)) else str(value)


def _splice(original: str, dumped: str, key: str, after: str | None) -> str | None:
    """The author's text with `key`'s block replaced by the dumped one (or the dumped block
    inserted after `after`'s, or at the end), or None when that does not give the same data."""
    old_lines, new_lines = original.splitlines(keepends=True), dumped.splitlines(keepends=True)
    new_region = _region(new_lines, key)
    if new_region is None:
        return None
    block = new_lines[new_region[0]:new_region[1]]
    old_region = _region(old_lines, key)
    if old_region is not None:
        spliced = old_lines[:old_region[0]] + block + old_lines[old_region[1]:]
    else:
        anchor = _region(old_lines, after) if after is not None else None
        at = anchor[1] if anchor is not None else len(old_lines)
        spliced = old_lines[:at] + block + old_lines[at:]
    text = "".join(spliced)
    checker = YAML(typ="rt")
    try:
        same = _plain(checker.load(text)) == _plain(checker.load(dumped))
    except YAMLError:
        return None
    return text if same else None
