"""Checks the schema cannot express: references, uniqueness, track order, reserved names.

They also run on files that failed the schema, so that one run reports every mistake
of a file: each check reads only the parts that have the shape it needs and skips the
rest, whose shape the schema has already reported.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any, TypeGuard

from ladderpress.core.problems import Problem, Severity
from ladderpress.core.resources import load_schema
from ladderpress.load.document import Document, JsonPath, problem_at

# Names that cannot be folder names on Windows, where many sites are built and previewed.
RESERVED_DEVICE_NAMES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{i}" for i in range(10)] + [f"lpt{i}" for i in range(10)]
)


def _suggest(value: str, known: Iterable[str]) -> str:
    match = difflib.get_close_matches(value, list(known), n=1)
    return f" (did you mean '{match[0]}'?)" if match else ""


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _items(data: dict[str, Any], section: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The mappings listed under `section`, with their index."""
    for index, item in enumerate(_list(data.get(section))):
        if isinstance(item, dict):
            yield index, item


def _id(item: dict[str, Any]) -> str | None:
    value = item.get("id")
    return value if isinstance(value, str) else None


def _name(item: dict[str, Any], index: int) -> str:
    """How messages name an item, even one whose id is missing or malformed."""
    return _id(item) or f"#{index + 1}"


@cache
def _id_rule() -> tuple[re.Pattern[str], int, int]:
    """The schema's own rule for ids, so that the two never disagree."""
    rule = load_schema("framework.schema.json")["$defs"]["id"]
    return re.compile(rule["pattern"]), rule.get("minLength", 0), rule.get("maxLength", 1 << 30)


def _well_formed_id(value: object) -> TypeGuard[str]:
    pattern, shortest, longest = _id_rule()
    return (
        isinstance(value, str) and shortest <= len(value) <= longest and bool(pattern.search(value))
    )


def _ids(data: dict[str, Any], section: str) -> set[str] | None:
    """The ids defined under `section`; None unless each item has a well-formed one: a
    reference to an item whose id is missing or malformed cannot be told to be wrong."""
    items = data.get(section)
    if not isinstance(items, list):
        return None
    ids: set[str] = set()
    for item in items:
        item_id = item.get("id") if isinstance(item, dict) else None
        if not _well_formed_id(item_id):
            return None
        ids.add(item_id)
    return ids


def _number(value: Any) -> int | float | None:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _unique_ids(doc: Document, section: str, what: str) -> Iterator[Problem]:
    first_seen: dict[str, int] = {}
    for index, item in _items(doc.data, section):
        item_id = _id(item)
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
        level_id: _number(level.get("position"))
        for _, level in _items(data, "levels")
        if (level_id := _id(level)) is not None
    }
    prefix_of: dict[str, tuple[str, list[Any]]] = {}
    on_a_track: set[str] = set()
    # Whether every track's levels could be read: if not, a level may be on a track unseen.
    complete = isinstance(data.get("tracks"), list)
    for t_index, track in enumerate(_list(data.get("tracks"))):
        levels = track.get("levels") if isinstance(track, dict) else None
        if not isinstance(track, dict) or not isinstance(levels, list):
            complete = False
            continue
        name = _name(track, t_index)
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
                    f"{_suggest(level_id, level_ids)}; define it under 'levels'",
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
    for index, level in _items(data, "levels"):
        level_id = _id(level)
        if level_id is not None and level_id not in on_a_track:
            yield problem_at(
                doc,
                ("levels", index, "id"),
                f"level '{level_id}' is on no track; add it to a track's 'levels'",
                "level-without-track",
            )


def _competency_checks(doc: Document, level_ids: set[str] | None) -> Iterator[Problem]:
    data = doc.data
    category_ids = _ids(data, "categories")
    used_categories: set[str] = set()
    # Whether every competency's category could be read, to tell which categories are unused.
    complete = isinstance(data.get("competencies"), list)
    statement_ids: dict[str, JsonPath] = {}
    for c_index, competency in enumerate(_list(data.get("competencies"))):
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
                    f"unknown category '{category}'{_suggest(category, category_ids)}; "
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
                    f"expectations name unknown level '{level_id}'{_suggest(level_id, level_ids)}",
                    "unknown-level",
                    key=True,
                )
            if isinstance(items, list) and not items:
                yield problem_at(
                    doc,
                    where,
                    f"no statements for level '{level_id}' in '{_name(competency, c_index)}'; "
                    "add at least one, or remove the level from this competency",
                    "empty-expectations",
                    key=True,
                )
            for s_index, item in enumerate(_list(items)):
                statement_id = _id(item) if isinstance(item, dict) else None
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
    for index, category in _items(data, "categories"):
        category_id = _id(category)
        if category_id is not None and category_id not in used_categories:
            yield problem_at(
                doc,
                ("categories", index, "id"),
                f"category '{category_id}' has no competencies; add one or remove it",
                "empty-category",
                severity=Severity.WARNING,
            )


def _levels_below(data: dict[str, Any]) -> dict[str, set[str]]:
    below: dict[str, set[str]] = {}
    for _, track in _items(data, "tracks"):
        levels = [level for level in _list(track.get("levels")) if isinstance(level, str)]
        for index, level_id in enumerate(levels):
            below.setdefault(level_id, set()).update(levels[:index])
    return below


def _evolves_checks(doc: Document) -> Iterator[Problem]:
    """`evolves` must name a statement of the same competency at a level below."""
    below = _levels_below(doc.data)
    for c_index, competency in _items(doc.data, "competencies"):
        expectations = competency.get("expectations")
        if not isinstance(expectations, dict):
            continue
        level_of: dict[str, str] = {}
        for level_id, items in expectations.items():
            for item in _list(items):
                if isinstance(item, dict) and (statement_id := _id(item)) is not None:
                    level_of.setdefault(statement_id, level_id)
        for level_id, items in expectations.items():
            for s_index, item in enumerate(_list(items)):
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
                        f"'{_name(competency, c_index)}'{_suggest(target, level_of)}",
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


def _equivalence_checks(doc: Document, level_ids: set[str] | None) -> Iterator[Problem]:
    if level_ids is None:
        return
    for e_index, equivalence in _items(doc.data, "equivalences"):
        for l_index, level_id in enumerate(_list(equivalence.get("levels"))):
            if isinstance(level_id, str) and level_id not in level_ids:
                yield problem_at(
                    doc,
                    ("equivalences", e_index, "levels", l_index),
                    f"equivalence names unknown level '{level_id}'{_suggest(level_id, level_ids)}",
                    "unknown-level",
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
    level_ids = _ids(doc.data, "levels")
    problems.extend(_track_checks(doc, level_ids))
    problems.extend(_competency_checks(doc, level_ids))
    problems.extend(_equivalence_checks(doc, level_ids))
    if not any(p.is_error for p in problems):
        problems.extend(_evolves_checks(doc))
    return problems
