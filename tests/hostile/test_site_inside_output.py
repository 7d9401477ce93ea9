"""A site folder moved inside an earlier output folder: building it must not replace the
output folder that holds it."""

from __future__ import annotations

import shutil
from pathlib import Path

from .checksums import checksums, no_traceback


def test_a_site_inside_its_old_output_folder_is_refused(cli, site: Path, tmp_path: Path) -> None:
    out = tmp_path / "public"
    assert cli("build", "--site", str(site), "--out", str(out)).code == 0
    moved = out / "site"
    shutil.move(str(site), str(moved))
    before = checksums(out)

    result = cli("build", "--site", str(moved), "--out", str(out))

    assert result.code == 1
    assert "holds the site's own files" in result.err
    assert no_traceback(result.err)
    assert checksums(out) == before
