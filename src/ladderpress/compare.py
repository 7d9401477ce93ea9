"""What changes between two sets of statements, and between two levels of a framework.

Pure functions over the model. Statements are paired in three passes: the same statement
at both sides (kept), a statement that `evolves` from the other (changed, matched by id),
then the most similar remaining wording (changed, matched by similarity). What is left
is added or removed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import Enum
from functools import lru_cache
from html import unescape

from .model import Category, Competency, Framework, Level, Statement

SIMILARITY_THRESHOLD = 0.5
# Pages are rendered framework after framework, so the caches below need to hold about
# one framework's statements (at most about 2,000) and pairs of them; bigger ones only
# cost memory in every worker of a large build.
# Words keep their trailing space, so that a run of changed words reads as one change.
_TOKEN = re.compile(r"\w+\s*|[^\w\s]\s*|\s+")
_TAG = re.compile(r"<[^>]+>")


class Kind(str, Enum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    KEPT = "kept"


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of words, marked as common to both sides, only before, or only after."""

    op: str  # "equal", "delete" or "insert"
    text: str


@dataclass(frozen=True, slots=True)
class Change:
    kind: Kind
    before: Statement | None
    after: Statement | None
    matched_by: str | None = None  # "id" or "similarity" for changed pairs
    before_words: tuple[Segment, ...] = ()
    after_words: tuple[Segment, ...] = ()


@dataclass(frozen=True, slots=True)
class CompetencyDiff:
    competency: Competency
    changes: tuple[Change, ...]
    counts: dict[str, int] = field(hash=False)

    def count(self, kind: str) -> int:
        return self.counts[kind]

    def of(self, kind: str) -> list[Change]:
        return [c for c in self.changes if c.kind.value == kind]

    @property
    def visible(self) -> list[Change]:
        """What a comparison lists: every change but the statements kept at both levels."""
        return [c for c in self.changes if c.kind is not Kind.KEPT]


def _competency_diff(competency: Competency, changes: list[Change]) -> CompetencyDiff:
    counts = {kind.value: 0 for kind in Kind}
    for change in changes:
        counts[change.kind.value] += 1
    return CompetencyDiff(competency, tuple(changes), counts)


@dataclass(frozen=True, slots=True)
class CategorySummary:
    category: Category
    added: int
    changed: int
    removed: int
    kept: int


@dataclass(frozen=True, slots=True)
class LevelComparison:
    framework: Framework
    a: Level
    b: Level
    competencies: tuple[CompetencyDiff, ...]
    categories: tuple[CategorySummary, ...]

    @property
    def same_track(self) -> bool:
        return self.a.id in self.framework.below[self.b.id]

    def diff(self, competency_id: str) -> CompetencyDiff:
        return next(d for d in self.competencies if d.competency.id == competency_id)

    def total(self, kind: str) -> int:
        return sum(d.count(kind) for d in self.competencies)


# The functions below take a statement's HTML (Statement.html_text): words as readers see them.


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


@lru_cache(maxsize=32768)
def _text_similarity(a: str, b: str) -> float:
    words_a, words_b = _comparable(a), _comparable(b)
    total = len(words_a) + len(words_b)
    if not total:
        return 1.0
    # Shared words bound SequenceMatcher's ratio from above; most pairs stop here.
    counts_a, counts_b = _word_counts(a), _word_counts(b)
    shared = sum(min(counts_a[word], counts_b[word]) for word in counts_a.keys() & counts_b)
    if 2 * shared / total < SIMILARITY_THRESHOLD:
        return 2 * shared / total
    return SequenceMatcher(None, words_a, words_b, autojunk=False).ratio()


# A wording's distinct words, its number of words, and how many of those are repeats.
_Reach = tuple[frozenset[str], int, int]


@lru_cache(maxsize=2048)
def _reach(html: str) -> _Reach:
    counts = _word_counts(html)
    total = len(_comparable(html))
    return frozenset(counts), total, total - len(counts)


