"""How alike two statements' wordings are, and which words changed between them.

Functions take a statement's HTML (Statement.html_text): words as readers see them.
`Wordings` scores the statements of one competency against each other at most once per
build, however many comparison pages pair them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from html import unescape
from typing import TYPE_CHECKING

from ladderpress.core.limits import DIFF_TOKENS

if TYPE_CHECKING:  # for annotations only: importing it would lengthen every chain
    from ladderpress.core.model import Statement

SIMILARITY_THRESHOLD = 0.5
# Pages are rendered framework after framework, so the caches below need to hold about
# one framework's statements (at most about 2,000) and pairs of them; bigger ones only
# cost memory in every worker of a large build.
# Words keep their trailing space, so that a run of changed words reads as one change.
_TOKEN = re.compile(r"\w+\s*|[^\w\s]\s*|\s+")
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of words, marked as common to both sides, only before, or only after."""

    op: str  # "equal", "delete" or "insert"
    text: str


@lru_cache(maxsize=2048)
def plain_words(html: str) -> tuple[str, ...]:
    """The statement's words as readers see them (tags dropped), as tokens."""
    return tuple(_TOKEN.findall(unescape(_TAG.sub("", html))))


@lru_cache(maxsize=2048)
def _comparable(html: str) -> tuple[str, ...]:
    return tuple(t.strip().lower() for t in plain_words(html) if not t.isspace())


@lru_cache(maxsize=2048)
def _word_counts(html: str) -> dict[str, int]:
    return dict(Counter(_comparable(html)))


def token_count(html: str) -> int:
    """How many words and punctuation marks a comparison of this wording weighs."""
    return len(_comparable(html))


def too_long_to_align(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether aligning the two word by word would cost too much (limits.DIFF_TOKENS):
    SequenceMatcher takes up to len(a) * len(b) steps on repetitive text."""
    return len(a) > DIFF_TOKENS or len(b) > DIFF_TOKENS


@lru_cache(maxsize=32768)
def text_similarity(a: str, b: str) -> float:
    words_a, words_b = _comparable(a), _comparable(b)
    total = len(words_a) + len(words_b)
    if not total:
        return 1.0
    # Shared words bound SequenceMatcher's ratio from above; most pairs stop here, and
    # wordings too long to align are scored by this bound alone.
    counts_a, counts_b = _word_counts(a), _word_counts(b)
    shared = sum(min(counts_a[word], counts_b[word]) for word in counts_a.keys() & counts_b)
    if 2 * shared / total < SIMILARITY_THRESHOLD or too_long_to_align(words_a, words_b):
        return 2 * shared / total
    return SequenceMatcher(None, words_a, words_b, autojunk=False).ratio()


def similarity(a: Statement, b: Statement) -> float:
    return text_similarity(a.html_text, b.html_text)


# A wording's distinct words (bits of an int, one per word of a vocabulary), its number
# of words, and how many of those are repeats.
_Reach = tuple[int, int, int]


def _reach(html: str, vocabulary: dict[str, int]) -> _Reach:
    counts = _word_counts(html)
    bits = 0
    for word in counts:
        bits |= 1 << vocabulary.setdefault(word, len(vocabulary))
    total = len(_comparable(html))
    return bits, total, total - len(counts)


def _within_reach(a: _Reach, b: _Reach) -> bool:
    """False only when two wordings cannot reach SIMILARITY_THRESHOLD: a bound from the
    distinct words they share plus the most repeats either could match."""
    most_shared = (a[0] & b[0]).bit_count() + min(a[2], b[2])
    return 2 * most_shared >= SIMILARITY_THRESHOLD * (a[1] + b[1])


def may_be_similar(a: str, b: str) -> bool:
    vocabulary: dict[str, int] = {}
    return _within_reach(_reach(a, vocabulary), _reach(b, vocabulary))


class Wordings:
    """Wordings of one competency's statements, each pair scored at most once.

    Comparison pages pair the same statements again and again (every pair of levels
    holding them); each pair costs a word-set bound and often a SequenceMatcher.
    """

    def __init__(self) -> None:
        # Word sets are bits over the competency's own words: small ints, fast to AND.
        self._vocabulary: dict[str, int] = {}
        self._reach: dict[str, _Reach] = {}
        self._scores: dict[tuple[str, str], float] = {}

    def _reach_of(self, statement: Statement) -> _Reach:
        found = self._reach.get(statement.id)
        if found is None:
            found = self._reach[statement.id] = _reach(statement.html_text, self._vocabulary)
        return found

    def score(self, old: Statement, new: Statement) -> float:
        """Their similarity, or 0 when they cannot reach SIMILARITY_THRESHOLD."""
        key = (old.id, new.id)
        found = self._scores.get(key)
        if found is None:
            within = _within_reach(self._reach_of(old), self._reach_of(new))
            found = self._scores[key] = similarity(old, new) if within else 0.0
        return found


@lru_cache(maxsize=2048)
def word_diff(before: str, after: str) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """Segments for the old wording (equal + delete) and the new one (equal + insert).

    Wordings too long to align word by word are shown whole, without highlights.
    """
    a, b = plain_words(before), plain_words(after)
    if too_long_to_align(_comparable(before), _comparable(after)):
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
    words = text.rstrip()
    segments.append(Segment(op, words))
    if len(words) < len(text):
        segments.append(Segment("equal", text[len(words) :]))
