"""serve's first answer to an edit: the edited framework's pages, written in place."""

from __future__ import annotations

import shutil
from pathlib import Path

from ladderpress.app.live import LiveSite, update_edited
from ladderpress.build import build
from ladderpress.check.config import load_config
from ladderpress.incremental.keys import BuildCache
from ladderpress.incremental.state import PAGES_FILE, STATE_FILE
from ladderpress.write.output import MANIFEST
from ladderpress.write.ownership import load_manifest
from tests.support.sites import snapshot

FRAMEWORK = "frameworks/acme-engineering.yaml"


def served_site(site: Path) -> tuple[BuildCache, LiveSite, Path]:
    shutil.copy(site / FRAMEWORK, site / "frameworks/other.yaml")
    cache = BuildCache()
    made = build(load_config(site), cache=cache, preview=True).made_with
    assert made is not None
    return cache, LiveSite.of(made), site / "_site"


def test_an_edit_rewrites_that_frameworks_pages_and_the_full_build_reuses_them(
    site: Path,
) -> None:
    cache, live, out = served_site(site)
    framework = site / FRAMEWORK
    framework.write_text(framework.read_text().replace("Learning the ropes.", "Learning fast."))
    untouched = snapshot(out / "other")

    written = update_edited(live, cache, out, [framework])

    pages = sorted(
        p.relative_to(out).as_posix() for p in (out / "acme-engineering").rglob("*.html")
    )
    assert sorted(written) == pages
    assert written[0].startswith("acme-engineering/competencies/")  # most direct pages first
    assert "Learning fast." in (out / "acme-engineering/levels/junior/index.html").read_text()
    assert snapshot(out / "other") == untouched
    manifest = load_manifest(out) or {}
    assert all(
        manifest[name].digest == cache.pages["/".join(name.split("/")[:-1]) + "/"][1]
        for name in pages
    )
    # No temporary file is left behind.
    assert {p.name for p in out.rglob(".ladderpress-*")} <= {MANIFEST, STATE_FILE, PAGES_FILE}

    rendered_before = cache.rendered
    report = build(load_config(site), cache=cache, preview=True)
    # Only the site-wide pages are left for the full rebuild: both frameworks are reused.
    site_wide = report.pages - len(pages) - len(list((out / "other").rglob("*.html")))
    assert cache.rendered - rendered_before == site_wide > 0


def test_a_broken_or_unknown_file_is_left_to_the_full_build(site: Path) -> None:
    cache, live, out = served_site(site)
    before = snapshot(out)
    framework = site / FRAMEWORK
    framework.write_text(framework.read_text().replace("category: people", "category: peple"))
    assert update_edited(live, cache, out, [framework]) == []
    (site / "frameworks/new.yaml").write_text((site / "frameworks/other.yaml").read_text())
    assert update_edited(live, cache, out, [site / "frameworks/new.yaml"]) == []
    assert update_edited(live, cache, out, [site / "ladderpress.yaml"]) == []
    assert snapshot(out) == before
