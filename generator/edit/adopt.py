"""Edit, adoption: record that an organisation explores, pilots, uses or has retired a pattern.

`catalogue adopt` is the most common contribution, so it edits patterns/<id>.yaml in place with
ruamel.yaml's round-trip mode: comments, key order, quoting, indentation, line endings and a
byte-order mark survive, and only the adoption's lines change in the diff a reviewer sees. The
edit is written atomically and kept only if the file still validates; otherwise the original
bytes are put back and the problems are raised as an EditError.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from generator.edit.arguments import field_problems
from generator.dates import today as default_today
from generator.errors import EditError
from generator.resources import load_schema
from generator.report import format_problem
from generator.layout import PATTERNS_DIR, CatalogueRoot, display_path, not_regular, not_regular_message
from generator.validate.catalogue import validate_catalogue
from generator.edit.writer import write_atomic

BOM = "\ufeff"
ADOPTION_KEYS = ("organisation", "status", "since", "evidence", "note")
# The statuses the schema requires evidence for (its if/then on an adoption's status).
NEEDS_EVIDENCE = tuple(load_schema("pattern.schema.json")["$defs"]["adoption"]["if"]["properties"]["status"]["enum"])
# Where a new `adoptions` list goes when the entry has none: where the scaffold puts it.
PLACE_AFTER = "originator"
# Long enough that ruamel never re-wraps a line the author wrote (the default is 80).
LINE_WIDTH = 4096


def record_adoption(root: Path, pattern_id: str, organisation: str, status: str,
                    since: dt.date | None = None, evidence: str | None = None,
                    note: str | None = None) -> tuple[Path, bool]:
    """Add or update `organisation`'s adoption of `pattern_id`; return the file and whether it changed.

    A new adoption is appended to `adoptions` (created after `originator` when absent). An
    existing one for the same organisation is updated: status, since, and evidence and note when
    given (omitted ones are kept). `since` defaults to today for a new adoption or a change of
    status, and otherwise keeps its recorded date, so correcting an evidence link does not move
    the date the status began. Repeating a call changes nothing and leaves the file untouched.
    """
    root = Path(root)
    path = _pattern_path(root, pattern_id)
    raw = path.read_bytes()
    text, has_bom, newline = _decode(raw, path)
    preamble, body = _split_preamble(text)
    final_newline = body.endswith("\n")
    if not final_newline:
        body += "\n"
    yaml, exact = _round_trip_yaml(body)
    data = _load(yaml, body, path)
    if data.get("originator") == organisation:
        raise EditError(f"{organisation} is the originator of {pattern_id!r}; adoptions record other "
                        "organisations' use, so there is nothing to add")

    changed = _apply(data, organisation, status, since, evidence, note)
    if not changed:
        return path, False

    new_text = _dump(yaml, data)
    if not exact:
        # ruamel.yaml would reformat more than the adoptions (e.g. re-flow a plain scalar the
        # author wrapped): keep the author's text and replace only the adoptions block.
        new_text = _splice(body, new_text) or new_text
    if not final_newline:
        new_text = new_text[:-1]
    new_text = preamble + new_text
    if newline != "\n":
        new_text = new_text.replace("\n", newline)
    if has_bom:
        new_text = BOM + new_text
    if new_text.encode("utf-8") == raw:
        return path, False

    write_atomic(path, new_text)
    try:
        result = validate_catalogue(root, only=[path]).result
    except BaseException:
        _restore(path, raw)
        raise
    if not result.success:
        _restore(path, raw)
        raise EditError(_refusal(result, organisation))
    return path, True


def _pattern_path(root: Path, pattern_id: str) -> Path:
    catalogue = CatalogueRoot.at(root).require()
    folder = catalogue.patterns
    # Only a valid id is used as a file name: it cannot name a file elsewhere, or be too long.
    path = catalogue.pattern_path(pattern_id)
    kind = "missing"
    if not field_problems("id", pattern_id):
        try:
            kind = not_regular(path)
        except FileNotFoundError:
            pass
    if kind is None:
        return path
    if kind != "missing":
        raise EditError(f"{display_path(path)}: {not_regular_message(kind)}")
    known = sorted(p.stem for p in folder.glob("*.yaml"))
    close = difflib.get_close_matches(pattern_id, known, n=3, cutoff=0.6)
    if close:
        hint = "did you mean " + " or ".join(repr(c) for c in close) + "?"
    else:
        hint = f"the pattern id is its file name in {PATTERNS_DIR}/ without .yaml"
    raise EditError(f"no pattern has id {pattern_id!r}: {hint}")


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
    the usual ones and keeping the first that reproduces the file exactly (the scaffold's
    style, mapping 2 with `  - ` items, is tried first). When none does, the closest is used and
    the caller splices only the adoptions block into the author's text.
    """
    candidates = [(2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (2, 3, 1), (3, 3, 0), (4, 2, 0)]
    best, best_distance = None, None
    for mapping, sequence, offset in candidates:
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


_TOP_LEVEL_KEY = re.compile(r"^(?![\s#\-]|\.\.\.)\S")


def _key_line(key: str) -> re.Pattern:
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


def _splice(original: str, dumped: str) -> str | None:
    """The author's text with its adoptions block replaced by the dumped one (or the dumped
    block inserted after the originator), or None when that does not give the same entry."""
    old_lines, new_lines = original.splitlines(keepends=True), dumped.splitlines(keepends=True)
    new_region = _region(new_lines, "adoptions")
    if new_region is None:
        return None
    block = new_lines[new_region[0]:new_region[1]]
    old_region = _region(old_lines, "adoptions")
    if old_region is not None:
        spliced = old_lines[:old_region[0]] + block + old_lines[old_region[1]:]
    else:
        anchor = _region(old_lines, PLACE_AFTER)
        at = anchor[1] if anchor is not None else len(old_lines)
        spliced = old_lines[:at] + block + old_lines[at:]
    text = "".join(spliced)
    checker = YAML(typ="rt")
    try:
        same = _plain(checker.load(text)) == _plain(checker.load(dumped))
    except YAMLError:
        return None
    return text if same else None


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
    adoptions = data.get("adoptions")
    if adoptions is not None and not isinstance(adoptions, CommentedSeq):
        raise EditError(f"{path}: `adoptions` is not a list; fix it (run `catalogue validate {path}`) "
                        "and try again")
    return data


def _same(value, wanted) -> bool:
    """True when a loaded value equals the wanted one as the file would spell it (dates as YYYY-MM-DD)."""
    if isinstance(value, (dt.date, dt.datetime)):
        value = value.isoformat()
    if isinstance(wanted, dt.date):
        wanted = wanted.isoformat()
    return value == wanted


def _apply(data: CommentedMap, organisation: str, status: str, since: dt.date | None,
           evidence: str | None, note: str | None) -> bool:
    """Change the loaded entry as asked; True when anything changed."""
    adoptions = data.get("adoptions")
    if adoptions is None:
        adoptions = CommentedSeq()
        keys = list(data.keys())
        position = keys.index(PLACE_AFTER) + 1 if PLACE_AFTER in keys else len(keys)
        data.insert(position, "adoptions", adoptions)
    existing = next((item for item in adoptions
                     if isinstance(item, dict) and item.get("organisation") == organisation), None)

    if existing is None:
        item = CommentedMap()
        item["organisation"] = organisation
        item["status"] = status
        item["since"] = since or default_today()
        if evidence is not None:
            item["evidence"] = evidence
        if note is not None:
            item["note"] = note
        if adoptions.fa.flow_style():
            adoptions.fa.set_block_style()  # `adoptions: []` becomes a block list
        adoptions.append(item)
        return True

    wanted = {"status": status}
    if since is not None:
        wanted["since"] = since
    elif not _same(existing.get("status"), status):
        wanted["since"] = default_today()  # the new status begins today
    if evidence is not None:
        wanted["evidence"] = evidence
    if note is not None:
        wanted["note"] = note
    changed = False
    for key, value in wanted.items():
        if key in existing and _same(existing[key], value):
            continue
        changed = True
        if key in existing:
            existing[key] = value
        else:
            # Keep the schema's key order: insert before the first later key that is present.
            later = ADOPTION_KEYS[ADOPTION_KEYS.index(key) + 1:]
            keys = list(existing.keys())
            position = next((keys.index(k) for k in later if k in keys), len(keys))
            existing.insert(position, key, value)
    return changed


def _restore(path: Path, raw: bytes) -> None:
    tmp = path.with_name(f".{path.name}.restore")
    tmp.write_bytes(raw)
    tmp.replace(path)


_HINTS = {
    "organisation-exists": "add the organisation to organisations.yaml first (its ODS code, name, type "
                           "and region), then run the command again",
    "date-future": "give --since as the date the status began (YYYY-MM-DD), today or earlier",
    "schema-pattern": "the organisation is its ODS code in capitals (e.g. RJ1); links start with https://",
    "schema-enum": "status is one of exploring, piloting, in-use, retired",
    "schema-length": "shorten the --note (at most 500 characters)",
    "maturity-lapsed": "the pattern's declared maturity lapsed with its last review, before this adoption; "
                       "a change to the file must put that right: set maturity to the level the message "
                       "names (or ask the originators to review the entry), then run the command again",
}


def _refusal(result, organisation: str) -> str:
    """The EditError text: what was refused, every located error, and what to do about each kind."""
    lines = [f"the adoption by {organisation} was not recorded, because the entry would not validate "
             "(the file is unchanged):"]
    hints = []
    for p in result.sorted():
        if p.severity != "error":
            continue
        lines.append(f"  {format_problem(p)}")
        hint = _HINTS.get(p.rule)
        if p.rule == "schema-required" and "evidence" in p.message:
            hint = (f"evidence is required for {' and '.join(NEEDS_EVIDENCE)}: give --evidence with an "
                    "https:// link that shows the adoption (a case study, board paper or blog post)")
        if hint and hint not in hints:
            hints.append(hint)
    lines += [f"To fix: {h}." for h in hints]
    return "\n".join(lines)
