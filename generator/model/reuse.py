"""Compute reuse: which organisations, other than the originator, use, pilot, explore or have
retired a pattern, optionally as of a past date. The statuses that count come from maturity.yaml."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.model.catalogue import Pattern
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


def reuse_of(pattern: Pattern, on: dt.date | None = None) -> Reuse:
    """Reuse of a pattern from its recorded adoptions, counting only those in force on `on`."""
    rules = load_maturity_config()["reuse"]
    counted = set(rules["counted"])
    by_status: dict[str, set[str]] = {"in-use": set(), "piloting": set(), "exploring": set(), "retired": set()}
    for adoption in pattern.adoptions:
        if adoption.organisation == pattern.originator:
            continue  # the originator's own use is not reuse
        if on is not None and adoption.since > on:
            continue
        by_status[adoption.status].add(adoption.organisation)
    in_use = {code for status in counted for code in by_status[status]}
    return Reuse(
        in_use=tuple(sorted(in_use)),
        piloting=tuple(sorted(by_status["piloting"] - in_use)),
        exploring=tuple(sorted(by_status["exploring"])),
        retired=tuple(sorted(by_status["retired"])),
    )
