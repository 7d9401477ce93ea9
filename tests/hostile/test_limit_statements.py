"""Statements and competencies have limits far above real ladders (1 to 12 statements per
cell, 3 to 20 competencies, 50 to 500 statements in all, the largest near 3,000): past
them a file is refused with an error at the first one over the limit, saying what the
limit is and what to do (see SECURITY.md, "Limits")."""

from __future__ import annotations

from pathlib import Path

from ladderpress.core import limits

from .ladders import ladder, line_of


def _validate(cli, tmp_path: Path, text: str):
    path = tmp_path / "generated.yaml"
    path.write_text(text, encoding="utf-8")
    return cli("validate", "--errors-only", str(path))


def test_too_many_statements_in_one_cell(cli, tmp_path: Path) -> None:
    per_cell = limits.STATEMENTS_PER_CELL.value + 1
    text = ladder(tracks=[["l0", "l1"]], per_cell=per_cell)
    result = _validate(cli, tmp_path, text)
    assert result.code == 1
    # The first statement over the limit, in each of the two cells.
    for level, index in (("l0", per_cell - 1), ("l1", 2 * per_cell - 1)):
        line = line_of(
            text, f'        - "Writes clear tests for change number {index} and reviews them."'
        )
        assert (
            f"generated.yaml:{line}:11: error: competencies[0].expectations.{level} has "
            f"{per_cell} entries, over the limit of {limits.STATEMENTS_PER_CELL.value} "
            "statements for one level in one competency: merge statements, or split the "
            "competency"
        ) in result.err
    assert "Traceback" not in result.err


def test_too_many_statements_in_a_framework(cli, tmp_path: Path) -> None:
    # 25 levels on one track, 9 competencies, 45 statements per cell: each within its
    # own limit, 10,125 in all.
    tracks = [[f"l{i}" for i in range(25)]]
    text = ladder(tracks=tracks, competencies=9, per_cell=45)
    result = _validate(cli, tmp_path, text)
    assert result.code == 1
    first_over = limits.STATEMENTS.value  # numbered from 0
    line = line_of(
        text, f'        - "Writes clear tests for change number {first_over} and reviews them."'
    )
    assert (
        f"generated.yaml:{line}:11: error: the framework has 10,125 statements, over the limit "
        f"of {limits.STATEMENTS.value:,} statements in a framework"
    ) in result.err
    assert "split the framework into several files" in result.err
    assert result.err.count("error:") == 1


def test_too_many_competencies(cli, tmp_path: Path) -> None:
    count = limits.COMPETENCIES.value + 1
    text = ladder(tracks=[["l0"]], competencies=count)
    result = _validate(cli, tmp_path, text)
    assert result.code == 1
    line = line_of(text, f"  - id: c{count - 1}")
    assert (
        f"generated.yaml:{line}:5: error: competencies has {count} entries, over the limit of "
        f"{limits.COMPETENCIES.value} competencies: merge competencies, or split the framework"
    ) in result.err


def test_at_the_limits_statements_are_valid(cli, tmp_path: Path) -> None:
    # 10,000 statements: 5 levels, 40 competencies, 50 statements per cell. (On 20
    # levels, their comparison pages would be over the output budget: see
    # test_output_budget.py.)
    tracks = [[f"l{i}" for i in range(5)]]
    text = ladder(tracks=tracks, competencies=40, per_cell=limits.STATEMENTS_PER_CELL.value)
    result = _validate(cli, tmp_path, text)
    assert result.code == 0, result.err[-2000:]
