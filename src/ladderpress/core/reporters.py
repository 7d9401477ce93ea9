"""Reporters: problems as text for people, workflow annotations for GitHub, JSON for
tools, or SARIF for code scanning, each chosen by name (`validate --format NAME`)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ladderpress import __version__
from ladderpress.core.problems import Problem
from ladderpress.core.rules import LINT_RULES
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


SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
HOMEPAGE = "https://github.com/ladderpress/ladderpress"


def repository_root(start: Path) -> Path:
    """The checkout `start` is in (the nearest folder with a .git), else `start` itself:
    code scanning places results by paths relative to it."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def _artifact_uri(path: str, root: Path) -> str:
    absolute = Path(os.path.abspath(path))
    try:
        return quote(absolute.relative_to(root).as_posix())
    except ValueError:  # outside the checkout: only an absolute address can name it
        return absolute.as_uri()


def _sarif_rule(rule_id: str) -> dict[str, Any]:
    rule = LINT_RULES.get(rule_id)
    if rule is None:  # a check of the schema or of references: its messages say it all
        return {"id": rule_id, "defaultConfiguration": {"level": "error"}}
    return {
        "id": rule.id,
        "shortDescription": {"text": rule.why},
        "help": {"text": rule.hint[0].upper() + rule.hint[1:] + "."},
        "defaultConfiguration": {"level": "warning"},
    }


def format_sarif(problems: list[Problem], root: Path | None = None) -> str:
    """A SARIF 2.1.0 log of one run, with each rule that found something described."""
    root = repository_root(Path.cwd()) if root is None else root
    rule_ids = sorted({p.rule for p in problems})
    index = {rule_id: number for number, rule_id in enumerate(rule_ids)}
    results = [
        {
            "ruleId": p.rule,
            "ruleIndex": index[p.rule],
            "level": p.severity.value,
            "message": {"text": p.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _artifact_uri(p.path, root)},
                        "region": {"startLine": p.line, "startColumn": p.col},
                    }
                }
            ],
        }
        for p in problems
    ]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "ladderpress",
                        "version": __version__,
                        "informationUri": HOMEPAGE,
                        "rules": [_sarif_rule(rule_id) for rule_id in rule_ids],
                    }
                },
                # Columns count characters, as every other report of ladderpress does.
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False)


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
    "sarif": lambda problems: [format_sarif(problems)],
}
