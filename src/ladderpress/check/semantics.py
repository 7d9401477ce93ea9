"""Checks the schema cannot express: references, uniqueness, track order, reserved names.

They also run on files that failed the schema, so that one run reports every mistake
of a file: each check reads only the parts that have the shape it needs and skips the
rest, whose shape the schema has already reported.
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
from ladderpress.check.scopes import equivalence_checks, scope_checks
from ladderpress.core.problems import Problem, Severity
from ladderpress.load.document import Document, JsonPath, problem_at

# Names that cannot be folder names on Windows, where many sites are built and previewed.
RESERVED_DEVICE_NAMES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{i}" for i in range(10)] + [f"lpt{i}" for i in range(10)]
)


def _unique_ids(doc: Document, section: str, what: str) -> Iterator[Problem]:
    first_seen: dict[str, int] = {}
    for index, item in items_of(doc.data, section):
        item_id = id_of(item)
        if item_id is None:
            continue
        where: JsonPath = (section, index, "id")
        if item_id in first_seen:
            line = doc.position((section, first_seen[item_id], "id")).line
            yield problem_at(
                doc,
                where,
                f"duplicate {what} id '{item_id}' (also used at line {line})",
                "unique-id",
            )
        else:
            first_seen[item_id] = index
        if item_id in RESERVED_DEVICE_NAMES:
            yield problem_at(
                doc,
                where,
                f"'{item_id}' is a reserved device name on Windows and cannot be a folder; "
                "choose another id",
                "reserved-id",
            )


def _track_checks(doc: Document, level_ids: set[str] | None) -> Iterator[Problem]:
    data = doc.data
    positions = {
        level_id: number_of(level.get("position"))
        for _, level in items_of(data, "levels")
        if (level_id := id_of(level)) is not None
    }
    prefix_of: dict[str, tuple[str, list[Any]]] = {}
    on_a_track: set[str] = set()
    # Whether every track's levels could be read: if not, a level may be on a track unseen.
    complete = isinstance(data.get("tracks"), list)
    for t_index, track in enumerate(list_of(data.get("tracks"))):
        levels = track.get("levels") if isinstance(track, dict) else None
        if not isinstance(track, dict) or not isinstance(levels, list):
            complete = False
            continue
        name = name_of(track, t_index)
        last: tuple[str, int | float] | None = None
        for l_index, level_id in enumerate(levels):
            where: JsonPath = ("tracks", t_index, "levels", l_index)
            if not isinstance(level_id, str):
                complete = False
                continue
            if level_ids is not None and level_id not in level_ids:
                yield problem_at(
                    doc,
                    where,
                    f"track '{name}' lists unknown level '{level_id}'"
                    f"{suggest(level_id, level_ids)}; define it under 'levels'",
                    "unknown-level",
                )
                continue
            on_a_track.add(level_id)
            prefix = levels[:l_index]
            if level_id in prefix_of and prefix_of[level_id][1] != prefix:
                other = prefix_of[level_id][0]
                yield problem_at(
                    doc,
                    where,
                    f"level '{level_id}' is on tracks '{other}' and '{name}' with different "
                    "levels below it; tracks may share only their first levels, in the same order",
                    "track-branch",
                )
            prefix_of.setdefault(level_id, (name, prefix))
            position = positions.get(level_id)
            if position is not None:
                if last is not None and position < last[1]:
                    yield problem_at(
                        doc,
                        where,
                        f"level '{level_id}' (position {position:g}) comes after '{last[0]}' "
                        f"(position {last[1]:g}) on track '{name}'; list levels lowest "
                        "first, or correct their positions",
                        "track-order",
                    )
                last = (level_id, position)
    if not complete or level_ids is None:
        return
    for index, level in items_of(data, "levels"):
        level_id = id_of(level)
        if level_id is not None and level_id not in on_a_track:
            yield problem_at(
                doc,
                ("levels", index, "id"),
                f"level '{level_id}' is on no track; add it to a track's 'levels'",
                "level-without-track",
            )


def _competency_checks(doc: Document, level_ids: set[str] | None) -> Iterator[Problem]:
    data = doc.data
    category_ids = ids_of(data, "categories")
    used_categories: set[str] = set()
    # Whether every competency's category could be read, to tell which categories are unused.
    complete = isinstance(data.get("competencies"), list)
    statement_ids: dict[str, JsonPath] = {}
    for c_index, competency in enumerate(list_of(data.get("competencies"))):
        if not isinstance(competency, dict):
            complete = False
            continue
        base: JsonPath = ("competencies", c_index)
        category = competency.get("category")
        if not isinstance(category, str):
            complete = False
        else:
            used_categories.add(category)
            if category_ids is not None and category not in category_ids:
                yield problem_at(
                    doc,
                    (*base, "category"),
                    f"unknown category '{category}'{suggest(category, category_ids)}; "
                    "define it under 'categories'",
                    "unknown-category",
                )
        expectations = competency.get("expectations")
        if not isinstance(expectations, dict):
            continue
        for level_id, items in expectations.items():
            where: JsonPath = (*base, "expectations", level_id)
            if level_ids is not None and level_id not in level_ids:
                yield problem_at(
                    doc,
                    where,
                    f"expectations name unknown level '{level_id}'{suggest(level_id, level_ids)}",
                    "unknown-level",
                    key=True,
                )
            if isinstance(items, list) and not items:
                yield problem_at(
                    doc,
                    where,
                    f"no statements for level '{level_id}' in '{name_of(competency, c_index)}'; "
                    "add at least one, or remove the level from this competency",
                    "empty-expectations",
                    key=True,
                )
            for s_index, item in enumerate(list_of(items)):
                statement_id = id_of(item) if isinstance(item, dict) else None
                if statement_id is None:
                    continue
                statement_where: JsonPath = (*where, s_index, "id")
                previous = statement_ids.get(statement_id)
                if previous is not None:
                    line = doc.position(previous).line
                    yield problem_at(
                        doc,
                        statement_where,
                        f"duplicate statement id '{statement_id}' (also used at line {line})",
                        "unique-id",
                    )
                else:
                    statement_ids[statement_id] = statement_where
    if not complete:
        return
    for index, category in items_of(data, "categories"):
        category_id = id_of(category)
        if category_id is not None and category_id not in used_categories:
            yield problem_at(
                doc,
                ("categories", index, "id"),
                f"category '{category_id}' has no competencies; add one or remove it",
                "empty-category",
                severity=Severity.WARNING,
            )


def _evolves_checks(doc: Document) -> Iterator[Problem]:
    """`evolves` must name a statement of the same competency at a level below."""
    below = levels_below(doc.data)
    for c_index, competency in items_of(doc.data, "competencies"):
        expectations = competency.get("expectations")
        if not isinstance(expectations, dict):
            continue
        level_of: dict[str, str] = {}
        for level_id, items in expectations.items():
            for item in list_of(items):
                if isinstance(item, dict) and (statement_id := id_of(item)) is not None:
                    level_of.setdefault(statement_id, level_id)
        for level_id, items in expectations.items():
            for s_index, item in enumerate(list_of(items)):
                target = item.get("evolves") if isinstance(item, dict) else None
                if not isinstance(target, str):
                    continue
                where: JsonPath = (
                    "competencies",
                    c_index,
                    "expectations",
                    level_id,
                    s_index,
                    "evolves",
                )
                if target not in level_of:
                    yield problem_at(
                        doc,
                        where,
                        f"'evolves' names '{target}', which is not a statement id of "
                        f"'{name_of(competency, c_index)}'{suggest(target, level_of)}",
                        "unknown-statement",
                    )
                elif level_of[target] not in below.get(level_id, set()):
                    yield problem_at(
                        doc,
                        where,
                        f"'{target}' is at level '{level_of[target]}', which is not below "
                        f"'{level_id}' on any track; a statement can only evolve a lower one",
                        "evolves-order",
                    )


def _time_range_checks(doc: Document) -> Iterator[Problem]:
    for index, level in items_of(doc.data, "levels"):
        time = level.get("time_at_level")
        if not isinstance(time, dict):
            continue
        low, high = number_of(time.get("min_months")), number_of(time.get("max_months"))
        if low is not None and high is not None and low > high:
            yield problem_at(
                doc,
                ("levels", index, "time_at_level", "max_months"),
                f"the range ends ({high:g} months) before it starts ({low:g}); swap the two",
                "time-range",
            )


def check_semantics(doc: Document) -> list[Problem]:
    if not isinstance(doc.data, dict):
        return []  # nothing to cross-check; the schema says what the file should be
    problems: list[Problem] = []
    for section, what in (
        ("tracks", "track"),
        ("levels", "level"),
        ("categories", "category"),
        ("competencies", "competency"),
    ):
        problems.extend(_unique_ids(doc, section, what))
    level_ids = ids_of(doc.data, "levels")
    problems.extend(_track_checks(doc, level_ids))
    problems.extend(_competency_checks(doc, level_ids))
    problems.extend(equivalence_checks(doc, level_ids))
    problems.extend(scope_checks(doc))
    problems.extend(_time_range_checks(doc))
    if not any(p.is_error for p in problems):
        problems.extend(_evolves_checks(doc))
    return problems
