"""Load: read one YAML file safely into plain data, recording every problem with its line and column.

Loading never raises for bad input: each problem goes into the Result and the caller gets
None for that file, so one bad file never stops a run. The fast path is libyaml's C parser
(when installed) with a Python constructor that adds the rules PyYAML lacks: duplicate keys,
aliases, YAML 1.1 surprises and tags. Nodes are composed a second time only to locate a
problem, so valid files pay for parsing once.
"""

from __future__ import annotations

import errno
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.characters import describe, line_and_column
from generator.layout import RULE as NOT_REGULAR
from generator.layout import kind_of, not_regular_message
from generator.problems import Result

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 64
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # not on Windows, where links are rare and need rights
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ALLOWED_TAGS = {f"tag:yaml.org,2002:{kind}" for kind in ("str", "seq", "map", "null", "bool")}


class _Stop(Exception):
    """Internal: a problem that ends the loading of this file, at a YAML mark or a line and column."""

    def __init__(self, rule, message, mark=None, where=(1, 1)):
        super().__init__(message)
        self.rule, self.message, self.mark, self.where = rule, message, mark, where


class _PlainLoader(_Base):
    """Safe loader with deliberate scalar rules, for text that holds no `*` and no `!`.

    Only `true`/`false` become booleans and only `~`/`null`/empty become null. Everything else
    stays text, so `NO` (a country code), `on`, `1.10` (a version) and `2025-01-18` (a date)
    reach the schema as the author wrote them instead of as False, True, 1.1 and a date object.
    Duplicate keys are collected, not silently overwritten.
    """

    yaml_implicit_resolvers: dict = {}

    def __init__(self, stream):
        super().__init__(stream)
        self.duplicates: list[tuple[str, Any]] = []
        self.bad_keys: list[tuple[Any, Any]] = []

    def construct_mapping(self, node, deep=False):
        mapping = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                self.bad_keys.append((key, key_node.start_mark))
                # Keep the key as written (true, not True) so later problems can be located by it.
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key)
            if key in mapping:
                self.duplicates.append((key, key_node.start_mark))
                continue  # keep the first value: the later one is the likely mistake
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


class CatalogueLoader(_PlainLoader):
    """The plain loader plus a check on every node for aliases and explicit tags.

    An alias needs a `*` and a tag a `!`, so text without either takes the plain loader and
    skips this per-node check, which costs about a fifth of the load on large catalogues.
    """

    def construct_object(self, node, deep=False):
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _Stop("yaml-alias", "aliases (*name) are not allowed in a catalogue entry; "
                        "write the value out in full", node.start_mark)
        if node.tag not in _ALLOWED_TAGS:
            raise _Stop("yaml-tag", f"the tag {node.tag!r} is not allowed; remove it and "
                        "write plain text, lists and mappings", node.start_mark)
        return super().construct_object(node, deep=deep)


_PlainLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
_PlainLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


