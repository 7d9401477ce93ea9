from __future__ import annotations

import json
import os
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from ladderpress.write import output
from ladderpress.write.output import MANIFEST
from ladderpress.write.ownership import load_manifest
from tests.support.linkcheck import broken_links
from tests.support.paths import FIXTURES, REPO
from tests.support.sites import snapshot

EXPECTED_PAGES = [
    "index.html",
    "404.html",
    "acme-engineering/index.html",
    "acme-engineering/levels/junior/index.html",
    "acme-engineering/levels/manager/index.html",
    "acme-engineering/competencies/testing/index.html",
    "acme-engineering/competencies/mentoring/index.html",
    "assets/style.css",
    "assets/ladderpress.js",
    "acme-engineering.json",
    "acme-engineering/compare/index.html",
    "acme-engineering/compare/junior/manager/index.html",
    "acme-engineering/compare/staff/manager/index.html",
    "acme-engineering/self-assessment/index.html",
    "compare/index.html",
    "compare/levels/index.html",
]


def test_build_writes_every_page_type(cli, site: Path) -> None:
    result = cli("build", "--site", str(site))
    assert result.code == 0, result.err
    out = site / "_site"
    for page in EXPECTED_PAGES:
        assert (out / page).is_file(), page
    assert re.search(r"^Built \d+ pages from 1 framework into ", result.out)
    assert broken_links(out) == []


def test_bundled_site_has_no_broken_links_or_anchors(cli, tmp_path: Path) -> None:
    result = cli("build", "--site", str(REPO), "--out", str(tmp_path / "out"))
    assert result.code == 0, result.err
    assert broken_links(tmp_path / "out") == []


def test_pages_show_expected_content(cli, site: Path) -> None:
    cli("build", "--site", str(site))
    level = (site / "_site/acme-engineering/levels/senior/index.html").read_text()
    assert "<h1>Senior Engineer" in level
    assert 'id="s-testing--senior-1"' in level
    assert "Sets the testing approach" in level
    # cumulative: statements of junior and mid are carried up, marked as such
    assert "Also expected from earlier levels" in level
    assert 'id="s-testing-reads-failures"' in level
    assert 'rel="prev" href="../mid/"' in level
    overview = (site / "_site/acme-engineering/index.html").read_text()
    assert 'colspan="2"' in overview  # shared levels span both tracks in the ladder
    assert "Competency × level matrix" in overview
    assert 'href="levels/senior/#c-testing"' in overview


def test_unchanged_files_are_not_rewritten(cli, site: Path) -> None:
    assert cli("build", "--site", str(site)).code == 0
    out = site / "_site"
    before = snapshot(out)
    result = cli("build", "--site", str(site))
    assert "0 written" in result.out
    assert snapshot(out) == before
    framework = site / "frameworks/acme-engineering.yaml"
    framework.write_text(framework.read_text().replace("Learning the ropes.", "Learning fast."))
    result = cli("build", "--site", str(site))
    after = snapshot(out)
    changed = {name for name in after if after[name] != before.get(name)}
    assert "acme-engineering/levels/junior/index.html" in changed
    assert "index.html" not in changed
    assert "assets/style.css" not in changed


def test_stale_pages_are_removed(cli, site: Path) -> None:
    cli("build", "--site", str(site))
    shutil.copy(site / "frameworks/acme-engineering.yaml", site / "frameworks/second.yaml")
    cli("build", "--site", str(site))
    assert (site / "_site/second/index.html").exists()
    (site / "frameworks/second.yaml").unlink()
    result = cli("build", "--site", str(site))
    assert not (site / "_site/second").exists()
    assert "removed" in result.out


def test_failed_build_leaves_previous_output_untouched(cli, site: Path) -> None:
    assert cli("build", "--site", str(site)).code == 0
    out = site / "_site"
    before = snapshot(out)
    framework = site / "frameworks/acme-engineering.yaml"
    framework.write_text(framework.read_text().replace("category: people", "category: peple"))
    result = cli("build", "--site", str(site))
    assert result.code == 1
    assert "acme-engineering.yaml:" in result.err and "unknown category 'peple'" in result.err
    assert "left unchanged" in result.err
    assert snapshot(out) == before


