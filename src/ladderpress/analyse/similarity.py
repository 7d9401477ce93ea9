"""Statement similarity: the one engine behind comparison pairing and the repeat lints.

Every rule about wordings lives here: how a statement splits into words as readers see
them (its HTML without tags), which wordings count as the same, how alike two are, which
words changed between them, and which statements of a competency nearly repeat another.
Comparisons pair on `SIMILARITY_THRESHOLD`; the near-duplicate lint flags at
`NEAR_DUPLICATE_RATIO`; both score with `ratio`, bounded by the same cheap word counts.

Nothing here is cached at module level: `Wordings` keeps what one competency's pages
need, and belongs to whoever holds it (a build's comparison index).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from html import unescape
from typing import TYPE_CHECKING

from ladderpress.core.limits import (
    DIFF_TOKENS,
    NEAR_DUPLICATE_CANDIDATES,
    NEAR_DUPLICATE_SETUP,
    NEAR_DUPLICATE_WORK,
)

if TYPE_CHECKING:  # for annotations only: importing it would lengthen every chain
    from ladderpress.core.model import Statement

# Comparisons pair an old and a new wording at least this alike.
SIMILARITY_THRESHOLD = 0.5
# The near-duplicate lint flags a statement at least this alike to an earlier one.
NEAR_DUPLICATE_RATIO = 0.88
# Shared distinct words over all distinct words of the two (Jaccard): a cheap test that
# every near-duplicate passes before the word-order comparison.
NEAR_DUPLICATE_OVERLAP = 0.6
# Statements shorter than this many words are never near-duplicates: too little text.
# Longer than DIFF_TOKENS words, they are not compared either: only a statement over the
# length limit has so many, and aligning it would cost too much.
MIN_WORDS = 4

# Words keep their trailing space, so that a run of changed words reads as one change.
_TOKEN = re.compile(r"\w+\s*|[^\w\s]\s*|\s+")
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of words, marked as common to both sides, only before, or only after."""

    op: str  # "equal", "delete" or "insert"
    text: str


def plain_words(html: str) -> tuple[str, ...]:
    """The statement's words as readers see them (tags dropped), as tokens."""
    return tuple(_TOKEN.findall(unescape(_TAG.sub("", html))))


def words(html: str) -> tuple[str, ...]:
    """The words and punctuation marks a comparison weighs, lowercased."""
    return tuple(t.strip().lower() for t in plain_words(html) if not t.isspace())


def same_wording_key(html: str) -> tuple[str, ...]:
    """What two statements share when they say the same thing: their words, whatever
    the case, punctuation or Markdown."""
    return tuple(w for w in words(html) if w[0].isalnum() or w[0] == "_")


def token_count(html: str) -> int:
    """How many words and punctuation marks a comparison of this wording weighs."""
    return len(words(html))


