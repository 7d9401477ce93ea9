"""A framework of several paths read in a browser: the self-assessment checks only what
the chosen track expects, and small cells cannot make a higher level fit."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from ladderpress.build import build
from ladderpress.check.config import load_config
from tests.support.browser import serve_folder
from tests.support.paths import FIXTURES

playwright_api = pytest.importorskip("playwright.sync_api")
SLUG = "northstar-paths"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("paths")
    (site / "frameworks").mkdir()
    shutil.copy(FIXTURES / "paths" / f"{SLUG}.yaml", site / "frameworks")
    build(load_config(site), out=site / "_site")
    with serve_folder(site / "_site") as url:
        yield url


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def test_the_checklist_follows_the_chosen_track(page: Any, site_url: str) -> None:
    page.goto(site_url + f"{SLUG}/self-assessment/")
    page.select_option("[data-sa-track]", "data")
    expect = playwright_api.expect
    expect(page.locator("#c-code")).to_be_hidden()  # software engineering only
    expect(page.locator("#c-analysis")).to_be_visible()
    expect(page.locator("#c-people")).to_be_hidden()  # data management only
    expect(page.locator("#c-collaboration [data-sa-level='engineer-1']")).to_be_hidden()
    expect(page.locator("#c-collaboration [data-sa-level='analyst-1']")).to_be_visible()
    rows = page.locator("[data-sa-rows] th")
    expect(rows).to_have_text(["Analysis", "Collaboration"])


def test_one_ticked_box_is_no_fit(page: Any, site_url: str) -> None:
    page.goto(site_url + f"{SLUG}/self-assessment/")
    page.select_option("[data-sa-track]", "data")
    summary = page.locator("[data-sa-summary]")
    page.locator("#c-analysis [data-sa-level='analyst-1'] [data-sa-statement]").check()
    # Half of what Data Analyst 1 expects: no fit yet.
    playwright_api.expect(summary).to_contain_text("You meet 50%")
    page.locator("#c-collaboration [data-sa-level='analyst-1'] [data-sa-statement]").check()
    playwright_api.expect(summary).to_contain_text("Best fit on the Data science track")
    playwright_api.expect(summary).to_contain_text("Data Analyst 1")
    # Analysis at Data Analyst 2 expects two statements, one of them met: below the
    # minimum of two, it counts nothing towards that level rather than half.
    analysis = page.locator("[data-sa-rows] tr", has_text="Analysis")
    playwright_api.expect(analysis).to_contain_text("0% of Data Analyst 2")
