"""Edit, organisations from ODS: `catalogue organisations import FILE...` adds organisations from
NHS ODS extracts to the registry and updates those already there, in place, keeping the
registry's comments and layout (edit/yamledit.py). edit/odsfile.py reads the extracts.

What an import changes, for each organisation in the extracts:
- a new one is added with its ODS name (in capitals, as ODS writes it: pages show a readable
  case), the type its extract holds, the region its national grouping maps to (schema x-ods),
  its ICB code and, when it has one, its close date;
- one already there gets ODS's name (unless it differs only in case, so a name written in a
  readable case stays), its region, ICB code and close date; its type, website and note stay;
- a succession marks the predecessor closed (on the succession's date unless it has a close
  date) and names its successor, when the successor is in the registry or the extracts.
Nothing dated after today is recorded. An organisation whose national grouping is not one of the
seven NHS England regions is not added. Repeating an import changes nothing. Every problem in
every file is reported in one run, and nothing is written when any is an error; the edit is kept
only if the catalogue still validates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from generator.dates import today as default_today
from generator.edit.odsfile import OdsOrganisation, OdsSuccession, read_extracts
from generator.edit.yamledit import edit_yaml, set_keys
from generator.errors import EditError, InvalidImportError
from generator.layout import CatalogueRoot, display_path
from generator.model.vocabulary import ods_codes
from generator.problems import Result
from generator.report import format_problem
from generator.validate.catalogue import validate_catalogue

# The registry schema's order of an organisation's keys.
ORGANISATION_KEYS = ("name", "type", "region", "url", "note", "icb", "closed", "successor")


@dataclass
class ImportReport:
    """What an import did, by organisation code, and the warnings about what it left out."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    closed: list[str] = field(default_factory=list)
    successors: list[str] = field(default_factory=list)
    warnings: Result = field(default_factory=Result)
    changed: bool = False
    path: Path | None = None


def import_organisations(root: Path, files: list[Path], only_listed: bool = False,
                         today: dt.date | None = None) -> ImportReport:
    """Add and update registry entries from ODS extracts; with only_listed, update only the
    organisations already in the registry (and add the successors they need)."""
    registry = CatalogueRoot.at(Path(root)).require().registry
    result = Result()
    organisations, successions = read_extracts([Path(f) for f in files], display_path, result)
    if not result.success:
        raise InvalidImportError(result)
    report = ImportReport(warnings=result, path=registry)
    plan = _Plan(organisations, successions, only_listed, today or default_today(), report)

    def change(data: CommentedMap) -> bool:
        entries = data.get("organisations")
        if not isinstance(entries, CommentedMap):
            raise EditError(f"{display_path(registry)}: `organisations` is not a mapping of ODS codes; fix it "
                            f"(run `catalogue validate`) and try again")
        return plan.apply(entries)

    def check() -> None:
        problems = validate_catalogue(Path(root), only=[registry]).result
        if not problems.success:
            lines = [f"  {format_problem(p)}" for p in problems.sorted() if p.severity == "error"]
            raise EditError("the import was not kept, because the registry would not validate (it is "
                            "unchanged):\n" + "\n".join(lines))

    report.changed = edit_yaml(registry, change, key="organisations", check=check)
    return report


class _Plan:
    """The changes an import makes, applied to the loaded registry."""

    def __init__(self, organisations: list[OdsOrganisation], successions: list[OdsSuccession],
                 only_listed: bool, today: dt.date, report: ImportReport):
        self.rows = {org.code: org for org in organisations}  # a code given twice: the later row
        self.successions, self.only_listed, self.today, self.report = successions, only_listed, today, report
        self.regions = {code: region for region, code in ods_codes("region").items()}
        self.succeeded: dict[str, str] = {}  # predecessor: the successor this run recorded for it

    def apply(self, entries: CommentedMap) -> bool:
        if not entries and entries.fa.flow_style():
            entries.fa.set_block_style()  # `organisations: {}` in a new catalogue
        flow = bool(entries) and all(getattr(v, "fa", None) and v.fa.flow_style() for v in entries.values())
        # Successors the registry's organisations need, added even with only_listed.
        needed = {s.new for s in self.successions if s.old in entries}
        for code, row in self.rows.items():
            if code in entries:
                self._update(entries[code], row)
            elif not self.only_listed or code in needed:
                self._add(entries, row, flow)
        for succession in self.successions:
            if succession.old in entries:
                self._succeed(entries, succession)
        r = self.report
        return bool(r.added or r.updated or r.closed or r.successors)

    def _skip(self, where: tuple[str, int], message: str) -> None:
        self.report.warnings.warning(where[0], where[1], 1, "ods-skipped", message)

    def _closed(self, row: OdsOrganisation) -> dict:
        if row.closed is None:
            return {}
        if row.closed > self.today:
            self._skip(row.where, f"{row.code} closes on {row.closed} (after today): the closure is recorded "
                                  "once it has happened")
            return {}
        return {"closed": row.closed}

    def _add(self, entries: CommentedMap, row: OdsOrganisation, flow: bool) -> None:
        region = self.regions.get(row.grouping)
        if region is None:
            self._skip(row.where, f"{row.code} is not added: its national grouping {row.grouping!r} is not one "
                                  f"of the NHS England regions ({', '.join(sorted(self.regions))})")
            return
        entry = CommentedMap()
        wanted = {"name": row.name, "type": row.type, "region": region}
        wanted.update({"icb": row.icb} if row.icb else {})
        set_keys(entry, {**wanted, **self._closed(row)}, ORGANISATION_KEYS)
        if flow:
            entry.fa.set_flow_style()  # like the registry's other entries
        entries[row.code] = entry
        self.report.added.append(row.code)
        if "closed" in entry:
            self.report.closed.append(row.code)

    def _update(self, entry, row: OdsOrganisation) -> None:
        if not isinstance(entry, CommentedMap):
            return  # the registry's own problem: validation reports it
        wanted = {}
        if str(entry.get("name", "")).casefold() != row.name.casefold():
            wanted["name"] = row.name
        if row.grouping in self.regions:
            wanted["region"] = self.regions[row.grouping]
        if row.icb:
            wanted["icb"] = row.icb
        closing = self._closed(row)
        newly_closed = bool(closing) and "closed" not in entry
        if set_keys(entry, {**wanted, **closing}, ORGANISATION_KEYS):
            self.report.updated.append(row.code)
        if newly_closed:
            self.report.closed.append(row.code)

    def _succeed(self, entries: CommentedMap, succession: OdsSuccession) -> None:
        entry = entries[succession.old]
        if not isinstance(entry, CommentedMap):
            return
        wanted = {}
        if "closed" not in entry:
            if succession.date > self.today:
                self._skip(succession.where, f"{succession.old} is succeeded on {succession.date} (after today): "
                                             "recorded once it has happened")
                return
            wanted["closed"] = succession.date
            self.report.closed.append(succession.old)
        if succession.new not in entries:
            self._skip(succession.where, f"{succession.old}'s successor {succession.new} is not in the registry or "
                                         "the files imported: import the extract that holds it to record it")
        elif self.succeeded.setdefault(succession.old, succession.new) != succession.new:
            self._skip(succession.where, f"{succession.old} has more than one successor; the registry records "
                                         f"one, the first listed: {self.succeeded[succession.old]}")
        else:
            wanted["successor"] = succession.new
        if set_keys(entry, wanted, ORGANISATION_KEYS) and "successor" in wanted:
            self.report.successors.append(succession.old)
