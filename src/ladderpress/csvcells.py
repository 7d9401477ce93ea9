"""The guard that keeps a published CSV cell text in a spreadsheet, and its removal.

Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` as a formula, and
some do the same after a leading tab or carriage return (OWASP's CSV injection list).
Such a cell is written with an apostrophe in front, which spreadsheets read as "this is
text". `ladderpress import` removes it again, so the apostrophe must be unambiguous: a
cell is guarded when it starts with a trigger, or with an apostrophe followed by a
trigger or by another apostrophe; `unguard` removes one apostrophe from exactly those
cells. Any other text that starts with an apostrophe ("'Tis…") is left alone both ways.
"""

from __future__ import annotations

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
