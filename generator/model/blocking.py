"""Similar patterns, blocking: which pairs of texts are worth scoring at all, so that checking a
whole catalogue is not quadratic (see similarity.py). Two ways, with the same answer: bit sets
over an inverted index for many checked entries, and one pass of rapidfuzz with the rule applied
afterwards for a few (one changed file).
"""

from __future__ import annotations

import re
from collections import defaultdict
from math import ceil
from typing import Iterable

from rapidfuzz import fuzz, process

# Blocking: a pair is scored only when the two texts share at least this share of the distinct
# words of the shorter one, and at least MIN_SHARED words. Every pair scoring 70 or more that was
# measured shares far more: at least 0.55 of its words for the hand-made pairs and for 2,500
# synthetic entries in English words, at least 0.44 for 2,500 in invented words (chance
# likenesses between random texts); so 0.4 skips no pair over the threshold there, and on
# 2,000-entry catalogues it found exactly the pairs that scoring every pair found. A pair
# sharing fewer words is not a duplicate, however alike its letters. At 10,000 entries, all
# checked, it leaves 1,000 to 75,000 of the 50 million pairs to score and takes 2 to 6 seconds
# on the 2-core development machine (busy with other work); one changed entry takes under a
# second, mostly normalising the catalogue's texts. See tests/unit/test_similarity.py.
MIN_OVERLAP_SHARE = 0.4
MIN_SHARED = 2


def _bitset(indices: Iterable[int], size: int) -> int:
    """An int whose bit i is set for each index i."""
    buf = bytearray((size + 7) // 8)
    for i in indices:
        buf[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(buf, "little")


def _members(bits: int) -> list[int]:
    """The indices of the set bits, ascending."""
    text = bin(bits)
    top = len(text) - 1
    return sorted(top - m.start() for m in re.finditer("1", text)) if bits else []


class _Counts:
    """How many of a text's words each entry shares, for all entries at once: a binary counter
    per entry, stored as bit planes (plane p holds bit p of every entry's count)."""

    def __init__(self, postings: Iterable[int], planes: int, everyone: int):
        self.planes = [0] * planes
        self.everyone = everyone
        self._at_least: dict[int, int] = {}
        for carry in postings:  # add 1 to the count of every entry in this posting
            for p, plane in enumerate(self.planes):
                self.planes[p] = plane ^ carry
                carry &= plane
                if not carry:
                    break

    def at_least(self, n: int) -> int:
        """Bit set of the entries whose count is n or more."""
        if n >= 1 << len(self.planes):
            return 0  # more than any text here has words
        if n not in self._at_least:
            greater, equal = 0, self.everyone
            for p in range(len(self.planes) - 1, -1, -1):
                plane = self.planes[p]
                if n >> p & 1:
                    equal &= plane
                else:
                    greater |= equal & plane
                    equal &= self.everyone ^ plane
            self._at_least[n] = greater | equal
        return self._at_least[n]


def _word_index(texts: list[str]) -> tuple[list[set[str]], dict[str, int], list[tuple[int, int]]]:
    """Each entry's distinct words; the inverted index (word -> bit set of the entries using it);
    and the entries grouped by number of words, as (number, bit set of those entries)."""
    words = [set(text.split()) for text in texts]
    index: dict[str, list[int]] = defaultdict(list)
    by_length: dict[int, list[int]] = defaultdict(list)
    for i, ws in enumerate(words):
        by_length[len(ws)].append(i)
        for w in ws:
            index[w].append(i)
    postings = {w: _bitset(members, len(texts)) for w, members in index.items()}
    lengths = sorted((n, _bitset(members, len(texts))) for n, members in by_length.items())
    return words, postings, lengths


FEW = 8  # up to this many checked entries, counting shared words directly beats the bit sets


def _needed(own: int, other: int) -> int:
    """How many words two entries of these sizes must share to be worth scoring (blocking)."""
    return max(MIN_SHARED, ceil(MIN_OVERLAP_SHARE * min(own, other)))


def blocks(texts: list[str], wanted: list[int]):
    """(checked entry, the entries to score it with) for each checked entry, each pair once and
    never an entry with itself: the shared words of all entries counted at once in bit planes."""
    words, postings, lengths = _word_index(texts)
    everyone = (1 << len(texts)) - 1
    planes = max(len(ws) for ws in words).bit_length() or 1
    done = 0  # checked entries already compared with every other one
    for q in wanted:
        counts = _Counts((postings[w] for w in words[q]), planes, everyone)
        own = len(words[q])
        candidates = 0
        for n, members in lengths:
            candidates |= members & counts.at_least(_needed(own, n))
        done |= 1 << q
        candidates &= everyone ^ done
        yield q, _members(candidates)


def few_pairs(texts: list[str], wanted: list[int], set_cutoff: float):
    """(checked entry, other entry, token_set_ratio) as _blocks then scoring would give them, for
    a few checked entries (one changed file): scoring every text is one pass in rapidfuzz's C++,
    cheaper than indexing the words of the whole catalogue, and the blocking rule is then
    applied to the few pairs that score high enough."""
    done: set[int] = set()
    for q in wanted:
        done.add(q)
        others = [i for i in range(len(texts)) if i not in done]
        own = set(texts[q].split())
        for _, by_set, k in process.extract_iter(texts[q], [texts[i] for i in others], scorer=fuzz.token_set_ratio,
                                                 processor=None, score_cutoff=set_cutoff):
            words = set(texts[others[k]].split())
            if len(own & words) >= _needed(len(own), len(words)):
                yield q, others[k], by_set