@pytest.mark.parametrize("parallel", [False, True], ids=["one process", "worker processes"])
def test_template_that_raises_is_reported_and_output_kept(
    cli, site: Path, monkeypatch: pytest.MonkeyPatch, parallel: bool
) -> None:
    if parallel:  # the error then travels back from a worker
        monkeypatch.setattr("ladderpress.render.parallel.PARALLEL_FROM", 1)
    assert cli("build", "--site", str(site)).code == 0
    before = snapshot(site / "_site")
    templates = site / "theme" / "templates"
    templates.mkdir(parents=True)
    (templates / "level.html").write_text(
        "{% extends 'base.html' %}\n{% block content %}\n"
        "{{ level.no_such_field }}\n{% endblock %}\n"
    )
    result = cli("build", "--site", str(site))
    assert result.code == 1
    assert "Traceback" not in result.err
    assert "level.html:3:1: error: rendering acme-engineering/levels/" in result.err
    assert snapshot(site / "_site") == before


def test_template_syntax_error_points_at_line(cli, site: Path) -> None:
    templates = site / "theme" / "templates"
    templates.mkdir(parents=True)
    (templates / "index.html").write_text(
        "{% extends 'base.html' %}\n{% block content %}\n{% if %}\n"
    )
    result = cli("build", "--site", str(site))
    assert result.code == 1
    assert "index.html:3:1: error: template error" in result.err


def test_site_theme_overrides_templates_and_assets(cli, site: Path) -> None:
    (site / "theme/templates").mkdir(parents=True)
    (site / "theme/static").mkdir(parents=True)
    (site / "theme/templates/404.html").write_text(
        "{% extends 'base.html' %}{% block content %}<h1>Lost in the ladder</h1>{% endblock %}"
    )
    (site / "theme/static/style.css").write_text("body { color: rebeccapurple; }")
    assert cli("build", "--site", str(site)).code == 0
    assert "Lost in the ladder" in (site / "_site/404.html").read_text()
    assert "rebeccapurple" in (site / "_site/assets/style.css").read_text()
    # templates not overridden still come from the default theme
    assert "Competency × level matrix" in (site / "_site/acme-engineering/index.html").read_text()


def test_site_static_files_are_copied(cli, site: Path) -> None:
    (site / "static").mkdir()
    (site / "static/CNAME").write_text("ladders.example.org\n")
    assert cli("build", "--site", str(site)).code == 0
    assert (site / "_site/CNAME").read_text() == "ladders.example.org\n"


def test_refuses_to_replace_a_folder_it_did_not_make(cli, site: Path, tmp_path: Path) -> None:
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.txt").write_text("do not delete")
    result = cli("build", "--site", str(site), "--out", str(precious))
    assert result.code == 1
    assert "not made by ladderpress" in result.err
    assert (precious / "thesis.txt").read_text() == "do not delete"


def test_clean_rewrites_everything(cli, site: Path) -> None:
    cli("build", "--site", str(site))
    inode = (site / "_site/index.html").stat().st_ino
    result = cli("build", "--site", str(site), "--clean")
    assert "0 unchanged" in result.out
    assert (site / "_site/index.html").stat().st_ino != inode


def test_interrupted_swap_is_recovered(cli, site: Path) -> None:
    cli("build", "--site", str(site))
    out = site / "_site"
    retired = out.with_name("_site.ladderpress-old")
    out.rename(retired)  # as if killed between the two renames of a swap
    result = cli("build", "--site", str(site))
    assert result.code == 0
    assert (out / MANIFEST).exists() and not retired.exists()


