"""Similar patterns: warn when a new or changed pattern looks like one already in the catalogue,
so its author can adopt the existing pattern (adding to its reuse count) instead of adding another.

Pure functions over (id, title, summary) tuples: no I/O and no catalogue objects, so the
validator and the tests call the same code.

How it scales: scoring every changed pattern against every other one is quadratic when
`changed` is the whole catalogue (a full `catalogue validate`): 50 million rapidfuzz calls at
10,000 patterns, 15 to 50 minutes. Instead a pair is scored only when the two texts share enough
words (blocking): an inverted index maps each normalised word to the set of entries using it,
kept as a bit set (a Python int), so adding up a text's postings gives, in a few hundred C-speed
integer operations, how many words it shares with every other entry. Only the few entries that
share at least MIN_OVERLAP_SHARE of the shorter text's words are scored with rapidfuzz. Near
duplicates share most of their words, so they always pass.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from rapidfuzz import fuzz, process

from generator.model.blocking import FEW, blocks, few_pairs
from generator.model.vocabulary import PLACEHOLDER

# Warn when the similarity of two patterns' normalised title + summary (score(), 0-100) is at
# least this. Chosen by measuring the scorer on real and deliberately made pairs (the pairs are
# kept in tests/unit/test_similarity.py, so a change of scorer or threshold is re-measured):
#   - the 9 patterns shipped on 2026-11-26, all about cloud and strategy (36 pairs): highest 52,
#     mean 45;
#   - 42 distinct entries (the shipped ones and fictional ones on the same topics) give 840
#     pairs of different practices: highest 60, 99th percentile 55;
#   - 13 deliberately similar pairs (the same practice re-worded, near copies, a typo, US
#     spelling, a longer or shorter title): lowest 82, median 89;
#   - 4 loose paraphrases with few words in common: 81, 72, 67, 56.
# 70 is 10 points above the most alike pair of different practices and 12 below the least alike
# near-duplicate, so it also catches the closer paraphrases. It raises a warning, not an error:
# a rare false alarm costs the author a glance, a missed duplicate splits a pattern's reuse count.
SIMILARITY_THRESHOLD = 70

# Weight of token_set_ratio in the score; token_sort_ratio has the rest (see score()).
SET_WEIGHT = 0.75

# Blocking (which pairs are scored at all) is in blocking.py, with its measurements.

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


@lru_cache(maxsize=1 << 16)
def _stem(token: str) -> str:
    """A very light English stemmer, so 'hubs'/'hub' and 'organise'/'organize' meet. Remembered:
    a catalogue's titles and summaries use a few thousand words, each many times."""
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


def _distinct(entries: Iterable[tuple[str, str, str]]) -> tuple[list[str], list[str]]:
    """The ids and normalised texts of the entries, the first of each id only: a duplicate id is
    the validator's error to report, not a similarity."""
    ids: list[str] = []
    texts: list[str] = []
    seen: set[str] = set()
    for pid, title, summary in entries:
        if pid in seen:
            continue
        seen.add(pid)
        ids.append(pid)
        texts.append(normalise(title or "", summary or ""))
    return ids, texts


def _scored_pairs(texts: list[str], wanted: list[int], threshold: float) -> list[tuple[int, int, int]]:
    """(wanted entry, other entry, score) for each pair scoring at least `threshold`, each pair
    once; only the entries sharing enough of the wanted entry's words are scored (blocking)."""
    set_cutoff = _set_cutoff(threshold)
    found: list[tuple[int, int, int]] = []
    if len(wanted) <= FEW:
        pairs = few_pairs(texts, wanted, set_cutoff)
    else:
        pairs = ((q, others[k], by_set) for q, others in blocks(texts, wanted)
                 for _, by_set, k in process.extract_iter(texts[q], [texts[c] for c in others],
                                                          scorer=fuzz.token_set_ratio, processor=None,
                                                          score_cutoff=set_cutoff))
    for q, other, by_set in pairs:
        value = _blend(by_set, texts[q], texts[other])
        if value >= threshold:
            found.append((q, other, int(value)))
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
    ids, texts = _distinct(entries)
    return similar_texts(list(zip(ids, texts)), changed, threshold, ignore)


def similar_texts(entries: Iterable[tuple[str, str]], changed: Iterable[str] | None = None,
                  threshold: float = SIMILARITY_THRESHOLD, ignore: Iterable[tuple[str, str]] = ()) -> list[Match]:
    """similar_patterns over texts already normalised: (id, normalise(title, summary)) per entry,
    the first of each id only. A validator that remembers each file's text passes them here."""
    ids, texts, seen = [], [], set()
    for pid, text in entries:
        if pid not in seen:
            seen.add(pid)
            ids.append(pid)
            texts.append(text)
    position = {pid: i for i, pid in enumerate(ids)}
    if changed is None:
        wanted = list(range(len(ids)))
    else:
        wanted = sorted({position[pid] for pid in changed if pid in position})
    if not wanted:
        return []
    checked = {ids[q] for q in wanted}
    skip = {frozenset(pair) for pair in ignore if pair[0] in checked or pair[1] in checked}
    is_wanted = set(wanted)
    matches = []
    for q, other, value in _scored_pairs(texts, wanted, threshold):
        if frozenset((ids[q], ids[other])) in skip:
            continue
        matches.append(Match(ids[q], ids[other], value))
        if other in is_wanted:  # both were checked, yet the pair was scored once: report it to both
            matches.append(Match(ids[other], ids[q], value))
    matches.sort(key=lambda m: (m.pattern_id, -m.score, m.other_id))
    return matches


def similarity_warnings(entries: Iterable[tuple[str, str, str]], changed: Iterable[str] | None = None,
                        threshold: float = SIMILARITY_THRESHOLD,
                        ignore: Iterable[tuple[str, str]] = ()) -> list[tuple[str, str, int]]:
    """(pattern_id, other_id, score) for each warning the validator's `similar-pattern` rule gives.

    `entries` are (id, title, summary) of every valid pattern, `changed` the ids being checked
    (None: all). Pass as `ignore` the (id, related id) pairs from each pattern's `related` list:
    naming a pattern there (e.g. as alternative-to) is how an author says "yes, they are alike,
    and this is why they differ", and the message tells them so.
    """
    return [(m.pattern_id, m.other_id, m.score)
            for m in similar_patterns(entries, changed, threshold=threshold, ignore=ignore)]


def similarity_message(other_id: str, other_title: str, reuse_count: int, similarity: int) -> str:
    """The warning text shown on the changed pattern."""
    reused = f"reused by {reuse_count} organisation{'s' * (reuse_count != 1)}"
    return (f"looks like {other_id!r} ({other_title}), {reused}: consider adopting it instead of "
            f"adding a new pattern (similarity {similarity}%); if they differ, say how in `related`")
