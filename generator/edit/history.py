"""Edit, adoption history: how one `catalogue adopt` (or intake) call changes an organisation's
adoption in a loaded entry, keeping the author's text around it (the entry is a ruamel.yaml
round-trip mapping; edit/yamledit.py writes it back).

An adoption is a history of dated status changes. A new adoption is written in the short,
one-status form (status and since), which reads as a history of one change. A change of status
is appended to the history, never written over the one before: the first time, the one-status
form becomes a `history` list holding the old status and the new. Repeating the latest status
corrects that change (its date, evidence or reason) instead of adding another, so a repeated
call changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.dates import today as default_today
from generator.edit.yamledit import set_keys, same

# The schema's order of an adoption's keys, and of a change's; new keys are put in this order.
ADOPTION_KEYS = ("organisation", "status", "since", "evidence", "reason", "history", "contact", "adapted", "note")
CHANGE_KEYS = ("status", "date", "evidence", "reason")
# The one-status form's keys, which move into the first change of a history.
ONE_STATUS = {"status": "status", "since": "date", "evidence": "evidence", "reason": "reason"}


@dataclass(frozen=True)
class Change:
    """What one call asks for: a status from a date, with what is known about it."""

    status: str
    since: dt.date | None = None  # None: today for a new status, else the recorded date
    evidence: str | None = None
    reason: str | None = None
    note: str | None = None  # adoption-level: a short note
    adapted: str | None = None  # adoption-level: what the organisation changed
    contact: dict | None = None  # adoption-level: {team, email or url}


def new_adoption(organisation: str, change: Change) -> CommentedMap:
    """A new adoption in the one-status form, its keys in the schema's order."""
    item = CommentedMap()
    item["organisation"] = organisation
    set_keys(item, _one_status(change, change.since or default_today()), ADOPTION_KEYS)
    set_keys(item, _adoption_level(change), ADOPTION_KEYS)
    return item


def apply_change(adoption: CommentedMap, change: Change) -> bool:
    """Record `change` in an existing adoption; True when anything changed."""
    history = adoption.get("history")
    latest_status = history[-1].get("status") if _is_history(history) else adoption.get("status")
    if same(latest_status, change.status):
        changed = _correct_latest(adoption, change)
    else:
        changed = True
        _append(adoption, change)
    return set_keys(adoption, _adoption_level(change), ADOPTION_KEYS) or changed


def _is_history(value) -> bool:
    return isinstance(value, list) and bool(value) and isinstance(value[-1], dict)


def _one_status(change: Change, since: dt.date) -> dict:
    wanted = {"status": change.status, "since": since}
    wanted.update({k: v for k, v in (("evidence", change.evidence), ("reason", change.reason)) if v is not None})
    return wanted


def _adoption_level(change: Change) -> dict:
    return {k: v for k, v in (("contact", change.contact), ("adapted", change.adapted), ("note", change.note))
            if v is not None}


def _correct_latest(adoption: CommentedMap, change: Change) -> bool:
    """The same status again: correct the latest change's date, evidence or reason where given, so
    fixing an evidence link does not move the date the status began."""
    wanted = {k: v for k, v in (("evidence", change.evidence), ("reason", change.reason)) if v is not None}
    history = adoption.get("history")
    if _is_history(history):
        if change.since is not None:
            wanted["date"] = change.since
        return set_keys(history[-1], {"status": change.status, **wanted}, CHANGE_KEYS)
    if change.since is not None:
        wanted["since"] = change.since
    return set_keys(adoption, wanted, ADOPTION_KEYS)


def _append(adoption: CommentedMap, change: Change) -> None:
    """A new status: add a dated change at the end of the history, making one from the one-status
    form first."""
    if not _is_history(adoption.get("history")):
        first = CommentedMap()
        for key, new_key in ONE_STATUS.items():
            if key in adoption:
                first[new_key] = adoption.pop(key)
        history = CommentedSeq([first])
        if adoption.fa.flow_style():
            adoption.fa.set_block_style()  # a history reads better one change a line
        set_keys(adoption, {"history": history}, ADOPTION_KEYS)
    item = CommentedMap()
    set_keys(item, {"status": change.status, "date": change.since or default_today()}, CHANGE_KEYS)
    set_keys(item, {k: v for k, v in (("evidence", change.evidence), ("reason", change.reason)) if v is not None},
             CHANGE_KEYS)
    history = adoption["history"]
    if history.fa.flow_style():
        history.fa.set_block_style()
    history.append(item)
