"""A page edited by hand in the output is put back as the build makes it, even when no
input changed, and the edited version is kept beside the output, not lost."""

from __future__ import annotations

from pathlib import Path


def test_an_edited_page_is_repaired_and_its_edit_kept(cli, site: Path) -> None:
    assert cli("build", "--site", str(site)).code == 0
    out = site / "_site"
    page = out / "acme-engineering/index.html"
    original = page.read_bytes()
    page.write_text("<p>edited by hand</p>")

    result = cli("build", "--site", str(site))  # no input changed

    assert result.code == 0, result.err
    assert page.read_bytes() == original
    assert "repaired 1 file" in result.err
    kept = list(site.glob("_site.ladderpress-edited/*/acme-engineering/index.html"))
    assert [p.read_text() for p in kept] == ["<p>edited by hand</p>"]


def test_a_deleted_page_is_written_again(cli, site: Path) -> None:
    assert cli("build", "--site", str(site)).code == 0
    page = site / "_site/acme-engineering/index.html"
    page.unlink()
    assert cli("build", "--site", str(site)).code == 0
    assert page.is_file()
