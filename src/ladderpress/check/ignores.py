"""Turning lints off: for one line, by a comment in the framework file, and for a whole
site, by the config's `lints:` (which can also make a lint an error).

A comment is not in the parsed data, so ignores are read from the file's lines:

    - Has 5+ years of experience.  # ladderpress: ignore[experience-requirement]
    # ladderpress: ignore[gender-coded, vague-comparative]
    - Mentors the team's ninjas as appropriate.

A trailing comment covers its own line; a comment alone on its line covers the next line
that is not blank or a comment. An ignore that covers no warning is itself reported, so
that a stale one cannot hide a later finding.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from ladderpress.core.problems import Problem, Severity
from ladderpress.core.rules import LINT_RULES

_IGNORE = re.compile(r"#\s*ladderpress:\s*ignore(\[[^\]\n]*\])?")
_RULE = "unused-ignore"


@dataclass(frozen=True)
class IgnoreComment:
    line: int  # where the comment is
    col: int
    covers: int  # the line whose warnings it silences
    rules: tuple[str, ...]  # empty: the comment names none


def _next_content_lines(lines: list[str]) -> list[int]:
    """For each line, the 1-based number of the next line that is neither blank nor only a
    comment (itself, past the end): one pass from the end, so a file of stacked comments
    costs linear time."""
    following = [len(lines) + 1] * (len(lines) + 1)
    for index in range(len(lines) - 1, -1, -1):
        text = lines[index].strip()
        content = bool(text) and not text.startswith("#")
        following[index] = index + 1 if content else following[index + 1]
    return following


def _comment_start(line: str) -> int | None:
    """Where the line's comment starts: a '#' at the start or after a blank, outside quotes
    (a quoted string that goes on to the next line is taken to end at this one)."""
    quote = None
    index = 0
    while index < len(line):
        char = line[index]
        if quote == "'" and line.startswith("''", index):
            index += 1  # an escaped quote inside single quotes
        elif quote == '"' and char == "\\":
            index += 1  # whatever follows a backslash inside double quotes
        elif quote is not None and char == quote:
            quote = None
        elif quote is None and char in "'\"" and (index == 0 or line[index - 1] in " \t[{,"):
            quote = char
        elif quote is None and char == "#" and (index == 0 or line[index - 1] in " \t"):
            return index
        index += 1
    return None


def read_ignores(text: str) -> list[IgnoreComment]:
    if "ladderpress:" not in text:  # most files: no need to look at each line
        return []
    lines = text.splitlines()
    following: list[int] = []
    found = []
    for index, line in enumerate(lines):
        if "ladderpress:" not in line:
            continue
        start = _comment_start(line)
        match = _IGNORE.match(line, start) if start is not None else None
        if match is None:
            continue
        names = (match[1] or "[]")[1:-1]
        alone = not line[:start].strip()
        if alone and not following:
            following = _next_content_lines(lines)
        found.append(
            IgnoreComment(
                line=index + 1,
                col=match.start() + 1,
                covers=following[index + 1] if alone else index + 1,
                rules=tuple(name.strip() for name in names.split(",") if name.strip()),
            )
        )
    return found


def _unused(path: str, ignore: IgnoreComment, message: str) -> Problem:
    return Problem(path, ignore.line, ignore.col, Severity.WARNING, message, _RULE)


def _rule_problem(path: str, ignore: IgnoreComment, rule: str, fired: set[str]) -> Problem | None:
    if rule not in LINT_RULES:
        near = difflib.get_close_matches(rule, list(LINT_RULES), n=1)
        advice = f"did you mean '{near[0]}'?" if near else "the lints are listed in the README"
        return _unused(path, ignore, f"ignore[{rule}]: there is no lint '{rule}'; {advice}")
    if rule not in fired:
        return _unused(
            path,
            ignore,
            f"ignore[{rule}] silences nothing: '{rule}' finds nothing on line {ignore.covers}; "
            f"{LINT_RULES[_RULE].hint}",
        )
    return None


def apply_ignores(path: Path, shown: str, problems: list[Problem]) -> list[Problem]:
    """The problems of one file (`shown` in messages) without the warnings its ignore
    comments silence, and with a warning for each ignore that silences nothing."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return problems  # it was just read: gone since, its ignores cannot be known
    ignores = read_ignores(text)
    if not ignores:
        return problems
    silenced = {(i.covers, rule) for i in ignores for rule in i.rules}
    fired: dict[int, set[str]] = {}
    for problem in problems:
        if not problem.is_error and problem.rule in LINT_RULES:
            fired.setdefault(problem.line, set()).add(problem.rule)
    kept = [
        p
        for p in problems
        if p.is_error or p.rule not in LINT_RULES or (p.line, p.rule) not in silenced
    ]
    for ignore in ignores:
        if not ignore.rules:
            advice = "name the lints to ignore, for example '# ladderpress: ignore[gender-coded]'"
            kept.append(_unused(shown, ignore, advice))
        for rule in ignore.rules:
            stale = _rule_problem(shown, ignore, rule, fired.get(ignore.covers, set()))
            if stale is not None:
                kept.append(stale)
    return kept


def apply_site_lints(problems: Iterable[Problem], settings: Mapping[str, str]) -> list[Problem]:
    """The problems as the site's `lints:` settings want them: a rule set to "off" is
    dropped, one set to "error" fails the check. Errors stay errors whatever the setting."""
    result = []
    for problem in problems:
        setting = None if problem.is_error else settings.get(problem.rule)
        if setting == "off":
            continue
        if setting == "error":
            problem = replace(problem, severity=Severity.ERROR)
        result.append(problem)
    return result
