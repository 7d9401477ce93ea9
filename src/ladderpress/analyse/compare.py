"""What changes between two sets of statements, and between two levels of a framework.

Pure functions over the model. Statements are paired in three passes: the same statement
at both sides (kept), a statement that `evolves` from the other (changed, matched by id),
then the most similar remaining wording (changed, matched by similarity). What is left
is added or removed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from ladderpress.analyse.similarity import SIMILARITY_THRESHOLD, Segment, Wordings, plain_words
from ladderpress.core.limits import PAIRING_CANDIDATES
from ladderpress.core.model import Category, Competency, Framework, Level, Statement


class Kind(str, Enum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    KEPT = "kept"


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
    # The one level the competency applies to, when it applies to one side only.
    only: str | None = None

    def count(self, kind: str) -> int:
        return self.counts[kind]

    def of(self, kind: str) -> list[Change]:
        return [c for c in self.changes if c.kind.value == kind]

    @property
    def visible(self) -> list[Change]:
        """What a comparison lists: every change but the statements kept at both levels."""
        return [c for c in self.changes if c.kind is not Kind.KEPT]


def _competency_diff(
    competency: Competency, changes: list[Change], only: str | None = None
) -> CompetencyDiff:
    tally = Counter(change.kind for change in changes)
    counts = {kind.value: tally[kind] for kind in Kind}
    return CompetencyDiff(competency, tuple(changes), counts, only)


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


REWORDED_BELOW = 0.35


def _changed(wordings: Wordings, before: Statement, after: Statement, matched_by: str) -> Change:
    old: tuple[Segment, ...]
    new: tuple[Segment, ...]
    if wordings.similarity(before, after) < REWORDED_BELOW:
        # Rewritten rather than edited: word marks would only be noise.
        old = (Segment("equal", "".join(plain_words(before.html_text))),)
        new = (Segment("equal", "".join(plain_words(after.html_text))),)
    else:
        old, new = wordings.diff(before, after)
    return Change(Kind.CHANGED, before, after, matched_by, old, new)


def _same_wording(
    old: list[Statement], new: list[Statement]
) -> tuple[list[Statement], list[Statement], list[Change]]:
    by_wording: dict[str, list[Statement]] = {}
    for statement in old:
        by_wording.setdefault(statement.html_text, []).append(statement)
    restated: list[Change] = []
    unmatched: list[Statement] = []
    for statement in new:
        matches = by_wording.get(statement.html_text)
        if matches:
            restated.append(Change(Kind.KEPT, matches.pop(0), statement))
        else:
            unmatched.append(statement)
    paired = {id(c.before) for c in restated}
    return [s for s in old if id(s) not in paired], unmatched, restated


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


class Statements:
    """Statements that comparisons pair again and again: by id, their wordings' scores,
    and the change of a single statement (added, removed or kept), each made once."""

    def __init__(self, statements: Iterable[Statement]) -> None:
        self.by_id = {s.id: s for s in statements}
        self.wordings = Wordings()
        self._single: dict[tuple[Kind, str], Change] = {}

    def single(self, kind: Kind, statement: Statement) -> Change:
        found = self._single.get((kind, statement.id))
        if found is None:
            before = None if kind is Kind.ADDED else statement
            after = None if kind is Kind.REMOVED else statement
            found = self._single[kind, statement.id] = Change(kind, before, after)
        return found


class CompetencyIndex:
    """What comparing one competency's levels needs, worked out once for all its pages."""

    def __init__(self, framework: Framework, competency: Competency) -> None:
        self.framework = framework
        self.competency = competency
        self.statements = Statements(s for group in competency.expectations.values() for s in group)
        self._expected: dict[str, tuple[Statement, ...]] = {}

    def expected(self, level_id: str) -> tuple[Statement, ...]:
        found = self._expected.get(level_id)
        if found is None:
            found = self._expected[level_id] = self.framework.expected(self.competency, level_id)
        return found


def diff_statements(
    before: Sequence[Statement], after: Sequence[Statement], known: Statements | None = None
) -> list[Change]:
    """Pair two lists of statements: changed first, then added, removed and kept.

    `known` holds every statement the two lists may refer to by id (the competency's,
    see CompetencyIndex); without it, only the statements of the two lists.
    """
    known = known or Statements((*before, *after))
    by_id, single, wordings = known.by_id, known.single, known.wordings
    after_ids = {s.id for s in after}
    kept = [single(Kind.KEPT, s) for s in before if s.id in after_ids]
    old = [s for s in before if s.id not in after_ids]
    kept_ids = {k.before.id for k in kept if k.before}
    new = [s for s in after if s.id not in kept_ids]
    # The same words under another id (a level restating what it keeps, two paths
    # sharing an expectation) are kept too: nothing about them changed.
    old, new, restated = _same_wording(old, new)
    kept += restated
    pairs: dict[str, Change] = {}  # keyed by the new statement's id

    old_by_id = {s.id: s for s in old}
    for statement in new:
        for ancestor in _evolves_from(statement, by_id):
            if ancestor in old_by_id:
                pairs[statement.id] = _changed(wordings, old_by_id.pop(ancestor), statement, "id")
                break
    for statement in list(old_by_id.values()):  # the older side may evolve from the newer
        for ancestor in _evolves_from(statement, by_id):
            target = next((s for s in new if s.id == ancestor and s.id not in pairs), None)
            if target is not None:
                pairs[target.id] = _changed(wordings, old_by_id.pop(statement.id), target, "id")
                break

    unpaired_new = [s for s in new if s.id not in pairs]
    old_list = list(old_by_id.values())
    # Past PAIRING_CANDIDATES pairs, scoring them all would cost more than the page is
    # worth: what is left is listed as added and removed.
    if old_list and unpaired_new and len(old_list) * len(unpaired_new) <= PAIRING_CANDIDATES:
        score = known.wordings.score
        candidates = sorted(
            (
                (found, oi, ni)
                for oi, o in enumerate(old_list)
                for ni, n in enumerate(unpaired_new)
                if (found := score(o, n)) >= SIMILARITY_THRESHOLD
            ),
            key=lambda item: (-item[0], item[1], item[2]),
        )
    else:
        candidates = []
    used_old: set[int] = set()
    used_new: set[int] = set()
    for _, oi, ni in candidates:
        if oi in used_old or ni in used_new:
            continue
        used_old.add(oi)
        used_new.add(ni)
        pairs[unpaired_new[ni].id] = _changed(
            wordings, old_list[oi], unpaired_new[ni], "similarity"
        )

    changes = [pairs[s.id] for s in new if s.id in pairs]
    changes += [single(Kind.ADDED, s) for s in new if s.id not in pairs]
    paired_old = {c.before.id for c in pairs.values() if c.before}
    changes += [single(Kind.REMOVED, s) for s in old if s.id not in paired_old]
    return changes + kept


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