def _within_reach(a: _Reach, b: _Reach) -> bool:
    """False only when two wordings cannot reach SIMILARITY_THRESHOLD: a bound from the
    distinct words they share plus the most repeats either could match."""
    most_shared = len(a[0] & b[0]) + min(a[2], b[2])
    return 2 * most_shared >= SIMILARITY_THRESHOLD * (a[1] + b[1])


def _may_be_similar(a: str, b: str) -> bool:
    return _within_reach(_reach(a), _reach(b))


def similarity(a: Statement, b: Statement) -> float:
    return _text_similarity(a.html_text, b.html_text)


@lru_cache(maxsize=2048)
def word_diff(before: str, after: str) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """Segments for the old wording (equal + delete) and the new one (equal + insert)."""
    a, b = plain_words(before), plain_words(after)
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


REWORDED_BELOW = 0.35


def _changed(before: Statement, after: Statement, matched_by: str) -> Change:
    old: tuple[Segment, ...]
    new: tuple[Segment, ...]
    if similarity(before, after) < REWORDED_BELOW:
        # Rewritten rather than edited: word marks would only be noise.
        old = (Segment("equal", "".join(plain_words(before.html_text))),)
        new = (Segment("equal", "".join(plain_words(after.html_text))),)
    else:
        old, new = word_diff(before.html_text, after.html_text)
    return Change(Kind.CHANGED, before, after, matched_by, old, new)


def _evolves_from(statement: Statement, by_id: dict[str, Statement]) -> list[str]:
    """The chain of statement ids this one evolves from, nearest first."""
    chain: list[str] = []
    current = statement
    while current.evolves and current.evolves not in chain:
        chain.append(current.evolves)
        if current.evolves not in by_id:
            break
        current = by_id[current.evolves]
    return chain


