"""Journeys through the built bundled site in a real headless Chromium, phone and desktop."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from ladderpress.build import build
from ladderpress.check.config import load_config
from tests.support.browser import launched_chromium, serve_folder
from tests.support.paths import REPO

playwright_api = pytest.importorskip("playwright.sync_api")

VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1440, "height": 900}}


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("bundled") / "site"
    build(load_config(REPO), out=out)
    with serve_folder(out) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with launched_chromium() as launched:
        yield launched


@pytest.fixture(params=sorted(VIEWPORTS))
def page(request: pytest.FixtureRequest, browser) -> Iterator[object]:
    context = browser.new_context(viewport=VIEWPORTS[request.param])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()
    assert errors == []


def test_directory_to_level_to_comparison_to_competency(page, site_url: str) -> None:
    page.goto(site_url)
    page.get_by_role("link", name="Engineering progression", exact=True).click()
    expect = playwright_api.expect
    expect(page.get_by_role("heading", level=1)).to_have_text("Engineering progression")
    page.locator(".ladder a[href='levels/senior-engineer/']").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Senior Engineer")
    page.get_by_role("link", name=re.compile("^the next level, Staff Engineer")).click()
    expect(page).to_have_url(re.compile(r"/compare/senior-engineer/staff-engineer/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Staff Engineer")
    assert page.locator(".change-added").count() > 0
    page.locator(".competency-diff h3 a").first.click()
    expect(page).to_have_url(re.compile(r"/competencies/[a-z-]+/$"))
    assert page.locator(".progression > li").count() == 10


def test_no_horizontal_scrolling(page, site_url: str) -> None:
    for path in (
        "",
        "northwind-engineering/",
        "meridian-engineering/levels/staff-engineer/",
        "tidewater-sre/compare/sre/senior-sre/",
        "northwind-engineering/self-assessment/",
        "compare/",
    ):
        page.goto(site_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, path


def test_compare_picker_jumps_to_the_static_page(page, site_url: str) -> None:
    page.goto(site_url + "northwind-engineering/compare/")
    page.select_option("#pick-a", "staff-engineer")
    page.select_option("#pick-b", "engineer")
    page.get_by_role("button", name="Compare").click()
    playwright_api.expect(page).to_have_url(re.compile(r"/compare/engineer/staff-engineer/$"))
    page.go_back()
    page.select_option("#pick-a", "engineer")
    page.select_option("#pick-b", "engineer")
    page.get_by_role("button", name="Compare").click()
    playwright_api.expect(page.get_by_role("alert")).to_have_text("Choose two different levels.")


def test_picker_without_javascript_is_a_list_of_links(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "northwind-engineering/compare/")
    assert not page.locator("form[data-picker]").is_visible()
    page.locator(".pair-grid td a").first.click()
    playwright_api.expect(page).to_have_url(re.compile(r"/compare/[a-z-]+/[a-z-]+/$"))
    context.close()


def test_self_assessment_keeps_state_in_url_and_storage(page, site_url: str, browser) -> None:
    page.goto(site_url + "quillstack-startup/self-assessment/")
    boxes = page.locator("[data-sa-statement]")
    first_level = page.locator("fieldset.sa-level:first-of-type [data-sa-statement]")
    for i in range(first_level.count()):
        first_level.nth(i).check()
    summary = page.locator("[data-sa-summary]")
    playwright_api.expect(summary).to_contain_text("Best fit")
    playwright_api.expect(summary).to_contain_text("Engineer I")
    ticked = page.locator("[data-sa-statement]:checked").count()
    assert ticked == first_level.count() > 0
    shared = page.url
    assert "#answers=" in shared
    page.reload()
    assert page.locator("[data-sa-statement]:checked").count() == ticked
    other = browser.new_context()
    fresh = other.new_page()
    fresh.goto(shared)  # another browser opening a shared link
    assert fresh.locator("[data-sa-statement]:checked").count() == ticked
    other.close()
    page.goto(site_url + "quillstack-startup/self-assessment/")  # no answers in the address
    assert page.locator("[data-sa-statement]:checked").count() == ticked  # from local storage
    page.get_by_role("button", name="Clear answers").click()
    assert page.locator("[data-sa-statement]:checked").count() == 0
    assert boxes.count() > ticked


def test_organisations_side_by_side(page, site_url: str) -> None:
    page.goto(site_url + "compare/")
    page.get_by_role("link", name="Put two organisations' levels side by side").click()
    page.select_option("#org-a", "northwind-engineering/staff-engineer")
    page.select_option("#org-b", "meridian-engineering/staff-engineer")
    page.get_by_role("button", name="Show side by side").click()
    sides = page.locator(".orgs-side h2")
    playwright_api.expect(sides).to_have_count(2)
    assert "?a=northwind-engineering%2Fstaff-engineer" in page.url
    page.reload()
    playwright_api.expect(page.locator(".orgs-side")).to_have_count(2)


def test_keyboard_reaches_skip_link_and_main(page, site_url: str) -> None:
    page.goto(site_url + "northwind-engineering/levels/staff-engineer/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_search_finds_a_statement_and_opens_it(page, site_url: str) -> None:
    page.goto(site_url)
    page.get_by_label("Search every framework, level and statement").fill("incident commander")
    page.get_by_role("button", name="Search", exact=True).click()
    result = page.locator(".pagefind-ui__result-link[href*='#s-']").first
    result.wait_for(timeout=15000)
    href = result.get_attribute("href")
    result.click()
    anchor = href.split("#", 1)[1]
    playwright_api.expect(page.locator(f"[id='{anchor}']")).to_be_visible()
    assert page.evaluate("location.hash") == "#" + anchor


@pytest.fixture(scope="module")
def split_index_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The bundled site with one search bundle per framework, as a large directory has."""
    from ladderpress.core import urls

    out = tmp_path_factory.mktemp("split") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(urls, "FRAMEWORKS_PER_SEARCH_BUNDLE", 1)
        build(load_config(REPO), out=out)
    assert (out / "pagefind/part-8/pagefind-entry.json").is_file()
    with serve_folder(out) as url:
        yield url


