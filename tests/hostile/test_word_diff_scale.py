"""Comparisons cost near-linear time whatever the statements: two wordings of more than
DIFF_TOKENS words are not aligned word by word (two of 32,000 words took 19 s each, and
SequenceMatcher's cost grows with the square of their length) but shown whole, and a
competency's two levels are paired by similarity only while that means scoring at most
PAIRING_CANDIDATES pairs. Statements of real sizes are compared exactly as before."""

from __future__ import annotations

from ladderpress.analyse.compare import Kind, diff_statements
from ladderpress.analyse.similarity import plain_words, text_similarity, word_diff
from ladderpress.core import limits
from ladderpress.core.model import Statement

from .ladders import run_python


def words(count: int, changed_every: int = 0) -> str:
    """`count` words from a vocabulary of three, the worst case for SequenceMatcher;
    with `changed_every`, every so many of them replaced."""
    vocabulary = ("tests", "team", "code")
    return " ".join(
        "changed" if changed_every and n % changed_every == 0 else vocabulary[n * 7 % 3]
        for n in range(count)
    )


def test_two_statements_of_32000_words_in_seconds() -> None:
    code = """
from tests.hostile.test_word_diff_scale import words
from ladderpress.analyse.similarity import text_similarity, word_diff
before = words(32_000)
after = words(32_000, changed_every=10)
old, new = word_diff(before, after)
print(len(old), len(new), [s.op for s in old + new] == ["equal", "equal"])
print(round(text_similarity(before, after), 2))
"""
    done = run_python(code, timeout=30)
    assert done.returncode == 0, done.stderr
    # Shown whole, without highlights; similarity from the words they share.
    assert done.stdout.split() == ["1", "1", "True", "0.9"]


def test_up_to_the_limit_wordings_are_aligned_word_by_word() -> None:
    size = limits.DIFF_TOKENS
    before, after = words(size), words(size, changed_every=50)
    old, new = word_diff(before, after)
    assert {s.op for s in old} == {"equal", "delete"}
    assert {s.op for s in new} == {"equal", "insert"}
    assert "".join(s.text for s in old) == "".join(plain_words(before))
    # One word more on one side, and they are shown whole.
    old, new = word_diff(before + " tests", after)
    assert [s.op for s in old + new] == ["equal", "equal"]
    assert old[0].text == "".join(plain_words(before + " tests"))


def test_similarity_past_the_limit_is_the_share_of_shared_words() -> None:
    before, after = words(limits.DIFF_TOKENS + 1), words(limits.DIFF_TOKENS + 1, 4)
    changed = len(range(0, limits.DIFF_TOKENS + 1, 4))
    assert text_similarity(before, after) == 1 - changed / (limits.DIFF_TOKENS + 1)


def _statement(sid: str, text: str) -> Statement:
    return Statement(sid, text, (), True, "c", "x", 0)


def test_too_many_pairs_to_score_are_listed_as_added_and_removed() -> None:
    # Every statement is like every other: scoring them all would align 101 x 101 pairs.
    side = 101
    assert side * side > limits.PAIRING_CANDIDATES
    before = [_statement(f"a{n}", f"Reviews the team's code, change {n}.") for n in range(side)]
    after = [_statement(f"b{n}", f"Reviews the team's code, change {n}!") for n in range(side)]
    kinds = [c.kind for c in diff_statements(before, after)]
    assert kinds.count(Kind.ADDED) == side and kinds.count(Kind.REMOVED) == side
    # One fewer on one side, within the limit, and each is paired with its like.
    changes = diff_statements(before[:99], after[:100])
    assert [c.kind for c in changes].count(Kind.CHANGED) == 99
    assert all(
        c.before.id[1:] == c.after.id[1:]
        for c in changes
        if c.kind is Kind.CHANGED and c.before and c.after
    )
