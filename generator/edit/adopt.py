"""Edit, adoption: record that an organisation explores, pilots, uses or has retired a pattern.

`catalogue adopt` is the most common contribution, and intake from the site's form goes through
the same function, record_adoption. This module holds the adoption rules: which file, where a new
adoption goes, who may not adopt, and what a refusal says; how a call changes an adoption's
dated history (appended, never written over) is in edit/history.py. The file is changed in place by edit/yamledit.py, so only the adoption's lines change in the diff a
reviewer sees; the edit is kept only if the file still validates, and otherwise the original
bytes are put back and the problems are raised as an EditError.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.edit.arguments import field_problems
from generator.edit.history import Change, apply_change, new_adoption
from generator.edit.yamledit import edit_yaml
from generator.errors import EditError
from generator.model.vocabulary import statuses_needing_evidence
from generator.layout import PATTERNS_DIR, CatalogueRoot, display_path, not_regular, not_regular_message
from generator.report import format_problem
from generator.validate.catalogue import validate_catalogue

NEEDS_EVIDENCE = statuses_needing_evidence()
# Where a new `adoptions` list goes when the entry has none: where the scaffold puts it.
PLACE_AFTER = "originator"


def record_adoption(root: Path, pattern_id: str, organisation: str, status: str,
                    since: dt.date | None = None, evidence: str | None = None, note: str | None = None, *,
                    reason: str | None = None, adapted: str | None = None,
                    contact: dict | None = None) -> tuple[Path, bool]:
    """Record `organisation`'s `status` with `pattern_id`; return the file and whether it changed.

    A new adoption is appended to `adoptions` (created after `originator` when absent), in the
    one-status form. A new status for an organisation already there is appended to its history
    as a change dated `since` (default today), never written over the one before. The same status
    as its latest corrects that change: its date, evidence and reason where given (omitted ones
    are kept), so correcting an evidence link does not move the date the status began. `reason`
    says why the status changed (for retired: why the organisation stopped); `note`, `adapted`
    (what it changed from the pattern) and `contact` ({"team", and "email" or "url"}) belong to
    the adoption and replace what was recorded. Repeating a call changes nothing and leaves the
    file untouched.
    """
    root = Path(root)
    path = _pattern_path(root, pattern_id)
    wanted = Change(status, since, evidence, reason, note, adapted, contact)

    def change(data: CommentedMap) -> bool:
        adoptions = data.get("adoptions")
        if adoptions is not None and not isinstance(adoptions, CommentedSeq):
            raise EditError(f"{path}: `adoptions` is not a list; fix it (run `catalogue validate {path}`) "
                            "and try again")
        if data.get("originator") == organisation:
            raise EditError(f"{organisation} is the originator of {pattern_id!r}; adoptions record other "
                            "organisations' use, so there is nothing to add")
        return _apply(data, organisation, wanted)

    def check() -> None:
        result = validate_catalogue(root, only=[path]).result
        if not result.success:
            raise EditError(_refusal(result, organisation))

    return path, edit_yaml(path, change, key="adoptions", after=PLACE_AFTER, check=check)


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


def _apply(data: CommentedMap, organisation: str, wanted: Change) -> bool:
    """Change the loaded entry as asked; True when anything changed."""
    adoptions = data.get("adoptions")
    if adoptions is None:
        adoptions = CommentedSeq()
        keys = list(data.keys())
        position = keys.index(PLACE_AFTER) + 1 if PLACE_AFTER in keys else len(keys)
        data.insert(position, "adoptions", adoptions)
    existing = next((item for item in adoptions
                     if isinstance(item, dict) and item.get("organisation") == organisation), None)
    if existing is not None:
        return apply_change(existing, wanted)
    if adoptions.fa.flow_style():
        adoptions.fa.set_block_style()  # `adoptions: []` becomes a block list
    adoptions.append(new_adoption(organisation, wanted))
    return True


_HINTS = {
    "organisation-exists": "add the organisation to organisations.yaml first (its ODS code, name, type "
                           "and region), then run the command again",
    "date-future": "give --since as the date the status began (YYYY-MM-DD), today or earlier",
    "schema-pattern": "the organisation is its ODS code in capitals (e.g. RJ1); links start with https://",
    "schema-enum": "status is one of exploring, piloting, in-use, retired",
    "schema-length": "shorten the --note (at most 500 characters)",
    "adoption-history-order": "give --since as a date on or after the adoption's latest change",
    "maturity-evidence": "the change leaves too few adopters for the maturity the entry declares; set "
                         "maturity to the level the message says the evidence supports, then run the command again",
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
