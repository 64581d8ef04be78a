"""Similar patterns: warn when a new or changed pattern looks like one already in the catalogue,
so its author can adopt the existing pattern (adding to its reuse count) instead of adding another.

Pure functions over (id, title, summary) tuples: no I/O, no catalogue objects, so the validator,
the tests and the measurement script all call the same code.

How it scales: comparing every changed pattern with every other one is quadratic when `changed`
is the whole catalogue (a full `catalogue validate`). Instead each text is reduced to a set of
normalised tokens, tokens are ranked from rarest to most common across the catalogue, and each
text is indexed under its few rarest tokens (prefix filtering). Two texts are compared only when
they share one of those rare tokens; near-duplicates share most of their words, so they share
their rarest ones too. Only those candidate pairs are scored with rapidfuzz.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from itertools import chain
from math import ceil
from dataclasses import dataclass
from typing import Iterable

from rapidfuzz import fuzz, process

from generator.rules import PLACEHOLDER

# Warn when the title + summary similarity (rapidfuzz token_set_ratio on normalised text, 0-100)
# is at least this. Chosen by measurement (tests/unit/test_similarity.py keeps the pairs):
#   - the 9 shipped patterns, all about cloud and strategy: highest pair 48 (mean 34);
#   - 10 deliberately dissimilar pairs on the same topics: highest 51;
#   - 13 deliberately similar pairs (the same practice re-worded, near copies, typos, US
#     spellings, a longer or shorter title): lowest 76, median 86.
# 70 sits in the gap, nearer the dissimilar side so a re-worded duplicate is still caught, and
# 19 points above the most similar pair of genuinely different patterns. It is a warning, so a
# rare false alarm costs a reader a glance; a missed duplicate costs the catalogue a split count.
SIMILARITY_THRESHOLD = 70

# Weight of token_set_ratio in the score; token_sort_ratio has the rest (see score()).
SET_WEIGHT = 0.75

# Each text is indexed under this share of its distinct tokens, the rarest first (at least
# PREFIX_MIN of them). Two texts scoring over the threshold share well over half their tokens,
# so they share at least one token in these prefixes. Measured on 2,000 synthetic entries with
# planted near-duplicates: the blocked search found every pair the full comparison found.
PREFIX_SHARE = 0.6
PREFIX_MIN = 4
MIN_SHARED = 2

_STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each either etc few for from
further had has have having he her here hers him his how i if in into is it its itself just may
me might more most much must my no nor not now of off on once only or other our ours out over own
per rather same she should so some such than that the their theirs them then there these they
this those through to too under until up upon us very via was we were what when where whether
which while who whom why will with within without would you your yours
""".split())

_SPELLING = {"center": "centre", "centers": "centres", "program": "programme", "programs": "programmes",
             "organization": "organisation", "organizations": "organisations", "color": "colour"}


@dataclass(frozen=True)
class Match:
    """One similar pair: the changed pattern, the other pattern, and their similarity (0-100)."""

    pattern_id: str
    other_id: str
    score: int


def _stem(token: str) -> str:
    """A very light English stemmer, so 'hubs'/'hub' and 'organise'/'organize' meet."""
    token = _SPELLING.get(token, token)
    if len(token) > 4:
        if token.endswith("ies"):
            token = token[:-3] + "y"
        elif token.endswith("s") and not token.endswith(("ss", "us", "is")):
            token = token[:-1]
        if token.endswith(("ize", "yze")):
            token = token[:-2] + "se"
        elif token.endswith(("izing", "ization", "ized")):
            token = token.replace("iz", "is")
    return token


