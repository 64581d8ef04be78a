"""Recommendations (generator/model/recommend.py): co-adoption first, then peers of the same type
and region, never what an organisation already uses or originated; the same output on every run;
and work that grows in step with the adoptions, never patterns x organisations. Every
organisation and pattern here is FICTIONAL (ZZ codes)."""

from __future__ import annotations

import random

import pytest

from generator.model.catalogue import Catalogue, Organisation
from generator.model.recommend import BASKET, SHOWN, recommend


def org(code, type_="trust", region="london", closed=None):
    return Organisation(code, f"Fictional organisation {code}", type_, region, closed=closed)


@pytest.fixture
def build(make_pattern):
    """A catalogue from {pattern id: (originator, [adopter codes])} and a list of organisations."""
    def make(patterns: dict, organisations: list, **fields) -> Catalogue:
        catalogue = Catalogue(organisations={o.code: o for o in organisations})
        for pid, (originator, users) in patterns.items():
            catalogue.patterns[pid] = make_pattern(
                id=pid, originator=originator, adoptions=[(code, "in-use", "2026-02-01") for code in users],
                **fields.get(pid, {}))
        return catalogue
    return make


def test_organisations_that_use_what_you_use_also_use_it(build):
    catalogue = build({"fictional-a": ("ZZ9", ["ZZ1", "ZZ2", "ZZ3"]),
                       "fictional-b": ("ZZ9", ["ZZ2", "ZZ3"]),
                       "fictional-c": ("ZZ9", ["ZZ3"])},
                      [org("ZZ1"), org("ZZ2"), org("ZZ3"), org("ZZ9")])
    found = recommend(catalogue).for_organisation("ZZ1")
    assert [s.pattern for s in found] == ["fictional-b", "fictional-c"]
    first = found[0]
    assert (first.via, first.together, first.score) == ("fictional-a", 2, 2)


def test_what_you_use_or_originated_is_left_out(build):
    catalogue = build({"fictional-a": ("ZZ1", ["ZZ2"]), "fictional-b": ("ZZ9", ["ZZ1", "ZZ2"]),
                       "fictional-c": ("ZZ9", ["ZZ2"])},
                      [org("ZZ1"), org("ZZ2"), org("ZZ9")])
    assert [s.pattern for s in recommend(catalogue).for_organisation("ZZ1")] == ["fictional-c"]


def test_peers_of_the_same_type_and_region_come_next(build):
    catalogue = build({"fictional-a": ("ZZ9", ["ZZ2", "ZZ3"]), "fictional-b": ("ZZ9", ["ZZ4"])},
                      [org("ZZ1"), org("ZZ2"), org("ZZ3"), org("ZZ4", region="north-west"), org("ZZ9", "icb")])
    found = recommend(catalogue).for_organisation("ZZ1")
    # ZZ1 uses nothing: two London trusts use fictional-a; fictional-b only a trust elsewhere.
    assert [(s.pattern, s.score, s.peers) for s in found] == [("fictional-a", 0, 2)]


def test_retired_patterns_and_closed_organisations_get_no_suggestion(build):
    import datetime as dt

    catalogue = build({"fictional-a": ("ZZ9", ["ZZ1", "ZZ2"]), "fictional-b": ("ZZ9", ["ZZ2"])},
                      [org("ZZ1"), org("ZZ2"), org("ZZ3", closed=dt.date(2025, 1, 1)), org("ZZ9")],
                      **{"fictional-b": {"lifecycle": "deprecated"}})
    result = recommend(catalogue)
    assert result.for_organisation("ZZ1") == ()
    assert result.for_organisation("ZZ3") == ()
    assert result.for_pattern("fictional-a") == ()


def test_organisations_that_use_a_pattern_also_use(build):
    catalogue = build({"fictional-a": ("ZZ9", ["ZZ1", "ZZ2", "ZZ3"]), "fictional-b": ("ZZ9", ["ZZ1", "ZZ2"]),
                       "fictional-c": ("ZZ9", ["ZZ3"]), "fictional-d": ("ZZ9", [])},
                      [org("ZZ1"), org("ZZ2"), org("ZZ3"), org("ZZ9")])
    companions = recommend(catalogue).for_pattern("fictional-a")
    assert [(c.pattern, c.together) for c in companions] == [("fictional-b", 2), ("fictional-c", 1)]
    assert recommend(catalogue).for_pattern("fictional-d") == ()


def synthetic(orgs: int, patterns: int, per_org: int, seed: int = 7):
    """A FICTIONAL catalogue, as the model sees it: organisations in a few types and regions,
    each using `per_org` patterns drawn with a skew (a few patterns are very popular)."""
    rng = random.Random(seed)
    types, regions = ["trust", "icb", "primary-care"], ["london", "midlands", "north-west", "south-east"]
    organisations = {f"ZZ{i}": Organisation(f"ZZ{i}", f"Fictional {i}", rng.choice(types), rng.choice(regions))
                     for i in range(orgs)}
    pids = [f"fictional-{i:05d}" for i in range(patterns)]
    adopters: dict[str, list[str]] = {pid: [] for pid in pids}
    for code in organisations:
        for pid in {pids[min(int(rng.paretovariate(1.2)) - 1, patterns - 1)] if rng.random() < 0.5
                    else rng.choice(pids) for _ in range(per_org)}:
            adopters[pid].append(code)
    return organisations, {pid: tuple(sorted(codes)) for pid, codes in adopters.items()}


class _Light:
    """Just what recommend() reads of a pattern, so large inputs stay cheap to build."""

    def __init__(self, originator):
        self.originator, self.lifecycle = originator, "active"


def light_catalogue(orgs: int, patterns: int, per_org: int):
    organisations, adopters = synthetic(orgs, patterns, per_org)
    catalogue = Catalogue(organisations=organisations)
    catalogue.patterns = {pid: _Light("ZZ0") for pid in adopters}
    return catalogue, adopters


def test_the_work_grows_in_step_with_the_adoptions():
    sizes = [(1000, 700, 7), (2000, 1400, 7), (4000, 2800, 7)]
    runs = []
    for orgs, patterns, per_org in sizes:
        catalogue, adopters = light_catalogue(orgs, patterns, per_org)
        adoptions = sum(len(v) for v in adopters.values())
        runs.append((adoptions, recommend(catalogue, adopters).work))
    per_adoption = [work / adoptions for adoptions, work in runs]
    # Linear: the steps per adoption stay flat as the catalogue doubles and doubles again.
    assert max(per_adoption) <= 1.25 * min(per_adoption), runs


def test_the_work_is_bounded_per_adoption_even_for_heavy_users():
    # Every organisation uses every pattern: pairs would be patterns^2 per organisation, but an
    # organisation's basket counts with at most BASKET patterns.
    organisations = {f"ZZ{i}": org(f"ZZ{i}") for i in range(40)}
    pids = [f"fictional-{i:03d}" for i in range(200)]
    adopters = {pid: tuple(sorted(organisations)) for pid in pids}
    catalogue = Catalogue(organisations=organisations)
    catalogue.patterns = {pid: _Light("ZZ999") for pid in pids}
    adoptions = 40 * 200
    work = recommend(catalogue, adopters).work
    assert work <= (BASKET + 20) * adoptions


def test_the_same_input_gives_the_same_output():
    catalogue, adopters = light_catalogue(300, 120, 6)
    first, second = recommend(catalogue, adopters), recommend(catalogue, dict(reversed(list(adopters.items()))))
    assert first.suggestions == second.suggestions and first.companions == second.companions
    assert any(len(s) == SHOWN for s in first.suggestions.values())
