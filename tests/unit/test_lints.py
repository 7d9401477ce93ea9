"""The structural lints of check/lints.py added for reviewers (a level that adds nothing,
a statement far longer than the rest) and how ignore comments are read."""

from __future__ import annotations

from pathlib import Path

from ladderpress.check.files import check_paths
from ladderpress.check.ignores import read_ignores
from ladderpress.check.lints import LONG_STATEMENT_FACTOR, LONG_STATEMENT_FLOOR
from tests.support.ladders import line_of, write_ladder

DISTINCT = [
    "- Ships small changes with tests.",
    "- Reviews pull requests within a day.",
    "- Writes down how to run what they build.",
    "- Pairs with newcomers on their first changes.",
]


def _rules(path: Path) -> list[tuple[int, str]]:
    return sorted((p.line, p.rule) for p in check_paths([path]).problems)


def test_a_level_restating_the_one_below_unchanged_is_flagged(tmp_path: Path) -> None:
    same = DISTINCT[:2]
    ladder = write_ladder(
        tmp_path, {"one": same, "two": list(same), "three": DISTINCT[2:]}, cumulative=False
    )
    assert _rules(ladder) == [(line_of(ladder, "id: two"), "level-unchanged")]


def test_a_level_that_restates_and_adds_passes(tmp_path: Path) -> None:
    ladder = write_ladder(
        tmp_path,
        {"one": DISTINCT[:1], "two": DISTINCT[:2], "three": DISTINCT[:3]},
        cumulative=False,
    )
    assert _rules(ladder) == []


def test_in_a_cumulative_framework_a_level_of_repeats_is_flagged_once(tmp_path: Path) -> None:
    ladder = write_ladder(
        tmp_path, {"one": DISTINCT[:1], "two": DISTINCT[1:2], "three": DISTINCT[:2]}
    )
    rules = _rules(ladder)
    assert (line_of(ladder, "id: three"), "level-unchanged") in rules
    assert [rule for _, rule in rules].count("level-unchanged") == 1
    assert [rule for _, rule in rules].count("duplicate-statement") == 2


def _sentence(words: int, seed: int) -> str:
    return " ".join(f"w{seed}x{i}" for i in range(words)) + "."


def test_a_statement_far_longer_than_the_median_is_flagged(tmp_path: Path) -> None:
    short = [f"- {_sentence(12, n)}" for n in range(12)]
    limit = max(LONG_STATEMENT_FACTOR * 12, LONG_STATEMENT_FLOOR)
    long_one = f"- {_sentence(limit + 1, 99)}"
    at_limit = f"- {_sentence(limit, 98)}"
    ladder = write_ladder(
        tmp_path,
        {"one": [*short[:4], long_one], "two": [*short[4:8], at_limit], "three": short[8:]},
    )
    assert _rules(ladder) == [(line_of(ladder, "w99x0"), "long-statement")]
    [problem] = check_paths([ladder]).problems
    assert f"has {limit + 1} words" in problem.message and "median" in problem.message


def test_length_is_not_judged_on_a_handful_of_statements(tmp_path: Path) -> None:
    ladder = write_ladder(
        tmp_path,
        {"one": [f"- {_sentence(5, 1)}"], "two": [f"- {_sentence(200, 2)}"], "three": []},
    )
    assert "long-statement" not in {rule for _, rule in _rules(ladder)}


def test_ignore_comments_are_read_from_the_lines() -> None:
    text = (
        "a: 1  # ladderpress: ignore[gender-coded]\n"
        "# ladderpress: ignore[long-statement, vague-comparative]\n"
        "\n"
        "# another comment\n"
        "b: 2\n"
        "c: 'text # ladderpress: ignore[in-a-string]'\n"
        'e: "it\'s \\" # ladderpress: ignore[still-in-a-string]"\n'
        "f: x  # a comment first; ladderpress: ignore[not-at-the-start]\n"
        "g: 'it''s # ladderpress: ignore[escaped-quote]'  # ladderpress: ignore[after]\n"
        "d: x#ladderpress: ignore[glued]\n"
    )
    found = read_ignores(text)
    assert [(i.line, i.covers, i.rules) for i in found] == [
        (1, 1, ("gender-coded",)),
        (2, 5, ("long-statement", "vague-comparative")),
        (9, 9, ("after",)),
    ]
    assert read_ignores("a: 1\n") == []
