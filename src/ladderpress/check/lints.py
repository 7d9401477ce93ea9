"""Quality warnings that reviewers of real ladders keep asking for.

They run on a valid model: repeated statements, a higher level expecting less than the one
below it, and gaps where a level says nothing in a competency its neighbours cover.
"""

from __future__ import annotations

from collections.abc import Iterator

from ladderpress.analyse.similarity import Search, near_duplicates, same_wording_key
from ladderpress.core.model import Competency, Framework, Statement
from ladderpress.core.problems import Problem, Severity
from ladderpress.load.document import Document, JsonPath, problem_at


def _statement_path(competency: Competency, statement: Statement) -> JsonPath:
    return ("competencies", competency.index, "expectations", statement.level, statement.index)


def _warn(doc: Document, where: JsonPath, message: str, rule: str, *, key: bool = False) -> Problem:
    return problem_at(doc, where, message, rule, key=key, severity=Severity.WARNING)


def _comparable_levels(framework: Framework, a: Statement, b: Statement) -> bool:
    """Whether repeating wording between the two statements' cells is a smell.

    A cumulative framework should state each expectation once. A non-cumulative one
    restates (and rewords) at every level what it keeps, so there only repeats within one
    level count.
    """
    return framework.cumulative or a.level == b.level


def _duplicates(doc: Document, framework: Framework) -> Iterator[Problem]:
    # The first statement of each wording, and of each wording at each level: the one a
    # repeat points at (only same-level repeats count when not cumulative).
    first: dict[tuple[str, ...], tuple[Competency, Statement]] = {}
    first_at_level: dict[tuple[tuple[str, ...], str], tuple[Competency, Statement]] = {}
    search = Search()
    for competency in framework.competencies.values():
        for statement in (s for lvl in framework.level_order for s in competency.at(lvl)):
            words = same_wording_key(statement.html_text)
            if not words:
                continue
            earlier = (
                first.get(words)
                if framework.cumulative
                else first_at_level.get((words, statement.level))
            )
            if earlier is not None:
                line = doc.position(_statement_path(*earlier)).line
                yield _warn(
                    doc,
                    _statement_path(competency, statement),
                    f"repeats the statement at line {line}; state it once"
                    + (", at the lowest level that expects it" if framework.cumulative else ""),
                    "duplicate-statement",
                )
            first.setdefault(words, (competency, statement))
            first_at_level.setdefault((words, statement.level), (competency, statement))
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
            f"nearly repeats the statement at line {line} (level '{a.level}'); merge "
            "them or make the difference explicit",
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
                        "a higher level should include what the lower one expects",
                        "expects-less",
                        key=True,
                    )
                following = counts[i + 1] if i + 1 < len(counts) else 0
                if counts[i] == 0 and counts[i - 1] and following:
                    yield _warn(
                        doc,
                        ("competencies", competency.index, "expectations"),
                        f"'{level_id}' has no statements in '{competency.id}' although "
                        f"'{lower}' and '{track.levels[i + 1]}' do; fill the gap",
                        "level-gap",
                        key=True,
                    )


def check_quality(doc: Document, framework: Framework) -> list[Problem]:
    return [*_duplicates(doc, framework), *_progression(doc, framework)]
