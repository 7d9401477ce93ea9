"""A file's schema errors do not hide its other mistakes: the cross-checks (unknown
levels and categories, duplicate ids, track order) also run on the parts of a
schema-invalid file that have the right shape, so one run reports everything, and no
shape of data makes them fail with a traceback."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from ladderpress.check.semantics import check_semantics
from ladderpress.load.document import Document
from ladderpress.load.source import read_document
from tests.support.paths import FIXTURES

GOOD = FIXTURES / "site" / "frameworks" / "acme-engineering.yaml"


def _line_of(text: str, line: str, nth: int = 1) -> int:
    lines = text.splitlines()
    found = [number for number, value in enumerate(lines, 1) if value == line]
    return found[nth - 1]


def _edited(tmp_path: Path, *edits: tuple[str, str]) -> tuple[Path, str]:
    text = GOOD.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    path = tmp_path / "acme-engineering.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def test_schema_error_and_unknown_level_in_one_run(cli, tmp_path: Path) -> None:
    path, text = _edited(
        tmp_path,
        ("    name: Craft\n", "    name: 42\n"),  # a schema error, in categories
        ("      staff:\n        - Shapes", "      staf:\n        - Shapes"),  # a reference
    )
    result = cli("validate", str(path))
    assert result.code == 1
    schema_line = _line_of(text, "    name: 42")
    level_line = _line_of(text, "      staf:")
    assert f":{schema_line}:11: error: categories[0].name: expected text" in result.err
    assert (
        f":{level_line}:7: error: expectations name unknown level 'staf' "
        "(did you mean 'staff'?) [unknown-level]"
    ) in result.err
    assert "1 file checked: 2 error(s)" in result.err
    assert "Traceback" not in result.err


def test_schema_error_and_unknown_category_and_track_level(cli, tmp_path: Path) -> None:
    path, _ = _edited(
        tmp_path,
        ("    position: 4\n", "    position: high\n"),
        ("    category: people\n", "    category: peple\n"),
        ("levels: [junior, mid, manager]", "levels: [junior, mid, manger]"),
    )
    result = cli("validate", str(path))
    assert result.code == 1
    assert "expected a number, found text" in result.err
    assert "unknown category 'peple' (did you mean 'people'?)" in result.err
    assert "track 'management' lists unknown level 'manger'" in result.err
    assert "Traceback" not in result.err


def test_a_malformed_id_does_not_turn_its_references_into_errors(cli, tmp_path: Path) -> None:
    # 'Senior Engineer' breaks the id rule; 'senior' used elsewhere is not then "unknown".
    path, _ = _edited(tmp_path, ("  - id: senior\n", "  - id: Senior Engineer\n"))
    result = cli("validate", str(path))
    assert result.code == 1
    assert "is not a valid id" in result.err
    assert "unknown-level" not in result.err
    assert "level-without-track" not in result.err


WRONG_VALUES: list[Any] = [None, 42, 2.5, True, "Not An Id", [], {}, [1, None], {"x": [None]}]


def _replaced(data: Any, where: tuple[str | int, ...], value: Any) -> Any:
    if not where:
        return copy.deepcopy(value)
    data = copy.deepcopy(data)
    parent = data
    for part in where[:-1]:
        parent = parent[part]
    parent[where[-1]] = copy.deepcopy(value)
    return data


def test_no_wrong_shape_anywhere_makes_the_cross_checks_fail() -> None:
    """Every value of a valid framework, replaced in turn by each wrong kind of value."""
    doc = read_document(GOOD)
    for where in doc.values:
        for value in WRONG_VALUES:
            mutated = Document(doc.path, _replaced(doc.data, where, value), doc.values, doc.keys)
            try:
                problems = check_semantics(mutated)
            except Exception as exc:  # any exception, reported with the value and its place
                pytest.fail(f"check_semantics raised {exc!r} with {value!r} at {where}")
            assert all(p.line >= 1 and p.col >= 1 for p in problems)
