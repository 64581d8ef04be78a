"""Model, recommendations: which patterns an organisation might take on next, and which patterns
organisations use together, computed once per build from who pilots or uses what today.

For an organisation: patterns ranked by co-adoption (organisations that use what it uses, or
what it originated, also use them), then by how many organisations of its type in its region
use them, leaving out what it uses or originated. For a pattern: the patterns most often used
by the organisations that use it. Deprecated and superseded patterns are never suggested, and a
closed organisation gets no suggestions.

The work is linear in the number of adoptions, never patterns x organisations:
- each organisation's "basket" (the patterns it pilots or uses) counts towards co-adoption with
  at most BASKET patterns, so counting pairs costs at most BASKET steps per adoption;
- each pattern keeps its NEIGHBOURS most used-together patterns, so scoring an organisation
  costs at most NEIGHBOURS steps per pattern it uses or originated;
- the peers' patterns (same type and region) are counted once per adoption and walked, per
  organisation, only until enough are found past the ones it already has.
`Recommendations.work` counts those steps; tests/unit/test_recommend.py checks it grows in step
with the adoptions. Every ordering ends on ids, so the output is the same on every build.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from generator.model.catalogue import Catalogue
from generator.model.reuse import reuse_of

BASKET = 50  # an organisation's patterns that count towards co-adoption (the first, by id)
NEIGHBOURS = 10  # used-together patterns kept per pattern
SHOWN = 5  # suggestions per organisation, companions per pattern
RETIRED_LIFECYCLES = frozenset({"deprecated", "superseded"})


@dataclass(frozen=True)
class Companion:
    """A pattern used alongside another: `together` organisations use both."""

    pattern: str
    together: int


@dataclass(frozen=True)
class Suggestion:
    """A pattern suggested to an organisation, with what the reason on its page says."""

    pattern: str
    score: int  # co-adoption: summed over the organisation's patterns, organisations using both
    via: str | None  # the organisation's pattern most used together with this one
    together: int  # organisations that use both `via` and this pattern
    peers: int  # organisations of the same type in the same region that use it


@dataclass
class Recommendations:
    """Suggestions by organisation code, companions by pattern id, and the steps it took."""

    suggestions: dict[str, tuple[Suggestion, ...]] = field(default_factory=dict)
    companions: dict[str, tuple[Companion, ...]] = field(default_factory=dict)
    work: int = 0

    def for_organisation(self, code: str) -> tuple[Suggestion, ...]:
        return self.suggestions.get(code, ())

    def for_pattern(self, pattern_id: str) -> tuple[Companion, ...]:
        return self.companions.get(pattern_id, ())


def recommend(catalogue: Catalogue, adopters: dict[str, tuple[str, ...]] | None = None) -> Recommendations:
    """Suggestions for every open organisation in the registry and companions for every pattern.
    `adopters` (pattern id: codes piloting or using it today) is computed when not given."""
    if adopters is None:
        adopters = {pid: reuse_of(p).adopters for pid, p in catalogue.patterns.items()}
    out = Recommendations()
    live = {pid for pid, p in catalogue.patterns.items() if p.lifecycle not in RETIRED_LIFECYCLES}
    baskets: dict[str, list[str]] = defaultdict(list)
    for pid in sorted(adopters):
        for code in adopters[pid]:
            baskets[code].append(pid)
            out.work += 1
    neighbours = _neighbours(baskets, live, out)
    out.companions = {pid: tuple(Companion(q, n) for q, n in near[:SHOWN]) for pid, near in neighbours.items()}
    originated: dict[str, list[str]] = defaultdict(list)
    for pid in sorted(catalogue.patterns):
        originated[catalogue.patterns[pid].originator].append(pid)
    peers = _peer_rankings(catalogue, baskets, live, out)
    for code, org in sorted(catalogue.organisations.items()):
        if org.closed is not None:
            continue
        mine = set(baskets.get(code, ())) | set(originated.get(code, ()))
        ranked = _suggest(mine, neighbours, peers.get((org.type, org.region), ([], Counter())), out)
        if ranked:
            out.suggestions[code] = ranked
    return out


def _neighbours(baskets, live, out: Recommendations) -> dict[str, list[tuple[str, int]]]:
    """For each pattern, its most used-together live patterns: (id, organisations using both)."""
    together: dict[str, Counter] = defaultdict(Counter)
    for code in sorted(baskets):
        basket = baskets[code][:BASKET]
        for p in basket:
            for q in basket:
                out.work += 1
                if q != p and q in live:
                    together[p][q] += 1
    return {p: heapq.nsmallest(NEIGHBOURS, ((q, n) for q, n in counts.items()), key=lambda item: (-item[1], item[0]))
            for p, counts in together.items()}


def _peer_rankings(catalogue: Catalogue, baskets, live, out: Recommendations):
    """For each (type, region): its live patterns ranked by how many such organisations use them,
    with the counts."""
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for code, basket in baskets.items():
        org = catalogue.organisations.get(code)
        if org is None:
            continue
        for pid in basket:
            out.work += 1
            if pid in live:
                counts[(org.type, org.region)][pid] += 1
    return {group: (sorted(c, key=lambda pid: (-c[pid], pid)), c) for group, c in counts.items()}


def _suggest(mine: set[str], neighbours, peers, out: Recommendations) -> tuple[Suggestion, ...]:
    """The organisation's suggestions: co-adoption first, then peers of its type and region."""
    ranked_peers, peer_counts = peers
    score: Counter = Counter()
    best: dict[str, tuple[int, str]] = {}  # pattern: (together, via), the strongest single link
    for p in sorted(mine):
        for q, n in neighbours.get(p, ()):
            out.work += 1
            if q in mine:
                continue
            score[q] += n
            if n > best.get(q, (0, None))[0]:  # strictly more: among equals, the first id wins
                best[q] = (n, p)
    candidates = set(score)
    found = 0
    for pid in ranked_peers:  # stop once enough that are not the organisation's own are found
        out.work += 1
        if pid in mine:
            continue
        candidates.add(pid)
        found += 1
        if found >= SHOWN:
            break
    chosen = sorted(candidates, key=lambda q: (-score[q], -peer_counts[q], q))[:SHOWN]
    return tuple(Suggestion(q, score[q], best.get(q, (0, None))[1], best.get(q, (0, None))[0], peer_counts[q])
                 for q in chosen)

