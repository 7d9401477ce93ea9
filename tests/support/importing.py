"""Helpers shared by the importer tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ladderpress.check.files import check_paths
from ladderpress.core.problems import Problem, Severity
from ladderpress.importers import ImportResult
from tests.support.paths import FIXTURES

IMPORT = FIXTURES / "import"
SCHEMA_LINE = (
    "# yaml-language-server: $schema=https://ladderpress.dev/schema/v1/framework.schema.json"
)
KEY_ORDER = [
    "title",
    "summary",
    "organisation",
    "disciplines",
    "cumulative",
    "tracks",
    "levels",
    "categories",
    "competencies",
]


def valid(result: ImportResult, folder: Path) -> dict[str, Any]:
    """Write the import where `validate` expects it, assert it has no error, return the data."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{result.slug}.yaml"
    target.write_text(result.yaml_text, encoding="utf-8")
    checked = check_paths([target])
    assert checked.ok, [p for p in checked.problems if p.is_error]
    assert result.yaml_text.splitlines()[0] == SCHEMA_LINE
    assert all(p.severity is Severity.WARNING for p in result.warnings)
    data: dict[str, Any] = yaml.safe_load(result.yaml_text)
    assert list(data) == [key for key in KEY_ORDER if key in data]
    return data


def competency(data: dict[str, Any], competency_id: str) -> dict[str, Any]:
    return next(c for c in data["competencies"] if c["id"] == competency_id)


def at(warnings: list[Problem], rule: str) -> list[tuple[int, int]]:
    return [(w.line, w.col) for w in warnings if w.rule == rule]


def position_of(path: Path, needle: str) -> tuple[int, int]:
    """1-based line and column of `needle` in a file (the start of its cell)."""
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(needle)