class Analysis:
    """Comparisons of one framework's levels, each worked out once for all its pages.

    Whoever renders a framework's pages holds one (the renderer, for one build), so what
    it remembers lives as long as that build and no longer.
    """

    def __init__(self, framework: Framework) -> None:
        self.framework = framework
        self._indexes: dict[str, CompetencyIndex] = {}
        self._steps: dict[tuple[str, str], Step | None] = {}

    def index(self, competency: Competency) -> CompetencyIndex:
        found = self._indexes.get(competency.id)
        if found is None:
            found = self._indexes[competency.id] = CompetencyIndex(self.framework, competency)
        return found

    def diff_levels(self, competency: Competency, a_id: str, b_id: str) -> list[Change]:
        index = self.index(competency)
        return diff_statements(index.expected(a_id), index.expected(b_id), index.statements)

    def compare(self, a_id: str, b_id: str) -> LevelComparison:
        """Level `a` beside level `b`, per competency, in the framework's category order;
        competencies that apply to neither level are left out."""
        framework = self.framework
        diffs: list[CompetencyDiff] = []
        summaries: list[CategorySummary] = []
        for category in framework.categories:
            counts = dict.fromkeys(("added", "changed", "removed", "kept"), 0)
            shown = 0
            for competency_id in category.competencies:
                competency = framework.competencies[competency_id]
                at_a, at_b = (
                    framework.applies(competency, a_id),
                    framework.applies(competency, b_id),
                )
                if not at_a and not at_b:
                    continue
                only = None if at_a and at_b else a_id if at_a else b_id
                changes = self.diff_levels(competency, a_id, b_id)
                if not changes and framework.some_tracks(competency.tracks):
                    continue  # a competency of some paths that neither level has begun
                diff = _competency_diff(competency, changes, only)
                diffs.append(diff)
                shown += 1
                for kind in counts:
                    counts[kind] += diff.count(kind)
            if shown or not category.competencies:
                summaries.append(CategorySummary(category, **counts))
        a, b = framework.levels[a_id], framework.levels[b_id]
        return LevelComparison(framework, a, b, tuple(diffs), tuple(summaries))

    def step(self, competency: Competency, level_id: str) -> Step | None:
        """What changes in a competency from the level just below; None at the bottom.
        A level page and a competency page both show each step: it is made once."""
        key = (competency.id, level_id)
        if key not in self._steps:
            previous = self.framework.previous(level_id)
            self._steps[key] = (
                None
                if previous is None
                else Step(previous, tuple(self.diff_levels(competency, previous, level_id)))
            )
        return self._steps[key]


def compare_levels(framework: Framework, a_id: str, b_id: str) -> LevelComparison:
    """One comparison on its own; pages share an Analysis instead."""
    return Analysis(framework).compare(a_id, b_id)


def step(framework: Framework, competency: Competency, level_id: str) -> Step | None:
    """One step on its own; pages share an Analysis instead."""
    return Analysis(framework).step(competency, level_id)


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
        for discipline in framework.all_disciplines:
            if any(level.position is not None for level in _levels_of(framework, discipline)):
                by_discipline.setdefault(discipline, []).append(framework)
    tables = []
    for discipline, members in sorted(by_discipline.items(), key=lambda i: (-len(i[1]), i[0])):
        positions = sorted(
            {
                level.position
                for f in members
                for level in _levels_of(f, discipline)
                if level.position is not None
            }
        )
        rows = tuple(
            PositionRow(
                f,
                tuple(
                    tuple(level for level in _levels_of(f, discipline) if level.position == p)
                    for p in positions
                ),
            )
            for f in members
        )
        tables.append(PositionTable(discipline, tuple(positions), rows))
    return tables


def _levels_of(framework: Framework, discipline: str) -> list[Level]:
    """The framework's levels on tracks of that discipline (a track may name its own)."""
    return [
        level
        for level in framework.levels.values()
        if discipline in framework.level_disciplines(level.id)
    ]
