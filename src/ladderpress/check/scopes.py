"""Which tracks a category or competency applies to, and which levels are equivalent.

A framework with several career paths limits a competency to the paths it belongs to
(`tracks:`); its statements must then sit at those paths' levels. Equivalent levels are
sideways moves between paths, so they must lie on different tracks.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ladderpress.check.rawdata import (
    id_of,
    ids_of,
    items_of,
    levels_below,
    list_of,
    name_of,
    number_of,
    suggest,
)
from ladderpress.core.problems import Problem, Severity
from ladderpress.load.document import Document, problem_at

# Equivalent levels further apart than this on the reference scale are likely a mistake.
EQUIVALENT_POSITIONS_APART = 1


def _track_list(
    doc: Document, where: tuple[str, int], item: dict[str, Any], track_ids: set[str]
) -> Iterator[Problem]:
    for index, track_id in enumerate(list_of(item.get("tracks"))):
        if isinstance(track_id, str) and track_id not in track_ids:
            yield problem_at(
                doc,
                (*where, "tracks", index),
                f"unknown track '{track_id}'{suggest(track_id, track_ids)}",
                "unknown-track",
            )


def _levels_on(data: dict[str, Any]) -> dict[str, set[str]]:
    """For each level id, the ids of the tracks that hold it."""
    found: dict[str, set[str]] = {}
    for _, track in items_of(data, "tracks"):
        track_id = id_of(track)
        for level_id in list_of(track.get("levels")):
            if isinstance(level_id, str) and track_id is not None:
                found.setdefault(level_id, set()).add(track_id)
    return found


def scope_checks(doc: Document) -> Iterator[Problem]:
    data = doc.data
    track_ids = ids_of(data, "tracks")
    if track_ids is None:
        return
    category_tracks: dict[str, set[str]] = {}
    for c_index, category in items_of(data, "categories"):
        yield from _track_list(doc, ("categories", c_index), category, track_ids)
        if (category_id := id_of(category)) is not None:
            own = {t for t in list_of(category.get("tracks")) if isinstance(t, str)}
            category_tracks[category_id] = own or set(track_ids)
    tracks_of_level = _levels_on(data)
    for c_index, competency in items_of(data, "competencies"):
        yield from _track_list(doc, ("competencies", c_index), competency, track_ids)
        name = name_of(competency, c_index)
        in_category = competency.get("category")
        inherited: set[str] = (
            category_tracks.get(in_category, set(track_ids))
            if isinstance(in_category, str)
            else set()
        )
        own = {t for t in list_of(competency.get("tracks")) if isinstance(t, str)}
        outside = sorted(own - inherited)
        if own and outside:
            yield problem_at(
                doc,
                ("competencies", c_index, "tracks"),
                f"competency '{name}' names tracks its category '{in_category}' does not apply "
                f"to ({', '.join(outside)}); add them to the category's tracks or remove them "
                "here",
                "track-scope",
            )
        applies = (own or inherited) & track_ids
        expectations = competency.get("expectations")
        if not isinstance(expectations, dict):
            continue
        for level_id in expectations:
            holding = tracks_of_level.get(level_id)
            if holding and applies and holding.isdisjoint(applies):
                yield problem_at(
                    doc,
                    ("competencies", c_index, "expectations", level_id),
                    f"competency '{name}' applies to {_tracks(applies)}, but level "
                    f"'{level_id}' is on {_tracks(holding)}: move these statements to a "
                    "level of its tracks, or add the level's track to the competency's "
                    "`tracks`",
                    "track-scope",
                    key=True,
                )


def _tracks(ids: set[str]) -> str:
    ordered = sorted(ids)
    return ("track " if len(ordered) == 1 else "tracks ") + ", ".join(f"'{t}'" for t in ordered)


def equivalence_checks(doc: Document, level_ids: set[str] | None) -> Iterator[Problem]:
    if level_ids is None:
        return
    data = doc.data
    below = levels_below(data)
    positions = {
        level_id: number_of(level.get("position"))
        for _, level in items_of(data, "levels")
        if (level_id := id_of(level)) is not None
    }
    for e_index, equivalence in items_of(data, "equivalences"):
        named = list_of(equivalence.get("levels"))
        known: list[tuple[int, str]] = []
        for l_index, level_id in enumerate(named):
            if isinstance(level_id, str) and level_id not in level_ids:
                yield problem_at(
                    doc,
                    ("equivalences", e_index, "levels", l_index),
                    f"equivalence names unknown level '{level_id}'{suggest(level_id, level_ids)}",
                    "unknown-level",
                )
            elif isinstance(level_id, str):
                known.append((l_index, level_id))
        for i, (_, first) in enumerate(known):
            for l_index, other in known[i + 1 :]:
                if first in below.get(other, set()) or other in below.get(first, set()):
                    yield problem_at(
                        doc,
                        ("equivalences", e_index, "levels", l_index),
                        f"'{other}' and '{first}' are on the same track, one above the "
                        "other; an equivalence links levels of different tracks, so take "
                        "one of them out of it",
                        "equivalence-track",
                        # A warning: frameworks that said so were valid before this check.
                        severity=Severity.WARNING,
                    )
                elif first == other:
                    yield problem_at(
                        doc,
                        ("equivalences", e_index, "levels", l_index),
                        f"'{other}' is named twice in this equivalence",
                        "equivalence-track",
                    )
                else:
                    yield from _positions_apart(doc, (e_index, l_index), first, other, positions)


def _positions_apart(
    doc: Document,
    where: tuple[int, int],
    first: str,
    other: str,
    positions: dict[str, int | float | None],
) -> Iterator[Problem]:
    a, b = positions.get(first), positions.get(other)
    if a is None or b is None or abs(a - b) <= EQUIVALENT_POSITIONS_APART:
        return
    yield problem_at(
        doc,
        ("equivalences", where[0], "levels", where[1]),
        f"'{first}' (position {a:g}) and '{other}' (position {b:g}) are equivalent but "
        f"more than {EQUIVALENT_POSITIONS_APART} apart on the reference scale; check the "
        "positions or the equivalence",
        "equivalence-position",
        severity=Severity.WARNING,
    )
