"""Model: the catalogue as typed objects (patterns, adoptions, organisations) built from loaded data.

Built only from data that passed the schema, so fields can be read without checks. Reuse and
maturity are computed from this model in reuse.py and maturity.py, nowhere else.
"""

from __future__ import annotations

import datetime as dt
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


@dataclass(frozen=True)
class Adoption:
    organisation: str
    status: str
    since: dt.date
    evidence: str | None = None
    note: str | None = None


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
class Contact:
    """How to reach the originators: a team, with a shared mailbox or a team page."""

    team: str
    email: str | None = None
    url: str | None = None


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
            adoptions=[Adoption(a["organisation"], a["status"], parse_date(a["since"]),
                                a.get("evidence"), a.get("note")) for a in data.get("adoptions", [])],
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
        return org.name if org else code
