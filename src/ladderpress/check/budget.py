"""How much a framework's pages will weigh, estimated before anything is rendered.

Comparison pages grow with the square of the number of levels, times what each level
expects: 200 levels of a few statements each (95 KB of YAML) made 19,900 comparison
pages and 2.3 GB. This adds up, per competency and pair of levels, the statements a
comparison lists (those expected at one level and not the other) and the words its
similarity pairing compares, and refuses a framework past the budgets in limits.py,
naming what drives the size.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ladderpress.analyse.compare import all_pairs
from ladderpress.analyse.similarity import token_count
from ladderpress.check.sizes import RULE, SEE
from ladderpress.core import limits
from ladderpress.core.model import Competency, Framework
from ladderpress.core.problems import Problem
from ladderpress.load.document import Document, problem_at


@dataclass
class Estimate:
    """What the pages of one framework would hold. Adding it up costs under a second
    for the largest framework the other limits allow (60 levels, 9,000 statements)."""

    pages: int = 0
    comparison_pages: int = 0
    listed: int = 0  # statements listed on comparison and level pages
    bytes: int = 0
    similarity_work: int = 0  # pairs of words compared, each side capped (limits.py)
    # Per competency id, what it adds to the two totals above.
    bytes_by_competency: dict[str, int] = field(default_factory=dict)
    work_by_competency: dict[str, int] = field(default_factory=dict)


def _weights(framework: Framework, competency: Competency) -> tuple[dict[str, int], dict[str, int]]:
    """Per statement id: bytes a listing of it costs, and words a comparison weighs."""
    size: dict[str, int] = {}
    words: dict[str, int] = {}
    for level_id in framework.level_order:
        for statement in competency.at(level_id):
            html = statement.html_text
            size[statement.id] = len(html) + limits.STATEMENT_MARKUP_BYTES
            words[statement.id] = min(limits.DIFF_TOKENS, token_count(html))
    return size, words


def _add_competency(estimate: Estimate, framework: Framework, competency: Competency) -> None:
    size, words = _weights(framework, competency)
    expected = {
        level_id: frozenset(s.id for s in framework.expected(competency, level_id))
        for level_id in framework.level_order
    }
    added_bytes = 0
    work = 0
    for ids in expected.values():  # level pages list everything a level expects
        added_bytes += sum(map(size.__getitem__, ids))
        estimate.listed += len(ids)
    for a, b in all_pairs(framework):
        only_a = expected[a] - expected[b]
        only_b = expected[b] - expected[a]
        if not (only_a or only_b):
            continue
        added_bytes += sum(map(size.__getitem__, only_a)) + sum(map(size.__getitem__, only_b))
        estimate.listed += len(only_a) + len(only_b)
        if len(only_a) * len(only_b) <= limits.PAIRING_CANDIDATES:
            work += sum(map(words.__getitem__, only_a)) * sum(map(words.__getitem__, only_b))
    # A branching level's next-steps page lists its comparison with each next level again.
    for level_id in framework.level_order:
        following = framework.following(level_id)
        if len(following) > 1:
            for upper in following:
                listed = expected[level_id] ^ expected[upper]
                added_bytes += sum(map(size.__getitem__, listed))
                estimate.listed += len(listed)
    estimate.bytes += added_bytes
    estimate.similarity_work += work
    estimate.bytes_by_competency[competency.id] = added_bytes
    estimate.work_by_competency[competency.id] = work


def estimate(framework: Framework) -> Estimate:
    found = Estimate()
    found.comparison_pages = len(framework.level_order) * (len(framework.level_order) - 1) // 2
    # The overview, level, competency, comparison-index and self-assessment pages, the
    # lists of levels and of competencies, and a next-steps page per branching level.
    found.pages = 5 + len(framework.levels) + len(framework.competencies)
    found.pages += found.comparison_pages
    found.pages += sum(len(framework.following(x)) > 1 for x in framework.level_order)
    found.bytes = found.pages * limits.PAGE_BYTES
    for competency in framework.competencies.values():
        _add_competency(found, framework, competency)
    return found


def _size(count: int) -> str:
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if count >= scale:
            return f"{count / scale:.1f} {unit}"
    return f"{count} bytes"


def _heaviest(by_competency: dict[str, int]) -> str:
    return max(by_competency, key=by_competency.__getitem__, default="")  # the first, on ties


def budget_problems(doc: Document, framework: Framework) -> list[Problem]:
    """An error when the framework's pages would be over a budget of limits.py."""
    found = estimate(framework)
    problems: list[Problem] = []
    levels = len(framework.level_order)
    if found.bytes > limits.OUTPUT_BYTES.value:
        budget = limits.OUTPUT_BYTES
        heaviest = _heaviest(found.bytes_by_competency)
        listing = (
            f", which with the level pages would list {found.listed:,} statements, "
            f"most of them in competency '{heaviest}'"
            if found.listed
            else ""
        )
        message = (
            f"framework '{framework.slug}' would make about {_size(found.bytes)} of pages, "
            f"over the budget of {_size(budget.value)}: its {levels:,} levels make "
            f"{found.comparison_pages:,} comparison pages{listing}; {budget.advice} ({SEE})"
        )
        problems.append(problem_at(doc, ("levels",), message, RULE, key=True))
    if found.similarity_work > limits.SIMILARITY_WORK.value:
        budget = limits.SIMILARITY_WORK
        heaviest = _heaviest(found.work_by_competency)
        competency = framework.competencies[heaviest]
        count = sum(len(competency.at(level_id)) for level_id in framework.level_order)
        message = (
            f"framework '{framework.slug}': its {found.comparison_pages:,} comparison pages "
            f"would compare about {found.similarity_work / 1e9:.1f} billion pairs of words "
            f"to pair similar statements, over the limit of {budget.value / 1e9:g} billion; "
            f"competency '{heaviest}' weighs most, with {count:,} statements; "
            f"{budget.advice} ({SEE})"
        )
        where = ("competencies", competency.index, "expectations")
        problems.append(problem_at(doc, where, message, RULE, key=True))
    return problems
