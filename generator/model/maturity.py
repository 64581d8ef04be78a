"""Compute maturity: the ladder of levels from schema/maturity.yaml, evaluated against a pattern's
dated evidence (adoptions, outcomes and the strength of their evidence, reviews that count), so
the model can say the level today, on any past date, and what is missing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from generator.errors import ConfigError
from generator.model.catalogue import Pattern
from generator.resources import load_maturity_config, load_schema
from generator.model.reuse import reuse_of
from generator.model.vocabulary import display_name, enum_values, value_at

CRITERIA = ("outcomes", "evidence", "adopters", "reuse", "reviewed_within_days")


class Count(int):
    """A number in the reader's wording that also picks its noun: in a format string,
    "{n:organisation|organisations}" gives the first word when n is 1 and the second otherwise,
    so no sentence says "organisation(s)"."""

    def __format__(self, spec: str) -> str:
        if "|" in spec:
            one, other = spec.split("|", 1)
            return one if self == 1 else other
        return super().__format__(spec)


def _evidence_words(level: int) -> str:
    """What a level of the evidence ladder means, mid-sentence ("data showing change")."""
    return display_name("evidence", value_at("evidence", level)).lower() if level > 0 else ""


def _evidence_shown(level: int) -> str:
    """The strongest evidence found, as the reader sees it: "level 2 (data showing change)"."""
    return f"level {level} ({_evidence_words(level)})" if level else "none"


def words(template: str, n: int, **values) -> str:
    """One criterion's wording with its threshold filled in (and the evidence ladder's words for it)."""
    evidence = _evidence_words(n) if 0 < n <= len(enum_values("evidence")) else ""
    return template.format(n=Count(n), evidence=evidence, **values)


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
        return words(self.wording["requirement"], self.threshold)

    @property
    def shortfall(self) -> str:
        code_text = f": {', '.join(self.codes)}" if self.codes else ""
        return words(self.wording["shortfall"], self.threshold, found=self.found, codes=code_text)


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
    reviewed: dt.date  # the latest review that counts (last_reviewed, or created)
    period_days: int  # how recent a review the declared level needs
    lapsed_on: dt.date  # the first day the declared level was no longer supported


class MaturityModel:
    """The configured ladder; levels are cumulative, lowest first."""

    def __init__(self, config: dict):
        try:
            self.review_period_days = int(config["review_period_days"])
            self.wording = config["criteria"]
            self.reuse_rules = config["reuse"]
            self.reviewers = frozenset(config["reviews_that_count"])
            self.levels = tuple(
                Level(item["id"], item["name"], item["summary"],
                      tuple(sorted((k, int(v)) for k, v in (item.get("criteria") or {}).items())), rank)
                for rank, item in enumerate(config["levels"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"maturity.yaml: malformed ({exc!r})") from exc
        for level in self.levels:
            for name, value in level.criteria:
                if name not in CRITERIA or name not in self.wording:
                    raise ConfigError(f"maturity.yaml: level {level.id!r} uses unknown criterion {name!r}")
                if name == "evidence" and not 0 < value <= len(enum_values("evidence")):
                    raise ConfigError(f"maturity.yaml: level {level.id!r} needs evidence at level {value}, "
                                      f"but the evidence ladder has levels 1 to {len(enum_values('evidence'))}")
        unknown = self.reviewers - set(enum_values("reviewed_by"))
        if unknown:
            raise ConfigError(f"maturity.yaml: reviews_that_count names {sorted(unknown)}, which "
                              "reviewed_by does not allow")
        self._by_id = {lv.id: lv for lv in self.levels}

    def level(self, level_id: str) -> Level:
        return self._by_id[level_id]

    def requirement(self, name: str, n: int) -> str:
        """Reader's wording of one criterion, e.g. 'at least 5 other organisations using it ...'."""
        return words(self.wording[name]["requirement"], n)

    def counted_reviews(self, pattern: Pattern, on: dt.date | None = None) -> list[dt.date]:
        """The dates of the reviews that count for maturity, up to `on`: the latest review when
        reviewed_by is one of reviews_that_count, and the creation when written_by is."""
        dates = [pattern.created] if pattern.written_by in self.reviewers else []
        if pattern.last_reviewed and pattern.reviewed_by in self.reviewers:
            dates.append(pattern.last_reviewed)
        return [d for d in dates if on is None or d <= on]

    def _found(self, pattern: Pattern, on: dt.date) -> dict:
        """Each criterion's evidence on `on`: (value, as the reader sees it, organisations)."""
        reuse = reuse_of(pattern, on)
        dated = [o for o in pattern.outcomes if o.date <= on]
        strongest = max((o.level for o in dated), default=0)
        reviews = self.counted_reviews(pattern, on)
        reviewed = max(reviews) if reviews else None
        return {
            "outcomes": (len(dated), len(dated), ()),
            "evidence": (strongest, _evidence_shown(strongest), ()),
            "adopters": (len(reuse.adopters), len(reuse.adopters), reuse.adopters),
            "reuse": (reuse.count, reuse.count, reuse.in_use),
            "reviewed_within_days": (reviewed, reviewed.isoformat() if reviewed else "none", ()),
        }

    def assess(self, pattern: Pattern, on: dt.date) -> Assessment:
        """Evaluate every level's criteria on date `on` and return the highest level reached."""
        found = self._found(pattern, on)
        checks, reached, blocked = [], self.levels[0], False
        for level in self.levels:
            level_ok = True
            for name, n in level.criteria:
                value, shown, codes = found[name]
                if name == "reviewed_within_days":
                    ok = value is not None and (on - value).days <= n
                else:
                    ok = value >= n
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
        reviews = self.counted_reviews(pattern, on)
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
        for review in self.counted_reviews(pattern):
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
