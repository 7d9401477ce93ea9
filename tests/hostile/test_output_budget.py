"""A framework's pages are weighed before they are rendered: comparison pages grow with
the square of the number of levels times what each level expects (200 levels of four
statements, 95 KB of YAML, built 2.3 GB in 20,111 pages). Past the budgets of limits.py
the framework is refused, with an error that names it and what drives the size, and
the build writes nothing (see SECURITY.md, "Limits")."""

from __future__ import annotations

from pathlib import Path

from ladderpress.check.budget import estimate
from ladderpress.check.files import check_file
from ladderpress.core import limits
from tests.support.paths import REPO

from .ladders import ladder, line_of, run_python


def _two_tracks(per_track: int) -> list[list[str]]:
    return [[f"a{i}" for i in range(per_track)], [f"b{i}" for i in range(per_track)]]


def _build(tmp_path: Path, text: str):
    frameworks = tmp_path / "site" / "frameworks"
    frameworks.mkdir(parents=True)
    (frameworks / "wide-ladder.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    done = run_python(
        "import sys; from ladderpress.app.cli import main; "
        f"sys.exit(main(['build', '--site', {str(tmp_path / 'site')!r}, '--out', {str(out)!r}]))"
    )
    return done, out


def test_too_many_pages_are_refused_before_rendering(tmp_path: Path) -> None:
    # Within every other limit: 60 levels on two tracks of 30, 50 statements per cell.
    # The 900 comparisons across the tracks list both sides whole.
    text = ladder(tracks=_two_tracks(30), per_cell=limits.STATEMENTS_PER_CELL.value)
    done, out = _build(tmp_path, text)
    assert done.returncode == 1, done.stderr
    assert not out.exists()
    line = line_of(text, "levels:")
    assert (
        f"wide-ladder.yaml:{line}:1: error: framework 'wide-ladder' would make about 1.0 GB "
        "of pages, over the budget of 250.0 MB: its 60 levels make 1,770 comparison pages, "
        "which with the level pages would list 1,891,000 statements, most of them in "
        "competency 'c0'"
    ) in done.stderr
    assert "use fewer levels" in done.stderr
    assert "[limit]" in done.stderr
    assert "Traceback" not in done.stderr


def test_too_much_similarity_work_is_refused(tmp_path: Path) -> None:
    # Few pages, but statements of 2,000 characters in two words, each of which a
    # comparison across the tracks aligns word by word with every statement of the other
    # side, at a cost that grows with the square of their length: this 780 KB file took
    # two minutes to build.
    def long(index: int) -> str:
        return f"Statement {index} " + "tests team " * 180

    text = ladder(tracks=_two_tracks(10), competencies=4, per_cell=5, wording=long)
    done, out = _build(tmp_path, text)
    assert done.returncode == 1, done.stderr
    assert not out.exists()
    line = line_of(text, "    expectations:")  # the first competency's
    assert (
        f"wide-ladder.yaml:{line}:5: error: framework 'wide-ladder': its 190 comparison pages "
        "would compare about 39.6 billion pairs of words to pair similar statements, over "
        "the limit of 1 billion; competency 'c0' weighs most, with 100 statements"
    ) in done.stderr
    assert "would make" not in done.stderr  # the pages themselves are within budget


def test_the_bundled_frameworks_are_far_below_the_budgets() -> None:
    for path in sorted((REPO / "frameworks").glob("*.yaml")):
        framework, _ = check_file(path)
        assert framework is not None, path
        found = estimate(framework)
        assert found.bytes < limits.OUTPUT_BYTES.value / 10, path
        assert found.similarity_work < limits.SIMILARITY_WORK.value / 100, path


def test_the_estimate_is_close_to_what_a_build_writes(tmp_path: Path) -> None:
    # Within a factor of two either way, so that the budget means what it says.
    text = ladder(tracks=_two_tracks(6), competencies=4, per_cell=6)
    done, out = _build(tmp_path, text)
    assert done.returncode == 0, done.stderr
    written = sum(f.stat().st_size for f in (out / "wide-ladder").rglob("*") if f.is_file())
    framework, _ = check_file(tmp_path / "site" / "frameworks" / "wide-ladder.yaml")
    assert framework is not None
    assert written / 2 < estimate(framework).bytes < written * 2
