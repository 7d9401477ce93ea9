"""Problems found in input files, and the reporters that print them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import Enum

from .terminal import printable


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
        super().__init__("\n".join(format_text(p) for p in problems))
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


def format_text(problem: Problem) -> str:
    # A file name or a quoted value may hold a newline or an escape sequence: shown as
    # escapes, it can neither forge another problem's line nor act on the terminal.
    return printable(
        f"{problem.path}:{problem.line}:{problem.col}: "
        f"{problem.severity.value}: {problem.message} [{problem.rule}]"
    )


def _github_escape(value: str, *, is_property: bool) -> str:
    # GitHub workflow commands treat %, CR and LF specially, and ':' ',' inside properties.
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if is_property:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return printable(value)


def format_github(problem: Problem) -> str:
    props = ",".join(
        [
            f"file={_github_escape(problem.path, is_property=True)}",
            f"line={problem.line}",
            f"col={problem.col}",
            f"title={_github_escape('ladderpress ' + problem.rule, is_property=True)}",
        ]
    )
    return (
        f"::{problem.severity.value} {props}::{_github_escape(problem.message, is_property=False)}"
    )


def format_json(problems: list[Problem]) -> str:
    records = []
    for problem in problems:
        record = asdict(problem)
        record["severity"] = problem.severity.value
        records.append(record)
    return json.dumps(records, indent=2, ensure_ascii=False)


def summary_line(problems: list[Problem], files: int) -> str:
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    noun = "file" if files == 1 else "files"
    if not problems:
        return f"{files} {noun} checked: no problems"
    return f"{files} {noun} checked: {errors} error(s), {warnings} warning(s)"
