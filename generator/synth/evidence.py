"""Synth, evidence: what makes an entry more than a claim, and the maturity it earns. Measured
outcomes with a source and a date, adoptions by other organisations with their status and
evidence link, and the maturity level the model computes from them, declared as a cautious
author would. Every date falls between the entry's creation and `today`."""

from __future__ import annotations

import datetime as dt
import random

from generator.model.catalogue import Pattern
from generator.model.maturity import maturity_model
from generator.model.vocabulary import enum_values, statuses_needing_evidence
from generator.synth.prose import fill
from generator.synth.words import (
    ADOPTION_COUNT_WEIGHTS, ADOPTION_NOTES, EVIDENCE_WEIGHTS, MEASURES, OUTCOME_COUNT_WEIGHTS, OUTCOME_TEXTS,
    RETIRED_NOTES, STATUSES, STATUS_WEIGHTS,
)


def date_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    """A day from `start` to `end`, both included (`start` when `end` is earlier)."""
    return start + dt.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def draw_outcomes(rng: random.Random, pid: str, slots: dict, created: dt.date, today: dt.date) -> list[dict]:
    """Measured outcomes, each with its figures drawn afresh into `slots` (which the adoption
    notes then read), an example.org source, a date and the strength of its evidence."""
    outcomes = []
    for i in range(rng.choices(range(len(OUTCOME_COUNT_WEIGHTS)), OUTCOME_COUNT_WEIGHTS)[0]):
        slots.update(pct=rng.randint(8, 45), months=rng.choice((3, 6, 9, 12)), n=rng.randint(2, 9),
                     a=rng.randint(9, 30), b=rng.randint(2, 8), hours=rng.randint(20, 400),
                     measure=rng.choice(MEASURES))
        slots["Measure"] = slots["measure"].capitalize()
        outcomes.append({
            "description": fill(rng.choice(OUTCOME_TEXTS), slots),
            "source": f"https://example.org/outcomes/{pid}/{i + 1}",
            "date": date_between(rng, created, today).isoformat(),
            "evidence": rng.choices(enum_values("evidence"), EVIDENCE_WEIGHTS)[0],
        })
    return outcomes


def draw_adoptions(rng: random.Random, pid: str, slots: dict, codes: list[str], own: int,
                   created: dt.date, today: dt.date) -> list[dict]:
    """Adoptions by organisations other than the originator (`codes[own]`), each organisation
    once, with evidence where the schema requires it and now and then where it does not."""
    adoptions = []
    wanted = min(len(codes) - 1, rng.choices(range(len(ADOPTION_COUNT_WEIGHTS)), ADOPTION_COUNT_WEIGHTS)[0])
    if wanted > 0:
        picked = rng.sample(range(len(codes) - 1), wanted)
        for index in picked:
            code = codes[index + (index >= own)]
            status = rng.choices(STATUSES, STATUS_WEIGHTS)[0]
            adoption = {"organisation": code, "status": status,
                        "since": date_between(rng, created, today).isoformat()}
            if status in statuses_needing_evidence() or rng.random() < 0.3:
                adoption["evidence"] = f"https://example.org/evidence/{code.lower()}/{pid}"
            if status == "retired":
                adoption["note"] = rng.choice(RETIRED_NOTES)
            elif rng.random() < 0.2:
                adoption["note"] = fill(rng.choice(ADOPTION_NOTES), slots)
            adoptions.append(adoption)
    return adoptions


def declare_maturity(rng: random.Random, data: dict, today: dt.date) -> None:
    """Declare the level the evidence supports, or now and then the one below it."""
    model = maturity_model()
    level = model.assess(Pattern.from_data(data), today).level
    if level.rank > 0 and rng.random() < 0.1:
        level = model.levels[level.rank - 1]
    data["maturity"] = level.id
