"""What a level, comparison or next-steps page shows, worked out before its template runs:
which competencies apply, what a level carries from below, which levels come next, and
whether a comparison is a promotion or a change of path."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ladderpress.core.model import Category, Competency, Framework, Level, Statement

if TYPE_CHECKING:  # for annotations only: importing it would lengthen every chain
    from ladderpress.analyse.compare import Analysis, CategorySummary, CompetencyDiff, Step


@dataclass(frozen=True)
class CompetencyAtLevel:
    competency: Competency
    own: tuple[Statement, ...]  # what the level itself lists
    inherited: tuple[tuple[Level, tuple[Statement, ...]], ...]  # carried from below
    inherited_count: int
    step: Step | None  # the change from the level just below
    before_name: str | None  # that level's name


@dataclass(frozen=True)
class LaterCompetency:
    """A competency of some tracks that expects nothing yet at a level, and where it starts."""

    competency: Competency
    starts: Level | None


@dataclass(frozen=True)
class TrackNeighbours:
    names: tuple[str, ...]  # the tracks sharing these neighbours
    previous: Level | None
    following: Level | None


@dataclass(frozen=True)
class Equivalent:
    """The other levels of one equivalence, with what the framework says of it."""

    levels: tuple[Level, ...]
    note: str | None


@dataclass(frozen=True)
class LevelView:
    categories: tuple[tuple[Category, tuple[CompetencyAtLevel, ...]], ...]
    later: tuple[LaterCompetency, ...]
    next_levels: tuple[Level, ...]
    previous: Level | None
    others: tuple[Level, ...]  # every other level, to compare with
    neighbours: tuple[TrackNeighbours, ...]
    equivalents: tuple[Equivalent, ...]
    branches: bool  # more than one way on: the level offers its next steps side by side
    discipline: str  # where the level sits in the tables across organisations


def equivalents(framework: Framework, level_id: str) -> tuple[Equivalent, ...]:
    return tuple(
        Equivalent(
            tuple(framework.levels[other] for other in e.levels if other != level_id), e.note
        )
        for e in framework.equivalences
        if level_id in e.levels
    )


def next_levels(framework: Framework, level_id: str) -> tuple[Level, ...]:
    """The levels just above on each of the level's tracks, each once."""
    return tuple(framework.levels[f] for f in framework.following(level_id))


def _neighbours(framework: Framework, level_id: str) -> tuple[TrackNeighbours, ...]:
    """One row per distinct (previous, next) pair, naming the tracks that share it."""
    grouped: dict[tuple[str | None, str | None], list[str]] = {}
    for track, previous, following in framework.neighbours(level_id):
        grouped.setdefault((previous, following), []).append(track.name)
    levels = framework.levels
    return tuple(
        TrackNeighbours(tuple(names), levels[p] if p else None, levels[f] if f else None)
        for (p, f), names in grouped.items()
    )


def _starts(framework: Framework, competency: Competency, level_id: str) -> Level | None:
    """The first level above `level_id`, on one of its tracks, that expects something."""
    above = [
        other
        for track in framework.tracks
        if level_id in track.levels and track.id in competency.tracks
        for other in track.levels[track.levels.index(level_id) + 1 :]
    ]
    first = next(
        (other for other in framework.level_order if other in above and competency.at(other)), None
    )
    return framework.levels[first] if first else None


def level_view(analysis: Analysis, level_id: str) -> LevelView:
    framework = analysis.framework
    level = framework.levels[level_id]
    categories = []
    later = []
    for category, members in framework.applicable(level_id):
        shown = []
        for competency in members:
            inherited = framework.inherited(competency, level_id)
            own = competency.at(level_id)
            if not framework.has_begun(competency, level_id):
                later.append(LaterCompetency(competency, _starts(framework, competency, level_id)))
                continue
            step = analysis.step(competency, level_id)
            shown.append(
                CompetencyAtLevel(
                    competency,
                    own,
                    tuple((framework.levels[lower], group) for lower, group in inherited),
                    sum(len(group) for _, group in inherited),
                    step,
                    framework.levels[step.previous].name if step else None,
                )
            )
        if shown:
            categories.append((category, tuple(shown)))
    following = next_levels(framework, level_id)
    previous_id = framework.previous(level_id)
    alike = equivalents(framework, level_id)
    near = {previous_id, *(f.id for f in following), *(x.id for e in alike for x in e.levels)}
    return LevelView(
        categories=tuple(categories),
        later=tuple(later),
        next_levels=following,
        previous=framework.levels[previous_id] if previous_id else None,
        others=tuple(
            framework.levels[o] for o in framework.level_order if o != level.id and o not in near
        ),
        neighbours=_neighbours(framework, level_id),
        equivalents=alike,
        branches=len(following) > 1,
        discipline=(framework.level_disciplines(level_id) or framework.disciplines)[0],
    )


