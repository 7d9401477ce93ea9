from __future__ import annotations

from dataclasses import replace

from ladderpress.check.files import check_file
from tests.support.paths import FIXTURES


def acme():
    framework, problems = check_file(FIXTURES / "site" / "frameworks" / "acme-engineering.yaml")
    assert framework is not None, problems
    return framework


def test_level_order_walks_tracks_without_repeats() -> None:
    assert acme().level_order == ("junior", "mid", "senior", "staff", "manager")


def test_levels_below_follow_the_track() -> None:
    framework = acme()
    assert framework.below["manager"] == ("junior", "mid")
    assert framework.below["staff"] == ("junior", "mid", "senior")
    assert framework.levels["mid"].tracks == ("ic", "management")


def test_ladder_spans_shared_levels_and_lines_up_reference_positions() -> None:
    rows = acme().ladder()
    # Staff (position 5) and Manager (5) share a row; nothing of management is at 4.
    assert [[(c.level, c.span) for c in row] for row in rows] == [
        [("staff", 1), ("manager", 1)],
        [("senior", 1), ("", 1)],
        [("mid", 2)],
        [("junior", 2)],
    ]


def test_ladder_rows_are_ranks_without_reference_positions() -> None:
    framework = acme()
    levels = {k: replace(v, position=None) for k, v in framework.levels.items()}
    rows = replace(framework, levels=levels).ladder()
    assert [[(c.level, c.span) for c in row] for row in rows] == [
        [("staff", 1), ("", 1)],
        [("senior", 1), ("manager", 1)],
        [("mid", 2)],
        [("junior", 2)],
    ]


def test_inherited_statements_in_cumulative_frameworks() -> None:
    framework = acme()
    testing = framework.competencies["testing"]
    inherited = framework.inherited(testing, "manager")
    assert [level for level, _ in inherited] == ["junior", "mid"]
    assert len(inherited[0][1]) == 2


def test_statement_ids_are_explicit_or_derived() -> None:
    testing = acme().competencies["testing"]
    first, second = testing.at("junior")
    assert (first.id, first.explicit_id) == ("testing--junior-1", False)
    assert (second.id, second.explicit_id, second.anchor) == (
        "testing-reads-failures",
        True,
        "s-testing-reads-failures",
    )
    assert second.examples == ("Fixed a flaky date test.",)


def test_neighbours_and_equivalents() -> None:
    framework = acme()
    neighbours = [(t.id, prev, nxt) for t, prev, nxt in framework.neighbours("mid")]
    assert neighbours == [("ic", "junior", "senior"), ("management", "junior", "manager")]
    assert framework.equivalents("staff") == ["manager"]
    assert framework.statement_count == 11
