"""FICTIONAL model objects for unit tests that need a Pattern without loading a catalogue: every
field valid, any of them overridden by keyword (organisation codes ZZ*, example.org addresses)."""

from __future__ import annotations

from generator.model.catalogue import Pattern


def make_pattern(pid: str, **fields) -> Pattern:
    data = {
        "id": pid, "title": f"Fictional pattern {pid}",
        "summary": "A fictional summary used only in unit tests.",
        "category": "platform", "themes": ["reusability", "scalability"], "tags": ["cloud", "fictional"],
        "problem": "A fictional problem statement.", "context": "A fictional context statement.",
        "solution": "A fictional solution statement.",
        "consequences": {"benefits": ["Fictional benefit."], "liabilities": []},
        "originator": "ZZ1", "contact": {"team": "Fictional Team", "url": "https://northshire.example.org/"},
        "lifecycle": "active", "created": "2025-06-01", "last_reviewed": "2026-04-20", "maturity": "emerging",
        "sources": [{"kind": "originator-account", "title": f"Fictional account of {pid}",
                     "publisher": "Fictional Northshire Trust", "date": "2025-05-01",
                     "url": "https://northshire.example.org/account"}],
        "written_by": "originator", "reviewed_by": "originator",
    }
    data.update(fields)
    return Pattern.from_data(data)


def adoption(org: str, status: str, since: str, **extra) -> dict:
    """An adoption entry; piloting and in-use ones carry the evidence link the rules ask for."""
    entry = {"organisation": org, "status": status, "since": since, **extra}
    if status in ("piloting", "in-use"):
        entry["evidence"] = "https://example.org/fictional-evidence"
    return entry
