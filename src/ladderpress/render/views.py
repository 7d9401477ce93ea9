"""The data each page of a framework gets as `view`, worked out before its template runs.

Templates present: every list, count and choice a page makes is computed here (and in
level_views.py, for level, comparison and next-steps pages) from the model and the
build's Analysis, and handed over as plain data. VIEWS says which template gets which.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ladderpress.analyse.assessment import assessment_data
from ladderpress.analyse.compare import Analysis, Step
from ladderpress.analyse.paths import runs
from ladderpress.core.model import (
    Category,
    Competency,
    Framework,
    LadderCell,
    Level,
    Statement,
    Track,
)
from ladderpress.render.level_views import comparison_view, level_view, next_steps


@dataclass(frozen=True)
class LevelStep:
    """A level of a competency's progression: what it lists and what changed."""

    level: Level
    own: tuple[Statement, ...]
    step: Step | None
    before_name: str | None
    added: int
    changed: int
    removed: int


@dataclass(frozen=True)
class ProgressionRun:
    """Levels that a set of tracks share, after the level where they branched off."""

    tracks: tuple[Track, ...]
    after: Level | None
    steps: tuple[LevelStep, ...]


def progression(analysis: Analysis, competency: Competency) -> tuple[ProgressionRun, ...]:
    """A competency level by level, each track as its own ladder: levels that tracks
    share come once, then each branch from where it leaves the others."""
    framework = analysis.framework
    tracks = [t for t in framework.tracks if t.id in competency.tracks]
    found = []
    for run in runs(tracks):
        steps = []
        # Levels below where a competency of some paths starts have no part in it.
        for level_id in (x for x in run.levels if framework.has_begun(competency, x)):
            step = analysis.step(competency, level_id)
            steps.append(
                LevelStep(
                    framework.levels[level_id],
                    competency.at(level_id),
                    step,
                    framework.levels[step.previous].name if step else None,
                    len(step.of("added")) if step else 0,
                    len(step.of("changed")) if step else 0,
                    len(step.of("removed")) if step else 0,
                )
            )
        if steps:
            after = framework.levels[run.after] if run.after else None
            found.append(ProgressionRun(run.tracks, after, tuple(steps)))
    return tuple(found)


@dataclass(frozen=True)
class MatrixCell:
    level: Level
    count: int  # statements the level lists (new ones, in a cumulative framework)
    applies: bool  # the competency is part of one of the level's tracks


@dataclass(frozen=True)
class MatrixRow:
    competency: Competency
    cells: tuple[MatrixCell, ...]


def matrix(framework: Framework) -> tuple[tuple[Category, tuple[MatrixRow, ...]], ...]:
    """The overview's table of competencies by levels, category by category."""
    levels = [framework.levels[level_id] for level_id in framework.level_order]
    return tuple(
        (
            category,
            tuple(
                MatrixRow(
                    competency,
                    tuple(
                        MatrixCell(
                            level,
                            len(competency.at(level.id)),
                            framework.applies(competency, level.id),
                        )
                        for level in levels
                    ),
                )
                for competency in (framework.competencies[c] for c in category.competencies)
            ),
        )
        for category in framework.categories
    )


@dataclass(frozen=True)
class OverviewView:
    ladder_tracks: tuple[Track, ...]  # the diagram's columns, tracks that share levels together
    ladder: tuple[tuple[LadderCell, ...], ...]  # its rows, highest first
    matrix: tuple[tuple[Category, tuple[MatrixRow, ...]], ...]


def _overview_page(analysis: Analysis, context: dict[str, Any]) -> object:
    framework = analysis.framework
    return OverviewView(
        tuple(framework.ladder_tracks()),
        tuple(tuple(row) for row in framework.ladder()),
        matrix(framework),
    )


@dataclass(frozen=True)
class CompetencyView:
    category: Category
    runs: tuple[ProgressionRun, ...]


def _competency_page(analysis: Analysis, context: dict[str, Any]) -> object:
    competency = context["competency"]
    category = next(c for c in analysis.framework.categories if c.id == competency.category)
    return CompetencyView(category, progression(analysis, competency))


@dataclass(frozen=True)
class CompareIndexView:
    steps: tuple[tuple[Level, Level, tuple[Track, ...]], ...]  # each promotion, lowest first
    sideways: tuple[tuple[Level, Level, str | None], ...]  # equivalent pairs, with the note


def _compare_index_page(analysis: Analysis, context: dict[str, Any]) -> object:
    framework = analysis.framework
    levels = framework.levels
    return CompareIndexView(
        tuple((levels[lower], levels[upper], tracks) for lower, upper, tracks in framework.steps()),
        tuple(
            (levels[a], levels[b], e.note)
            for e in framework.equivalences
            for i, a in enumerate(e.levels)
            for b in e.levels[i + 1 :]
            if a in levels and b in levels
        ),
    )


def _level_page(analysis: Analysis, context: dict[str, Any]) -> object:
    return level_view(analysis, context["level"].id)


def _comparison_page(analysis: Analysis, context: dict[str, Any]) -> object:
    return comparison_view(analysis, context["a"], context["b"])


def _self_assessment_page(analysis: Analysis, context: dict[str, Any]) -> object:
    return assessment_data(analysis.framework)


def _next_steps_page(analysis: Analysis, context: dict[str, Any]) -> object:
    return next_steps(analysis, context["level"].id)


# The view each framework page's template receives as `view`, by template name.
VIEWS: dict[str, Callable[[Analysis, dict[str, Any]], object]] = {
    "framework.html": _overview_page,
    "level.html": _level_page,
    "compare.html": _comparison_page,
    "competency.html": _competency_page,
    "compare-index.html": _compare_index_page,
    "next-steps.html": _next_steps_page,
    "self-assessment.html": _self_assessment_page,
}


def page_view(
    analysis_of: Callable[[Framework], Analysis], template: str, context: dict[str, Any]
) -> dict[str, object]:
    """The `view` a page's template gets, if its kind has one."""
    make = VIEWS.get(template)
    if make is None or "framework" not in context:
        return {}
    return {"view": make(analysis_of(context["framework"]), context)}
