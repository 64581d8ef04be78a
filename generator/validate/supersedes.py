"""Validate, supersession: which pattern replaces which, gathered from both ways an entry can say
it (`superseded_by` in the older entry, `related: relation: supersedes` in the newer one), and
the cycles in it, which no reader could follow to a current pattern.

Pure functions over loaded data, read defensively (they run on files with schema errors too);
the rules in rules.py turn what they find into located problems.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.graphs import strongly_connected
from generator.layout import stem_of
from generator.validate.loader import LoadedFile


@dataclass(frozen=True)
class Claim:
    """One file's statement that `newer` supersedes `older`, and where the file says it."""

    newer: str
    older: str
    file: LoadedFile
    location: tuple


def file_id(f: LoadedFile) -> str:
    """The id a file claims, or its name when the id is unusable."""
    pid = f.data.get("id")
    return pid if isinstance(pid, str) else stem_of(f.display)


def claims(files: list[LoadedFile]) -> list[Claim]:
    """Every supersession the files state, self-references left out (no-self-relation reports them)."""
    found = []
    for f in files:
        own = file_id(f)
        replacement = f.data.get("superseded_by")
        if isinstance(replacement, str):
            found.append(Claim(replacement, own, f, ("superseded_by",)))
        related = f.data.get("related")
        for i, rel in enumerate(related if isinstance(related, list) else []):
            if isinstance(rel, dict) and rel.get("relation") == "supersedes" and isinstance(rel.get("pattern"), str):
                found.append(Claim(own, rel["pattern"], f, ("related", i, "pattern")))
    return [c for c in found if c.newer != c.older]


def _cycle_through(first: str, edges: dict[str, set[str]], members: set[str]) -> list[str]:
    """One cycle from `first` back to it inside a component, as the list of ids along it."""
    path, seen = [first], {first}
    while True:
        successors = sorted(edges[path[-1]] & members)
        if first in successors and len(path) > 1:
            return path + [first]
        step = next((s for s in successors if s not in seen), None)
        if step is None:  # a dead end inside the component: back up and avoid it
            seen.add(path.pop())
            if not path:
                return [first, first]
            continue
        path.append(step)
        seen.add(step)


def cycles(found: list[Claim]) -> list[tuple[list[str], list[Claim]]]:
    """Each cycle of supersession: the ids along one loop (first id repeated at the end), and
    every claim that keeps its patterns in a loop."""
    edges: dict[str, set[str]] = {}
    for claim in found:
        edges.setdefault(claim.newer, set()).add(claim.older)
        edges.setdefault(claim.older, set())
    out = []
    for component in strongly_connected(edges):
        members = set(component)
        if len(members) < 2:
            continue
        inside = [c for c in found if c.newer in members and c.older in members]
        out.append((_cycle_through(component[0], edges, members), inside))
    return out


def describe(loop: list[str]) -> str:
    """'a supersedes b, which supersedes a'."""
    return f"{loop[0]!r} supersedes {loop[1]!r}" + "".join(f", which supersedes {older!r}" for older in loop[2:])