def tokens(text: str) -> list[str]:
    """Normalised tokens: lower-case, accents and punctuation removed, stop words dropped, stemmed."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = text.replace("&", " and ")
    words = re.findall(r"[a-z0-9]+", text)
    return [_stem(w) for w in words if w not in _STOPWORDS]


def normalise(title: str, summary: str) -> str:
    """The text compared: title and summary, normalised. A summary still holding the scaffold's
    placeholder is left out: every new entry starts with the same one, and the validator
    already asks for it to be replaced."""
    if PLACEHOLDER in summary:
        summary = ""
    return " ".join(tokens(title) + tokens(summary))


def _set_cutoff(cutoff: float) -> float:
    """The token_set_ratio a pair needs for its blended score to possibly reach `cutoff`."""
    return max(0.0, (cutoff - (1 - SET_WEIGHT) * 100) / SET_WEIGHT)


def _blend(by_set: float, a: str, b: str) -> float:
    return SET_WEIGHT * by_set + (1 - SET_WEIGHT) * fuzz.token_sort_ratio(a, b, processor=None)


def score(a: str, b: str, cutoff: float = 0) -> float:
    """Similarity (0-100) of two normalised texts, or 0 when it is under `cutoff`.

    Mostly token_set_ratio, which ignores word order and repeated or extra words, so a re-worded
    copy scores high; a quarter token_sort_ratio, which sees the whole of both texts, so a short
    text whose few words all occur in a long one does not score 100 (token_set_ratio alone does).
    """
    by_set = fuzz.token_set_ratio(a, b, processor=None, score_cutoff=_set_cutoff(cutoff))
    if not by_set and cutoff > 0:
        return 0.0
    value = _blend(by_set, a, b)
    return value if value >= cutoff else 0.0


def _candidates(postings: list[set[int]]) -> set[int]:
    """Entries in at least MIN_SHARED of the posting sets (in all of them when there are fewer).

    Pairwise set intersections run in C, so a common token costs little even when thousands
    of entries share it; counting entry by entry in Python was the slow part at 10,000.
    """
    if len(postings) < MIN_SHARED:
        return set().union(*postings)
    found: set[int] = set()
    for i, first in enumerate(postings):
        for second in postings[i + 1:]:
            found |= first & second
    return found


def similar_patterns(entries: Iterable[tuple[str, str, str]], changed: Iterable[str] | None = None,
                     threshold: float = SIMILARITY_THRESHOLD,
                     ignore: Iterable[tuple[str, str]] = ()) -> list[Match]:
    """Every pattern similar to a changed one.

    `entries` are (id, title, summary) for the whole catalogue; `changed` are the ids to check
    (all of them when None). For each changed id, every other entry whose similarity is at least
    `threshold` is returned. Pairs in `ignore` (in either order), e.g. patterns that already name
    each other as related, are not reported. The list is sorted by changed id, then score
    (highest first), then other id.
    """
    ids: list[str] = []
    texts: list[str] = []
    position: dict[str, int] = {}
    for pid, title, summary in entries:
        if pid in position:
            continue  # a duplicate id is the validator's error to report, not a similarity
        position[pid] = len(ids)
        ids.append(pid)
        texts.append(normalise(title or "", summary or ""))
    if changed is None:
        wanted = list(range(len(ids)))
    else:
        wanted = sorted({position[pid] for pid in changed if pid in position})
    if not wanted:
        return []
    is_wanted = [False] * len(ids)
    for i in wanted:
        is_wanted[i] = True

    # Rank tokens from rarest to most common (ties by the token itself, so runs are repeatable),
    # and index every entry under the rarest part of its tokens.
    token_sets = [set(text.split()) for text in texts]
    frequency: Counter = Counter(chain.from_iterable(token_sets))
    prefixes: list[list[str]] = []
    index: dict[str, set[int]] = defaultdict(set)
    short: dict[str, set[int]] = defaultdict(set)  # entries with fewer than MIN_SHARED tokens
    for i, toks in enumerate(token_sets):
        ranked = sorted(toks, key=lambda t: (frequency[t], t))
        prefix = ranked[:max(PREFIX_MIN, ceil(len(ranked) * PREFIX_SHARE))]
        prefixes.append(prefix)
        for tok in prefix:
            index[tok].add(i)
            if len(prefix) < MIN_SHARED:
                short[tok].add(i)

    skip = {frozenset(pair) for pair in ignore}
    set_cutoff = _set_cutoff(threshold)
    found: list[tuple[int, int, int]] = []
    for q in wanted:
        candidates = _candidates([index[tok] for tok in prefixes[q]])
        candidates.update(*(short[tok] for tok in prefixes[q] if tok in short))
        # Each pair is scored once: a candidate that is itself checked, and comes earlier, has
        # already been compared with this entry.
        candidates = [c for c in candidates if c > q or (c < q and not is_wanted[c])]
        if not candidates:
            continue
        candidates.sort()
        choices = [texts[c] for c in candidates]
        for _, by_set, k in process.extract_iter(texts[q], choices, scorer=fuzz.token_set_ratio,
                                                 processor=None, score_cutoff=set_cutoff):
            other = candidates[k]
            value = _blend(by_set, texts[q], texts[other])
            if value >= threshold and frozenset((ids[q], ids[other])) not in skip:
                found.append((q, other, int(value)))

    matches = []
    for q, other, value in found:
        matches.append(Match(ids[q], ids[other], value))
        if is_wanted[other]:
            matches.append(Match(ids[other], ids[q], value))
    matches.sort(key=lambda m: (m.pattern_id, -m.score, m.other_id))
    return matches


def similarity_warnings(entries: Iterable[tuple[str, str, str]], changed: Iterable[str] | None = None,
                        threshold: float = SIMILARITY_THRESHOLD,
                        ignore: Iterable[tuple[str, str]] = ()) -> list[tuple[str, str, int]]:
    """(pattern_id, other_id, score) for each warning the validator's `similar-pattern` rule gives."""
    return [(m.pattern_id, m.other_id, m.score)
            for m in similar_patterns(entries, changed, threshold=threshold, ignore=ignore)]


def similarity_message(other_id: str, other_title: str, reuse_count: int, similarity: int) -> str:
    """The warning text shown on the changed pattern."""
    reused = f"reused by {reuse_count} organisation{'s' * (reuse_count != 1)}"
    return (f"looks like {other_id!r} ({other_title}), {reused}: consider adopting it instead of "
            f"adding a new pattern (similarity {similarity}%); if they differ, say how in `related`")
