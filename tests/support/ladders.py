"""Small framework files written by tests, with the statements a test needs."""

from __future__ import annotations

from pathlib import Path

HEADER = """\
title: Review ladder
organisation:
  name: Review Co
disciplines: [engineering]
cumulative: {cumulative}
tracks:
  - id: ic
    name: IC
    levels: [one, two, three]
levels:
  - id: one
    name: One
  - id: two
    name: Two
  - id: three
    name: Three
categories:
  - id: craft
    name: Craft
competencies:
  - id: delivery
    name: Delivery
    category: craft
    expectations:
"""


def ladder_text(cells: dict[str, list[str]], *, cumulative: bool = True) -> str:
    """A valid framework whose one competency has `cells` (level id -> statement lines, each
    written as it is, comments included)."""
    lines = [HEADER.format(cumulative=str(cumulative).lower())]
    for level, statements in cells.items():
        lines.append(f"      {level}:\n")
        lines.extend(f"        {statement}\n" for statement in statements)
    return "".join(lines)


def write_ladder(
    folder: Path, cells: dict[str, list[str]], *, name: str = "review", cumulative: bool = True
) -> Path:
    path = folder / f"{name}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ladder_text(cells, cumulative=cumulative), encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    """The 1-based line of the first line of `path` that holds `text`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)
