"""The near-duplicate lint costs near-linear time: it compares a statement only with the
earlier ones that share one of its rarer words (analyse/similarity.py), at most
NEAR_DUPLICATE_CANDIDATES of them, and stops with a warning once its word-order
comparisons have cost NEAR_DUPLICATE_WORK. Comparing every pair, 12,000 statements made
of the same words would take about half an hour (1,000 took 11.5 s); the result is the
same as comparing every pair wherever that stays within the bounds."""

from __future__ import annotations

import random
from collections.abc import Callable
from difflib import SequenceMatcher
from itertools import combinations

from ladderpress.analyse.similarity import Search, near_duplicates
from ladderpress.core import limits

from .ladders import run_python

WORDS = [
    "writes",
    "clear",
    "automated",
    "tests",
    "for",
    "services",
    "the",
    "team",
    "owns",
    "and",
    "reviews",
    "them",
]


def shuffled(count: int) -> list[tuple[str, ...]]:
    """The same twelve words in another order each time (and a number): every pair
    shares its words, so passes the cheap test, and none is a near-duplicate."""
    chance = random.Random(7)
    found = []
    for index in range(count):
        words = WORDS[:]
        chance.shuffle(words)
        found.append((*words, str(index)))
    return found


def every_pair(
    wordings: list[tuple[str, ...]], comparable: Callable[[int, int], bool]
) -> list[tuple[int, int]]:
    """What the lint found when it compared every pair in order."""
    sets = [frozenset(w) for w in wordings]
    flagged: set[int] = set()
    found = []
    for i, j in combinations(range(len(wordings)), 2):
        a, b = wordings[i], wordings[j]
        if a == b or min(len(a), len(b)) < 4 or j in flagged or not comparable(i, j):
            continue
        shared = len(sets[i] & sets[j])
        if shared / max(1, len(sets[i]) + len(sets[j]) - shared) < 0.6:
            continue
        if SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.88:
            flagged.add(j)
            found.append((i, j))
    return found


def test_same_results_as_comparing_every_pair() -> None:
    chance = random.Random(3)
    vocabulary = [*WORDS, "design", "plan", "ship", "lead"]
    wordings: list[tuple[str, ...]] = []
    for _ in range(400):
        if wordings and chance.random() < 0.4:  # a near-copy of an earlier statement
            words = list(chance.choice(wordings))
            words[chance.randrange(len(words))] = chance.choice(vocabulary)
        else:
            words = chance.choices(vocabulary, k=chance.randint(2, 16))
        wordings.append(tuple(words))
    for comparable in (
        lambda i, j: True,
        lambda i, j: i % 3 == j % 3,  # only repeats at one level count, not cumulative
    ):
        expected = every_pair(wordings, comparable)
        assert len(expected) > 20  # the case is worth testing
        search = Search()
        assert near_duplicates(wordings, comparable, search) == expected
        assert not search.stopped


def test_comparisons_grow_linearly() -> None:
    count = 3_000
    search = Search()
    assert near_duplicates(shuffled(count), lambda i, j: True, search) == []
    # Comparing every pair would look at 4.5 million pairs.
    assert search.overlaps <= count * limits.NEAR_DUPLICATE_CANDIDATES
    assert search.work <= limits.NEAR_DUPLICATE_WORK
    assert search.stopped  # this many alike statements are not worth comparing all


def test_twelve_thousand_alike_statements_in_seconds() -> None:
    code = f"""
import random
from ladderpress.check.lints import check_quality
from ladderpress.core.markdown import statement_html
from ladderpress.core.build_model import build_framework
from ladderpress.load.source import parse_text

words = {WORDS!r}
chance = random.Random(7)
lines = ["title: T", "organisation: {{name: O}}", "disciplines: [engineering]",
         "tracks: [{{id: t, name: T, levels: [l0, l1, l2, l3, l4, l5, l6, l7]}}]",
         "levels:"]
lines += [f"  - {{{{id: l{{i}}, name: L{{i}}}}}}" for i in range(8)]
lines += ["categories: [{{id: c, name: C}}]", "competencies:",
          "  - id: k", "    name: K", "    category: c", "    expectations:"]
number = 0
for level in range(8):
    lines.append(f"      l{{level}}:")
    for _ in range(1500):
        chance.shuffle(words)
        lines.append("        - " + " ".join(words) + f" {{number}}")
        number += 1
doc = parse_text("alike.yaml", "\\n".join(lines) + "\\n")
framework = build_framework("alike", "alike.yaml", doc.data, statement_html)
assert framework.statement_count == 12_000
rules = [p.rule for p in check_quality(doc, framework)]
print(rules.count("near-duplicate-statement"), rules.count("near-duplicate-limit"))
"""
    done = run_python(code, timeout=30)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "1"]


def test_twelve_thousand_near_copies_are_all_found() -> None:
    # Statements 400 places apart differ only in their number, and those closer in two
    # more words: each of the 11,600 repeats is reported with the first statement it
    # repeats, as comparing every pair did (in 67 s).
    base = tuple(WORDS)
    extra = [f"w{n}" for n in range(20)]
    wordings = [(*base, extra[i % 20], extra[(i // 20) % 20], str(i)) for i in range(12_000)]
    search = Search()
    found = near_duplicates(wordings, lambda i, j: True, search)
    assert not search.stopped
    assert len(found) == 12_000 - 400
    assert all(i == j % 400 for i, j in found)
    assert search.comparisons < 20 * 12_000
