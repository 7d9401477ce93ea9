"""A manifest copied into a folder of the user's own files proves nothing: not one of
those files is lost, and the summary names them."""

from __future__ import annotations

import shutil
from pathlib import Path

from ladderpress.write.output import MANIFEST

from .checksums import checksums, no_traceback


def test_a_copied_manifest_costs_no_user_file(cli, site: Path, tmp_path: Path) -> None:
    assert cli("build", "--site", str(site)).code == 0
    mine = tmp_path / "my-pages"
    mine.mkdir()
    (mine / "index.html").write_text("<p>my own home page</p>")
    (mine / "notes").mkdir()
    (mine / "notes/plan.txt").write_text("do not lose me")
    shutil.copy(site / "_site" / MANIFEST, mine / MANIFEST)
    before = {k: v for k, v in checksums(mine).items() if k != MANIFEST}

    result = cli("build", "--site", str(site), "--out", str(mine))

    assert result.code == 0, result.err
    assert no_traceback(result.err)
    after = checksums(mine)
    edited = {
        k.split("/", 1)[1]: v
        for k, v in checksums(tmp_path / "my-pages.ladderpress-edited").items()
    }
    # Each of the user's files is where it was or, where the site needed its name (the
    # home page), kept beside the output; the summary says which.
    assert all(after.get(k) == v or edited.get(k) == v for k, v in before.items())
    assert after["notes/plan.txt"] == before["notes/plan.txt"]
    assert "notes/plan.txt" in result.err and "index.html" in result.err


def test_a_hand_written_manifest_naming_user_files_costs_none(
    cli, site: Path, tmp_path: Path
) -> None:
    mine = tmp_path / "out"
    mine.mkdir()
    (mine / "diary.txt").write_text("private")
    # A manifest that claims the user's file, with a digest that is not its content.
    (mine / MANIFEST).write_text('{"diary.txt": "' + "0" * 64 + '"}')
    before = checksums(mine)

    result = cli("build", "--site", str(site), "--out", str(mine))

    assert result.code == 0, result.err
    assert checksums(mine)["diary.txt"] == before["diary.txt"]
    assert "diary.txt" in result.err  # named: "kept … files to publish belong in static/"
    assert "static/" in result.err
