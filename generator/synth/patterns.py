"""Synth, patterns: one fictional entry, all its fields but the ones that need the whole catalogue
(lifecycle, related links and maturity, set once every id exists). Its prose comes from
synth/prose.py, its outcomes and adoptions from synth/evidence.py, and its provenance (sources,
who wrote and reviewed it, the editors' reading, prerequisites and first steps) from here; its
dates are relative to `today`, reviewed within the review period so no entry is overdue."""

from __future__ import annotations

import datetime as dt
import random

from generator.synth.emit import _markdown
from generator.model.vocabulary import enum_values
from generator.synth.evidence import date_between, draw_adoptions, draw_outcomes
from generator.synth.prose import draw_paragraphs, draw_sentences, draw_slots, draw_summary, fill, slug
from generator.synth.words import (
    BENEFIT_TEXTS, CATEGORIES, CONTEXT_OPENING, CONTEXT_SENTENCES, EDITORS_READINGS, FICTION_NOTE,
    LIABILITY_TEXTS, PREREQUISITES, PROBLEM_SENTENCES, RESOURCE_TITLES, REVIEWER_WEIGHTS, SOLUTION_SENTENCES,
    SOURCE_LABELS, STEPS, TAGS, TEAMS, THEMES, WRITER_WEIGHTS,
)


def draw_pattern(rng: random.Random, pid: str, title: str, thing: str, scope: str, originator: str, org: dict,
                 codes: list[str], own: int, today: dt.date) -> dict:
    """One entry's fields, except lifecycle, related links and maturity (set once all ids exist)."""
    team = rng.choice(TEAMS)
    slots = draw_slots(rng, thing, scope, org, team)
    slots["sol_article"] = "an" if slots["modifier"][0] in "aeiou" else "a"
    slots["Measure"] = slots["measure"].capitalize()
    created = today - dt.timedelta(days=rng.randint(0, 729))
    # Reviewed within the review period (never before created), so no entry is overdue.
    last_reviewed = today - dt.timedelta(days=rng.randint(0, min(364, (today - created).days)))
    prose = _prose(rng, slots)
    picked_themes = rng.sample(THEMES, rng.choice((1, 1, 2, 2, 3)))
    themes = [t for t in THEMES if t in picked_themes]
    data = _fields(rng, pid, title, thing, themes, prose, slots)
    # The evidence is drawn last, and put in its place in the entry's order.
    data.update(originator=originator, adoptions=[], related=[], resources=[],
                contact=_contact(rng, team, org, originator), lifecycle="active", created=created.isoformat(),
                last_reviewed=last_reviewed.isoformat(), maturity="emerging")
    data["outcomes"] = draw_outcomes(rng, pid, slots, created, today)
    data["adoptions"] = draw_adoptions(rng, pid, slots, codes, own, created, today)
    data["resources"] = draw_resources(rng, pid, title)
    data.update(draw_provenance(rng, pid, title, org, slots, created, today))
    if data["reviewed_by"] == "none":
        del data["last_reviewed"]
    return data


def draw_provenance(rng: random.Random, pid: str, title: str, org: dict, slots: dict, created: dt.date,
                    today: dt.date) -> dict:
    """Its sources (one or two, now and then undated), who wrote it and who last reviewed it (no one,
    only while it is younger than the review period), and now and then the editors' reading,
    prerequisites and first steps."""
    sources = [{"kind": rng.choice(enum_values("source_kind")), "title": f"{label}: {title}",
                "publisher": org["name"],
                "date": "undated" if rng.random() < 0.1 else
                date_between(rng, created - dt.timedelta(days=180), created).isoformat(),
                "url": f"https://example.org/sources/{pid}/{slug(label)}"}
               for label in rng.sample(SOURCE_LABELS, rng.choice((1, 1, 1, 2)))]
    reviewer = rng.choices(list(REVIEWER_WEIGHTS), list(REVIEWER_WEIGHTS.values()))[0]
    if reviewer == "none" and (today - created).days > 364:
        reviewer = "originator"
    drawn = {
        "sources": sources,
        "written_by": rng.choices(list(WRITER_WEIGHTS), list(WRITER_WEIGHTS.values()))[0],
        "reviewed_by": reviewer,
        "editors_reading": [fill(t, slots) for t in rng.sample(EDITORS_READINGS, 1)] if rng.random() < 0.3 else [],
        "prerequisites": [fill(t, slots) for t in rng.sample(PREREQUISITES, rng.randint(1, 2))]
        if rng.random() < 0.4 else [],
        "first_steps": [s[0].upper() + s[1:] + "." for s in rng.sample(STEPS, rng.randint(2, 3))]
        if rng.random() < 0.4 else [],
    }
    return {key: value for key, value in drawn.items() if value != []}  # optional lists only when filled


def _prose(rng: random.Random, slots: dict) -> dict[str, list]:
    """The problem, context and solution as paragraphs (a list in a paragraph is a bullet list)."""
    problem = draw_paragraphs(rng, draw_sentences(rng, PROBLEM_SENTENCES, slots, 60, 130))
    context = draw_paragraphs(rng, draw_sentences(rng, CONTEXT_SENTENCES, slots, 45, 120, CONTEXT_OPENING))
    context.append(FICTION_NOTE)
    steps = [s[0].upper() + s[1:] + "." for s in rng.sample(STEPS, rng.randint(3, 5))] if rng.random() < 0.35 else []
    # With a list of steps (about 40 words) the prose is shorter, so the whole stays near 60-150 words.
    solution: list = draw_paragraphs(rng, draw_sentences(rng, SOLUTION_SENTENCES, slots, 40 if steps else 60,
                                                         90 if steps else 130))
    if steps:
        solution.insert(min(1, len(solution)), f"The first {len(steps)} steps were:")
        solution.insert(min(2, len(solution)), steps)
    return {"problem": problem, "context": context, "solution": solution}


def _fields(rng: random.Random, pid: str, title: str, thing: str, themes: list[str], prose: dict[str, list],
            slots: dict) -> dict:
    """The fields that describe the practice, in the order the entry is written, up to `outcomes`."""
    return {
        "id": pid,
        "title": title,
        "summary": draw_summary(rng, thing),
        "category": rng.choice(CATEGORIES),
        "themes": themes,
        "tags": rng.sample(TAGS, rng.randint(3, 6)),
        "problem": _markdown(prose["problem"]),
        "context": _markdown(prose["context"]),
        "solution": _markdown(prose["solution"]),
        "consequences": {
            "benefits": [fill(t, slots) for t in rng.sample(BENEFIT_TEXTS, rng.randint(1, 3))],
            "liabilities": [fill(t, slots) for t in rng.sample(LIABILITY_TEXTS, rng.randint(1, 2))],
        },
        "outcomes": [],
    }


def _contact(rng: random.Random, team: str, org: dict, originator: str) -> dict:
    """The originator's team, with a shared mailbox now and then, and a team page."""
    contact = {"team": f"{team}, {org['name']}"}
    if rng.random() < 0.3:
        contact["email"] = f"{slug(team).replace('-', '.')}@{originator.lower()}.example.org"
    contact["url"] = f"https://example.org/teams/{originator.lower()}/{slug(team)}"
    return contact


def draw_resources(rng: random.Random, pid: str, title: str) -> list[dict]:
    """One to three further-reading links on example.org."""
    return [{"title": f"{label}: {title}", "url": f"https://example.org/resources/{pid}/{slug(label)}"}
            for label in rng.sample(RESOURCE_TITLES, rng.randint(1, 3))]
