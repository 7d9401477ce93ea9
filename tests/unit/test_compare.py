"""Diff logic on fixtures with known answers: by id, by similarity, cumulative levels."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ladderpress.analyse.compare import Kind, all_pairs, compare_levels, diff_statements, step
from ladderpress.analyse.similarity import (
    SIMILARITY_THRESHOLD,
    may_be_similar,
    text_similarity,
    word_diff,
)
from ladderpress.check.files import check_file
from ladderpress.core.markdown import render_inline
from ladderpress.core.model import Framework, Statement
from ladderpress.core.urls import ordered_pair
from tests.support.paths import FIXTURES


def load(name: str) -> Framework:
    framework, problems = check_file(FIXTURES / "compare" / f"{name}.yaml")
    assert framework is not None, problems
    assert not problems, problems
    return framework


def kinds(changes) -> list[tuple[str, str | None, str | None]]:
    return [
        (c.kind.value, c.before.text if c.before else None, c.after.text if c.after else None)
        for c in changes
    ]


def test_matching_by_id_then_similarity_then_added_and_removed() -> None:
    framework = load("evolving")
    diff = compare_levels(framework, "one", "two").diff("testing")
    assert kinds(diff.changes) == [
        (
            "changed",
            "Writes unit tests for the code they change.",
            "Chooses which tests a feature needs before building it.",
        ),
        (
            "changed",
            "Reads failing builds and asks for help when stuck.",
            "Reads failing builds and fixes the cause without help.",
        ),
        ("added", None, "Reviews tests in teammates' pull requests."),
        ("removed", "Keeps the local development setup working.", None),
    ]
    assert [c.matched_by for c in diff.of("changed")] == ["id", "similarity"]


def test_id_chains_match_across_several_levels() -> None:
    framework = load("evolving")
    diff = compare_levels(framework, "one", "three").diff("testing")
    by_id = next(c for c in diff.changes if c.matched_by == "id")
    assert by_id.before.id == "unit" and by_id.after.id == "strategy-team"


def test_word_level_highlighting() -> None:
    old, new = word_diff(
        "Reads failing builds and asks for help when stuck.",
        "Reads failing builds and fixes the cause without help.",
    )
    assert "".join(s.text for s in old) == "Reads failing builds and asks for help when stuck."
    assert "".join(s.text for s in new) == "Reads failing builds and fixes the cause without help."
    assert [s.text for s in new if s.op == "insert"] == ["fixes the cause without"]
    assert [s.text for s in old if s.op == "delete"] == ["asks for", "when stuck"]
    assert all(s.op in ("equal", "delete") for s in old)


def test_word_diff_reads_rendered_markdown() -> None:
    old, new = word_diff(
        render_inline("Uses *feature flags*."),
        render_inline("Uses [feature flags](https://example.org)."),
    )
    assert all(s.op == "equal" for s in old + new)


def test_cumulative_levels_keep_what_is_below() -> None:
    framework = load("carrying")
    comparison = compare_levels(framework, "one", "two")
    testing = comparison.diff("testing")
    assert kinds(testing.of("added")) == [
        ("added", None, "Adds integration tests for new features.")
    ]
    assert testing.count("kept") == 2 and testing.count("removed") == 0
    assert comparison.total("added") == 2
    assert [(c.category.id, c.added, c.kept) for c in comparison.categories] == [
        ("craft", 1, 2),
        ("people", 1, 1),
    ]


def test_cumulative_evolves_replaces_the_inherited_statement() -> None:
    framework = load("carrying")
    testing = framework.competencies["testing"]
    expected = [s.id for s in framework.expected(testing, "three")]
    assert "unit" not in expected and "unit-mentor" in expected
    diff = compare_levels(framework, "two", "three").diff("testing")
    changed = diff.of("changed")
    assert [(c.before.id, c.after.id, c.matched_by) for c in changed] == [
        ("unit", "unit-mentor", "id")
    ]
    assert [c.after.text for c in diff.of("added")] == ["Sets the testing strategy for the team."]
    assert diff.count("kept") == 2


def test_across_tracks_shows_what_each_side_has_alone() -> None:
    framework = load("carrying")
    comparison = compare_levels(framework, "three", "lead")
    assert not comparison.same_track
    testing = comparison.diff("testing")
    assert [c.after.text for c in testing.of("added")] == [
        "Makes time for test maintenance in plans."
    ]
    # Three's own statements and the one it evolved are not expected at Lead.
    assert {c.before.id for c in testing.of("removed")} | {
        c.before.id for c in testing.of("changed")
    } == {"unit-mentor", "testing--three-2"}
    assert any(c.after and c.after.id == "unit" for c in testing.changes)


def test_step_marks_what_is_new_at_a_level() -> None:
    framework = load("carrying")
    testing = framework.competencies["testing"]
    assert step(framework, testing, "one") is None
    three = step(framework, testing, "three")
    assert three is not None and three.previous == "two"
    marks = {s.id: three.mark(s) for s in testing.at("three")}
    assert marks["unit-mentor"].kind is Kind.CHANGED
    assert marks["testing--three-2"].kind is Kind.ADDED


def test_pairs_are_in_ladder_order() -> None:
    framework = load("carrying")
    assert all_pairs(framework)[:3] == [("one", "two"), ("one", "three"), ("one", "lead")]
    assert len(all_pairs(framework)) == 6
    assert ordered_pair(framework, "lead", "one") == ("one", "lead")


def statement(text: str, sid: str, level: str = "x") -> Statement:
    html = render_inline(text)
    return Statement(sid, text, (), True, "c", level, 0, rendered=None if html == text else html)


def test_dissimilar_statements_are_not_paired() -> None:
    changes = diff_statements(
        [statement("Writes clear commit messages.", "a")],
        [statement("Plans quarterly roadmaps with product managers.", "b")],
    )
    assert [c.kind for c in changes] == [Kind.ADDED, Kind.REMOVED]


def test_best_pairs_win_when_several_are_similar() -> None:
    before = [
        statement("Reviews code for their team.", "a"),
        statement("Reviews code for several teams.", "b"),
    ]
    after = [
        statement("Reviews code for several teams and sets standards.", "c"),
        statement("Reviews code for their team daily.", "d"),
    ]
    pairs = {
        (c.before.id, c.after.id) for c in diff_statements(before, after) if c.kind is Kind.CHANGED
    }
    assert pairs == {("a", "d"), ("b", "c")}


def test_rewritten_statements_are_not_marked_word_by_word() -> None:
    framework = load("evolving")
    diff = compare_levels(framework, "one", "two").diff("testing")
    by_id = diff.of("changed")[0]
    assert by_id.matched_by == "id"
    assert [s.op for s in by_id.before_words] == ["equal"]
    assert [s.op for s in by_id.after_words] == ["equal"]


@given(
    st.lists(st.sampled_from(["owns", "the", "team", "plan", "and", "ships", "it"]), max_size=12),
    st.lists(
        st.sampled_from(["owns", "the", "team", "roadmap", "and", "it", "leads"]), max_size=12
    ),
)
@settings(max_examples=500, deadline=None)
def test_quick_rule_out_never_drops_a_similar_pair(a: list[str], b: list[str]) -> None:
    # Pairs ruled out without SequenceMatcher must really be below the threshold.
    text_a, text_b = " ".join(a), " ".join(b)
    if not may_be_similar(text_a, text_b):
        assert text_similarity(text_a, text_b) < SIMILARITY_THRESHOLD


def test_the_same_words_under_another_id_are_kept_not_changed() -> None:
    """A level restating what it keeps, or two paths sharing an expectation: no change."""
    before = [Statement("c--a-1", "Writes tests.", (), False, "c", "a", 0)]
    after = [
        Statement("c--b-1", "Writes tests.", (), False, "c", "b", 0),
        Statement("c--b-2", "Reviews designs.", (), False, "c", "b", 1),
    ]
    changes = diff_statements(before, after)
    assert [(c.kind.value, c.before and c.before.id, c.after and c.after.id) for c in changes] == [
        ("added", None, "c--b-2"),
        ("kept", "c--a-1", "c--b-1"),
    ]
