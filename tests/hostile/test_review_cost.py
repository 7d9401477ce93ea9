"""Ignore comments and the wording lints cost linear time: a file of 100,000 stacked
ignore comments (each looking ahead for the line it covers would take about 5,000,000,000
steps) and statements made of what nearly matches every pattern check in seconds."""

from __future__ import annotations

from pathlib import Path

from tests.support.ladders import ladder_text

from .ladders import run_python


def test_stacked_ignore_comments_and_near_matches_stay_cheap(tmp_path: Path) -> None:
    near_misses = (
        "5 5 5 5 years of than the than the a degree a degree as as as to a greater "
        "rock rock self- he's domin "
    ) * 20
    statements = [f"- {near_misses[:1900]!r}"]
    ignores = "# ladderpress: ignore[gender-coded]\n" * 100_000
    text = ladder_text(
        {
            "one": statements,
            "two": ["- Designs a service with its neighbours in mind."],
            "three": ["- Sets the technical direction of several teams."],
        }
    )
    path = tmp_path / "stacked.yaml"
    path.write_text(ignores + text, encoding="utf-8")
    done = run_python(
        "from pathlib import Path; from ladderpress.check.files import check_paths; "
        f"result = check_paths([Path({str(path)!r})]); "
        "print(sum(p.rule == 'unused-ignore' for p in result.problems), result.ok)",
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    # None of them covers a line with a gender-coded word: each is reported, none lost.
    assert done.stdout.split() == ["100000", "True"]
