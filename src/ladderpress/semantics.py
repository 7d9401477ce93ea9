"""Checks the schema cannot express: references, uniqueness, track order, reserved names.

These run only on data that already passed the schema, so shapes can be trusted here.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from typing import Any

from .problems import Problem, Severity
from .source import Document, JsonPath, problem_at

# Names that cannot be folder names on Windows, where many sites are built and previewed.
RESERVED_DEVICE_NAMES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{i}" for i in range(10)] + [f"lpt{i}" for i in range(10)]
)


def _suggest(value: str, known: Iterable[str]) -> str:
    match = difflib.get_close_matches(value, list(known), n=1)
    return f" (did you mean '{match[0]}'?)" if match else ""


def _unique_ids(doc: Document, section: str, what: str) -> Iterator[Problem]:
    first_seen: dict[str, int] = {}
    for index, item in enumerate(doc.data[section]):
        item_id = item["id"]
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


def _track_checks(doc: Document, level_ids: set[str]) -> Iterator[Problem]:
    data = doc.data
    positions = {lvl["id"]: lvl.get("position") for lvl in data["levels"]}
    prefix_of: dict[str, tuple[str, list[str]]] = {}
    on_a_track: set[str] = set()
    for t_index, track in enumerate(data["tracks"]):
        last: tuple[str, float] | None = None
        for l_index, level_id in enumerate(track["levels"]):
            where: JsonPath = ("tracks", t_index, "levels", l_index)
            if level_id not in level_ids:
                yield problem_at(
                    doc,
                    where,
                    f"track '{track['id']}' lists unknown level '{level_id}'"
                    f"{_suggest(level_id, level_ids)}; define it under 'levels'",
                    "unknown-level",
                )
                continue
            on_a_track.add(level_id)
            prefix = track["levels"][:l_index]
            if level_id in prefix_of and prefix_of[level_id][1] != prefix:
                other = prefix_of[level_id][0]
                yield problem_at(
                    doc,
                    where,
                    f"level '{level_id}' is on tracks '{other}' and '{track['id']}' with different "
                    "levels below it; tracks may share only their first levels, in the same order",
                    "track-branch",
                )
            prefix_of.setdefault(level_id, (track["id"], prefix))
            position = positions.get(level_id)
            if position is not None:
                if last is not None and position < last[1]:
                    yield problem_at(
                        doc,
                        where,
                        f"level '{level_id}' (position {position:g}) comes after '{last[0]}' "
                        f"(position {last[1]:g}) on track '{track['id']}'; list levels lowest "
                        "first, or correct their positions",
                        "track-order",
                    )
                last = (level_id, position)
    for index, level in enumerate(data["levels"]):
        if level["id"] not in on_a_track:
            yield problem_at(
                doc,
                ("levels", index, "id"),
                f"level '{level['id']}' is on no track; add it to a track's 'levels'",
                "level-without-track",
            )


def _competency_checks(doc: Document, level_ids: set[str]) -> Iterator[Problem]:
    data = doc.data
    category_ids = {c["id"] for c in data["categories"]}
    used_categories: set[str] = set()
    statement_ids: dict[str, JsonPath] = {}
    for c_index, competency in enumerate(data["competencies"]):
        base: JsonPath = ("competencies", c_index)
        category = competency["category"]
        used_categories.add(category)
        if category not in category_ids:
            yield problem_at(
                doc,
                (*base, "category"),
                f"unknown category '{category}'{_suggest(category, category_ids)}; "
                "define it under 'categories'",
                "unknown-category",
            )
        for level_id, items in competency["expectations"].items():
            where: JsonPath = (*base, "expectations", level_id)
            if level_id not in level_ids:
                yield problem_at(
                    doc,
                    where,
                    f"expectations name unknown level '{level_id}'{_suggest(level_id, level_ids)}",
                    "unknown-level",
                    key=True,
                )
            if not items:
                yield problem_at(
                    doc,
                    where,
                    f"no statements for level '{level_id}' in '{competency['id']}'; add at least "
                    "one, or remove the level from this competency",
                    "empty-expectations",
                    key=True,
                )
            for s_index, item in enumerate(items):
                if isinstance(item, dict) and "id" in item:
                    statement_where: JsonPath = (*where, s_index, "id")
                    previous = statement_ids.get(item["id"])
                    if previous is not None:
                        line = doc.position(previous).line
                        yield problem_at(
                            doc,
                            statement_where,
                            f"duplicate statement id '{item['id']}' (also used at line {line})",
                            "unique-id",
                        )
                    else:
                        statement_ids[item["id"]] = statement_where
    for index, category in enumerate(data["categories"]):
        if category["id"] not in used_categories:
            yield problem_at(
                doc,
                ("categories", index, "id"),
                f"category '{category['id']}' has no competencies; add one or remove it",
                "empty-category",
                severity=Severity.WARNING,
            )


def _levels_below(data: dict[str, Any]) -> dict[str, set[str]]:
    below: dict[str, set[str]] = {}
    for track in data["tracks"]:
        for index, level_id in enumerate(track["levels"]):
            below.setdefault(level_id, set()).update(track["levels"][:index])
    return below


def _evolves_checks(doc: Document) -> Iterator[Problem]:
    """`evolves` must name a statement of the same competency at a level below."""
    below = _levels_below(doc.data)
    for c_index, competency in enumerate(doc.data["competencies"]):
        level_of: dict[str, str] = {}
        for level_id, items in competency["expectations"].items():
            for item in items:
                if isinstance(item, dict) and "id" in item:
                    level_of.setdefault(item["id"], level_id)
        for level_id, items in competency["expectations"].items():
            for s_index, item in enumerate(items):
                if not isinstance(item, dict) or "evolves" not in item:
                    continue
                target = item["evolves"]
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
                        f"'{competency['id']}'{_suggest(target, level_of)}",
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


def _equivalence_checks(doc: Document, level_ids: set[str]) -> Iterator[Problem]:
    for e_index, equivalence in enumerate(doc.data.get("equivalences", [])):
        for l_index, level_id in enumerate(equivalence["levels"]):
            if level_id not in level_ids:
                yield problem_at(
                    doc,
                    ("equivalences", e_index, "levels", l_index),
                    f"equivalence names unknown level '{level_id}'{_suggest(level_id, level_ids)}",
                    "unknown-level",
                )


def check_semantics(doc: Document) -> list[Problem]:
    problems: list[Problem] = []
    for section, what in (
        ("tracks", "track"),
        ("levels", "level"),
        ("categories", "category"),
        ("competencies", "competency"),
    ):
        problems.extend(_unique_ids(doc, section, what))
    level_ids = {level["id"] for level in doc.data["levels"]}
    problems.extend(_track_checks(doc, level_ids))
    problems.extend(_competency_checks(doc, level_ids))
    problems.extend(_equivalence_checks(doc, level_ids))
    if not any(p.is_error for p in problems):
        problems.extend(_evolves_checks(doc))
    return problems
