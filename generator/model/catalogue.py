"""Model: the catalogue as typed objects (patterns, adoptions, organisations) built from loaded data.

Built only from data that passed the schema, so fields can be read without checks. Reuse and
maturity are computed from this model in reuse.py and maturity.py, nowhere else.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from generator.dates import parse_date
from generator.model.vocabulary import level_of


@dataclass(frozen=True)
class Organisation:
    code: str
    name: str
    type: str
    region: str
    url: str | None = None
    note: str | None = None
    icb: str | None = None  # ODS code of the ICB whose area it is in
    closed: dt.date | None = None  # the day it closed or merged, as ODS records it
    successor: str | None = None  # ODS code of the organisation that took over from it

    @classmethod
    def from_data(cls, code: str, data: dict) -> "Organisation":
        """Build from one registry entry that passed the registry schema."""
        return cls(code, data["name"], data["type"], data["region"], data.get("url"), data.get("note"),
                   data.get("icb"), parse_date(data.get("closed")), data.get("successor"))

    @property
    def shown_name(self) -> str:
        """The name as pages show it: ODS writes names in capitals, which read as shouting, so a
        name with no lower-case letter is shown in a readable case ("NHS Foundation Trust")."""
        return readable_name(self.name)


@dataclass(frozen=True)
class Contact:
    """How to reach a team: a team name, with a shared mailbox or a team page."""

    team: str
    email: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class AdoptionChange:
    """One dated change of an organisation's status with a pattern."""

    status: str
    date: dt.date
    evidence: str | None = None
    reason: str | None = None  # why it changed; for retired, why the organisation stopped


@dataclass(frozen=True)
class Adoption:
    """One organisation's use of a pattern: its dated status changes, oldest first. `status`,
    `since` and `evidence` are those of the latest change, and an entry written in the one-status
    form (status and since) reads as a history of one change. Which change is in force on a
    given day is reuse logic, in reuse.py."""

    organisation: str
    status: str
    since: dt.date
    evidence: str | None = None
    note: str | None = None
    history: tuple[AdoptionChange, ...] = ()
    contact: Contact | None = None
    adapted: str | None = None  # what the organisation changed from the pattern as described

    def __post_init__(self):
        if not self.history:
            object.__setattr__(self, "history", (AdoptionChange(self.status, self.since, self.evidence),))

    @classmethod
    def from_data(cls, data: dict) -> "Adoption":
        """Build from one adoption that passed the pattern schema, in either form."""
        if "history" in data:
            changes = [AdoptionChange(c["status"], parse_date(c["date"]), c.get("evidence"), c.get("reason"))
                       for c in data["history"]]
        else:
            changes = [AdoptionChange(data["status"], parse_date(data["since"]), data.get("evidence"),
                                      data.get("reason"))]
        changes.sort(key=lambda c: c.date)  # stable: changes on one day keep their written order
        latest = changes[-1]
        evidence = next((c.evidence for c in reversed(changes) if c.evidence), None)
        contact = Contact(**data["contact"]) if "contact" in data else None
        return cls(data["organisation"], latest.status, latest.date, evidence, data.get("note"),
                   tuple(changes), contact, data.get("adapted"))

    @property
    def reason(self) -> str | None:
        """Why the latest change happened (for a retired adoption: why the organisation stopped)."""
        return self.history[-1].reason


@dataclass(frozen=True)
class Outcome:
    description: str
    source: str
    date: dt.date
    evidence: str  # its strength: a value of the evidence ladder (the schema's x-names word it)
    level: int  # that value's place on the ladder, 1 to 5: what maturity compares


@dataclass(frozen=True)
class Source:
    """One published source of what an entry says; `date` is None when the source is undated."""

    kind: str
    title: str
    publisher: str
    date: dt.date | None
    url: str


@dataclass(frozen=True)
class Resource:
    title: str
    url: str


