"""A framework's (or a site's) own words for what the theme calls statements,
competencies, categories and levels: `terms:` read into (key, singular, plural)."""

from __future__ import annotations

from typing import Any

# The order `terms:` keys are kept in, and how a plural alone becomes a singular.
TERM_KEYS = ("statements", "competencies", "categories", "levels")


def singular_of(plural: str) -> str:
    if plural.endswith("ies") and len(plural) > 3:
        return plural[:-3] + "y"
    if plural.endswith("s") and not plural.endswith("ss"):
        return plural[:-1]
    return plural


def read_terms(raw: dict[str, Any]) -> tuple[tuple[str, str, str], ...]:
    found = []
    for key in TERM_KEYS:
        value = raw.get(key)
        if isinstance(value, str):
            found.append((key, singular_of(value), value))
        elif isinstance(value, dict):
            found.append((key, value["singular"], value["plural"]))
    return tuple(found)
