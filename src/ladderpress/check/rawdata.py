"""Safe reads of framework data that the schema may have rejected.

Semantic checks run even when the schema found errors, so that one run reports every
mistake: these helpers read what is there and skip what is malformed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any, TypeGuard

from ladderpress.core.resources import load_schema


def suggest(value: str, known: Iterable[str]) -> str:
    match = difflib.get_close_matches(value, list(known), n=1)
    return f" (did you mean '{match[0]}'?)" if match else ""


def list_of(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def items_of(data: dict[str, Any], section: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The mappings listed under `section`, with their index."""
    for index, item in enumerate(list_of(data.get(section))):
        if isinstance(item, dict):
            yield index, item


def id_of(item: dict[str, Any]) -> str | None:
    value = item.get("id")
    return value if isinstance(value, str) else None


def name_of(item: dict[str, Any], index: int) -> str:
    """How messages name an item, even one whose id is missing or malformed."""
    return id_of(item) or f"#{index + 1}"


def ids_of(data: dict[str, Any], section: str) -> set[str] | None:
    """The ids defined under `section`; None unless each item has a well-formed one: a
    reference to an item whose id is missing or malformed cannot be told to be wrong."""
    items = data.get(section)
    if not isinstance(items, list):
        return None
    ids: set[str] = set()
    for item in items:
        item_id = item.get("id") if isinstance(item, dict) else None
        if not well_formed_id(item_id):
            return None
        ids.add(item_id)
    return ids


def number_of(value: Any) -> int | float | None:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def levels_below(data: dict[str, Any]) -> dict[str, set[str]]:
    below: dict[str, set[str]] = {}
    for _, track in items_of(data, "tracks"):
        levels = [level for level in list_of(track.get("levels")) if isinstance(level, str)]
        for index, level_id in enumerate(levels):
            below.setdefault(level_id, set()).update(levels[:index])
    return below


@cache
def id_rule() -> tuple[re.Pattern[str], int, int]:
    """The schema's own rule for ids, so that the two never disagree."""
    rule = load_schema("framework.schema.json")["$defs"]["id"]
    return re.compile(rule["pattern"]), rule.get("minLength", 0), rule.get("maxLength", 1 << 30)


def well_formed_id(value: object) -> TypeGuard[str]:
    pattern, shortest, longest = id_rule()
    return (
        isinstance(value, str) and shortest <= len(value) <= longest and bool(pattern.search(value))
    )
