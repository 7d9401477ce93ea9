"""Problems found in input files: plain data (core/reporters.py prints them)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake or doubt about an input file, pointing at a 1-based line and column."""

    path: str
    line: int
    col: int
    severity: Severity
    message: str
    rule: str

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class InputError(Exception):
    """Raised when input cannot be used at all; carries the problems that explain why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(f"{p.path}:{p.line}:{p.col}: {p.message}" for p in problems))
        self.problems = problems

    def __reduce__(self) -> tuple[type[InputError], tuple[list[Problem]]]:
        # Rebuilt from its problems when it comes back from a worker process.
        return (InputError, (self.problems,))


def error(path: str, line: int, col: int, message: str, rule: str) -> Problem:
    return Problem(path, line, col, Severity.ERROR, message, rule)


def warning(path: str, line: int, col: int, message: str, rule: str) -> Problem:
    return Problem(path, line, col, Severity.WARNING, message, rule)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.col, p.severity.value, p.message))
