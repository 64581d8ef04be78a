"""Synth, evidence: what makes an entry more than a claim, and the maturity it earns. Measured
outcomes with a source and a date, adoptions by other organisations with their status and
evidence link, and the maturity level the model computes from them, declared as a cautious
author would. Every date falls between the entry's creation and `today`."""

from __future__ import annotations

import datetime as dt
import random

from generator.errors import SynthError
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


def set_adoption_count(rng: random.Random, entries: list[dict], codes: list[str], target: int,
                       today: dt.date) -> None:
    """Add adoptions (or take drawn ones away) until the catalogue holds `target`, before the
    maturity is declared, for scale tests. An added adoption is by an organisation the pattern
    has none from; some tell a history (piloting, then in use; now and then retired since, with
    a reason)."""
    total = sum(len(d["adoptions"]) for d in entries)
    while total > target:
        d = entries[rng.randrange(len(entries))]
        if d["adoptions"]:
            d["adoptions"].pop(rng.randrange(len(d["adoptions"])))
            total -= 1
    taken = [{a["organisation"] for a in d["adoptions"]} | {d["originator"]} for d in entries]
    attempts = 0
    while total < target and attempts < 20 * target:
        attempts += 1
        i = rng.randrange(len(entries))
        code = codes[rng.randrange(len(codes))]
        if code in taken[i]:
            continue
        taken[i].add(code)
        entries[i]["adoptions"].append(_added_adoption(rng, entries[i], code, today))
        total += 1
    if total < target:
        raise SynthError(f"{target:,} adoptions do not fit: each pattern can have one per organisation")


def _added_adoption(rng: random.Random, d: dict, code: str, today: dt.date) -> dict:
    created = dt.date.fromisoformat(d["created"])
    first = date_between(rng, created, today)
    evidence = f"https://example.org/evidence/{code.lower()}/{d['id']}"
    roll = rng.random()
    if roll < 0.7:
        return {"organisation": code, "status": "in-use", "since": first.isoformat(), "evidence": evidence}
    later = date_between(rng, first, today)
    history = [{"status": "piloting", "date": first.isoformat(), "evidence": evidence + "/pilot"},
               {"status": "in-use", "date": later.isoformat(), "evidence": evidence}]
    if roll > 0.95:
        history.append({"status": "retired", "date": date_between(rng, later, today).isoformat(),
                        "reason": rng.choice(RETIRED_NOTES)})
    return {"organisation": code, "history": history}
