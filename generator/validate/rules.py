"""Validate, cross-file: the rules a JSON Schema cannot express (ids against file names,
references between files, cycles of supersession, dates against today, declared maturity
against evidence).

Each rule has an id. Rules read the loaded data defensively, so they run on every file that
parsed, even one with schema errors, and a contributor sees every problem in one run.
"""

from __future__ import annotations

import datetime as dt

from generator.dates import parse_date
from generator.layout import stem_of
from generator.validate.loader import LoadedFile
from generator.model.maturity import MaturityModel
from generator.model.catalogue import Pattern
from generator.model.vocabulary import PLACEHOLDER
from generator.problems import Result
from generator.ruleset import TIME_DEPENDENT, severity
from generator.validate.explain import field_name
from generator.validate.supersedes import claims, cycles, describe, file_id




def _strings(value, location=()):
    """(location, text) for every string in nested data."""
    if isinstance(value, str):
        yield location, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, location + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, location + (index,))


def _items(data, key):
    """(index, mapping) for each mapping in a list field; tolerant of schema errors."""
    value = data.get(key)
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


class CrossFileRules:
    """Run every cross-file rule over a set of loaded pattern files."""

    def __init__(self, result: Result, today: dt.date, model: MaturityModel,
                 org_codes: set[str] | None, pattern_ids: set[str], changed: set[str] | None = None,
                 reported: set[str] | None = None):
        self.result, self.today, self.model = result, today, model
        self.org_codes, self.pattern_ids = org_codes, pattern_ids
        self.changed = changed or set()  # display paths of the files a change touches
        self.reported = reported  # the files whose problems are reported (None: all)

    def _emit(self, f: LoadedFile, location, rule, message, key=False):
        if self.reported is not None and f.display not in self.reported:
            # Not reported, so not located (the file may be known only by its facts); still
            # recorded, as an error keeps the file out of the checks that need valid patterns.
            self.result.add(f.display, 1, 1, severity(rule), rule, message)
            return
        line, col = f.locate(tuple(location), key=key)
        level = "error" if rule in TIME_DEPENDENT and f.display in self.changed else severity(rule)
        self.result.add(f.display, line, col, level, rule, message)

    def check_ids(self, files: list[LoadedFile]) -> None:
        """id equals the file name; ids are unique across the catalogue."""
        seen: dict[str, LoadedFile] = {}
        stems = {f.display: stem_of(f.display) for f in files}
        # The file named after the id owns it, so a copy is blamed, not the original.
        for f in sorted(files, key=lambda f: stems[f.display] != f.data.get("id")):
            pid = f.data.get("id")
            if not isinstance(pid, str):
                continue
            stem = stems[f.display]
            if pid != stem:
                self._emit(f, ["id"], "id-filename",
                           f"id {pid!r} must equal the file name {stem!r}: rename the file to {pid}.yaml or change the id")
            if pid in seen:
                self._emit(f, ["id"], "id-unique", f"id {pid!r} is already used by {seen[pid].display}")
            else:
                seen[pid] = f

    def check_file(self, f: LoadedFile) -> None:
        """Every per-entry cross-reference and date rule."""
        data = f.data
        pid = data.get("id")
        self._check_org(f, ["originator"], data.get("originator"))
        orgs_seen: dict[str, int] = {}
        for i, adoption in _items(data, "adoptions"):
            code = adoption.get("organisation")
            self._check_org(f, ["adoptions", i, "organisation"], code)
            if isinstance(code, str):
                if code in orgs_seen:
                    self._emit(f, ["adoptions", i, "organisation"], "adoption-duplicate",
                               f"{code} already has an adoption (adoptions[{orgs_seen[code]}]); "
                               "update that one instead of adding another")
                orgs_seen.setdefault(code, i)
                if code == data.get("originator"):
                    self._emit(f, ["adoptions", i, "organisation"], "adoption-originator",
                               f"{code} is the originator; its own use is not counted as reuse")
        for i, rel in _items(data, "related"):
            self._check_pattern_ref(f, ["related", i, "pattern"], rel.get("pattern"), pid)
        if "superseded_by" in data:
            self._check_pattern_ref(f, ["superseded_by"], data.get("superseded_by"), pid)
        self._check_dates(f)
        # Walk the strings only when the file holds the marker at all: most never do.
        for location, text in (_strings(data) if PLACEHOLDER in f.text else ()):
            if PLACEHOLDER in text:
                self._emit(f, location, "placeholder-text",
                           f"{field_name(location)} still holds a {PLACEHOLDER} placeholder: replace it")

    def _check_org(self, f, location, code):
        if self.org_codes is None or not isinstance(code, str) or code in self.org_codes:
            return
        self._emit(f, location, "organisation-exists",
                   f"organisation {code!r} is not in organisations.yaml: add it there with its ODS code, "
                   "name, type and region")

    def _check_pattern_ref(self, f, location, ref, own_id):
        if not isinstance(ref, str):
            return
        if ref == own_id:
            self._emit(f, location, "no-self-relation", f"a pattern cannot refer to itself ({ref!r})")
        elif ref not in self.pattern_ids:
            self._emit(f, location, "pattern-exists",
                       f"no pattern has id {ref!r}: check patterns/{ref}.yaml exists")

    def _check_dates(self, f):
        data = f.data
        dated = [(["created"], data.get("created")), (["last_reviewed"], data.get("last_reviewed"))]
        dated += [(["adoptions", i, "since"], a.get("since")) for i, a in _items(data, "adoptions")]
        dated += [(["adoptions", i, "history", j, "date"], c.get("date"))
                  for i, a in _items(data, "adoptions") for j, c in _items(a, "history")]
        dated += [(["outcomes", i, "date"], o.get("date")) for i, o in _items(data, "outcomes")]
        dated += [(["sources", i, "date"], s.get("date")) for i, s in _items(data, "sources")]
        for location, value in dated:
            day = parse_date(value)
            if day and day > self.today:
                self._emit(f, location, "date-future",
                           f"{value} is in the future (today is {self.today.isoformat()}): record what has happened")
        for i, adoption in _items(data, "adoptions"):
            self._check_history_order(f, i, adoption)
        created, reviewed = parse_date(data.get("created")), parse_date(data.get("last_reviewed"))
        if created and reviewed and reviewed < created:
            self._emit(f, ["last_reviewed"], "date-order",
                       f"last_reviewed {reviewed} is before created {created}")

    def _check_history_order(self, f, index, adoption):
        """An adoption's history is told oldest first, so a reader can follow it down the page."""
        latest = None
        for j, change in _items(adoption, "history"):
            day = parse_date(change.get("date"))
            if day is None:
                continue
            if latest is not None and day < latest:
                self._emit(f, ["adoptions", index, "history", j, "date"], "adoption-history-order",
                           f"{day} is before the change above it ({latest}): list the changes oldest first")
            latest = max(day, latest) if latest else day

    def check_registry(self, f: LoadedFile) -> None:
        """Each successor is another organisation in the registry; no organisation closed in the future."""
        entries = f.data.get("organisations")
        if not isinstance(entries, dict):
            return
        for code, entry in entries.items():
            if not isinstance(entry, dict):
                continue
            successor = entry.get("successor")
            if successor == code:
                self._emit(f, ["organisations", code, "successor"], "organisation-successor",
                           f"{code} cannot succeed itself: give the code of the organisation that took over from it")
            elif isinstance(successor, str) and successor not in entries:
                self._emit(f, ["organisations", code, "successor"], "organisation-successor",
                           f"{code}'s successor {successor} is not in the registry: add it (its ODS code, name, type "
                           "and region), or correct the code")
            closed = parse_date(entry.get("closed"))
            if closed and closed > self.today:
                self._emit(f, ["organisations", code, "closed"], "date-future",
                           f"{entry['closed']} is in the future (today is {self.today.isoformat()}): record "
                           "a closure once it has happened")

    def check_similar(self, files: dict[str, LoadedFile], entries: list[tuple[str, str]], ids: set[str],
                      related: list[tuple[str, str]], describe) -> None:
        """Warn when a pattern in `ids` looks like another: reuse it rather than add a near-copy.
        `entries` are (id, normalised text) of every valid pattern, `related` the (id, related id)
        pairs they state, `describe(id)` gives another pattern's (title, reuse count)."""
        from generator.model.similarity import similarity_message, similar_texts

        for match in similar_texts(entries, ids & set(files), ignore=related):
            title, count = describe(match.other_id)
            self._emit(files[match.pattern_id], ["title"], "similar-pattern",
                       similarity_message(match.other_id, title, count, match.score))

    def check_supersedes(self, files: list[LoadedFile]) -> None:
        """No cycle of supersession; a pattern is not superseded by one that is itself retired."""
        found = claims(files)
        in_cycle = set()
        for loop, inside in cycles(found):
            message = (f"supersession goes round in a circle: {describe(loop)}; a pattern cannot replace "
                       "one that replaces it: remove or correct one of these links")
            for claim in inside:
                self._emit(claim.file, claim.location, "supersedes-cycle", message)
                in_cycle.add(claim.file.display)
        entries = {file_id(f): f.data for f in files}
        for claim in found:
            target = entries.get(claim.newer)
            if claim.location != ("superseded_by",) or claim.file.display in in_cycle or target is None:
                continue
            if target.get("lifecycle") == "superseded" and isinstance(target.get("superseded_by"), str):
                self._emit(claim.file, claim.location, "superseded-by-inactive",
                           f"{claim.newer!r} is itself superseded by {target['superseded_by']!r}: point "
                           "superseded_by at the pattern that replaces it now")
            elif target.get("lifecycle") == "deprecated":
                self._emit(claim.file, claim.location, "superseded-by-inactive",
                           f"{claim.newer!r} is deprecated, so readers sent there find no current practice: "
                           "point superseded_by at an active pattern, or make this one deprecated instead")

    def check_evidence(self, f: LoadedFile, pattern: Pattern) -> None:
        """Declared maturity must be supported by the evidence; reviews must not be overdue."""
        assessment = self.model.assess(pattern, self.today)
        declared = self.model.level(pattern.declared_maturity)
        lapse = self.model.lapse(pattern, self.today, assessment)
        if lapse is not None:
            self._emit(f, ["maturity"], "maturity-lapsed",
                       f"declared {declared.id!r} needs a review within {lapse.period_days} days; the last "
                       f"review ({lapse.reviewed}) lapsed on {lapse.lapsed_on}, so the evidence now supports "
                       f"{lapse.supported.id!r} and the site shows that: ask the originators or an adopter to "
                       f"review the entry and update last_reviewed and reviewed_by, or declare {lapse.supported.id!r}")
        elif declared.rank > assessment.level.rank:
            # One shortfall per criterion, at the declared level's threshold (the highest one).
            strictest = {c.criterion: c for c in assessment.missing_for(declared.id)}
            missing = "; ".join(c.shortfall for c in strictest.values())
            self._emit(f, ["maturity"], "maturity-evidence",
                       f"declared {declared.id!r} {missing}; the evidence supports {assessment.level.id!r}")
        age = (self.today - pattern.latest_review).days
        if age > self.model.review_period_days:
            what = (f"last reviewed {age} days ago" if pattern.last_reviewed else
                    f"not reviewed since it was written {age} days ago")
            self._emit(f, ["last_reviewed" if pattern.last_reviewed else "reviewed_by"], "review-overdue",
                       f"{what} (the review period is {self.model.review_period_days} days): ask the "
                       "originators to confirm the entry, and update last_reviewed and reviewed_by")
