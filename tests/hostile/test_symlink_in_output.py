"""A file or folder of the output replaced by a symbolic link is never followed: nothing
is read through it (it would be published) nor written through it, and the link is taken
out of the output."""

from __future__ import annotations

import os
from pathlib import Path

from ladderpress.app.live import LiveSite, update_edited
from ladderpress.incremental.keys import BuildCache

from .checksums import checksums


def _edit(site: Path) -> Path:
    framework = site / "frameworks/acme-engineering.yaml"
    framework.write_text(framework.read_text().replace("Acme", "Acme Ltd", 1))
    return framework


def test_a_page_replaced_by_a_link_to_a_secret_is_not_published(
    cli, site: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "id_ed25519"
    secret.write_text("PRIVATE KEY")
    assert cli("build", "--site", str(site)).code == 0
    out = site / "_site"
    page = out / "acme-engineering/index.html"
    page.unlink()
    os.symlink(secret, page)
    os.symlink(secret, out / "stolen.txt")

    result = cli("build", "--site", str(site))  # no input changed

    assert result.code == 0, result.err
    assert not page.is_symlink() and "PRIVATE KEY" not in page.read_text()
    assert not (out / "stolen.txt").exists() and not (out / "stolen.txt").is_symlink()
    assert secret.read_text() == "PRIVATE KEY"
    assert "symbolic link" in result.err
    assert not any(p.is_symlink() for p in out.rglob("*"))


def test_a_folder_replaced_by_a_link_is_not_written_through(
    cli, site: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "documents"
    elsewhere.mkdir()
    (elsewhere / "thesis.txt").write_text("years of work")
    assert cli("build", "--site", str(site)).code == 0
    out = site / "_site"
    levels = out / "acme-engineering/levels"
    for page in sorted(levels.rglob("*"), reverse=True):
        page.unlink() if page.is_file() else page.rmdir()
    levels.rmdir()
    os.symlink(elsewhere, levels, target_is_directory=True)
    before = checksums(elsewhere)

    _edit(site)
    result = cli("build", "--site", str(site))

    assert result.code == 0, result.err
    assert checksums(elsewhere) == before
    assert levels.is_dir() and not levels.is_symlink()
    assert (levels / "junior/index.html").is_file()


def test_serve_update_does_not_write_through_a_linked_folder(site: Path, tmp_path: Path) -> None:
    from ladderpress.build import build
    from ladderpress.check.config import load_config

    elsewhere = tmp_path / "documents"
    elsewhere.mkdir()
    config = load_config(site)
    out = site / "_site"
    cache = BuildCache()
    made = build(config, out=out, cache=cache, preview=True).made_with
    levels = out / "acme-engineering/levels"
    os.rename(levels, tmp_path / "moved-levels")
    os.symlink(elsewhere, levels, target_is_directory=True)

    assert made is not None
    written = update_edited(LiveSite.of(made), cache, out, [_edit(site)])

    assert written == []  # left to the full rebuild, which takes the link out
    assert list(elsewhere.iterdir()) == []
