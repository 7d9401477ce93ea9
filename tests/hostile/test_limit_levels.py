"""Levels and tracks have limits far above real ladders (3 to 8 levels per track, 1 to 4
tracks): past them a file is refused with an error at the first level or track over
the limit, saying what the limit is and what to do, and nothing else is checked, so a
huge list costs no more than reading it (see SECURITY.md, "Limits")."""

from __future__ import annotations

from pathlib import Path

from ladderpress.core import limits

from .ladders import ladder, line_of, run_python


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "generated.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_too_many_levels_points_at_the_first_one_over(cli, tmp_path: Path) -> None:
    count = limits.LEVELS.value + 1
    tracks = [[f"l{i}" for i in range(start, min(count, start + 30))] for start in (0, 30, 60)]
    text = ladder(tracks=tracks)
    result = cli("validate", str(_write(tmp_path, text)))
    assert result.code == 1
    line = line_of(text, f"  - {{id: l{count - 1}, name: Level l{count - 1}}}")
    assert (
        f"generated.yaml:{line}:5: error: levels has {count} entries, over the limit of "
        f"{limits.LEVELS.value} levels in a framework: merge levels, or split the "
        "framework in two (the limits are listed in SECURITY.md) [limit]"
    ) in result.err
    assert "Traceback" not in result.err


def test_too_many_levels_on_a_track(cli, tmp_path: Path) -> None:
    count = limits.LEVELS_PER_TRACK.value + 1
    text = ladder(tracks=[[f"l{i}" for i in range(count)]])
    result = cli("validate", str(_write(tmp_path, text)))
    assert result.code == 1
    line = line_of(text, f"      - l{count - 1}")
    assert (
        f"generated.yaml:{line}:9: error: tracks[0].levels has {count} entries, over the "
        f"limit of {limits.LEVELS_PER_TRACK.value} levels on a track: merge levels, or "
        "split the track"
    ) in result.err
    # One error for the track, though a track's levels are also a list of ids, whose
    # own, looser limit it breaks too.
    assert result.err.count("tracks[0].levels has") == 1


def test_too_many_tracks(cli, tmp_path: Path) -> None:
    count = limits.TRACKS.value + 1
    text = ladder(tracks=[[f"l{i}"] for i in range(count)])
    result = cli("validate", str(_write(tmp_path, text)))
    assert result.code == 1
    line = line_of(text, f"  - id: t{count - 1}")
    assert f"generated.yaml:{line}:5: error: tracks has {count} entries" in result.err
    assert f"over the limit of {limits.TRACKS.value} tracks" in result.err


def test_expectations_for_too_many_levels_point_at_the_first_key_over(cli, tmp_path: Path) -> None:
    count = limits.LEVELS.value + 1
    text = ladder(tracks=[["l0"]], extra_levels=[f"x{i}" for i in range(count - 1)])
    result = cli("validate", str(_write(tmp_path, text)))
    assert result.code == 1
    line = line_of(text, f"      x{count - 2}:")
    assert (
        f"generated.yaml:{line}:7: error: competencies[0].expectations has {count} entries, "
        f"over the limit of {limits.LEVELS.value} levels in a framework"
    ) in result.err


def test_at_the_limits_a_framework_is_valid(cli, tmp_path: Path) -> None:
    per_track = limits.LEVELS_PER_TRACK.value
    tracks = [[f"l{i}" for i in range(start, start + per_track)] for start in (0, per_track)]
    assert sum(map(len, tracks)) == limits.LEVELS.value
    result = cli("validate", "--errors-only", str(_write(tmp_path, ladder(tracks=tracks))))
    assert result.code == 0, result.err


def test_a_track_of_45000_levels_is_refused_at_once(tmp_path: Path) -> None:
    # Every level is defined, so that the track checks (which keep, for each level of a
    # track, the levels below it) would run if the limit did not stop them: without the
    # limit they ran out of memory on this file of 1.6 MB.
    count = 45_000
    ids = ", ".join(f"l{i}" for i in range(count))
    text = "\n".join(
        [
            "title: Generated",
            "organisation: {name: Generated}",
            "disciplines: [engineering]",
            f"tracks:\n  - {{id: t0, name: Track, levels: [{ids}]}}",
            "levels:",
            *(f"  - {{id: l{i}, name: L}}" for i in range(count)),
            "categories:\n  - {id: craft, name: Craft}",
            "competencies:",
            "  - {id: c, name: C, category: craft, expectations: {l0: [Writes tests.]}}",
        ]
    )
    path = _write(tmp_path, text + "\n")
    done = run_python(
        "import sys; from ladderpress.app.cli import main; "
        f"sys.exit(main(['validate', '--errors-only', {str(path)!r}]))"
    )
    assert done.returncode == 1, done.stderr
    assert f"tracks[0].levels has {count:,} entries" in done.stderr
    assert f"levels has {count:,} entries" in done.stderr
    assert "Traceback" not in done.stderr
