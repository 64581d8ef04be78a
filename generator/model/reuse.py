"""Compute reuse: which organisations, other than the originator, use, pilot, explore or have
retired a pattern, optionally as of a past date. The statuses that count come from maturity.yaml."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.model.catalogue import Pattern
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


def reuse_adoptions(pattern: Pattern, on: dt.date | None = None, adopters_only: bool = False):
    """The pattern's adoptions by other organisations (the originator's own use is not reuse),
    in force on `on` when given; with adopters_only, only those piloting or using it."""
    _, adopting = _rules()
    for adoption in pattern.adoptions:
        if adoption.organisation == pattern.originator:
            continue
        if on is not None and adoption.since > on:
            continue
        if adopters_only and adoption.status not in adopting:
            continue
        yield adoption


def reuse_of(pattern: Pattern, on: dt.date | None = None) -> Reuse:
    """Reuse of a pattern from its recorded adoptions, counting only those in force on `on`."""
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


def first_adoptions(patterns: list[Pattern], today: dt.date) -> dict[tuple[str, str], dt.date]:
    """For each (pattern id, organisation) that pilots or uses a pattern it did not originate, the
    earliest day it did so, up to today: each pair is one adoption, counted once."""
    firsts: dict[tuple[str, str], dt.date] = {}
    for pattern in patterns:
        for a in reuse_adoptions(pattern, today, adopters_only=True):
            key = (pattern.id, a.organisation)
            firsts[key] = min(firsts.get(key, a.since), a.since)
    return firsts