def test_search_merges_every_bundle(page, split_index_url: str) -> None:
    page.goto(split_index_url + "search/?q=incident%20commander")
    links = page.locator(".pagefind-ui__result-link[href*='#s-']")
    links.first.wait_for(timeout=15000)
    playwright_api.expect(links.filter(has_text="incident commander")).not_to_have_count(0)
    found = {href.split("/")[-4] for href in links.evaluate_all("ls => ls.map(l => l.href)")}
    # Three frameworks in three bundles have the phrase: all are found in one search.
    assert {"ironbark-security", "meridian-engineering", "northwind-engineering"} <= found


def test_directory_filters(page, site_url: str) -> None:
    page.goto(site_url)
    cards = page.locator("[data-card]")
    total = cards.count()
    page.select_option("#filter-discipline", "design")
    playwright_api.expect(page.locator("[data-card]:visible")).to_have_count(1)
    page.select_option("#filter-discipline", "")
    page.select_option("#filter-tracks", "management")
    visible = page.locator("[data-card]:visible").count()
    assert 0 < visible < total
    page.select_option("#filter-tracks", "")
    page.fill("#filter-text", "meridian")
    playwright_api.expect(page.locator("[data-card]:visible")).to_have_count(1)


def test_keyboard_only_journey(page, site_url: str) -> None:
    page.goto(site_url)
    # Tab until the first framework card's link has focus, then follow it with Enter.
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.card') !== null"):
            break
    else:
        raise AssertionError("no framework card reachable with Tab")
    target = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    playwright_api.expect(page).to_have_url(re.compile(re.escape(target) + "$"))
    # Focus is always visible: the focused element draws an outline.
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
