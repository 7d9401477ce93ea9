"""Problems for a framework file that is over a size limit (limits.py).

The schema checks most limits itself (maxItems, maxLength, maxProperties); this module
words those errors — what the limit is, and what to do — and points at the first item
past the limit. It also counts what the schema cannot: statements across the whole
framework. A file over any limit is not checked further: the checks after the schema
cost more than linear time in what a stranger may have made huge.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ladderpress.core import limits
from ladderpress.core.limits import Limit
from ladderpress.core.problems import Problem
from ladderpress.load.document import Document, JsonPath, problem_at

RULE = "limit"
KEYWORDS = frozenset({"maxItems", "maxLength", "maxProperties"})

# Where each limit applies, as an instance path: `int` stands for any index, `str` for
# any key. Limits the schema repeats in several places are told apart by where they are.
_Pattern = tuple[str | type, ...]
_EXPECTATION: _Pattern = ("competencies", int, "expectations", str, int)
_WHERE: list[tuple[str, _Pattern, Limit]] = [
    ("maxItems", ("levels",), limits.LEVELS),
    ("maxItems", ("tracks",), limits.TRACKS),
    ("maxItems", ("tracks", int, "levels"), limits.LEVELS_PER_TRACK),
    ("maxItems", ("categories",), limits.CATEGORIES),
    ("maxItems", ("competencies",), limits.COMPETENCIES),
    ("maxItems", ("equivalences",), limits.EQUIVALENCES),
    ("maxItems", ("levels", int, "titles"), limits.TITLES),
    ("maxItems", ("levels", int, "sections"), limits.SECTIONS),
    ("maxItems", _EXPECTATION[:-1], limits.STATEMENTS_PER_CELL),
    ("maxItems", (*_EXPECTATION, "examples"), limits.EXAMPLES),
    ("maxProperties", ("competencies", int, "expectations"), limits.LEVELS),
    ("maxLength", _EXPECTATION, limits.STATEMENT_CHARS),
    ("maxLength", (*_EXPECTATION, "text"), limits.STATEMENT_CHARS),
    ("maxLength", (*_EXPECTATION, "examples", int), limits.STATEMENT_CHARS),
    ("maxLength", ("source_url",), limits.URL_CHARS),
    ("maxLength", ("organisation", "url"), limits.URL_CHARS),
    # The site configuration.
    ("maxItems", ("navigation",), limits.NAVIGATION),
    ("maxLength", ("navigation", int, "url"), limits.URL_CHARS),
    ("maxLength", ("base_url",), limits.URL_CHARS),
    ("maxLength", ("repository",), limits.URL_CHARS),
]
# Elsewhere, a limit is known by its kind and number: lists of ids, and other texts.
_BY_VALUE = {
    ("maxItems", limits.TAGS.value): limits.TAGS,
    ("maxLength", limits.TEXT_CHARS.value): limits.TEXT_CHARS,
}
SEE = "the limits are listed in SECURITY.md"


def _matches(path: JsonPath, pattern: _Pattern) -> bool:
    return len(path) == len(pattern) and all(
        isinstance(part, want) if isinstance(want, type) else part == want
        for part, want in zip(path, pattern, strict=True)
    )


def limit_for(keyword: str, path: JsonPath, bound: int) -> Limit | None:
    for kind, pattern, limit in _WHERE:
        if kind == keyword and _matches(path, pattern):
            return limit
    return _BY_VALUE.get((keyword, bound))


def _label(path: JsonPath) -> str:
    label = ""
    for part in path:
        label += f"[{part}]" if isinstance(part, int) else (f".{part}" if label else str(part))
    return label or "the document"


def limit_problem(doc: Document, keyword: str, path: JsonPath, value: Any, bound: int) -> Problem:
    """A schema limit error, at the first item past the limit when there is one."""
    limit = limit_for(keyword, path, bound)
    unit = "characters" if keyword == "maxLength" else "entries"
    what = f"{bound:,} {limit.what}" if limit else f"{bound:,} {unit}"
    advice = limit.advice if limit else ("shorten it" if keyword == "maxLength" else "remove some")
    message = (
        f"{_label(path)} has {len(value):,} {unit}, over the limit of {what}: {advice} ({SEE})"
    )
    if keyword == "maxItems":
        return problem_at(doc, (*path, bound), message, RULE)
    if keyword == "maxProperties":
        first_over = list(value)[bound]
        return problem_at(doc, (*path, first_over), message, RULE, key=True)
    return problem_at(doc, path, message, RULE)


def tightest(errors: list[Any]) -> set[int]:
    """Indexes of limit errors that a tighter one at the same place already reports
    (a track's levels are a list of ids, which has a looser limit of its own)."""
    best: dict[tuple[str, JsonPath], tuple[int, int]] = {}
    for index, error in enumerate(errors):
        if error.validator in KEYWORDS:
            key = (str(error.validator), tuple(error.absolute_path))
            bound = int(error.validator_value)
            if key not in best or bound < best[key][0]:
                best[key] = (bound, index)
    kept = {index for _, index in best.values()}
    return {
        index
        for index, error in enumerate(errors)
        if error.validator in KEYWORDS and index not in kept
    }


def _statement_paths(data: Any) -> Iterator[JsonPath]:
    """Where each statement is, in file order, for data of any shape."""
    competencies = data.get("competencies") if isinstance(data, dict) else None
    if not isinstance(competencies, list):
        return
    for c_index, competency in enumerate(competencies):
        expectations = competency.get("expectations") if isinstance(competency, dict) else None
        if not isinstance(expectations, dict):
            continue
        for level_id, items in expectations.items():
            if isinstance(items, list):
                for s_index in range(len(items)):
                    yield ("competencies", c_index, "expectations", level_id, s_index)


def statement_count_problems(doc: Document) -> list[Problem]:
    """An error at the first statement past the limit of statements in a framework."""
    limit = limits.STATEMENTS
    total = 0
    first_over: JsonPath | None = None
    for where in _statement_paths(doc.data):
        total += 1
        if total == limit.value + 1:
            first_over = where
    if first_over is None:
        return []
    message = (
        f"the framework has {total:,} statements, over the limit of {limit.value:,} "
        f"{limit.what} (real ladders have 50 to 500, the largest near 3,000); this is "
        f"statement {limit.value + 1:,}: {limit.advice} ({SEE})"
    )
    return [problem_at(doc, first_over, message, RULE)]


def over_a_limit(problems: list[Problem]) -> bool:
    return any(p.rule == RULE for p in problems)
