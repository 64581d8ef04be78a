"""Synth, organisations: the fictional registry, drawn first, since every pattern names one of
its organisations as originator and others as adopters. Codes start with "ZZ" and names with
"Fictional", so nothing can be mistaken for a real NHS organisation."""

from __future__ import annotations

import random

from generator.errors import SynthError
from generator.synth.words import (
    CODE_ALPHABET, NATIONAL_NAMES, ORG_TYPES, ORG_TYPE_WEIGHTS, OTHER_KINDS, PLACE_HEADS, PLACE_TAILS,
    REGIONS, REGION_WEIGHTS, SUPPLIER_KINDS, SUPPLIER_WORDS, TRUST_KINDS,
)


def draw_codes(rng: random.Random, count: int) -> list[str]:
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


def draw_organisations(rng: random.Random, count: int) -> list[tuple[str, dict]]:
    """(code, fields) for each organisation, in generation order."""
    codes = draw_codes(rng, count)
    names: set[str] = set()
    orgs = []
    for i, code in enumerate(codes):
        kind = rng.choices(ORG_TYPES, ORG_TYPE_WEIGHTS)[0]
        for attempt in range(40):
            name = _name(rng, kind)
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


def _name(rng: random.Random, kind: str) -> str:
    """A fictional name for an organisation of this kind (the place is drawn for every kind)."""
    place = rng.choice(PLACE_HEADS) + rng.choice(PLACE_TAILS)
    if kind == "trust":
        return f"Fictional {place} {rng.choice(TRUST_KINDS)}"
    if kind == "icb":
        other = rng.choice(PLACE_HEADS) + rng.choice(PLACE_TAILS)
        return f"Fictional {place} and {other} ICB" if other != place else f"Fictional {place} ICB"
    if kind == "primary-care":
        return f"Fictional {place} {rng.choice(('Primary Care Network', 'Medical Practice', 'Health Centre'))}"
    if kind == "local-authority":
        return f"Fictional {place} {rng.choice(('County Council', 'Borough Council', 'City Council'))}"
    if kind == "supplier":
        return f"Fictional {rng.choice(SUPPLIER_WORDS)} {rng.choice(SUPPLIER_KINDS)}"
    if kind == "national-body":
        return f"Fictional {rng.choice(NATIONAL_NAMES)}"
    return f"Fictional {place} {rng.choice(OTHER_KINDS)}"
