"""Every limit is written in one place (limits.py) and means the same everywhere: the
schema, which editors use, holds the same numbers, errors name the right limit, and
SECURITY.md lists each one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from ladderpress.check.sizes import limit_for
from ladderpress.core import limits
from ladderpress.core.resources import load_schema
from tests.support.paths import REPO

KEYWORDS = ("maxItems", "maxLength", "maxProperties")

# Where the schema checks each limit, as a path through the schema itself.
IN_SCHEMA = {
    "properties/levels/maxItems": limits.LEVELS,
    "properties/tracks/maxItems": limits.TRACKS,
    "properties/tracks/items/properties/levels/maxItems": limits.LEVELS_PER_TRACK,
    "properties/categories/maxItems": limits.CATEGORIES,
    "properties/competencies/maxItems": limits.COMPETENCIES,
    "properties/equivalences/maxItems": limits.EQUIVALENCES,
    "properties/levels/items/properties/titles/maxItems": limits.TITLES,
    "properties/levels/items/properties/sections/maxItems": limits.SECTIONS,
    "properties/levels/items/properties/signals/maxItems": limits.SECTIONS,
    "properties/levels/items/properties/learning/maxItems": limits.SECTIONS,
    "properties/levels/items/properties/specialisms/maxItems": limits.SECTIONS,
    "properties/competencies/items/properties/expectations/maxProperties": limits.LEVELS,
    "properties/competencies/items/properties/expectations/additionalProperties/maxItems": (
        limits.STATEMENTS_PER_CELL
    ),
    "$defs/statement/oneOf/1/properties/examples/maxItems": limits.EXAMPLES,
    "$defs/statement-text/maxLength": limits.STATEMENT_CHARS,
    "$defs/markdown/maxLength": limits.TEXT_CHARS,
    "$defs/url/maxLength": limits.URL_CHARS,
    "$defs/slug-list/maxItems": limits.TAGS,
}
# Lengths of ids and names, older than limits.py: a line of text each.
NAME_LENGTHS = {16, 40, 64, 80, 120}


def _limits_in(node: Any, path: str = "") -> Iterator[tuple[str, int]]:
    if isinstance(node, dict):
        for key, value in node.items():
            where = f"{path}/{key}" if path else key
            if key in KEYWORDS:
                yield where, value
            else:
                yield from _limits_in(value, where)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _limits_in(value, f"{path}/{index}")


# The same for the site configuration, whose links and addresses are on every page.
IN_CONFIG_SCHEMA = {
    "properties/navigation/maxItems": limits.NAVIGATION,
    "properties/navigation/items/properties/url/maxLength": limits.URL_CHARS,
    "properties/base_url/maxLength": limits.URL_CHARS,
    "properties/repository/maxLength": limits.URL_CHARS,
}
# The longest language tag that BCP 47 asks every tool to support.
CONFIG_LENGTHS = NAME_LENGTHS | {35, 400}


@pytest.mark.parametrize(
    ("schema", "expected", "lengths"),
    [
        ("framework.schema.json", IN_SCHEMA, NAME_LENGTHS),
        ("config.schema.json", IN_CONFIG_SCHEMA, CONFIG_LENGTHS),
    ],
)
def test_the_schema_holds_the_same_numbers(
    schema: str, expected: dict[str, limits.Limit], lengths: set[int]
) -> None:
    found = dict(_limits_in(load_schema(schema)))
    for where, limit in expected.items():
        assert found.get(where) == limit.value, where
    others = {where: value for where, value in found.items() if where not in expected}
    assert all(key.endswith("maxLength") and value in lengths for key, value in others.items()), (
        others
    )


@pytest.mark.parametrize(
    ("keyword", "path", "bound", "limit"),
    [
        ("maxItems", ("levels",), 60, limits.LEVELS),
        ("maxItems", ("tracks", 2, "levels"), 30, limits.LEVELS_PER_TRACK),
        ("maxItems", ("competencies", 0, "expectations", "senior"), 50, limits.STATEMENTS_PER_CELL),
        ("maxItems", ("competencies", 0, "expectations", "l1", 3, "examples"), 20, limits.EXAMPLES),
        ("maxItems", ("disciplines",), 50, limits.TAGS),
        ("maxItems", ("equivalences", 0, "levels"), 50, limits.TAGS),
        ("maxProperties", ("competencies", 4, "expectations"), 60, limits.LEVELS),
        ("maxLength", ("competencies", 0, "expectations", "l1", 3), 2000, limits.STATEMENT_CHARS),
        (
            "maxLength",
            ("competencies", 0, "expectations", "l1", 3, "text"),
            2000,
            limits.STATEMENT_CHARS,
        ),
        ("maxLength", ("levels", 0, "sections", 1, "body"), 20000, limits.TEXT_CHARS),
        ("maxLength", ("organisation", "url"), 2000, limits.URL_CHARS),
        ("maxLength", ("source_url",), 2000, limits.URL_CHARS),
        ("maxItems", ("navigation",), 20, limits.NAVIGATION),
        ("maxLength", ("navigation", 3, "url"), 2000, limits.URL_CHARS),
    ],
)
def test_errors_name_the_limit_of_their_place(
    keyword: str, path: tuple[str | int, ...], bound: int, limit: limits.Limit
) -> None:
    assert limit_for(keyword, path, bound) is limit


def _security_section() -> str:
    text = (REPO / "SECURITY.md").read_text(encoding="utf-8")
    start = text.index("## Limits")
    return text[start : text.index("\n## ", start + 1)]


def test_security_md_lists_every_limit() -> None:
    section = _security_section()
    written = {
        limits.OUTPUT_BYTES.value: "250 MB",
        limits.SIMILARITY_WORK.value: "1 billion",
    }
    for name, limit in limits.FRAMEWORK_LIMITS.items():
        number = written.get(limit.value, f"{limit.value:,}")
        assert f"| {number} |" in section or f"| {number} each |" in section, name
    for number in (
        f"{limits.DIFF_TOKENS:,} words",
        f"{limits.PAIRING_CANDIDATES:,} pairs",
        f"at most {limits.NEAR_DUPLICATE_CANDIDATES:,} of them",
        f"{limits.NEAR_DUPLICATE_WORK:,} pairs of words",
        f"at most {limits.XLSX_ENTRIES:,} parts",
        f"{limits.XLSX_UNCOMPRESSED_BYTES // 10**6} MB once inflated",
        f"more than {limits.XLSX_RATIO} times",
    ):
        assert number in section, number
