"""Addresses a reader trims lead to pages: `/<framework>/levels/` lists the framework's
levels track by track, `/<framework>/competencies/` its competencies by category, and
`/disciplines/` and `/tags/` every discipline and tag with its number of frameworks. The
breadcrumbs of the pages below them link to them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ladderpress.core.urls import reserved_names

FRAMEWORK = "acme-engineering"


@pytest.fixture
def built(cli, site: Path) -> Path:
    result = cli("build", "--site", str(site))
    assert result.code == 0, result.err
    return site / "_site"


def _main(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html[html.index("<main") : html.index("</main>")]


def _crumbs(page: Path) -> list[tuple[str, str]]:
    html = page.read_text(encoding="utf-8")
    start = html.index('<nav class="breadcrumbs')
    nav = html[start : html.index("</nav>", start)]
    return re.findall(r'<a href="([^"]*)"[^>]*>([^<]*)</a>', nav)


def test_every_folder_above_a_page_is_a_page(built: Path) -> None:
    """A reader who trims any address of the site lands on a page."""
    missing = set()
    for page in built.rglob("*.html"):
        for folder in page.relative_to(built).parents:
            path = folder.as_posix()
            if path != "." and not (built / path / "index.html").is_file():
                missing.add(path + "/")
    assert sorted(missing) == []


def test_a_levels_comparisons_link_every_other_level(built: Path) -> None:
    main = _main(built / FRAMEWORK / "compare/senior/index.html")
    links = re.findall(r'<li><a href="([^"]+)">', main)
    assert links == ["../junior/senior/", "../mid/senior/", "staff/", "manager/"]
    items = dict(re.findall(r'<li><a href="([^"]+)">.*?</a>(.*?)</li>', main, re.S))
    assert "next or previous level" in items["../mid/senior/"]
    assert "next or previous level" in items["staff/"]
    assert items["../junior/senior/"].strip() == ""
    assert "another track" in items["manager/"]


def test_the_levels_page_lists_each_track_lowest_first(built: Path) -> None:
    main = _main(built / FRAMEWORK / "levels/index.html")
    ic, management = main.split('<section aria-labelledby="t-')[1:]
    assert ic.startswith('ic">') and management.startswith('management">')
    assert re.findall(r'<h3><a href="([^"]+)">', ic) == [
        "junior/",
        "mid/",
        "senior/",
        "staff/",
    ]
    assert re.findall(r'<h3><a href="([^"]+)">', management) == ["junior/", "mid/", "manager/"]
    assert "4 levels, from Junior Engineer to Staff Engineer." in ic
    assert '<span class="code">L1</span>' in ic
    assert "Reference position 1 · Shared with Management" in ic
    assert "Reference position 5</p>" in ic  # staff: on one track only
    assert "Shared with Individual contributor" in management
    # A level's summary is shown once, under the first track that lists it.
    assert main.count("Learning the ropes.") == 1


def test_the_competencies_page_lists_them_by_category(built: Path) -> None:
    main = _main(built / FRAMEWORK / "competencies/index.html")
    assert re.findall(r'<h2 id="cat-(\w+)">', main) == ["craft", "people"]
    assert '<h3><a href="testing/">Testing</a> <span class="weight">weight 2</span></h3>' in main
    assert "Making sure software works." in main
    assert '<a href="mentoring/">Mentoring</a>' in main.split('id="cat-people"')[1]


def test_the_disciplines_and_tags_pages_list_every_value(built: Path) -> None:
    disciplines = _main(built / "disciplines/index.html")
    assert '<a href="engineering/">Engineering</a> <span class="muted">1\u00a0framework</span>' in (
        disciplines
    )
    tags = _main(built / "tags/index.html")
    assert '<a href="testing/">Testing</a> <span class="muted">1\u00a0framework</span>' in tags


def test_breadcrumbs_link_the_index_pages(built: Path) -> None:
    level = _crumbs(built / FRAMEWORK / "levels/senior/index.html")
    assert level[1:] == [
        ("../../", "Engineering ladder · Acme Test Co"),
        ("../", "Levels"),
        ("./", "Senior Engineer"),
    ]
    competency = _crumbs(built / FRAMEWORK / "competencies/testing/index.html")
    assert competency[2:] == [("../", "Competencies"), ("./", "Testing")]
    assert _crumbs(built / "disciplines/engineering/index.html")[1:] == [
        ("../", "Disciplines"),
        ("./", "Engineering"),
    ]
    assert _crumbs(built / "tags/testing/index.html")[1:] == [("../", "Tags"), ("./", "Testing")]
    assert _crumbs(built / FRAMEWORK / "levels/index.html")[2:] == [("./", "Levels")]
    assert _crumbs(built / "tags/index.html")[1:] == [("./", "Tags")]


def test_the_index_pages_are_in_the_sitemap(cli, site: Path) -> None:
    config = site / "ladderpress.yaml"
    config.write_text(config.read_text() + "base_url: https://example.org/\n")
    assert cli("build", "--site", str(site)).code == 0
    sitemap = (site / "_site/sitemap.xml").read_text()
    for url in (f"{FRAMEWORK}/levels/", f"{FRAMEWORK}/competencies/", "disciplines/", "tags/"):
        assert f"<loc>https://example.org/{url}</loc>" in sitemap


def test_the_index_pages_take_site_names_frameworks_cannot() -> None:
    assert {"disciplines", "tags"} <= reserved_names().keys()


def test_a_level_or_competency_named_like_an_index_page(cli, site: Path) -> None:
    """`levels/levels/` is a level and `levels/` the list: ids cannot reach the list."""
    path = site / "frameworks" / f"{FRAMEWORK}.yaml"
    text = re.sub(r"\bstaff\b", "levels", path.read_text(encoding="utf-8"))
    path.write_text(re.sub(r"\bmentoring\b", "competencies", text), encoding="utf-8")
    result = cli("build", "--site", str(site))
    assert result.code == 0, result.err
    root = site / "_site" / FRAMEWORK
    assert "<h1>Staff Engineer" in (root / "levels/levels/index.html").read_text()
    assert "<h1>Levels</h1>" in (root / "levels/index.html").read_text()
    assert "<h1>Mentoring</h1>" in (root / "competencies/competencies/index.html").read_text()
    assert "<h1>Competencies</h1>" in (root / "competencies/index.html").read_text()
