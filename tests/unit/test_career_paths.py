"""Frameworks with several career paths: competencies scoped to tracks, branches into
management, equivalent levels. Checked on a framework written as a company would."""

from __future__ import annotations

from pathlib import Path

import pytest

from ladderpress.analyse.compare import Analysis
from ladderpress.analyse.paths import runs
from ladderpress.check.files import check_file
from ladderpress.core.model import Framework
from ladderpress.render.level_views import comparison_view, level_view, next_steps
from ladderpress.render.views import progression
from tests.support.paths import FIXTURES

SOURCE = FIXTURES / "paths" / "northstar-paths.yaml"


def northstar() -> Framework:
    framework, problems = check_file(SOURCE)
    assert framework is not None, problems
    assert not problems, problems
    return framework


def names(items) -> list[str]:
    return [item.competency.id for _, members in items for item in members]


def test_a_level_shows_only_the_competencies_of_its_tracks() -> None:
    view = level_view(Analysis(northstar()), "engineer-2")
    assert names(view.categories) == ["code", "collaboration"]
    assert view.later == ()  # nothing of other paths is listed as "later" either


def test_a_shared_level_names_what_starts_higher_up_one_of_its_tracks() -> None:
    view = level_view(Analysis(northstar()), "analyst-2")
    assert names(view.categories) == ["analysis", "collaboration"]
    assert [(item.competency.id, item.starts and item.starts.id) for item in view.later] == [
        ("people", "data-manager")
    ]
    assert view.branches
    assert [level.id for level in view.next_levels] == ["senior-analyst", "data-manager"]


def test_equivalent_levels_are_shown_on_both_sides_with_their_note() -> None:
    framework = northstar()
    for here, there in (("senior-analyst", "data-manager"), ("data-manager", "senior-analyst")):
        [equivalent] = level_view(Analysis(framework), here).equivalents
        assert [level.id for level in equivalent.levels] == [there]
        assert equivalent.note and "pay band" in equivalent.note


@pytest.mark.parametrize(
    ("a", "b", "move"),
    [
        ("analyst-1", "senior-analyst", "promotion"),
        ("senior-analyst", "data-manager", "equivalent"),
        ("engineer-2", "analyst-2", "path"),
    ],
)
def test_a_comparison_says_what_kind_of_move_it_is(a: str, b: str, move: str) -> None:
    assert comparison_view(Analysis(northstar()), a, b).move == move


def test_a_cross_track_comparison_says_which_competencies_belong_to_one_side() -> None:
    view = comparison_view(Analysis(northstar()), "engineer-2", "analyst-2")
    only = {d.competency.id: d.only for group in view.categories for d in group.diffs}
    # Product discovery and people management apply to neither level: left out.
    assert only == {"code": "engineer-2", "analysis": "analyst-2", "collaboration": None}
    assert [group.summary.category.id for group in view.categories] == ["craft"]


def test_next_steps_put_each_branch_side_by_side() -> None:
    view = next_steps(Analysis(northstar()), "analyst-2")
    assert [step.b.id for step in view.steps] == ["senior-analyst", "data-manager"]
    rows = {row.competency.id: row for _, members in view.categories for row in members}
    towards_senior, towards_manager = rows["people"].diffs
    assert towards_senior is None  # not part of the data science path
    assert towards_manager is not None and towards_manager.count("added") == 2
    analysis_senior, analysis_manager = rows["analysis"].diffs
    assert analysis_senior is not None and analysis_senior.count("added") == 1
    assert analysis_manager is not None and analysis_manager.count("added") == 0


def test_a_competency_page_follows_each_track_as_its_own_ladder() -> None:
    framework = northstar()
    found = progression(Analysis(framework), framework.competencies["analysis"])
    assert [
        ([t.id for t in run.tracks], run.after and run.after.id, [s.level.id for s in run.steps])
        for run in found
    ] == [
        (["data", "data-management"], None, ["analyst-1", "analyst-2"]),
        (["data"], "analyst-2", ["senior-analyst"]),
        (["data-management"], "analyst-2", ["data-manager"]),
    ]


def test_runs_of_tracks_that_share_nothing_start_at_the_bottom() -> None:
    framework = northstar()
    found = runs(framework.tracks)
    assert (found[0].after, found[0].levels) == (
        None,
        ("engineer-1", "engineer-2", "senior-engineer"),
    )
    # software; the shared data levels, then each of their two branches; product
    assert len(found) == 5


def test_track_disciplines_reach_the_model() -> None:
    framework = northstar()
    assert framework.level_disciplines("analyst-2") == ("data",)
    assert framework.level_disciplines("engineer-1") == ("engineering",)
    assert framework.all_disciplines == ("engineering", "data", "product")


def _problems(tmp_path: Path, old: str, new: str) -> list[str]:
    text = SOURCE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "northstar-paths.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    _, problems = check_file(path)
    return [f"{p.line}:{p.col} {p.rule}: {p.message}" for p in problems]


def test_an_unknown_track_is_named_with_a_suggestion(tmp_path: Path) -> None:
    found = _problems(tmp_path, "tracks: [software]", "tracks: [sofware]")
    assert any("unknown-track" in p and "did you mean 'software'" in p for p in found), found


def test_statements_at_a_level_outside_the_competency_tracks_are_refused(tmp_path: Path) -> None:
    found = _problems(
        tmp_path,
        "      engineer-2: [Delivers",
        "      analyst-2: [Frames analyses well.]\n      engineer-2: [Delivers",
    )
    [problem] = [p for p in found if "track-scope" in p]
    assert problem.startswith("51:7 ") and "'analyst-2'" in problem and "software" in problem


def test_a_competency_cannot_reach_beyond_its_category_tracks(tmp_path: Path) -> None:
    found = _problems(
        tmp_path, "    category: people\n", "    category: people\n    tracks: [software]\n"
    )
    assert any("track-scope" in p and "category 'people'" in p for p in found), found


def test_levels_of_one_track_cannot_be_equivalent(tmp_path: Path) -> None:
    found = _problems(
        tmp_path, "levels: [senior-analyst, data-manager]", "levels: [analyst-1, data-manager]"
    )
    [problem] = [p for p in found if "equivalence-track" in p]  # a warning: valid before
    assert "take one of them out" in problem


def test_equivalent_levels_far_apart_are_a_warning(tmp_path: Path) -> None:
    found = _problems(
        tmp_path,
        "{id: data-manager, name: Data Science Manager, position: 4}",
        "{id: data-manager, name: Data Science Manager, position: 6}",
    )
    assert any("equivalence-position" in p for p in found), found
