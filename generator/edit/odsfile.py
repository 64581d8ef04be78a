"""Edit, ODS extracts: read the CSV files NHS ODS publishes into organisations and successions,
every problem located (`file:line:col`) and collected, never raised, so one run reports them all.

The extracts have no header row. The organisation extracts have 27 columns; those read here:
  1 organisation code, 2 name, 3 national grouping (the NHS England region, e.g. Y56),
  4 high-level health geography (the ICB), 11 open date, 12 close date (dates as YYYYMMDD);
  in the GP practice extract, 26 the prescribing setting (4: a GP practice; other settings,
  such as walk-in centres or prisons, are left out).
The successions extract has 5: 1 the predecessor's code, 2 the successor's code, 3 the reason,
4 the date it took effect (YYYYMMDD), 5 whether there is a further succession.

Which extract a file is comes from its name, as ODS names them: etr (NHS trusts), eccg or eicb
(integrated care boards and sub-ICB locations), epraccur (GP practices), succ or succarc
(successions); a file ODS calls etr.csv may be renamed etr-2026-06.csv.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from generator.problems import Result
from generator.resources import load_schema
from generator.validate import schema

ORG_COLUMNS, SUCCESSION_COLUMNS = 27, 5
KINDS = {"etr": "trust", "eccg": "icb", "eicb": "icb", "epraccur": "primary-care", "succarc": "succession",
         "succ": "succession"}
GP_PRACTICE = "4"  # prescribing setting of a GP practice (column 26 of epraccur)
CODE = re.compile(r"[A-Z0-9]{3,6}")
DATE = re.compile(r"[0-9]{8}")
MAX_BYTES = 64 * 1024 * 1024  # the GP practice extract is a few megabytes


@dataclass(frozen=True)
class OdsOrganisation:
    """One organisation as an extract gives it."""

    code: str
    name: str
    type: str  # the registry's type for the extract: trust, icb or primary-care
    grouping: str  # national grouping: the NHS England region's ODS code
    icb: str | None
    closed: dt.date | None
    where: tuple[str, int]  # (file, line), to locate what is said about the row


@dataclass(frozen=True)
class OdsSuccession:
    old: str
    new: str
    date: dt.date
    where: tuple[str, int]


def extract_kind(path: Path) -> str | None:
    """The kind of extract a file is, from its name (None when the name says nothing)."""
    stem = path.name.lower()
    return next((kind for prefix, kind in KINDS.items() if stem.startswith(prefix)), None)


def read_extracts(paths: list[Path], display, result: Result):
    """(organisations, successions) from every file, problems recorded in `result` by the name
    `display(path)` gives each file."""
    organisations: list[OdsOrganisation] = []
    successions: list[OdsSuccession] = []
    for path in paths:
        shown = display(path)
        kind = extract_kind(path)
        if kind is None:
            result.error(shown, 1, 1, "ods-file", "cannot tell which ODS extract this is from its name: keep the "
                         "name ODS gives it (etr.csv, eccg.csv, epraccur.csv or succ.csv)")
            continue
        text = _text(path, shown, result)
        if text is None:
            continue
        for number, fields in _rows(text):
            if kind == "succession":
                row = _succession(fields, shown, number, result)
                successions += [row] if row else []
            else:
                row = _organisation(fields, kind, shown, number, result)
                organisations += [row] if row else []
    return organisations, successions


def _text(path: Path, shown: str, result: Result) -> str | None:
    try:
        if path.stat().st_size > MAX_BYTES:
            result.error(shown, 1, 1, "ods-file", f"the file is over {MAX_BYTES // 2**20} MiB: not an ODS extract")
            return None
        raw = path.read_bytes()
    except OSError as exc:
        result.error(shown, 1, 1, "ods-file", f"the file cannot be read: {exc.strerror or exc}")
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        result.error(shown, line, col, "ods-file", f"byte {raw[exc.start]:#04x} is not UTF-8 text: save the "
                     "file as ODS publishes it (CSV, UTF-8 or plain ASCII)")
        return None


def _rows(text: str):
    """(line number, [(column, value)]) for each non-blank line: values unquoted, with the
    1-based column each starts at. ODS quotes every value; a doubled quote is a quote."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield number, _split(line)


