"""Synth, generation: draw organisations and patterns from the word lists with a seeded random
generator, relate them, declare the maturity their evidence supports, and write them."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
from pathlib import Path

from generator.dates import today as default_today
from generator.model.maturity import maturity_model
from generator.model.catalogue import Pattern
from generator.resources import read_schema_file
from generator.synth.words import (
    ACTORS, ADOPTION_COUNT_WEIGHTS, ADOPTION_NOTES, ARTEFACTS, BENEFIT_TEXTS, CADENCES, CATEGORIES,
    CODE_ALPHABET, CONTEXT_OPENING, CONTEXT_SENTENCES, FICTION_NOTE, FORCES, LIABILITY_TEXTS,
    MEASURES, MODIFIERS, NATIONAL_NAMES, ORG_TYPES, ORG_TYPE_WEIGHTS, OTHER_KINDS,
    OUTCOME_COUNT_WEIGHTS, OUTCOME_TEXTS, OWNERS, PAINS, PATIENT_EFFECTS, PLACE_HEADS, PLACE_TAILS,
    PROBLEM_SENTENCES, REGIONS, REGION_PHRASES, REGION_WEIGHTS, RELATIONS, RESOURCE_TITLES,
    RETIRED_NOTES, SCOPES, SOLUTION_SENTENCES, STATUSES, STATUS_WEIGHTS, STEPS, SUPPLIER_KINDS,
    SUPPLIER_WORDS, S_ADJECTIVES, S_BENEFIT_SUBJECTS, S_GAINS, S_GAIN_VERBS, S_LOSSES,
    S_LOSS_VERBS, S_MANNER_ADJECTIVES, S_MANNER_NOUNS, S_MANNER_PREPOSITIONS, S_PAIN_ADJECTIVES,
    S_PAIN_OBJECTS, S_PAIN_VERBS, S_PLACES, S_PLACE_ADJECTIVES, S_PREPOSITIONS, S_SOL_VERBS, TAGS,
    TEAMS, THEMES, THINGS, TRUST_KINDS, UNITS, VERBS,
)
from generator.synth.emit import (
    SynthError, _about, _clear_previous, _emit_pattern, _emit_registry, _markdown, _mkdocs,
)


# --- Generation ----------------------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")


def _codes(rng: random.Random, count: int) -> list[str]:
    """`count` distinct made-up codes, "ZZ" and 3 or 4 letters or digits (the schema's ^[A-Z0-9]{3,6}$)."""
    width = 3 if count <= 36 ** 3 // 4 else 4
    if count > 36 ** width:
        raise SynthError(f"at most {36 ** 4:,} organisations")
    numbers = rng.sample(range(36 ** width), count)
    codes = []
    for number in numbers:
        chars = []
        for _ in range(width):
            number, digit = divmod(number, 36)
            chars.append(CODE_ALPHABET[digit])
        codes.append("ZZ" + "".join(reversed(chars)))
    return codes


def _organisations(rng: random.Random, count: int) -> list[tuple[str, dict]]:
    """(code, fields) for each organisation, in generation order."""
    codes = _codes(rng, count)
    names: set[str] = set()
    orgs = []
    for i, code in enumerate(codes):
        kind = rng.choices(ORG_TYPES, ORG_TYPE_WEIGHTS)[0]
        for attempt in range(40):
            place = rng.choice(PLACE_HEADS) + rng.choice(PLACE_TAILS)
            if kind == "trust":
                name = f"Fictional {place} {rng.choice(TRUST_KINDS)}"
            elif kind == "icb":
                other = rng.choice(PLACE_HEADS) + rng.choice(PLACE_TAILS)
                name = f"Fictional {place} and {other} ICB" if other != place else f"Fictional {place} ICB"
            elif kind == "primary-care":
                name = f"Fictional {place} {rng.choice(('Primary Care Network', 'Medical Practice', 'Health Centre'))}"
            elif kind == "local-authority":
                name = f"Fictional {place} {rng.choice(('County Council', 'Borough Council', 'City Council'))}"
            elif kind == "supplier":
                name = f"Fictional {rng.choice(SUPPLIER_WORDS)} {rng.choice(SUPPLIER_KINDS)}"
            elif kind == "national-body":
                name = f"Fictional {rng.choice(NATIONAL_NAMES)}"
            else:
                name = f"Fictional {place} {rng.choice(OTHER_KINDS)}"
            if attempt == 39:
                name = f"{name} ({i + 1})"
            if name not in names:
                break
        names.add(name)
        region = "national" if kind == "national-body" else (
            "national" if kind == "supplier" and rng.random() < 0.5 else rng.choices(REGIONS, REGION_WEIGHTS)[0])
        fields = {"name": name, "type": kind, "region": region}
        if rng.random() < 0.85:
            fields["url"] = f"https://{code.lower()}.example.org/"
        if rng.random() < 0.05:
            fields["note"] = (f"Fictional note: formed on 1 April {rng.randint(2019, 2025)} from the merger of "
                              "two fictional organisations.")
        orgs.append((code, fields))
    return orgs


def _title(rng: random.Random) -> tuple[str, str, str, tuple]:
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


def _summary(rng: random.Random, thing: str) -> str:
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


def _fill(template: str, slots: dict) -> str:
    text = template.format(**slots)
    return text[0].upper() + text[1:]


def _sentences(rng: random.Random, pool: tuple, slots: dict, low: int, high: int,
               first: str | None = None) -> list[str]:
    """Sentences from `pool` (after `first`, when given), in random order without repeats,
    totalling low..high words."""
    target = rng.randint(low, high)
    chosen, words = [], 0
    for template in ([first] if first else []) + rng.sample(pool, len(pool)):
        sentence = _fill(template, slots)
        n = len(sentence.split())
        if words + n > high:
            continue
        chosen.append(sentence)
        words += n
        if words >= target:
            break
    return chosen


def _paragraphs(rng: random.Random, sentences: list[str]) -> list[str]:
    paras, current = [], []
    for sentence in sentences:
        current.append(sentence)
        if len(current) >= 2 and rng.random() < 0.45:
            paras.append(" ".join(current))
            current = []
    if current:
        paras.append(" ".join(current))
    return paras


def _slots(rng: random.Random, thing: str, scope: str, org: dict, team: str) -> dict:
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


def _date_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _pattern(rng: random.Random, pid: str, title: str, thing: str, scope: str, originator: str, org: dict,
             codes: list[str], own: int, today: dt.date) -> dict:
    """One entry's fields, except lifecycle, related links and maturity (set once all ids exist)."""
    team = rng.choice(TEAMS)
    slots = _slots(rng, thing, scope, org, team)
    slots["sol_article"] = "an" if slots["modifier"][0] in "aeiou" else "a"
    slots["Measure"] = slots["measure"].capitalize()
    created = today - dt.timedelta(days=rng.randint(0, 729))
    # Reviewed within the review period (never before created), so no entry is overdue.
    last_reviewed = today - dt.timedelta(days=rng.randint(0, min(364, (today - created).days)))

    problem = _paragraphs(rng, _sentences(rng, PROBLEM_SENTENCES, slots, 60, 130))
    context = _paragraphs(rng, _sentences(rng, CONTEXT_SENTENCES, slots, 45, 120, CONTEXT_OPENING)) + [FICTION_NOTE]
    steps = [s[0].upper() + s[1:] + "." for s in rng.sample(STEPS, rng.randint(3, 5))] if rng.random() < 0.35 else []
    # With a list of steps (about 40 words) the prose is shorter, so the whole stays near 60-150 words.
    solution: list = _paragraphs(rng, _sentences(rng, SOLUTION_SENTENCES, slots, 40 if steps else 60,
                                                  90 if steps else 130))
    if steps:
        solution.insert(min(1, len(solution)), f"The first {len(steps)} steps were:")
        solution.insert(min(2, len(solution)), steps)

    picked_themes = rng.sample(THEMES, rng.choice((1, 1, 2, 2, 3)))
    themes = [t for t in THEMES if t in picked_themes]
    data: dict = {
        "id": pid,
        "title": title,
        "summary": _summary(rng, thing),
        "category": rng.choice(CATEGORIES),
        "themes": themes,
        "tags": rng.sample(TAGS, rng.randint(3, 6)),
        "problem": _markdown(problem),
        "context": _markdown(context),
        "solution": _markdown(solution),
        "consequences": {
            "benefits": [_fill(t, slots) for t in rng.sample(BENEFIT_TEXTS, rng.randint(1, 3))],
            "liabilities": [_fill(t, slots) for t in rng.sample(LIABILITY_TEXTS, rng.randint(1, 2))],
        },
        "outcomes": [],
        "originator": originator,
        "adoptions": [],
        "related": [],
        "resources": [],
        "contact": {"team": f"{team}, {org['name']}"},
        "lifecycle": "active",
        "created": created.isoformat(),
        "last_reviewed": last_reviewed.isoformat(),
        "maturity": "emerging",
    }
    if rng.random() < 0.3:
        data["contact"]["email"] = f"{_slug(team).replace('-', '.')}@{originator.lower()}.example.org"
    data["contact"]["url"] = f"https://example.org/teams/{originator.lower()}/{_slug(team)}"

    for i in range(rng.choices(range(len(OUTCOME_COUNT_WEIGHTS)), OUTCOME_COUNT_WEIGHTS)[0]):
        slots.update(pct=rng.randint(8, 45), months=rng.choice((3, 6, 9, 12)), n=rng.randint(2, 9),
                     a=rng.randint(9, 30), b=rng.randint(2, 8), hours=rng.randint(20, 400),
                     measure=rng.choice(MEASURES))
        slots["Measure"] = slots["measure"].capitalize()
        data["outcomes"].append({
            "description": _fill(rng.choice(OUTCOME_TEXTS), slots),
            "source": f"https://example.org/outcomes/{pid}/{i + 1}",
            "date": _date_between(rng, created, today).isoformat(),
        })

    wanted = min(len(codes) - 1, rng.choices(range(len(ADOPTION_COUNT_WEIGHTS)), ADOPTION_COUNT_WEIGHTS)[0])
    if wanted > 0:
        picked = rng.sample(range(len(codes) - 1), wanted)
        for index in picked:
            code = codes[index + (index >= own)]
            status = rng.choices(STATUSES, STATUS_WEIGHTS)[0]
            adoption = {"organisation": code, "status": status,
                        "since": _date_between(rng, created, today).isoformat()}
            if status in ("piloting", "in-use") or rng.random() < 0.3:
                adoption["evidence"] = f"https://example.org/evidence/{code.lower()}/{pid}"
            if status == "retired":
                adoption["note"] = rng.choice(RETIRED_NOTES)
            elif rng.random() < 0.2:
                adoption["note"] = _fill(rng.choice(ADOPTION_NOTES), slots)
            data["adoptions"].append(adoption)

    for label in rng.sample(RESOURCE_TITLES, rng.randint(1, 3)):
        data["resources"].append({"title": f"{label}: {title}",
                                  "url": f"https://example.org/resources/{pid}/{_slug(label)}"})
    return data


def _quiet_similar(rng: random.Random, entries: list[dict], subjects: dict[str, str]) -> None:
    """Re-draw the summary of any entry the validator's similar-pattern check would flag, until it
    flags none (at most ten rounds). The word lists make this rare: a pair or two in 10,000."""
    from generator.model.similarity import similarity_warnings

    by_id = {d["id"]: d for d in entries}
    changed = None  # first round: every entry against every other
    for _ in range(10):
        found = similarity_warnings([(d["id"], d["title"], d["summary"]) for d in entries], changed)
        flagged = sorted({min(a, b) for a, b, _ in found})
        if not flagged:
            return
        for pid in flagged:
            by_id[pid]["summary"] = _summary(rng, subjects[pid])
        changed = sorted({pid for a, b, _ in found for pid in (a, b)})


def _relate(rng: random.Random, entries: list[dict]) -> None:
    """Lifecycle, superseded_by and related links, once every id is known."""
    n = len(entries)
    ids = [d["id"] for d in entries]
    for d in entries:
        roll = rng.random()
        if roll < 0.03 and n > 1:
            d["lifecycle"] = "superseded"
        elif roll < 0.11:
            d["lifecycle"] = "deprecated"
    active = [i for i, d in enumerate(entries) if d["lifecycle"] == "active"]
    for d in entries:
        if d["lifecycle"] == "superseded":
            if not active:
                d["lifecycle"] = "deprecated"
                continue
            j = rng.choice(active)
            d["superseded_by"] = ids[j]
            if len(entries[j]["related"]) < 4:
                entries[j]["related"].append({"pattern": d["id"], "relation": "supersedes"})
    for d in entries:
        count = min(n - 1, rng.choices((0, 1, 2, 3, 4), (35, 30, 20, 10, 5))[0])
        taken = {r["pattern"] for r in d["related"]} | {d["id"]}
        for _ in range(count * 4):
            if len(d["related"]) >= 4 or count <= 0:
                break
            other = ids[rng.randrange(n)]
            if other in taken:
                continue
            taken.add(other)
            d["related"].append({"pattern": other, "relation": rng.choice(RELATIONS)})
            count -= 1


def _declare_maturity(rng: random.Random, data: dict, today: dt.date) -> None:
    """Declare the level the evidence supports, or now and then the one below it."""
    model = maturity_model()
    level = model.assess(Pattern.from_data(data), today).level
    if level.rank > 0 and rng.random() < 0.1:
        level = model.levels[level.rank - 1]
    data["maturity"] = level.id


def synth_data(patterns: int, organisations: int, seed: int = 1, *,
               today: dt.date | None = None) -> tuple[dict[str, dict], list[dict]]:
    """The catalogue synth_catalogue writes, as plain data: (organisations by code, pattern entries)."""
    today = today or default_today()
    if patterns < 1 or organisations < 1:
        raise SynthError("a catalogue needs at least one pattern and one organisation")
    rng = random.Random(seed)

    orgs = _organisations(rng, organisations)
    codes = [code for code, _ in orgs]
    by_code = dict(orgs)
    position = {code: i for i, code in enumerate(codes)}
    # A few organisations originate most patterns, as in a real catalogue.
    ranked = rng.sample(codes, len(codes))
    cum_weights = list(itertools.accumulate(1.0 / (rank + 1) ** 0.8 for rank in range(len(ranked))))

    entries: list[dict] = []
    subjects: dict[str, str] = {}
    titles: set[str] = set()
    ids: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for n in range(patterns):
        # A title is new in its words and, while the word lists allow, shares no (subject, other
        # word) pair with an earlier title, so the similar-pattern check stays quiet.
        for attempt in range(40):
            title, thing, scope, made_of = _title(rng)
            if attempt == 39:
                title = f"{title} (variant {n + 1})"
            key = " ".join(sorted(re.findall(r"[a-z0-9]+", title.lower())))
            if key in titles or (attempt < 20 and any(pair in pairs for pair in made_of)):
                continue
            pid = _slug(title)[:80].strip("-")
            if pid not in ids:
                break
        titles.add(key)
        ids.add(pid)
        pairs.update(made_of)
        subjects[pid] = thing
        originator = rng.choices(ranked, cum_weights=cum_weights)[0]
        entries.append(_pattern(rng, pid, title, thing, scope, originator, by_code[originator], codes,
                                position[originator], today))

    _quiet_similar(rng, entries, subjects)
    _relate(rng, entries)
    for data in entries:
        _declare_maturity(rng, data, today)
    return by_code, entries


def synth_catalogue(out: Path, patterns: int, organisations: int, seed: int = 1, *,
                    today: dt.date | None = None) -> None:
    """Write a complete fictional catalogue of `patterns` entries and `organisations` organisations
    into `out`, created if needed.

    The same arguments always give byte-identical files. Every entry validates without errors
    on `today` (the current date unless given). Pattern files left by an earlier synth run are replaced
    or removed; a folder holding files synth did not write is refused (SynthError), untouched."""
    out = Path(out)
    today = today or default_today()
    by_code, entries = synth_data(patterns, organisations, seed, today=today)
    _clear_previous(out, {f"{data['id']}.yaml" for data in entries})
    folder = out / "patterns"
    folder.mkdir(parents=True, exist_ok=True)
    for data in entries:
        (folder / f"{data['id']}.yaml").write_text(_emit_pattern(data), encoding="utf-8", newline="\n")
    (out / "organisations.yaml").write_text(_emit_registry(by_code), encoding="utf-8", newline="\n")
    (out / "mkdocs.yml").write_text(_mkdocs(patterns, organisations, seed), encoding="utf-8", newline="\n")
    (out / "docs").mkdir(exist_ok=True)
    (out / "docs" / "about-this-catalogue.md").write_text(
        _about(patterns, organisations, seed, today), encoding="utf-8", newline="\n")
    (out / "schema").mkdir(exist_ok=True)
    for name in ("pattern.schema.json", "organisations.schema.json"):
        (out / "schema" / name).write_text(read_schema_file(name), encoding="utf-8", newline="\n")
