"""How a CSV cell holds statements: one a line, list markers allowed (`split_statements`),
and the guard that keeps a published cell text in a spreadsheet, with its removal.

Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` as a formula, and
some do the same after a leading tab or carriage return (OWASP's CSV injection list).
Such a cell is written with an apostrophe in front, which spreadsheets read as "this is
text". `ladderpress import` removes it again, so the apostrophe must be unambiguous: a
cell is guarded when it starts with a trigger, or with an apostrophe followed by a
trigger or by another apostrophe; `unguard` removes one apostrophe from exactly those
cells. Any other text that starts with an apostrophe ("'Tis…") is left alone both ways.
"""

from __future__ import annotations

import re

TRIGGERS = frozenset("=+-@\t\r")
_AFTER_APOSTROPHE = TRIGGERS | {"'"}


def _guarded(value: str) -> bool:
    """Whether `value` is a cell as `guard` writes it: one apostrophe too many."""
    return value[:1] == "'" and value[1:2] in _AFTER_APOSTROPHE


def guard(value: str) -> str:
    """`value` as a CSV cell that a spreadsheet shows as text."""
    return "'" + value if value[:1] in TRIGGERS or _guarded(value) else value


def unguard(cell: str) -> str:
    """The value that `guard` turned into `cell`."""
    return cell[1:] if _guarded(cell) else cell


# A list marker at the start of a line: bullets, dashes, or "1." / "2)" numbering.
_BULLET = re.compile(r"^(?:[-*+\u2013\u2014]\s+|[•·‣◦▪]\s*|\d{1,2}[.)]\s+)")
_EMPTY_MARKS = frozenset({"-", "\u2013", "\u2014", "•", "*", "n/a", "na", "none", "tbc", "tbd"})


def split_statements(cell: str) -> list[str]:
    """One statement per line, list markers removed. When some lines start with a marker,
    the lines without one continue the statement above them (text wrapped by hand)."""
    lines = [line.strip() for line in cell.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line and line.casefold() not in _EMPTY_MARKS]
    marked = any(_BULLET.match(line) for line in lines)
    statements: list[str] = []
    for line in lines:
        has_marker = _BULLET.match(line) is not None
        text = _BULLET.sub("", line, count=1).strip()
        if not text:
            continue
        if marked and not has_marker and statements:
            statements[-1] = f"{statements[-1]} {text}"
        else:
            statements.append(text)
    return statements


# The category the matrix CSV lists a level's typed facts under, after the competencies:
# for reading in a spreadsheet; `ladderpress import` reports those rows and skips them.
LEVEL_FACTS = "Level facts"