def _split(line: str) -> list[tuple[int, str]]:
    fields, i = [], 0
    while True:
        start = i
        if line.startswith('"', i):
            value, i = [], i + 1
            while i < len(line):
                if line[i] == '"' and line.startswith('""', i):
                    value.append('"')
                    i += 2
                elif line[i] == '"':
                    i += 1
                    break
                else:
                    value.append(line[i])
                    i += 1
            text = "".join(value)
            end = line.find(",", i)
        else:
            end = line.find(",", i)
            text = line[i:] if end < 0 else line[i:end]
        fields.append((start + 1, text.strip()))
        if end < 0:
            return fields
        i = end + 1


def _columns(fields, wanted: int, shown: str, number: int, result: Result) -> bool:
    if len(fields) == wanted:
        return True
    result.error(shown, number, 1, "ods-columns", f"the row has {len(fields)} columns; this extract has "
                 f"{wanted}: check it is the ODS file unchanged (no header row, no column added or removed)")
    return False


def _code(fields, index: int, shown: str, number: int, result: Result, what: str) -> str | None:
    col, value = fields[index]
    if CODE.fullmatch(value):
        return value
    result.error(shown, number, col, "ods-code", f"{what} {value!r} is not an ODS code (3 to 6 capital letters "
                 "and digits)")
    return None


def _date(fields, index: int, shown: str, number: int, result: Result, what: str, optional=True):
    """(ok, date): an empty optional date is (True, None)."""
    col, value = fields[index]
    if not value and optional:
        return True, None
    try:
        if DATE.fullmatch(value):
            return True, dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        pass
    result.error(shown, number, col, "ods-date", f"{what} {value!r} is not a calendar date written YYYYMMDD")
    return False, None


def _name(fields, shown: str, number: int, result: Result) -> str | None:
    col, value = fields[1]
    rule = load_schema(schema.REGISTRY_SCHEMA)["$defs"]["organisation"]["properties"]["name"]
    errors = list(schema.validator_for(schema.REGISTRY_SCHEMA).evolve(schema=rule).iter_errors(value))
    if not errors:
        return value
    result.error(shown, number, col, "ods-name", f"the name {value!r} cannot go in the registry: "
                 f"{errors[0].schema.get('x-hint') or errors[0].message}")
    return None


def _organisation(fields, kind: str, shown: str, number: int, result: Result) -> OdsOrganisation | None:
    if not _columns(fields, ORG_COLUMNS, shown, number, result):
        return None
    if kind == "primary-care" and fields[25][1] != GP_PRACTICE:
        return None  # a prescribing cost centre that is not a GP practice
    code = _code(fields, 0, shown, number, result, "the organisation code")
    name = _name(fields, shown, number, result)
    icb_value = fields[3][1]
    icb = _code(fields, 3, shown, number, result, "the ICB code") if icb_value else None
    opened_ok, _ = _date(fields, 10, shown, number, result, "the open date")
    closed_ok, closed = _date(fields, 11, shown, number, result, "the close date")
    if None in (code, name) or (icb_value and icb is None) or not (opened_ok and closed_ok):
        return None
    return OdsOrganisation(code, name, kind, fields[2][1], icb if icb != code else None, closed, (shown, number))


def _succession(fields, shown: str, number: int, result: Result) -> OdsSuccession | None:
    if not _columns(fields, SUCCESSION_COLUMNS, shown, number, result):
        return None
    old = _code(fields, 0, shown, number, result, "the predecessor's code")
    new = _code(fields, 1, shown, number, result, "the successor's code")
    ok, day = _date(fields, 3, shown, number, result, "the date of the succession", optional=False)
    if None in (old, new) or not ok:
        return None
    return OdsSuccession(old, new, day, (shown, number))
