"""Quality warnings that reviewers of real ladders keep asking for.

They run on a valid model: repeated statements, a higher level expecting less than the one
below it, gaps where a level says nothing in a competency its neighbours cover, a level
that adds nothing, statements far longer than the rest, and (check/reviewer.py) wording.
Each rule's id, reason and fix hint are in core/rules.py.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterator

from ladderpress.analyse.similarity import Search, near_duplicates, same_wording_key
from ladderpress.check.reviewer import review_wording
from ladderpress.core.model import Competency, Framework, Statement
from ladderpress.core.problems import Problem, Severity
from ladderpress.core.rules import LINT_RULES
from ladderpress.load.document import Document, JsonPath, problem_at


def _statement_path(competency: Competency, statement: Statement) -> JsonPath:
    return ("competencies", competency.index, "expectations", statement.level, statement.index)


def _hint(rule: str) -> str:
    return LINT_RULES[rule].hint


def _warn(doc: Document, where: JsonPath, message: str, rule: str, *, key: bool = False) -> Problem:
    return problem_at(doc, where, message, rule, key=key, severity=Severity.WARNING)


def _comparable_levels(framework: Framework, a: Statement, b: Statement) -> bool:
    """Whether repeating wording between the two statements' cells is a smell.

    A cumulative framework should state each expectation once on a track: a level below
    carries it up. Levels of different paths may well say the same thing. A
    non-cumulative one restates (and rewords) at every level what it keeps, so there only
    repeats within one level count.
    """
    if a.level == b.level:
        return True
    if not framework.cumulative:
        return False
    return a.level in framework.below[b.level] or b.level in framework.below[a.level]


def _duplicates(doc: Document, framework: Framework) -> Iterator[Problem]:
    # For each wording, its first statement at each level: a repeat points at the first
    # of those it counts against. At most one per level, so a flood of copies stays cheap.
    seen: dict[tuple[str, ...], dict[str, tuple[Competency, Statement]]] = {}
    search = Search()
    for competency in framework.competencies.values():
        for statement in (s for lvl in framework.level_order for s in competency.at(lvl)):
            words = same_wording_key(statement.html_text)
            if not words:
                continue
            at_levels = seen.setdefault(words, {})
            earlier = next(
                (
                    first
                    for first in at_levels.values()
                    if _comparable_levels(framework, first[1], statement)
                ),
                None,
            )
            if earlier is not None:
                line = doc.position(_statement_path(*earlier)).line
                yield _warn(
                    doc,
                    _statement_path(competency, statement),
                    f"repeats the statement at line {line}; {_hint('duplicate-statement')}"
                    + (", at the lowest level that expects it" if framework.cumulative else ""),
                    "duplicate-statement",
                )
            at_levels.setdefault(statement.level, (competency, statement))
        yield from _near_duplicates(doc, framework, competency, search)


def _near_duplicates(
    doc: Document, framework: Framework, competency: Competency, search: Search
) -> Iterator[Problem]:
    cells = [s for lvl in framework.level_order for s in competency.at(lvl)]
    was_stopped = search.stopped
    pairs = near_duplicates(
        [same_wording_key(s.html_text) for s in cells],
        lambda i, j: _comparable_levels(framework, cells[i], cells[j]),
        search,
    )
    for i, j in pairs:
        a, b = cells[i], cells[j]
        line = doc.position(_statement_path(competency, a)).line
        yield _warn(
            doc,
            _statement_path(competency, b),
            f"nearly repeats the statement at line {line} (level '{a.level}'); "
            f"{_hint('near-duplicate-statement')}",
            "near-duplicate-statement",
        )
    if search.stopped and not was_stopped:
        yield _warn(
            doc,
            ("competencies", competency.index, "expectations"),
            f"stopped looking for nearly repeated statements after {search.comparisons:,} "
            f"comparisons, in '{competency.id}': its statements are too many or too alike "
            "to compare them all; some repeats may not be reported",
            "near-duplicate-limit",
            key=True,
        )


def _progression(doc: Document, framework: Framework) -> Iterator[Problem]:
    for track in framework.tracks:
        for competency in framework.competencies.values():
            counts = [len(competency.at(level_id)) for level_id in track.levels]
            for i in range(1, len(track.levels)):
                lower, level_id = track.levels[i - 1], track.levels[i]
                where: JsonPath = ("competencies", competency.index, "expectations", level_id)
                if not framework.cumulative and 0 < counts[i] < counts[i - 1]:
                    yield _warn(
                        doc,
                        where,
                        f"'{level_id}' expects less than '{lower}' below it in "
                        f"'{competency.id}' ({counts[i]} statement(s) against {counts[i - 1]}); "
                        f"{_hint('expects-less')}",
                        "expects-less",
                        key=True,
                    )
                following = counts[i + 1] if i + 1 < len(counts) else 0
                if counts[i] == 0 and counts[i - 1] and following:
                    yield _warn(
                        doc,
                        ("competencies", competency.index, "expectations"),
                        f"'{level_id}' has no statements in '{competency.id}' although "
                        f"'{lower}' and '{track.levels[i + 1]}' do; {_hint('level-gap')}",
                        "level-gap",
                        key=True,
                    )


def _level_ids(doc: Document) -> dict[str, int]:
    """Where each level is defined: its index in the file's `levels`."""
    return {level["id"]: index for index, level in enumerate(doc.data.get("levels", ()))}


