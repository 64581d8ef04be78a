"""Synth, generation: the whole fictional catalogue, in the order its parts depend on each other.
Organisations first (synth/organisations.py), then each pattern under a title no other has
(synth/patterns.py), then what needs every id: summaries drawn again where two entries look
alike, lifecycles and related links, and the maturity each entry's evidence supports
(synth/evidence.py). One random.Random(seed) drives every choice, in this order; the files are
written by synth/emit.py."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.dates import today as default_today
from generator.errors import SynthError
from generator.resources import read_schema_file
from generator.synth.emit import _about, _clear_previous, _emit_pattern, _emit_registry, _mkdocs
from generator.synth.evidence import declare_maturity, set_adoption_count
from generator.synth.organisations import draw_organisations
from generator.synth.patterns import draw_pattern
from generator.synth.prose import draw_summary, draw_title, slug
from generator.synth.words import RELATIONS


def synth_data(patterns: int, organisations: int, seed: int = 1, *, today: dt.date | None = None,
               adoptions: int | None = None) -> tuple[dict[str, dict], list[dict]]:
    """The catalogue synth_catalogue writes, as plain data: (organisations by code, pattern entries).
    With `adoptions`, exactly that many adoptions in all, drawn by a generator of their own so
    that everything else is as without it."""
    today = today or default_today()
    if patterns < 1 or organisations < 1:
        raise SynthError("a catalogue needs at least one pattern and one organisation")
    rng = random.Random(seed)

    orgs = draw_organisations(rng, organisations)
    codes = [code for code, _ in orgs]
    by_code = dict(orgs)
    position = {code: i for i, code in enumerate(codes)}
    # A few organisations originate most patterns, as in a real catalogue.
    ranked = rng.sample(codes, len(codes))
    cum_weights = list(itertools.accumulate(1.0 / (rank + 1) ** 0.8 for rank in range(len(ranked))))

    entries: list[dict] = []
    subjects: dict[str, str] = {}
    taken = _Taken()
    for n in range(patterns):
        pid, title, thing, scope = _unique_title(rng, n, taken)
        subjects[pid] = thing
        originator = rng.choices(ranked, cum_weights=cum_weights)[0]
        entries.append(draw_pattern(rng, pid, title, thing, scope, originator, by_code[originator], codes,
                                    position[originator], today))

    _quiet_similar(rng, entries, subjects)
    _relate(rng, entries)
    if adoptions is not None:
        set_adoption_count(random.Random(f"{seed}/adoptions"), entries, codes, adoptions, today)
    for data in entries:
        declare_maturity(rng, data, today)
    return by_code, entries


@dataclass
class _Taken:
    """What earlier titles used: their words (as a sorted key), their ids, and their (subject,
    other word) pairs."""

    titles: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    pairs: set[tuple[str, str]] = field(default_factory=set)


def _unique_title(rng: random.Random, n: int, taken: _Taken) -> tuple[str, str, str, str]:
    """(id, title, subject, scope) of the `n`th pattern, and `taken` updated with it.

    A title is new in its words and, while the word lists allow, shares no (subject, other
    word) pair with an earlier title, so the similar-pattern check stays quiet."""
    for attempt in range(40):
        title, thing, scope, made_of = draw_title(rng)
        if attempt == 39:
            title = f"{title} (variant {n + 1})"
        key = " ".join(sorted(re.findall(r"[a-z0-9]+", title.lower())))
        if key in taken.titles or (attempt < 20 and any(pair in taken.pairs for pair in made_of)):
            continue
        pid = slug(title)[:80].strip("-")
        if pid not in taken.ids:
            break
    taken.titles.add(key)
    taken.ids.add(pid)
    taken.pairs.update(made_of)
    return pid, title, thing, scope


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
            by_id[pid]["summary"] = draw_summary(rng, subjects[pid])
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


def synth_catalogue(out: Path, patterns: int, organisations: int, seed: int = 1, *,
                    today: dt.date | None = None, adoptions: int | None = None) -> None:
    """Write a complete fictional catalogue of `patterns` entries and `organisations` organisations
    into `out`, created if needed.

    The same arguments always give byte-identical files. Every entry validates without errors
    on `today` (the current date unless given). Pattern files left by an earlier synth run are replaced
    or removed; a folder holding files synth did not write is refused (SynthError), untouched."""
    out = Path(out)
    today = today or default_today()
    by_code, entries = synth_data(patterns, organisations, seed, today=today, adoptions=adoptions)
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