def test_base_url_gives_canonical_links_and_absolute_404(cli, site: Path) -> None:
    result = cli("build", "--site", str(site), "--base-url", "https://example.org/ladders")
    assert result.code == 0
    level = (site / "_site/acme-engineering/levels/mid/index.html").read_text()
    assert (
        '<link rel="canonical" href="https://example.org/ladders/acme-engineering/levels/mid/">'
        in level
    )
    missing = (site / "_site/404.html").read_text()
    assert 'href="/ladders/assets/style.css?v=' in missing


def test_hostile_text_is_rendered_inert(cli, site: Path) -> None:
    framework = site / "frameworks/acme-engineering.yaml"
    text = framework.read_text()
    text = text.replace("name: Acme Test Co", "name: \"<script>alert('org')</script>\"")
    text = text.replace(
        "- Asks for feedback on their work.",
        '- "<img src=x onerror=alert(1)> [x](javascript:alert(2)) <b onclick=y>"',
    )
    text = text.replace("title: Engineering ladder", 'title: "</title><script>alert(3)</script>"')
    framework.write_text(text)
    assert cli("build", "--site", str(site)).code == 0
    for page in (site / "_site").rglob("*.html"):
        html = page.read_text()
        # Only the theme's own external script may appear, never one from the framework.
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert re.fullmatch(
                r'<script src="[./]*assets/ladderpress\.js\?v=\w+" defer>'
                r'|<script src="[./]*pagefind/pagefind-ui\.js">'
                r'|<script type="application/json" id="(?:sa-data|lp-messages)">',
                tag,
            )
        assert "<script>" not in html, page
        assert "<img src=x" not in html and "<b onclick" not in html, page
        assert 'href="javascript' not in html.lower(), page


