"""Reporters: problems as text for people, workflow annotations for GitHub, or JSON for
tools, each chosen by name (`validate --format NAME`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict

from ladderpress.core.problems import Problem
from ladderpress.core.terminal import printable


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


# name -> (all problems -> the report's lines)
REPORTERS: dict[str, Callable[[list[Problem]], list[str]]] = {
    "text": lambda problems: [format_text(p) for p in problems],
    "github": lambda problems: [format_github(p) for p in problems],
    "json": lambda problems: [format_json(problems)],
}
