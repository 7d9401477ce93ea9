"""A framework cannot take a page or file of the site's own: a file named after one
(`frameworks.yaml` would write `/frameworks.json`) fails the build, naming the file and
the page, and the previous output stays as it was. The names come from the page map."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from ladderpress.build import load_frameworks
from ladderpress.check.config import load_config
from ladderpress.core.problems import InputError
from ladderpress.core.urls import reserved_names
from ladderpress.plan.collisions import check_collisions
from ladderpress.plan.pages import plan_site

from .checksums import checksums, no_traceback

# Every top-level name a built site holds besides its frameworks' (see the test below).
SITE_NAMES = {
    "frameworks": "/frameworks.json",
    "feed": "/feed.xml",
    "sitemap": "/sitemap.xml",
    "robots": "/robots.txt",
    "404": "/404.html",
    "search": "/search/",
    "pagefind": "/pagefind/",
    "compare": "/compare/",
    "tags": "/tags/",
    "disciplines": "/disciplines/",
    "schema": "/schema/",
    "assets": "/assets/",
}


def _copy_as(site: Path, name: str) -> Path:
    target = site / "frameworks" / name
    shutil.copy(site / "frameworks/acme-engineering.yaml", target)
    return target


@pytest.mark.parametrize("name", sorted(SITE_NAMES))
def test_a_framework_named_after_a_site_page_fails_the_build(cli, site: Path, name: str) -> None:
    assert cli("build", "--site", str(site)).code == 0
    before = checksums(site / "_site")
    _copy_as(site, f"{name}.yaml")

    result = cli("build", "--site", str(site))

    assert result.code == 1 and no_traceback(result.err)
    assert f"frameworks/{name}.yaml:1:1: error: '{name}' is reserved" in result.err
    assert f"the site's own {SITE_NAMES[name]}" in result.err
    assert checksums(site / "_site") == before


def test_every_site_wide_name_is_reserved(cli, site: Path) -> None:
    """A page the site adds is reserved as soon as the page map knows it."""
    (site / "ladderpress.yaml").write_text("title: T\nbase_url: https://example.org/\n")
    assert cli("build", "--site", str(site)).code == 0
    own = {
        "acme-engineering",
        "acme-engineering.json",
        "acme-engineering.csv",
        "acme-engineering.statements.csv",
        "index.html",
    }
    tops = {
        p.name
        for p in (site / "_site").iterdir()
        if p.name not in own and not p.name.startswith(".ladderpress-")
    }
    assert {"frameworks.json", "sitemap.xml", "tags"} <= tops
    assert {name.partition(".")[0] for name in tops} <= reserved_names().keys()
    assert reserved_names().keys() >= SITE_NAMES.keys()


@pytest.mark.parametrize(
    ("name", "taken"), [("frameworks", "/frameworks.json"), ("compare", "/compare/")]
)
def test_the_planned_site_is_checked_even_past_validation(
    cli, site: Path, monkeypatch: pytest.MonkeyPatch, name: str, taken: str
) -> None:
    """The check on the planned pages holds on its own, whatever validation lets by."""
    assert cli("build", "--site", str(site)).code == 0
    before = checksums(site / "_site")
    monkeypatch.setattr("ladderpress.check.files.RESERVED_NAMES", {})
    _copy_as(site, f"{name}.yaml")

    result = cli("build", "--site", str(site))

    assert result.code == 1 and no_traceback(result.err)
    assert f"frameworks/{name}.yaml:1:1: error: {taken} would" in result.err
    assert "the site itself" in result.err and "[page-collision]" in result.err
    assert checksums(site / "_site") == before


def test_check_collisions_names_the_framework_file(site: Path) -> None:
    config = load_config(site, None)
    frameworks, _ = load_frameworks(config)
    hostile = replace(frameworks[0], slug="frameworks", path="frameworks/frameworks.yaml")
    planned = [*frameworks, hostile]
    with pytest.raises(InputError) as caught:
        check_collisions(config, planned, plan_site(config, planned), [])
    [problem] = caught.value.problems
    assert (problem.path, problem.line, problem.col) == ("frameworks/frameworks.yaml", 1, 1)
    assert "/frameworks.json would be written by both" in problem.message
    assert "the site itself" in problem.message
