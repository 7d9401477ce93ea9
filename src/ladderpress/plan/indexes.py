"""What the index pages list: a framework's levels track by track, its competencies
category by category, and each level's comparisons (`/<framework>/levels/`,
`/<framework>/competencies/`, `/<framework>/compare/<level>/`)."""

from __future__ import annotations

from dataclasses import dataclass

from ladderpress.core.model import Category, Competency, Framework, Level, Track


@dataclass(frozen=True)
class LevelRow:
    level: Level
    also_on: tuple[str, ...]  # names of the other tracks the level is on
    repeated: bool  # listed under an earlier track of the page already


@dataclass(frozen=True)
class TrackLevels:
    track: Track
    rows: tuple[LevelRow, ...]  # lowest first, as the track lists them

    @property
    def first(self) -> Level:
        return self.rows[0].level

    @property
    def last(self) -> Level:
        return self.rows[-1].level


@dataclass(frozen=True)
class CategoryCompetencies:
    category: Category
    competencies: tuple[Competency, ...]
    # For each competency: the names of the tracks it applies to, when not all of them.
    tracks: tuple[tuple[str, ...], ...] = ()


def levels_by_track(framework: Framework) -> list[TrackLevels]:
    """Each track with its levels; a level shared by tracks is on each, naming the others."""
    names = {track.id: track.name for track in framework.tracks}
    listed: set[str] = set()
    found = []
    for track in framework.tracks:
        rows = []
        for level_id in track.levels:
            level = framework.levels[level_id]
            others = tuple(names[other] for other in level.tracks if other != track.id)
            rows.append(LevelRow(level, others, level_id in listed))
            listed.add(level_id)
        found.append(TrackLevels(track, tuple(rows)))
    return found


def competencies_by_category(framework: Framework) -> list[CategoryCompetencies]:
    names = {track.id: track.name for track in framework.tracks}

    def scope(competency: Competency) -> tuple[str, ...]:
        if not framework.some_tracks(competency.tracks):
            return ()
        return tuple(names[t] for t in competency.tracks)

    return [
        CategoryCompetencies(
            category,
            members := tuple(framework.competencies[c] for c in category.competencies),
            tuple(scope(c) for c in members),
        )
        for category in framework.categories
        if category.competencies
    ]


@dataclass(frozen=True)
class ComparisonLink:
    other: Level
    step: bool  # the next or previous level on one of the level's tracks
    same_track: bool  # on a track with the level (else a change of path)


def comparisons_of(framework: Framework, level_id: str) -> list[ComparisonLink]:
    """Every other level, in ladder order, with how it relates to `level_id`."""
    near: set[str] = set()
    for _, previous, following in framework.neighbours(level_id):
        near.update(x for x in (previous, following) if x)
    tracked = {other for t in framework.tracks if level_id in t.levels for other in t.levels}
    return [
        ComparisonLink(framework.levels[other], other in near, other in tracked)
        for other in framework.level_order
        if other != level_id
    ]
