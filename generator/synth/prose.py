"""Synth, prose: the words of an entry, drawn from the word lists: its title, its one-sentence
summary, the slot values its templates are filled with, and sentences grouped into paragraphs
of a realistic length."""

from __future__ import annotations

import random
import re

from generator.synth.words import (
    ACTORS, ARTEFACTS, CADENCES, FORCES, MEASURES, MODIFIERS, OWNERS, PAINS, PATIENT_EFFECTS,
    REGION_PHRASES, SCOPES, S_ADJECTIVES, S_BENEFIT_SUBJECTS, S_GAINS, S_GAIN_VERBS, S_LOSSES,
    S_LOSS_VERBS, S_MANNER_ADJECTIVES, S_MANNER_NOUNS, S_MANNER_PREPOSITIONS, S_PAIN_ADJECTIVES,
    S_PAIN_OBJECTS, S_PAIN_VERBS, S_PLACES, S_PLACE_ADJECTIVES, S_PREPOSITIONS, S_SOL_VERBS, THINGS,
    UNITS, VERBS,
)


def slug(text: str) -> str:
    """Lower-case words joined by hyphens, as ids and addresses are written."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")



def draw_title(rng: random.Random) -> tuple[str, str, str, tuple]:
    """(title, thing, scope, pairs): a title in one of four shapes, the words the text reuses, and
    the (thing, other word) pairs it is made of, so the caller can avoid repeating a pair."""
    thing, scope, shape = rng.choice(THINGS), rng.choice(SCOPES), rng.random()
    if shape < 0.45:
        word = rng.choice(MODIFIERS)
        return f"{word} {thing} for {scope}", thing, scope, ((thing, word), (thing, scope))
    if shape < 0.65:
        word = rng.choice(VERBS)
        return f"{word} the {thing} for {scope}", thing, scope, ((thing, word), (thing, scope))
    owner = rng.choice(OWNERS)
    if shape < 0.85:
        return f"{thing[0].upper()}{thing[1:]} run by {owner} for {scope}", thing, scope, ((thing, owner), (thing, scope))
    word = rng.choice(MODIFIERS)
    return f"{word} {thing} with {owner}", thing, scope, ((thing, word), (thing, owner))



def draw_summary(rng: random.Random, thing: str) -> str:
    """'Fictional: ...', one sentence of at most 280 characters naming the title's subject."""
    for _ in range(10):
        actor = f"{rng.choice(S_ADJECTIVES)} {rng.choice(ACTORS)}"
        pain = f"{rng.choice(S_PAIN_VERBS)} {rng.choice(S_PAIN_ADJECTIVES)} {rng.choice(S_PAIN_OBJECTS)}"
        modifier = rng.choice(MODIFIERS).lower()
        article = "an" if modifier[0] in "aeiou" else "a"
        solution = (f"{rng.choice(S_SOL_VERBS)} {article} {modifier} {thing} {rng.choice(S_PREPOSITIONS)} "
                    f"{rng.choice(S_PLACE_ADJECTIVES)} {rng.choice(S_PLACES)} {rng.choice(S_MANNER_PREPOSITIONS)} "
                    f"{rng.choice(S_MANNER_ADJECTIVES)} {rng.choice(S_MANNER_NOUNS)}")
        if rng.random() < 0.5:
            benefit = f"{rng.choice(S_BENEFIT_SUBJECTS)} {rng.choice(S_GAIN_VERBS)} {rng.choice(S_GAINS)}"
        else:
            benefit = f"{rng.choice(S_BENEFIT_SUBJECTS)} {rng.choice(S_LOSS_VERBS)} {rng.choice(S_LOSSES)}"
        shape = rng.random()
        if shape < 0.45:
            text = f"when {actor} {pain}, {solution} so that {benefit}."
        elif shape < 0.8:
            text = f"{solution}, because {actor} {pain}; then {benefit}."
        else:
            text = f"{actor} who {pain} can {solution}, and {benefit}."
        text = f"Fictional: {text[0].upper()}{text[1:]}"
        if len(text) <= 280:
            return text
    return text[:279].rstrip() + "."



def fill(template: str, slots: dict) -> str:
    """A template from the word lists with its slots filled, starting with a capital."""
    text = template.format(**slots)
    return text[0].upper() + text[1:]



def draw_sentences(rng: random.Random, pool: tuple, slots: dict, low: int, high: int,
               first: str | None = None) -> list[str]:
    """Sentences from `pool` (after `first`, when given), in random order without repeats,
    totalling low..high words."""
    target = rng.randint(low, high)
    chosen, words = [], 0
    for template in ([first] if first else []) + rng.sample(pool, len(pool)):
        sentence = fill(template, slots)
        n = len(sentence.split())
        if words + n > high:
            continue
        chosen.append(sentence)
        words += n
        if words >= target:
            break
    return chosen



def draw_paragraphs(rng: random.Random, sentences: list[str]) -> list[str]:
    """The sentences grouped into paragraphs of two or more, at random breaks."""
    paras, current = [], []
    for sentence in sentences:
        current.append(sentence)
        if len(current) >= 2 and rng.random() < 0.45:
            paras.append(" ".join(current))
            current = []
    if current:
        paras.append(" ".join(current))
    return paras



def draw_slots(rng: random.Random, thing: str, scope: str, org: dict, team: str) -> dict:
    """The values one entry's templates are filled with, so its sentences agree with each other."""
    actor, others = rng.sample(ACTORS, 2)
    pains = rng.sample(PAINS, 2)
    forces = rng.sample(FORCES, 3)
    kind = {"trust": "NHS trust", "icb": "integrated care board", "primary-care": "primary care organisation",
            "local-authority": "local authority", "supplier": "supplier", "national-body": "national body",
            "other": "health organisation"}[org["type"]]
    return {
        "actors": actor, "Actors": actor.capitalize(), "pain": pains[0], "pain2": pains[1],
        "Others": others.capitalize(), "pain_short": "manual work",
        "scope": scope, "unit": rng.choice(UNITS), "units": rng.choice(UNITS) + "s", "thing": thing,
        "artefact": rng.choice(ARTEFACTS), "n": rng.randint(3, 14), "hours": rng.randint(20, 400),
        "patient_effect": rng.choice(PATIENT_EFFECTS), "org_kind": kind,
        "org_article": "an" if kind[0] in "aeiouN" else "a",
        "sites": rng.randint(1, 12), "staff": rng.randrange(400, 16000, 50),
        "region": REGION_PHRASES[org["region"]],
        "team": team, "size": rng.randint(2, 15), "pct": rng.randint(8, 45), "force1": forces[0],
        "force2": forces[1], "force3": forces[2], "months": rng.choice((3, 6, 9, 12)),
        "modifier": rng.choice(MODIFIERS).lower(), "sol_article": "a", "measure": rng.choice(MEASURES),
        "Measure": "", "weeks": rng.choice((4, 6, 8, 12)), "cadence": rng.choice(CADENCES),
        "options": rng.randint(3, 8), "a": rng.randint(9, 30), "b": rng.randint(2, 8),
    }