def _unchanged_levels(doc: Document, framework: Framework) -> Iterator[Problem]:
    """A level whose every statement is already said below it: nothing marks the step.

    Below means the level under it, for a framework that restates each level in full,
    and every level under it in the track, for a cumulative one."""
    said = {
        level_id: frozenset(
            (competency.id, same_wording_key(statement.html_text))
            for competency in framework.competencies.values()
            for statement in competency.at(level_id)
        )
        for level_id in framework.level_order
    }
    defined = _level_ids(doc)
    reported: set[str] = set()
    for track in framework.tracks:
        earlier: frozenset[tuple[str, tuple[str, ...]]] = frozenset()
        for lower, level_id in itertools.pairwise(track.levels):
            earlier = earlier | said[lower] if framework.cumulative else said[lower]
            if level_id in reported or not said[level_id] or not said[level_id] <= earlier:
                continue
            reported.add(level_id)
            below = f"the levels up to '{lower}'" if framework.cumulative else f"'{lower}'"
            yield _warn(
                doc,
                ("levels", defined[level_id], "id"),
                f"every statement of '{level_id}' is carried over unchanged from {below}; "
                f"{_hint('level-unchanged')}",
                "level-unchanged",
            )


# A statement is long when it has more words than both LONG_STATEMENT_FACTOR times the
# framework's median and LONG_STATEMENT_FLOOR. The median, unlike the mean, is not pulled
# up by the long statements themselves; the floor keeps a framework of terse statements
# (a median of 6 words) from flagging an ordinary sentence of 20. Below
# LONG_STATEMENT_SAMPLE statements the median says too little about the framework's style.
LONG_STATEMENT_FACTOR = 3
LONG_STATEMENT_FLOOR = 40
LONG_STATEMENT_SAMPLE = 10


def _long_statements(doc: Document, framework: Framework) -> Iterator[Problem]:
    found = [
        (competency, statement, len(same_wording_key(statement.html_text)))
        for competency in framework.competencies.values()
        for statement in (s for level_id in framework.level_order for s in competency.at(level_id))
    ]
    if len(found) < LONG_STATEMENT_SAMPLE:
        return
    median = statistics.median(count for _, _, count in found)
    limit = max(LONG_STATEMENT_FACTOR * median, LONG_STATEMENT_FLOOR)
    for competency, statement, count in found:
        if count > limit:
            yield _warn(
                doc,
                _statement_path(competency, statement),
                f"has {count} words, where this framework's statements have {median:g} "
                f"(the median) and the limit is {limit:g}; {_hint('long-statement')}",
                "long-statement",
            )


def check_quality(doc: Document, framework: Framework) -> list[Problem]:
    return [
        *_duplicates(doc, framework),
        *_progression(doc, framework),
        *_unchanged_levels(doc, framework),
        *_long_statements(doc, framework),
        *review_wording(doc, framework),
    ]
