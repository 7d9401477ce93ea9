"""Building a folder with no frameworks (a new folder, or the wrong one) says so and
points at `ladderpress init`, exits 1, and leaves the folder as it was."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize("with_folder", [False, True], ids=["no-frameworks-folder", "empty"])
def test_build_of_an_empty_site_points_at_init(cli, tmp_path: Path, with_folder: bool) -> None:
    if with_folder:
        (tmp_path / "frameworks").mkdir()
    before = sorted(tmp_path.rglob("*"))
    result = cli("build", "--site", str(tmp_path))
    assert result.code == 1
    assert "no framework files" in result.err
    assert "ladderpress init" in result.err
    assert "[no-frameworks]" in result.err
    assert "Traceback" not in result.err
    assert sorted(tmp_path.rglob("*")) == before  # no output folder, nothing else


def test_build_in_the_current_folder(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("build")
    assert result.code == 1
    assert result.err.startswith("frameworks:1:1: error: no framework files in frameworks/")
    assert "ladderpress init" in result.err
    assert list(tmp_path.iterdir()) == []


def test_a_site_with_frameworks_still_builds(cli, site: Path) -> None:
    assert cli("build", "--site", str(site), "--quiet").code == 0