def too_long_to_align(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether aligning the two word by word would cost too much (limits.DIFF_TOKENS):
    SequenceMatcher takes up to len(a) * len(b) steps on repetitive text."""
    return len(a) > DIFF_TOKENS or len(b) > DIFF_TOKENS


def shared_bound(a: Counter[str], b: Counter[str]) -> float:
    """An upper bound of `ratio` from the words the two share, repeats included."""
    total = a.total() + b.total()
    return 2 * (a & b).total() / total if total else 1.0


def ratio(a: Sequence[str], b: Sequence[str], at_least: float) -> float:
    """How alike two word sequences are, from 0 to 1 (SequenceMatcher's ratio).

    When the shared-word bound already falls below `at_least`, or the two are too long
    to align, the bound is the answer: the exact ratio could not change a decision.
    """
    if not a and not b:
        return 1.0
    bound = shared_bound(Counter(a), Counter(b))
    if bound < at_least or too_long_to_align(a, b):
        return bound
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def text_similarity(a: str, b: str) -> float:
    """How alike two statements' HTML wordings are, as comparisons pair them."""
    return ratio(words(a), words(b), SIMILARITY_THRESHOLD)


def word_diff(before: str, after: str) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """Segments for the old wording (equal + delete) and the new one (equal + insert).

    Wordings too long to align word by word are shown whole, without highlights.
    """
    a, b = plain_words(before), plain_words(after)
    if too_long_to_align(words(before), words(after)):
        return (Segment("equal", "".join(a)),), (Segment("equal", "".join(b)),)
    keys_a, keys_b = [t.strip() for t in a], [t.strip() for t in b]
    old: list[Segment] = []
    new: list[Segment] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes():
        if op == "equal":
            old.append(Segment("equal", "".join(a[i1:i2])))
            new.append(Segment("equal", "".join(b[j1:j2])))
            continue
        if i2 > i1:
            _mark_change(old, "delete", "".join(a[i1:i2]))
        if j2 > j1:
            _mark_change(new, "insert", "".join(b[j1:j2]))
    return tuple(old), tuple(new)


def _mark_change(segments: list[Segment], op: str, text: str) -> None:
    # Keep the space after a changed run outside the highlight.
    kept = text.rstrip()
    segments.append(Segment(op, kept))
    if len(kept) < len(text):
        segments.append(Segment("equal", text[len(kept) :]))


# A wording's distinct words (bits of an int, one per word of a vocabulary), its number
# of words, and how many of those are repeats.
_Reach = tuple[int, int, int]


def _reach(tokens: tuple[str, ...], vocabulary: dict[str, int]) -> _Reach:
    distinct = dict.fromkeys(tokens)  # first-seen order, so bits are stable
    bits = 0
    for word in distinct:
        bits |= 1 << vocabulary.setdefault(word, len(vocabulary))
    return bits, len(tokens), len(tokens) - len(distinct)


def _within_reach(a: _Reach, b: _Reach) -> bool:
    """False only when two wordings cannot reach SIMILARITY_THRESHOLD: a bound from the
    distinct words they share plus the most repeats either could match."""
    most_shared = (a[0] & b[0]).bit_count() + min(a[2], b[2])
    return 2 * most_shared >= SIMILARITY_THRESHOLD * (a[1] + b[1])


def may_be_similar(a: str, b: str) -> bool:
    vocabulary: dict[str, int] = {}
    return _within_reach(_reach(words(a), vocabulary), _reach(words(b), vocabulary))


class Wordings:
    """One competency's wordings, each scored, pair by pair, and diffed at most once.

    Comparison pages pair the same statements again and again (every pair of levels
    holding them); each pair costs a word-set bound and often a SequenceMatcher.
    """

    def __init__(self) -> None:
        # Word sets are bits over the competency's own words: small ints, fast to AND.
        self._vocabulary: dict[str, int] = {}
        self._words: dict[str, tuple[str, ...]] = {}
        self._reach: dict[str, _Reach] = {}
        self._scores: dict[tuple[str, str], float] = {}
        self._diffs: dict[tuple[str, str], tuple[tuple[Segment, ...], tuple[Segment, ...]]] = {}

    def _words_of(self, statement: Statement) -> tuple[str, ...]:
        found = self._words.get(statement.id)
        if found is None:
            found = self._words[statement.id] = words(statement.html_text)
        return found

    def _reach_of(self, statement: Statement) -> _Reach:
        found = self._reach.get(statement.id)
        if found is None:
            found = self._reach[statement.id] = _reach(self._words_of(statement), self._vocabulary)
        return found

    def similarity(self, old: Statement, new: Statement) -> float:
        key = (old.id, new.id)
        found = self._scores.get(key)
        if found is None:
            found = ratio(self._words_of(old), self._words_of(new), SIMILARITY_THRESHOLD)
            self._scores[key] = found
        return found

    def score(self, old: Statement, new: Statement) -> float:
        """Their similarity, or 0 when they cannot reach SIMILARITY_THRESHOLD."""
        if not _within_reach(self._reach_of(old), self._reach_of(new)):
            return 0.0
        return self.similarity(old, new)

    def diff(
        self, old: Statement, new: Statement
    ) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
        key = (old.id, new.id)
        found = self._diffs.get(key)
        if found is None:
            found = self._diffs[key] = word_diff(old.html_text, new.html_text)
        return found


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
    repeat between those two counts at all.

    Comparing every pair costs n squared: 12,000 statements that share their words would
    take half an hour. Two wordings that overlap enough must share a word among the first
    few of each when words are taken rarest first ("prefix filtering"), so an index of
    those first words finds every pair that can pass. Past the bounds of limits.py
    (candidates per statement, word-order work per framework), results could differ; real
    ladders stay far below them.
    """
    if search.stopped:
        return []
    sets = [frozenset(w) for w in wordings]
    counts = [Counter(w) for w in wordings]
    eligible = [MIN_WORDS <= len(w) <= DIFF_TOKENS for w in wordings]
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
            # The ratio is at most what the lengths, and then the shared words, allow.
            total = len(wordings[i]) + len(words_j)
            if 2 * min(len(wordings[i]), len(words_j)) < NEAR_DUPLICATE_RATIO * total:
                continue
            if shared_bound(counts[i], counts[j]) < NEAR_DUPLICATE_RATIO:
                continue
            cost = NEAR_DUPLICATE_SETUP + len(wordings[i]) * len(words_j)
            if search.work + cost > NEAR_DUPLICATE_WORK:
                search.stopped = True
                return sorted(found)
            search.work += cost
            search.comparisons += 1
            if ratio(wordings[i], words_j, NEAR_DUPLICATE_RATIO) >= NEAR_DUPLICATE_RATIO:
                found.append((i, j))
                break
        for word in prefix:
            index.setdefault(word, []).append(j)
    return sorted(found)