def diff_statements(
    before: Sequence[Statement],
    after: Sequence[Statement],
    by_id: dict[str, Statement] | None = None,
) -> list[Change]:
    """Pair two lists of statements: changed first, then added, removed and kept."""
    by_id = by_id or {s.id: s for s in (*before, *after)}
    after_ids = {s.id for s in after}
    kept = [Change(Kind.KEPT, s, s) for s in before if s.id in after_ids]
    old = [s for s in before if s.id not in after_ids]
    kept_ids = {k.before.id for k in kept if k.before}
    new = [s for s in after if s.id not in kept_ids]
    pairs: dict[str, Change] = {}  # keyed by the new statement's id

    old_by_id = {s.id: s for s in old}
    for statement in new:
        for ancestor in _evolves_from(statement, by_id):
            if ancestor in old_by_id:
                pairs[statement.id] = _changed(old_by_id.pop(ancestor), statement, "id")
                break
    for statement in list(old_by_id.values()):  # the older side may evolve from the newer
        for ancestor in _evolves_from(statement, by_id):
            target = next((s for s in new if s.id == ancestor and s.id not in pairs), None)
            if target is not None:
                pairs[target.id] = _changed(old_by_id.pop(statement.id), target, "id")
                break

    unpaired_new = [s for s in new if s.id not in pairs]
    new_reach = [_reach(n.html_text) for n in unpaired_new]
    candidates = sorted(
        (
            (similarity(o, unpaired_new[ni]), oi, ni)
            for oi, o in enumerate(old_by_id.values())
            for o_reach in (_reach(o.html_text),)
            for ni, n_reach in enumerate(new_reach)
            if _within_reach(o_reach, n_reach)
        ),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    old_list = list(old_by_id.values())
    used_old: set[int] = set()
    used_new: set[int] = set()
    for score, oi, ni in candidates:
        if score < SIMILARITY_THRESHOLD:
            break
        if oi in used_old or ni in used_new:
            continue
        used_old.add(oi)
        used_new.add(ni)
        pairs[unpaired_new[ni].id] = _changed(old_list[oi], unpaired_new[ni], "similarity")

    changes = [pairs[s.id] for s in new if s.id in pairs]
    changes += [Change(Kind.ADDED, None, s) for s in new if s.id not in pairs]
    paired_old = {c.before.id for c in pairs.values() if c.before}
    changes += [Change(Kind.REMOVED, s, None) for s in old if s.id not in paired_old]
    return changes + kept


def statement_index(competency: Competency) -> dict[str, Statement]:
    return {s.id: s for statements in competency.expectations.values() for s in statements}


def compare_levels(framework: Framework, a_id: str, b_id: str) -> LevelComparison:
    """Level `a` beside level `b`, per competency, in the framework's category order."""
    diffs: list[CompetencyDiff] = []
    summaries: list[CategorySummary] = []
    for category in framework.categories:
        counts = dict.fromkeys(("added", "changed", "removed", "kept"), 0)
        for competency_id in category.competencies:
            competency = framework.competencies[competency_id]
            changes = diff_statements(
                framework.expected(competency, a_id),
                framework.expected(competency, b_id),
                statement_index(competency),
            )
            diff = _competency_diff(competency, changes)
            diffs.append(diff)
            for kind in counts:
                counts[kind] += diff.count(kind)
        summaries.append(CategorySummary(category, **counts))
    return LevelComparison(
        framework, framework.levels[a_id], framework.levels[b_id], tuple(diffs), tuple(summaries)
    )


@dataclass(frozen=True, slots=True)
class Step:
    """How a competency changes from the level just below (`previous`) to a level."""

    previous: str
    changes: tuple[Change, ...]

    def mark(self, statement: Statement) -> Change | None:
        """The change that brought this statement in: added or changed, else None."""
        for change in self.changes:
            if change.after is statement and change.kind in (Kind.ADDED, Kind.CHANGED):
                return change
        return None

    def of(self, kind: str) -> list[Change]:
        return [c for c in self.changes if c.kind.value == kind]


@lru_cache(maxsize=1024)  # a level page and a competency page both show each step
def step(framework: Framework, competency: Competency, level_id: str) -> Step | None:
    """What changes in a competency from the level just below; None at the bottom."""
    previous = framework.previous(level_id)
    if previous is None:
        return None
    changes = diff_statements(
        framework.expected(competency, previous),
        framework.expected(competency, level_id),
        statement_index(competency),
    )
    return Step(previous, tuple(changes))


def ordered_pair(framework: Framework, x: str, y: str) -> tuple[str, str]:
    """The two levels in ladder order, as comparison URLs name them."""
    return (x, y) if framework.order(x) < framework.order(y) else (y, x)


def all_pairs(framework: Framework) -> list[tuple[str, str]]:
    order = framework.level_order
    return [(a, b) for i, a in enumerate(order) for b in order[i + 1 :]]


@dataclass(frozen=True, slots=True)
class PositionRow:
    framework: Framework
    cells: tuple[tuple[Level, ...], ...]  # one cell per position of the table


@dataclass(frozen=True, slots=True)
class PositionTable:
    """Levels of several organisations lined up on the common reference scale."""

    discipline: str
    positions: tuple[float, ...]
    rows: tuple[PositionRow, ...]


def position_tables(frameworks: Sequence[Framework]) -> list[PositionTable]:
    """One table per discipline, most-covered discipline first."""
    by_discipline: dict[str, list[Framework]] = {}
    for framework in frameworks:
        if any(level.position is not None for level in framework.levels.values()):
            for discipline in framework.disciplines:
                by_discipline.setdefault(discipline, []).append(framework)
    tables = []
    for discipline, members in sorted(by_discipline.items(), key=lambda i: (-len(i[1]), i[0])):
        positions = sorted(
            {
                level.position
                for f in members
                for level in f.levels.values()
                if level.position is not None
            }
        )
        rows = tuple(
            PositionRow(
                f,
                tuple(
                    tuple(level for level in f.levels.values() if level.position == p)
                    for p in positions
                ),
            )
            for f in members
        )
        tables.append(PositionTable(discipline, tuple(positions), rows))
    return tables
