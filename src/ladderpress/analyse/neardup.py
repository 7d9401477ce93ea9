"""Which statements of a competency nearly repeat an earlier one, in near-linear time.

Comparing every pair of a competency's statements costs n squared: 12,000 statements that
share their words (and so pass the cheap word-set test) would take half an hour (1,000
took 11.5 s). Two wordings that pass that test (at least NEAR_DUPLICATE_OVERLAP of their
distinct words shared) must share a word among the first few of each when words are
taken rarest first ("prefix filtering"), so an index of those first words finds every
pair that can pass it. Past the bounds of limits.py (candidates per statement, the cost
of word-order comparisons per framework), results could differ; real ladders stay far
below them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from ladderpress.core.limits import (
    DIFF_TOKENS,
    NEAR_DUPLICATE_CANDIDATES,
    NEAR_DUPLICATE_SETUP,
    NEAR_DUPLICATE_WORK,
)

NEAR_DUPLICATE_RATIO = 0.88
# Shared distinct words over all distinct words of the two (Jaccard): a cheap test that
# every near-duplicate passes before the word-order comparison.
NEAR_DUPLICATE_OVERLAP = 0.6
# Statements shorter than this many words are never near-duplicates: too little text.
# Longer than DIFF_TOKENS words, they are not compared either: only a statement over the
# length limit has so many, and aligning it would cost too much.
MIN_WORDS = 4


@dataclass
class Search:
    """What looking for near-duplicates cost, across the competencies of a framework."""

    overlaps: int = 0  # pairs whose word sets were compared
    comparisons: int = 0  # pairs whose word order was compared (SequenceMatcher)
    work: int = 0  # what those cost, in NEAR_DUPLICATE_WORK's units
    stopped: bool = False  # NEAR_DUPLICATE_WORK ran out


def _overlapping(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = len(a & b)
    return shared / max(1, len(a) + len(b) - shared) >= NEAR_DUPLICATE_OVERLAP


def _prefix_length(distinct: int) -> int:
    """How many of a wording's rarest words must include a word shared with any wording
    that overlaps it enough. Rounding down keeps it long enough whatever the float."""
    return distinct - math.floor(NEAR_DUPLICATE_OVERLAP * distinct) + 1


def near_duplicates(
    wordings: Sequence[tuple[str, ...]],
    comparable: Callable[[int, int], bool],
    search: Search,
) -> list[tuple[int, int]]:
    """(i, j) for each wording j that nearly repeats an earlier wording i: the first such
    i, as comparing every pair in order would find. `comparable(i, j)` says whether a
    repeat between those two counts at all."""
    if search.stopped:
        return []
    sets = [frozenset(words) for words in wordings]
    counts = [Counter(words) for words in wordings]
    eligible = [MIN_WORDS <= len(words) <= DIFF_TOKENS for words in wordings]
    frequency = Counter(word for s, ok in zip(sets, eligible, strict=True) if ok for word in s)
    index: dict[str, list[int]] = {}
    found: list[tuple[int, int]] = []
    for j, words_j in enumerate(wordings):
        if not eligible[j]:
            continue
        rarest = sorted(sets[j], key=lambda word: (frequency[word], word))
        prefix = rarest[: _prefix_length(len(rarest))]
        candidates: set[int] = set()
        for word in prefix:
            for i in index.get(word, ()):
                candidates.add(i)
                if len(candidates) >= NEAR_DUPLICATE_CANDIDATES:
                    break
            if len(candidates) >= NEAR_DUPLICATE_CANDIDATES:
                break
        for i in sorted(candidates):
            if wordings[i] == words_j or not comparable(i, j):
                continue
            search.overlaps += 1
            if not _overlapping(sets[i], sets[j]):
                continue
            # SequenceMatcher's ratio is at most what the lengths, and then the words
            # shared with their repeats, allow (its real_quick_ratio and quick_ratio).
            total = len(wordings[i]) + len(words_j)
            if 2 * min(len(wordings[i]), len(words_j)) < NEAR_DUPLICATE_RATIO * total:
                continue
            if 2 * (counts[i] & counts[j]).total() < NEAR_DUPLICATE_RATIO * total:
                continue
            cost = NEAR_DUPLICATE_SETUP + len(wordings[i]) * len(words_j)
            if search.work + cost > NEAR_DUPLICATE_WORK:
                search.stopped = True
                return sorted(found)
            search.work += cost
            search.comparisons += 1
            matcher = SequenceMatcher(None, wordings[i], words_j, autojunk=False)
            if matcher.ratio() >= NEAR_DUPLICATE_RATIO:
                found.append((i, j))
                break
        for word in prefix:
            index.setdefault(word, []).append(j)
    return sorted(found)