@dataclass(frozen=True)
class CategoryDiffs:
    summary: CategorySummary
    diffs: tuple[CompetencyDiff, ...]


@dataclass(frozen=True)
class ComparisonView:
    a: Level
    b: Level
    # "promotion" (b above a on a track), "equivalent" (the framework says so) or "path"
    # (levels of different tracks): only a promotion reads as a step up.
    move: str
    notes: tuple[str, ...]  # what the framework says of their equivalence
    tracks_a: tuple[str, ...]
    tracks_b: tuple[str, ...]
    continues: tuple[Level, ...]  # what comes after b, to compare next
    before_a: Level | None  # what comes before a
    categories: tuple[CategoryDiffs, ...]
    totals: dict[str, int]


def _track_names(framework: Framework, level_id: str) -> tuple[str, ...]:
    return tuple(track.name for track, _, _ in framework.neighbours(level_id))


def comparison_view(analysis: Analysis, a_id: str, b_id: str) -> ComparisonView:
    framework = analysis.framework
    comparison = analysis.compare(a_id, b_id)
    notes = tuple(
        e.note for e in framework.equivalences if a_id in e.levels and b_id in e.levels and e.note
    )
    if comparison.same_track:
        move = "promotion"
    elif any(a_id in e.levels and b_id in e.levels for e in framework.equivalences):
        move = "equivalent"
    else:
        move = "path"
    by_category: dict[str, list[CompetencyDiff]] = {}
    for diff in comparison.competencies:
        by_category.setdefault(diff.competency.category, []).append(diff)
    before = framework.previous(a_id)
    return ComparisonView(
        a=comparison.a,
        b=comparison.b,
        move=move,
        notes=notes,
        tracks_a=_track_names(framework, a_id),
        tracks_b=_track_names(framework, b_id),
        continues=next_levels(framework, b_id),
        before_a=framework.levels[before] if before else None,
        categories=tuple(
            CategoryDiffs(summary, tuple(by_category.get(summary.category.id, ())))
            for summary in comparison.categories
        ),
        totals={kind: comparison.total(kind) for kind in ("added", "changed", "removed", "kept")},
    )


@dataclass(frozen=True)
class NextStepRow:
    """A competency across a level's next steps: its changes towards each, or None
    where it is not part of that step's path."""

    competency: Competency
    diffs: tuple[CompetencyDiff | None, ...]


@dataclass(frozen=True)
class NextStepsView:
    steps: tuple[ComparisonView, ...]  # the level beside each of its next levels
    categories: tuple[tuple[Category, tuple[NextStepRow, ...]], ...]
    # Equivalences between next levels: two ways on at the same seniority.
    equivalences: tuple[Equivalent, ...]


def next_steps(analysis: Analysis, level_id: str) -> NextStepsView:
    """Each level just above `level_id` on one of its tracks, compared with it."""
    framework = analysis.framework
    steps = tuple(
        comparison_view(analysis, level_id, level.id) for level in next_levels(framework, level_id)
    )
    # A competency only the lower level has is not part of that step's path.
    diffs: list[dict[str, CompetencyDiff]] = [
        {d.competency.id: d for group in step.categories for d in group.diffs if d.only != level_id}
        for step in steps
    ]
    categories = []
    for category in framework.categories:
        rows = tuple(
            NextStepRow(framework.competencies[c], tuple(found.get(c) for found in diffs))
            for c in category.competencies
            if any(c in found for found in diffs)
        )
        if rows:
            categories.append((category, rows))
    following = {step.b.id for step in steps}
    alike = tuple(
        Equivalent(tuple(framework.levels[x] for x in e.levels if x in following), e.note)
        for e in framework.equivalences
        if len(following.intersection(e.levels)) > 1
    )
    return NextStepsView(steps, tuple(categories), alike)