def test_symlink_escaping_the_site_is_refused(cli, site: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    shutil.copy(FIXTURES / "site/frameworks/acme-engineering.yaml", outside)
    os.symlink(outside, site / "frameworks/sneaky.yaml")
    result = cli("build", "--site", str(site))
    assert result.code == 1
    assert "outside the site folder" in result.err


def test_verbose_build_shows_stage_timings(cli, site: Path) -> None:
    result = cli("build", "--site", str(site), "--verbose")
    assert result.code == 0
    for stage in ("load+validate", "plan", "render", "write"):
        assert stage in result.err


@pytest.mark.parametrize("name", ["index.html", "acme-engineering/levels/senior/index.html"])
def test_pages_are_well_formed_documents(cli, site: Path, name: str) -> None:
    cli("build", "--site", str(site))
    html = (site / "_site" / name).read_text()
    assert html.startswith('<!doctype html>\n<html lang="en">')
    assert html.count("<main") == 1 and 'class="skip-link" href="#main"' in html
    assert "<h1" in html and html.count("<h1") == 1


def test_every_pair_of_levels_has_a_comparison_page(cli, tmp_path: Path) -> None:
    from ladderpress.check.files import check_paths

    assert cli("build", "--site", str(REPO), "--out", str(tmp_path / "out")).code == 0
    for framework in check_paths([REPO / "frameworks"]).frameworks:
        pages = list((tmp_path / "out" / framework.slug / "compare").glob("*/*/index.html"))
        count = len(framework.levels)
        assert len(pages) == count * (count - 1) // 2, framework.slug


def test_every_page_has_a_strict_csp_and_no_other_origin(cli, tmp_path: Path) -> None:
    assert cli("build", "--site", str(REPO), "--out", str(tmp_path / "out")).code == 0
    loads = re.compile(r"<(?:script|link|img|iframe|source)\b[^>]*?\b(?:src|href)=\"([^\"]+)\"")
    for page in (tmp_path / "out").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert (
            "Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' "
            "'wasm-unsafe-eval'; style-src 'self'" in html
        ), page
        for target in loads.findall(html):  # built without a base URL: no canonical link
            assert not re.match(r"^(https?:)?//", target), (page, target)


def no_process_left(argument: str, timeout: float = 5.0) -> bool:
    """Whether every process with `argument` on its command line ends within `timeout`."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = []
        for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
            try:
                if argument.encode() in cmdline.read_bytes().split(b"\0"):
                    alive.append(cmdline)
            except OSError:
                continue
        if not alive:
            return True
        time.sleep(0.2)
    return False


def test_killing_a_build_midway_leaves_a_whole_site(cli, tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    site = tmp_path / "site"
    shutil.copytree(REPO / "frameworks", site / "frameworks")
    assert cli("build", "--site", str(site)).code == 0
    old = snapshot(site / "_site")
    framework = site / "frameworks/northwind-engineering.yaml"
    framework.write_text(framework.read_text().replace("Northwind Cloudworks", "Northwind Ltd"))
    for delay in (0.3, 0.8, 1.5, 2.5):
        process = subprocess.Popen(
            [sys.executable, "-m", "ladderpress", "build", "--site", str(site), "--quiet"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert no_process_left(str(site)), "a worker of the killed build is still running"
        out = site / "_site"
        if out.exists():
            now = snapshot(out)
            # Either untouched, or (killed after the swap) the complete new site.
            assert now == old or "Northwind Ltd" in (out / "index.html").read_text()
    assert cli("build", "--site", str(site)).code == 0  # recovers whatever the moment was
    assert "Northwind Ltd" in (site / "_site/index.html").read_text()


def site_files(folder: Path) -> dict[str, bytes]:
    """The site's files, without the build's own bookkeeping (state.py); of the manifest,
    the digests it records (not the files' times)."""
    files = {
        path: data
        for path, (_, data) in snapshot(folder).items()
        if not path.startswith(".ladderpress-")
    }
    recorded = load_manifest(folder) or {}
    files[MANIFEST] = json.dumps({n: e.digest for n, e in recorded.items()}).encode()
    return files


def test_worker_processes_build_the_same_site_as_one_process(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    shutil.copytree(REPO / "frameworks", site / "frameworks")
    assert cli("build", "--site", str(site), "--out", str(tmp_path / "one")).code == 0
    # Every page in a worker, a fresh pool every few pages, several search bundles.
    monkeypatch.setattr("ladderpress.render.parallel.PARALLEL_FROM", 1)
    monkeypatch.setattr("ladderpress.render.parallel.PAGES_PER_POOL", 40)
    monkeypatch.setattr("ladderpress.render.parallel.CHUNK_PAGES", 3)
    monkeypatch.setattr("ladderpress.render.search.PARALLEL_DOCUMENTS", 1)
    assert cli("build", "--site", str(site), "--out", str(tmp_path / "many")).code == 0
    one, many = site_files(tmp_path / "one"), site_files(tmp_path / "many")
    assert sorted(one) == sorted(many)
    assert [name for name in one if one[name] != many[name]] == []


def _gone(paths: Callable[[], list[Path]], seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while paths() and time.monotonic() < deadline:
        time.sleep(0.05)
    return not paths()


def test_a_large_previous_site_is_removed_in_the_background(
    cli, site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(output, "REMOVE_IN_BACKGROUND_FROM", 1)
    out = site / "_site"
    assert cli("build", "--site", str(site)).code == 0
    framework = site / "frameworks" / "acme-engineering.yaml"
    framework.write_text(framework.read_text("utf-8").replace("Acme", "Acne"), "utf-8")
    assert cli("build", "--site", str(site)).code == 0
    assert "Acne" in (out / "index.html").read_text("utf-8")
    assert _gone(lambda: list(site.glob("_site.ladderpress-old*")))
    # A removal that never finished (the machine stopped) is taken up by the next build.
    leftover = site / "_site.ladderpress-old-1-2" / "some" / "page"
    leftover.mkdir(parents=True)
    (leftover / "index.html").write_text("old", "utf-8")
    assert cli("build", "--site", str(site), "--clean").code == 0
    assert _gone(lambda: list(site.glob("_site.ladderpress-old*")))
    assert (out / MANIFEST).exists()
