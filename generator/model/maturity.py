"""Compute maturity: the ladder of levels from schema/maturity.yaml, evaluated against a pattern's
dated evidence, so the model can say the level today, on any past date, and what is missing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from generator.errors import ConfigError
from generator.model.catalogue import Pattern
from generator.resources import load_maturity_config, load_schema
from generator.model.reuse import reuse_of

CRITERIA = ("outcomes", "adopters", "reuse", "reviewed_within_days")


@dataclass(frozen=True)
class Level:
    id: str
    name: str
    summary: str
    criteria: tuple[tuple[str, int], ...]
    rank: int


@dataclass(frozen=True)
class Check:
    """One criterion of one level, evaluated: met or not, with the reader's wording. The wording
    is only put together when asked for: validation assesses every pattern but words few checks."""

    level: str
    criterion: str
    threshold: int
    met: bool
    found: int | str
    codes: tuple[str, ...]
    wording: dict = field(compare=False, repr=False)

    @property
    def requirement(self) -> str:
        return self.wording["requirement"].format(n=self.threshold)

    @property
    def shortfall(self) -> str:
        code_text = f": {', '.join(self.codes)}" if self.codes else ""
        return self.wording["shortfall"].format(n=self.threshold, found=self.found, codes=code_text)


@dataclass(frozen=True)
class Assessment:
    """A pattern's maturity on one date: the level reached, every check, and what the next level needs."""

    level: Level
    on: dt.date
    checks: tuple[Check, ...]
    next_level: Level | None
    levels: tuple[Level, ...]  # the ladder of the model that made this assessment

    def met(self) -> list[Check]:
        """Checks met at the level reached and below."""
        return [c for c in self.checks if c.met and c.level in self._ids_up_to(self.level.rank)]

    def missing_for(self, level_id: str) -> list[Check]:
        """Unmet checks that stand between the pattern and `level_id` (inclusive of lower levels)."""
        rank = next(lv.rank for lv in self.levels if lv.id == level_id)
        wanted = self._ids_up_to(rank)
        return [c for c in self.checks if not c.met and c.level in wanted]

    def _ids_up_to(self, rank: int) -> set[str]:
        return {lv.id for lv in self.levels if lv.rank <= rank}


@dataclass(frozen=True)
class Lapse:
    """A declared level the evidence supported until the latest review grew too old: the one thing
    missing is a review. The site shows `supported`, with a notice; validation warns in a full
    run (maturity-lapsed) and is strict only in a file that a change touches."""

    declared: Level  # the level the entry declares
    supported: Level  # the level the evidence supports on the day assessed
    reviewed: dt.date  # the latest review (last_reviewed, or created)
    period_days: int  # how recent a review the declared level needs
    lapsed_on: dt.date  # the first day the declared level was no longer supported


class MaturityModel:
    """The configured ladder; levels are cumulative, lowest first."""

    def __init__(self, config: dict):
        try:
            self.review_period_days = int(config["review_period_days"])
            self.wording = config["criteria"]
            self.reuse_rules = config["reuse"]
            self.levels = tuple(
                Level(item["id"], item["name"], item["summary"],
                      tuple(sorted((k, int(v)) for k, v in (item.get("criteria") or {}).items())), rank)
                for rank, item in enumerate(config["levels"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"maturity.yaml: malformed ({exc!r})") from exc
        for level in self.levels:
            for name, _ in level.criteria:
                if name not in CRITERIA or name not in self.wording:
                    raise ConfigError(f"maturity.yaml: level {level.id!r} uses unknown criterion {name!r}")
        self._by_id = {lv.id: lv for lv in self.levels}

    def level(self, level_id: str) -> Level:
        return self._by_id[level_id]

    def requirement(self, name: str, n: int) -> str:
        """Reader's wording of one criterion, e.g. '5 or more other organisations using it ...'."""
        return self.wording[name]["requirement"].format(n=n)

    def assess(self, pattern: Pattern, on: dt.date) -> Assessment:
        """Evaluate every level's criteria on date `on` and return the highest level reached."""
        reuse = reuse_of(pattern, on)
        outcomes = sum(1 for o in pattern.outcomes if o.date <= on)
        reviews = [d for d in (pattern.created, pattern.last_reviewed) if d and d <= on]
        reviewed = max(reviews) if reviews else None
        found = {
            "outcomes": (outcomes, ()),
            "adopters": (len(reuse.adopters), reuse.adopters),
            "reuse": (reuse.count, reuse.in_use),
        }
        checks, reached, blocked = [], self.levels[0], False
        for level in self.levels:
            level_ok = True
            for name, n in level.criteria:
                if name == "reviewed_within_days":
                    ok = reviewed is not None and (on - reviewed).days <= n
                    shown, codes = (reviewed.isoformat() if reviewed else "never"), ()
                else:
                    shown, codes = found[name]
                    ok = shown >= n
                checks.append(Check(level.id, name, n, ok, shown, codes, self.wording[name]))
                level_ok = level_ok and ok
            if level_ok and not blocked:
                reached = level
            else:
                blocked = True
        next_level = self.levels[reached.rank + 1] if reached.rank + 1 < len(self.levels) else None
        return Assessment(reached, on, tuple(checks), next_level, self.levels)

    def lapse(self, pattern: Pattern, on: dt.date, assessment: Assessment | None = None) -> Lapse | None:
        """How the declared level lapsed by `on`, or None unless the evidence supported it on the
        last day the latest review counted, and only the review's age keeps it from `on`."""
        assessment = assessment or self.assess(pattern, on)
        declared = self._by_id.get(pattern.declared_maturity)
        if declared is None or declared.rank <= assessment.level.rank:
            return None
        missing = assessment.missing_for(declared.id)
        reviews = [d for d in (pattern.created, pattern.last_reviewed) if d and d <= on]
        if not reviews or any(c.criterion != "reviewed_within_days" for c in missing):
            return None
        period = min(c.threshold for c in missing)
        last_day = max(reviews) + dt.timedelta(days=period)
        # A level the evidence did not support on the review's last day did not lapse with the
        # review: it was never supported, or adopters have since stopped (maturity-evidence).
        if self.assess(pattern, last_day).level.rank < declared.rank:
            return None
        return Lapse(declared, assessment.level, max(reviews), period, last_day + dt.timedelta(days=1))

    def timeline(self, pattern: Pattern, until: dt.date) -> list[tuple[dt.date, Level]]:
        """Each date on which the pattern's level changed, from its creation to `until`."""
        dates = {pattern.created, pattern.last_reviewed}
        dates |= {c.date for a in pattern.adoptions for c in a.history} | {o.date for o in pattern.outcomes}
        for review in (pattern.created, pattern.last_reviewed):
            for lv in self.levels:
                for k, n in lv.criteria:
                    if k == "reviewed_within_days":
                        dates.add(review + dt.timedelta(days=n + 1))  # the day a review lapses
        points, last = [], None
        for day in sorted(d for d in dates if d and pattern.created <= d <= until):
            level = self.assess(pattern, day).level
            if level != last:
                points.append((day, level))
                last = level
        return points


@lru_cache(maxsize=None)
def maturity_model() -> MaturityModel:
    """The packaged maturity model, checked against the schema's list of maturity values."""
    model = MaturityModel(load_maturity_config())
    declared = load_schema("pattern.schema.json")["properties"]["maturity"]["enum"]
    if list(declared) != [lv.id for lv in model.levels]:
        raise ConfigError("schema/pattern.schema.json: the maturity enum must list the levels of "
                          f"schema/maturity.yaml in order: {[lv.id for lv in model.levels]}")
    return model