@dataclass
class LoadedFile:
    """One file that loaded: its data, and its text so problems can be located later."""

    path: Path
    display: str
    text: str
    data: Any
    _root_node: Any = None

    def locate(self, location: tuple = (), key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the node at `location`, or of its key when `key` is set."""
        if self._root_node is None:
            self._root_node = yaml.compose(self.text, Loader=CatalogueLoader)
        return locate_node(self._root_node, location, key)


def locate_node(node, location, key=False) -> tuple[int, int]:
    """Walk composed nodes along a path of keys and indexes; stop at the deepest that exists."""
    mark_node = node
    for step in location:
        found = None
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == step:
                    found, mark_node = value_node, key_node
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            found = mark_node = node.value[step]
        if found is None:
            break
        node = found
        if not key:
            mark_node = found
    target = mark_node if key else node
    return target.start_mark.line + 1, target.start_mark.column + 1


_INDENTS = [(k, re.compile(r"^ {%d}" % k, re.M)) for k in (8, 16, 32)]


def _depth_bound(text: str) -> int:
    """Cheap upper bound on nesting depth, so the exact event scan runs only on odd files.

    Each level of block nesting adds at least one space of indentation, so when no line is
    indented k spaces, indentation adds fewer than k levels (found with a search, no copies)."""
    indent = next((k for k, deep in _INDENTS if not deep.search(text)), MAX_DEPTH)
    flows = text.count("[") + text.count("{")
    blocks = text.count("- ") + text.count("-\n") + text.count("? ")
    return indent + flows + blocks + 1


def _too_deep(text: str):
    """Mark of the first node deeper than MAX_DEPTH, or None (libyaml's composer recurses in C)."""
    if _depth_bound(text) <= MAX_DEPTH:
        return None
    depth = 0
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return event.start_mark
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return None


def _first_anchor(text: str, alias: bool = False):
    """Mark of the first anchor (&name), or alias (*name), or None; parsed only when the sign occurs."""
    if ("*" if alias else "&") not in text:
        return None
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, yaml.AliasEvent) if alias else getattr(event, "anchor", None):
            return event.start_mark
    return None


def _pos(mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def read_text(path: Path, display: str, result: Result) -> str | None:
    """Read a file as UTF-8 (BOM allowed, CRLF allowed), or record why it cannot be read."""
    try:
        # Not following a link, and not waiting for a writer should this be a named pipe: the
        # file list holds only regular files, but one may be swapped for a link in between.
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(fd)
            kind = kind_of(info.st_mode)
            if kind is not None:
                result.error(display, 1, 1, NOT_REGULAR, not_regular_message(kind))
                return None
            if info.st_size > MAX_BYTES:
                result.error(display, 1, 1, "file-too-large", f"file is {info.st_size:,} bytes; the limit "
                             f"is {MAX_BYTES:,} (1 MiB): split or shorten it")
                return None
            raw = handle.read()
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # O_NOFOLLOW met a link
            result.error(display, 1, 1, NOT_REGULAR, not_regular_message("a symbolic link"))
            return None
        result.error(display, 1, 1, "file-unreadable", f"cannot read the file: {exc.strerror}")
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # exc.object is the text after any BOM; everything before exc.start decoded, so the
        # column can be counted in characters, as editors count it.
        data = exc.object
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        col = len(data[line_start:exc.start].decode("utf-8")) + 1
        result.error(display, line, col, "file-encoding",
                     f"byte 0x{data[exc.start]:02x} is not valid UTF-8: save the file as UTF-8")
        return None
    return text.replace("\r\n", "\n")


def load_yaml(path: Path, display: str, result: Result, text: str | None = None) -> LoadedFile | None:
    """Load one YAML file (or its `text`, already read); return None (with problems recorded)
    when it cannot be used."""
    text = read_text(path, display, result) if text is None else text
    if text is None:
        return None
    try:
        data, loader = _parse(text)
        _record_keys(loader, display, result)
        _require_fields(data)
    except _Stop as stop:
        result.error(display, *(_pos(stop.mark) if stop.mark is not None else stop.where), stop.rule, stop.message)
        return None
    return LoadedFile(path, display, text, data)


def _parse(text: str) -> tuple[Any, _PlainLoader]:
    """The file's data and the loader that built it; _Stop when it is empty, too deep, holds an
    alias, anchor or tag, or is not YAML."""
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise _Stop("file-empty", "the file is empty: write the entry's fields")
    try:
        mark = _too_deep(text)
        if mark is not None:
            raise _Stop("yaml-depth", f"nesting deeper than {MAX_DEPTH} levels: an entry needs only a few", mark)
        loader = (CatalogueLoader if "*" in text or "!" in text else _PlainLoader)(text)
        try:
            data = loader.get_single_data()
        finally:
            loader.dispose()
        mark = _first_anchor(text)
    except _Stop as stop:
        if stop.rule == "yaml-alias":
            # libyaml hands back the anchored node for an alias: find where the alias itself is.
            stop.mark = _first_anchor(text, alias=True) or stop.mark
        raise
    except yaml.YAMLError as exc:
        line, col, message = _syntax_problem(exc, text)
        raise _Stop("yaml-syntax", message, where=(line, col)) from exc
    if mark is not None:
        raise _Stop("yaml-anchor", "anchors (&name) are not allowed in a catalogue entry; write values out in full",
                    mark)
    return data, loader


def _syntax_problem(exc: yaml.YAMLError, text: str) -> tuple[int, int, str]:
    """Line, column and message for a file the parser refused."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line, col = _pos(mark) if mark else (1, 1)
        message = exc.problem or "invalid YAML"
        if exc.context:
            # The context mark is where the unclosed thing began, often the line to fix.
            began = exc.context_mark
            where = (f" (started at line {began.line + 1}, column {began.column + 1})"
                     if began and mark and began.line != mark.line else "")
            message = f"{exc.context}{where}: {message}"
        return line, col, f"{message} (check indentation and quoting)"
    if isinstance(exc, yaml.reader.ReaderError):
        # YAML refuses most control characters written raw; its reader stops at the first one.
        char = chr(exc.character) if isinstance(exc.character, int) else "\ufffd"
        index = text.find(char)
        line, col = line_and_column(text, index) if index >= 0 else (1, 1)
        return line, col, f"{describe(char)} cannot stand in the file: remove it (only tabs and line breaks may)"
    return 1, 1, str(exc).splitlines()[0]


def _record_keys(loader: _PlainLoader, display: str, result: Result) -> None:
    """Record the keys that appear twice in a mapping, or are not text. These do not stop the file:
    it goes on to the schema check (with the first value kept), so every problem shows in one run."""
    for key, mark in loader.duplicates:
        result.error(display, *_pos(mark), "yaml-duplicate-key",
                     f"key {key!r} appears twice in this mapping; keep one (the first is used)")
    for key, mark in loader.bad_keys:
        result.error(display, *_pos(mark), "yaml-key-type",
                     f"key {key!r} is read as {'true/false' if isinstance(key, bool) else 'empty'}, not text; quote it")


def _require_fields(data: Any) -> None:
    """_Stop unless the file holds a mapping of field: value."""
    if data is not None and not isinstance(data, dict):
        raise _Stop("yaml-top-level", f"the file holds {'a list' if isinstance(data, list) else 'a single value'}; "
                    "it must be a mapping of field: value")
    if data is None:
        raise _Stop("file-empty", "the file has no fields")
