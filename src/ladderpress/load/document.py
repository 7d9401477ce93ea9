"""A parsed file as the later stages see it: its data, and where each value and key was,
so that any problem found later can point into the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ladderpress.core.problems import Problem, Severity

JsonPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    line: int
    col: int


@dataclass
class Document:
    """A parsed file: its data, and the position of each value and each mapping key."""

    path: str
    data: Any
    values: dict[JsonPath, Position] = field(default_factory=dict)
    keys: dict[JsonPath, Position] = field(default_factory=dict)

    def position(self, path: JsonPath, *, key: bool = False) -> Position:
        """Where `path` is; falls back to the nearest enclosing node that exists."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), Position(1, 1))


def problem_at(
    doc: Document,
    where: JsonPath,
    message: str,
    rule: str,
    *,
    key: bool = False,
    severity: Severity = Severity.ERROR,
) -> Problem:
    """A problem pointing at the value (or, with key=True, the key) found at `where`."""
    pos = doc.position(where, key=key)
    return Problem(doc.path, pos.line, pos.col, severity, message, rule)
