"""No cell of a published CSV runs as a formula, and `import` reads back what was written.

Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (and, in some, a tab or a
carriage return) as a formula: a statement "=HYPERLINK(…)" would become a link, or
worse. Every such cell, the header's included, gets an apostrophe in front; import
removes exactly that apostrophe, so "- bullet", "'quoted" and "'=already guarded"
all survive the round trip.
"""

from __future__ import annotations

import csv
import io
import itertools
from pathlib import Path
from typing import Any

import pytest
import yaml

from ladderpress.check.files import check_paths
from ladderpress.core.csvcells import TRIGGERS, guard, unguard
from ladderpress.core.model import Framework
from ladderpress.importers import import_file
from ladderpress.render.export import framework_csv
from tests.support.paths import REPO

STATEMENTS = {
    "one": ["- bullet", "=SUM(A1)", "@mention", "+1 to the team"],
    "two": ["'quoted", "'=already guarded", "''=twice", "-minus", "Plain words."],
    "three": ["n/a", "1. numbered", "* starred", "=cmd|' /C calc'!A0"],
    "four": ["@only"],
}
NAMES = {"one": "=One", "two": "-Two", "three": "'Three", "four": "@Four"}


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def hostile_framework(tmp_path: Path) -> Framework:
    levels = "".join(f"  - id: {i}\n    name: {_quoted(n)}\n" for i, n in NAMES.items())
    expectations = "".join(
        f"      {level}:\n" + "".join(f"        - {_quoted(s)}\n" for s in texts)
        for level, texts in STATEMENTS.items()
    )
    path = tmp_path / "hostile.yaml"
    path.write_text(
        "title: Hostile ladder\norganisation:\n  name: Tiny Co\ndisciplines: [engineering]\n"
        f"tracks:\n  - id: ic\n    name: IC\n    levels: [{', '.join(NAMES)}]\n"
        f"levels:\n{levels}"
        'categories:\n  - id: craft\n    name: "@Craft"\n  - id: ops\n    name: "+Ops"\n'
        "competencies:\n"
        '  - id: testing\n    name: "=Testing"\n    category: craft\n'
        f"    expectations:\n{expectations}"
        '  - id: running\n    name: "\'-Running"\n    category: ops\n'
        '    expectations:\n      one:\n        - "\\tIndented? No: a tab is a trigger too"\n',
        encoding="utf-8",
    )
    result = check_paths([path])
    assert result.ok, result.problems
    [framework] = result.frameworks
    return framework


def matrix(framework: Framework) -> list[Any]:
    return [
        [framework.levels[level].name for level in framework.level_order],
        [
            (
                category.name,
                framework.competencies[cid].name,
                [
                    [s.text for s in framework.competencies[cid].at(lvl)]
                    for lvl in framework.level_order
                ],
            )
            for category in framework.categories
            for cid in category.competencies
        ],
    ]


def round_trip(framework: Framework, tmp_path: Path) -> Framework:
    source = tmp_path / "export.csv"
    source.write_bytes(framework_csv(framework))
    imported = import_file(source, slug="copy")
    target = tmp_path / "copy" / "copy.yaml"
    target.parent.mkdir()
    target.write_text(imported.yaml_text, encoding="utf-8")
    again = check_paths([target])
    assert again.ok, again.problems
    [copy] = again.frameworks
    return copy


def test_no_cell_of_any_row_can_run_as_a_formula(tmp_path: Path) -> None:
    raw = framework_csv(hostile_framework(tmp_path)).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw)))
    assert len(rows) == 3
    for row in rows:
        for cell in row:
            assert cell[:1] not in TRIGGERS, (row, cell)
    assert rows[0] == ["Category", "Competency", "'=One", "'-Two", "'Three", "'@Four"]
    assert rows[1][:2] == ["'@Craft", "'=Testing"]
    assert rows[2][:3] == ["'+Ops", "''-Running", "'- \tIndented? No: a tab is a trigger too"]


def test_the_csv_imports_back_to_the_same_matrix(tmp_path: Path) -> None:
    framework = hostile_framework(tmp_path)
    copy = round_trip(framework, tmp_path)
    expected = matrix(framework)
    # A statement's surrounding whitespace is not kept by the import, by design.
    expected[1][1][2][0] = ["Indented? No: a tab is a trigger too"]
    assert matrix(copy) == expected


@pytest.mark.parametrize("name", sorted(p.stem for p in (REPO / "frameworks").glob("*.yaml")))
def test_every_bundled_framework_survives_the_round_trip(tmp_path: Path, name: str) -> None:
    [framework] = check_paths([REPO / "frameworks" / f"{name}.yaml"]).frameworks
    assert matrix(round_trip(framework, tmp_path)) == matrix(framework)


def test_guard_is_undone_exactly_and_never_leaves_a_trigger_first() -> None:
    alphabet = "'=+-@\ta "
    for size in range(5):
        for letters in itertools.product(alphabet, repeat=size):
            value = "".join(letters)
            cell = guard(value)
            assert cell[:1] not in TRIGGERS, repr(value)
            assert unguard(cell) == value, repr(value)


def test_an_apostrophe_that_is_part_of_the_text_is_left_alone() -> None:
    for value in ("'Tis the season", "'", "'a'", "It's fine"):
        assert guard(value) == value and unguard(value) == value


def test_the_importer_removes_control_characters_with_a_warning(tmp_path: Path) -> None:
    source = tmp_path / "ladder.csv"
    source.write_text("Competency,Junior\nTesting,Writes \u202etests\x1b\n", encoding="utf-8")
    imported = import_file(source, slug="ladder")
    assert "\u202e" not in imported.yaml_text and "\x1b" not in imported.yaml_text
    data = yaml.safe_load(imported.yaml_text)
    assert data["competencies"][0]["expectations"] == {"junior": ["Writes tests"]}
    [warning] = [w for w in imported.warnings if w.rule == "import-character"]
    assert (warning.line, warning.col) == (2, 9)
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in warning.message