@dataclass
class Pattern:
    """One catalogue entry, every field typed. `data` keeps the validated mapping only for the
    JSON export, which publishes the entry as written."""

    id: str
    title: str
    summary: str
    category: str
    themes: list[str]
    tags: list[str]
    problem: str  # Markdown, as are context and solution
    context: str
    solution: str
    benefits: list[str]
    liabilities: list[str]
    contact: Contact
    resources: list[Resource]
    originator: str
    lifecycle: str
    superseded_by: str | None
    created: dt.date
    last_reviewed: dt.date | None  # None when no one has reviewed the entry (reviewed_by: none)
    declared_maturity: str
    adoptions: list[Adoption]
    outcomes: list[Outcome]
    related: list[tuple[str, str]]
    data: dict
    path: str = ""
    care_settings: list[str] = field(default_factory=list)  # optional facets readers filter by
    wgll: list[str] = field(default_factory=list)  # "What Good Looks Like" success measures
    # Provenance: where the text comes from, who wrote and reviewed it, and what is the editors' own.
    sources: list[Source] = field(default_factory=list)
    written_by: str = "originator"
    reviewed_by: str = "none"
    editors_reading: list[str] = field(default_factory=list)
    prerequisites: list[str] = field(default_factory=list)
    first_steps: list[str] = field(default_factory=list)

    @property
    def latest_review(self) -> dt.date:
        """When someone last looked at the entry: its latest review, else its creation."""
        return self.last_reviewed or self.created

    @classmethod
    def from_data(cls, data: dict, path: str = "") -> "Pattern":
        """Build from a mapping that passed the pattern schema."""
        return cls(
            id=data["id"],
            title=data["title"],
            summary=data["summary"],
            category=data["category"],
            themes=list(data["themes"]),
            tags=list(data.get("tags", [])),
            problem=data["problem"],
            context=data["context"],
            solution=data["solution"],
            benefits=list(data["consequences"]["benefits"]),
            liabilities=list(data["consequences"]["liabilities"]),
            contact=Contact(**data["contact"]),
            resources=[Resource(r["title"], r["url"]) for r in data.get("resources", [])],
            originator=data["originator"],
            lifecycle=data["lifecycle"],
            superseded_by=data.get("superseded_by"),
            created=parse_date(data["created"]),
            last_reviewed=parse_date(data.get("last_reviewed")),
            declared_maturity=data["maturity"],
            adoptions=[Adoption.from_data(a) for a in data.get("adoptions", [])],
            outcomes=[Outcome(o["description"], o["source"], parse_date(o["date"]), o["evidence"],
                              level_of("evidence", o["evidence"]))
                      for o in data.get("outcomes", [])],
            related=[(r["pattern"], r["relation"]) for r in data.get("related", [])],
            data=data,
            path=path,
            care_settings=list(data.get("care_settings", [])),
            wgll=list(data.get("wgll", [])),
            sources=[Source(s["kind"], s["title"], s["publisher"], parse_date(s["date"]), s["url"])
                     for s in data["sources"]],
            written_by=data["written_by"],
            reviewed_by=data["reviewed_by"],
            editors_reading=list(data.get("editors_reading", [])),
            prerequisites=list(data.get("prerequisites", [])),
            first_steps=list(data.get("first_steps", [])),
        )


@dataclass
class Catalogue:
    """Every valid pattern and organisation, keyed by id and ODS code, in a stable order."""

    patterns: dict[str, Pattern] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)

    def sorted_patterns(self) -> list[Pattern]:
        return [self.patterns[k] for k in sorted(self.patterns)]

    def organisation_name(self, code: str) -> str:
        org = self.organisations.get(code)
        return org.shown_name if org else code


# Words ODS writes in capitals that stay so in a readable name, and short words that go lower case
# inside one. Names in ODS extracts are upper case ("LEEDS TEACHING HOSPITALS NHS TRUST").
KEPT_CAPITALS = frozenset({"NHS", "ICB", "ICS", "CCG", "GP", "PCN", "UK", "II", "III", "IV", "HSC", "NHSE", "CIC"})
SMALL_WORDS = frozenset({"and", "of", "the", "for", "in", "on", "upon", "at", "by", "with", "to"})


def readable_name(name: str) -> str:
    """A name in capitals made readable: each word capitalised, known initialisms kept and short
    words in lower case ("THE ROYAL MARSDEN NHS FOUNDATION TRUST" -> "The Royal Marsden NHS
    Foundation Trust"). A name with any lower-case letter is the author's choice, kept as written."""
    if any(c.islower() for c in name):
        return name
    out = []
    for i, word in enumerate(name.split(" ")):
        if word in KEPT_CAPITALS:
            out.append(word)
            continue
        # Each part of a hyphenated word too: "STOKE-ON-TRENT" -> "Stoke-on-Trent".
        parts = [_readable_word(part, first=not (i or j)) for j, part in enumerate(word.split("-"))]
        out.append("-".join(parts))
    return " ".join(out)


def _readable_word(word: str, first: bool) -> str:
    lower = word.lower()
    if not first and lower in SMALL_WORDS:
        return lower
    # Capitalise each run of letters: "KING'S" -> "King's", "O'NEILL" -> "O'Neill".
    shown = re.sub(r"(?<![^\W_])[^\W\d_]+", lambda m: m.group(0).capitalize(), lower)
    return re.sub(r"(?<=\w)['\u2019]S\b", lambda m: m.group(0).lower(), shown)
