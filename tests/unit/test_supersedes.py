"""Supersession: claims from both ways of stating it, and the cycles among them."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.validate.loader import LoadedFile
from generator.validate.supersedes import claims, cycles, describe


def entry(pid: str, superseded_by: str | None = None, supersedes: tuple[str, ...] = (), **data) -> LoadedFile:
    """A loaded FICTIONAL entry holding only what supersession reads."""
    data = {"id": pid, **data}
    if superseded_by:
        data["superseded_by"] = superseded_by
    data["related"] = [{"pattern": other, "relation": "supersedes"} for other in supersedes]
    return LoadedFile(Path(f"patterns/{pid}.yaml"), f"patterns/{pid}.yaml", "", data)


def test_both_ways_of_saying_it_give_the_same_claim():
    older, newer = entry("fictional-old", superseded_by="fictional-new"), entry("fictional-new", supersedes=("fictional-old",))
    assert [(c.newer, c.older, c.location) for c in claims([older, newer])] == [
        ("fictional-new", "fictional-old", ("superseded_by",)),
        ("fictional-new", "fictional-old", ("related", 0, "pattern"))]
    assert cycles(claims([older, newer])) == []


@pytest.mark.parametrize("files", [
    [entry("a", superseded_by="b"), entry("b", superseded_by="a")],
    [entry("a", supersedes=("b",)), entry("b", supersedes=("a",))],
    [entry("a", superseded_by="b"), entry("b", supersedes=("b", "c")), entry("c", supersedes=("b",))],
], ids=["superseded_by", "related", "mixed"])
def test_two_patterns_superseding_each_other(files):
    [(loop, inside)] = cycles(claims(files))
    assert loop[0] == loop[-1] and len(loop) == 3
    assert {c.file.display for c in inside} == {f.display for f in files if f.data["id"] in loop}


def test_a_long_mixed_cycle_is_named_in_order_and_every_claim_in_it_is_blamed():
    # a -> b (said in b), b -> d (in b), d -> c (in c), c -> a (in a); a -> e hangs off the cycle.
    files = [entry("a", superseded_by="c"), entry("b", superseded_by="a", supersedes=("d",)),
             entry("c", superseded_by="d"), entry("d"), entry("e", superseded_by="a")]
    [(loop, inside)] = cycles(claims(files))
    assert describe(loop) == "'a' supersedes 'b', which supersedes 'd', which supersedes 'c', which supersedes 'a'"
    assert sorted((c.file.display, c.location[0]) for c in inside) == [
        ("patterns/a.yaml", "superseded_by"), ("patterns/b.yaml", "related"), ("patterns/b.yaml", "superseded_by"),
        ("patterns/c.yaml", "superseded_by")]


def test_a_chain_of_thousands_is_walked_without_recursion():
    n = 5000
    files = [entry(f"p{i}", superseded_by=f"p{i + 1}") for i in range(n)]
    assert cycles(claims(files)) == []
    files.append(entry(f"p{n}", superseded_by="p0"))
    [(loop, inside)] = cycles(claims(files))
    assert len(loop) == n + 2 and len(inside) == n + 1


def test_data_the_schema_rejects_is_read_without_failing():
    odd = LoadedFile(Path("patterns/x.yaml"), "patterns/x.yaml", "", {"id": 5, "superseded_by": ["a"],
                                                                     "related": [None, {"relation": "supersedes"}]})
    assert claims([odd]) == [] and cycles([]) == []
