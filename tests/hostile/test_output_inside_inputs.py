"""An output folder inside what the build reads (frameworks/, theme/, static/) or holding
the site itself is refused before anything is written, for build and for serve."""

from __future__ import annotations

from pathlib import Path

import pytest

from .checksums import checksums, no_traceback


@pytest.mark.parametrize("inside", ["frameworks/out", "theme/out", "static/out", ".", ".."])
def test_output_overlapping_the_inputs_is_refused(cli, site: Path, inside: str) -> None:
    (site / "theme").mkdir(exist_ok=True)
    (site / "static").mkdir(exist_ok=True)
    (site / "static/CNAME").write_text("ladders.example.org\n")
    before = checksums(site.parent)

    result = cli("build", "--site", str(site), "--out", str(site / inside))

    assert result.code == 1
    assert "choose an output folder outside the site's inputs" in result.err
    assert no_traceback(result.err)
    assert checksums(site.parent) == before


def test_serve_refuses_an_output_inside_a_watched_folder(cli, site: Path) -> None:
    """It would otherwise rebuild into the folder it watches, and again, for ever."""
    (site / "frameworks/preview").mkdir()  # left by an earlier try, say
    before = checksums(site)

    result = cli("serve", "--site", str(site), "--out", str(site / "frameworks/preview"))

    assert result.code == 1
    assert "inside" in result.err and "frameworks" in result.err
    assert checksums(site) == before
