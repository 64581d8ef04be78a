"""Compute reuse: which organisations, other than the originator, use, pilot, explore or have
retired a pattern, on any date. Each adoption is a history of dated status changes, so the status
in force on a day is that of the latest change made by then: an organisation that used a pattern
and later retired it counts for the time it was in use. The statuses that count come from
maturity.yaml."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from generator.model.catalogue import Adoption, AdoptionChange, Pattern
from generator.model.vocabulary import enum_values
from generator.resources import load_maturity_config


@dataclass(frozen=True)
class Reuse:
    """Organisation codes by adoption status, each sorted and distinct, originator excluded."""

    in_use: tuple[str, ...]
    piloting: tuple[str, ...]
    exploring: tuple[str, ...]
    retired: tuple[str, ...]

    @property
    def count(self) -> int:
        """The reuse count: distinct other organisations with an in-use adoption."""
        return len(self.in_use)

    @property
    def adopters(self) -> tuple[str, ...]:
        """Organisations piloting or using it."""
        return tuple(sorted(set(self.in_use) | set(self.piloting)))


def _rules() -> tuple[set[str], set[str]]:
    """(statuses counted as reuse, statuses that make an adopter), from maturity.yaml."""
    rules = load_maturity_config()["reuse"]
    counted = set(rules["counted"])
    return counted, counted | set(rules["shown_separately"])


def change_on(adoption: Adoption, on: dt.date | None = None) -> AdoptionChange | None:
    """The change in force on `on` (the latest when None): the last one dated on or before it, or
    None before the first."""
    current = None
    for change in adoption.history:  # oldest first
        if on is not None and change.date > on:
            break
        current = change
    return current


def reuse_adoptions(pattern: Pattern, on: dt.date | None = None, adopters_only: bool = False):
    """The pattern's adoptions by other organisations (the originator's own use is not reuse), each
    as it stood on `on` (status, since and evidence of the change then in force; the latest when
    None), leaving out those not begun by then; with adopters_only, only those piloting or using it."""
    _, adopting = _rules()
    for adoption in pattern.adoptions:
        if adoption.organisation == pattern.originator:
            continue
        change = change_on(adoption, on)
        if change is None or (adopters_only and change.status not in adopting):
            continue
        if change is not adoption.history[-1]:
            upto = adoption.history[:adoption.history.index(change) + 1]
            evidence = next((c.evidence for c in reversed(upto) if c.evidence), None)
            adoption = replace(adoption, status=change.status, since=change.date, evidence=evidence)
        yield adoption


def reuse_of(pattern: Pattern, on: dt.date | None = None) -> Reuse:
    """Reuse of a pattern from its recorded adoptions, each with the status it had on `on`."""
    counted, _ = _rules()
    by_status: dict[str, set[str]] = {status: set() for status in enum_values("adoption_status")}
    for adoption in reuse_adoptions(pattern, on):
        by_status[adoption.status].add(adoption.organisation)
    in_use = {code for status in counted for code in by_status[status]}
    return Reuse(
        in_use=tuple(sorted(in_use)),
        piloting=tuple(sorted(by_status["piloting"] - in_use)),
        exploring=tuple(sorted(by_status["exploring"])),
        retired=tuple(sorted(by_status["retired"])),
    )


def adopter_changes(patterns: list[Pattern], today: dt.date) -> list[tuple[dt.date, int]]:
    """Each day, up to today, on which an organisation began (+1) or stopped (-1) piloting or using
    a pattern it did not originate: added up in date order, the number of adoptions in force."""
    _, adopting = _rules()
    steps: list[tuple[dt.date, int]] = []
    for pattern in patterns:
        for adoption in pattern.adoptions:
            if adoption.organisation == pattern.originator:
                continue
            was = False
            for change in adoption.history:
                if change.date > today:
                    break
                now = change.status in adopting
                if now != was:
                    steps.append((change.date, 1 if now else -1))
                was = now
    return sorted(steps)


def adoption_events(pattern: Pattern, today: dt.date):
    """(adoption, change) for each change up to today by which another organisation began piloting
    or using the pattern, or moved between the two: what the feed announces."""
    _, adopting = _rules()
    for adoption in pattern.adoptions:
        if adoption.organisation == pattern.originator:
            continue
        for change in adoption.history:
            if change.date <= today and change.status in adopting:
                yield adoption, change
