"""One page of every page type of the bundled site, for the browser suites."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

playwright_api = pytest.importorskip("playwright.sync_api")


def _tick_first_level(page: Any) -> None:
    """Answer a few statements so that the self-assessment shows its result panel."""
    first_level = page.locator("fieldset.sa-level:first-of-type [data-sa-statement]")
    for i in range(first_level.count()):
        first_level.nth(i).check()
    playwright_api.expect(page.locator("[data-sa-summary]")).to_contain_text("Best fit")


def _choose_two_levels(page: Any) -> None:
    page.select_option("#org-a", "northwind-engineering/staff-engineer")
    page.select_option("#org-b", "meridian-engineering/staff-engineer")
    page.get_by_role("button", name="Show side by side").click()
    playwright_api.expect(page.locator(".orgs-side")).to_have_count(2)


def _search_results(page: Any) -> None:
    page.locator(".pagefind-ui__result").first.wait_for()


@dataclass(frozen=True)
class PageType:
    path: str
    template: str
    prepare: Callable[[Any], None] | None = None
    optional: bool = False  # only built when an optional dependency is installed


# One page of every kind the site has; test_every_template_has_a_page_type keeps it whole.
PAGE_TYPES: dict[str, PageType] = {
    "home": PageType("", "index.html"),
    "framework": PageType("northwind-engineering/", "framework.html"),
    "levels": PageType("northwind-engineering/levels/", "levels.html"),
    "level": PageType("northwind-engineering/levels/staff-engineer/", "level.html"),
    "competencies": PageType("northwind-engineering/competencies/", "competencies.html"),
    "competency": PageType("northwind-engineering/competencies/testing/", "competency.html"),
    "compare-index": PageType("northwind-engineering/compare/", "compare-index.html"),
    "compare-level": PageType(
        "northwind-engineering/compare/senior-engineer/", "compare-level.html"
    ),
    "compare-same-track": PageType(
        "northwind-engineering/compare/senior-engineer/staff-engineer/", "compare.html"
    ),
    "compare-across-tracks": PageType(
        "northwind-engineering/compare/staff-engineer/engineering-manager/", "compare.html"
    ),
    "next-steps": PageType(
        "brackenfield-careers/levels/senior-data-scientist/next/", "next-steps.html"
    ),
    "compare-equivalent": PageType(
        "brackenfield-careers/compare/lead-data-scientist/data-science-manager/", "compare.html"
    ),
    "self-assessment": PageType(
        "quillstack-startup/self-assessment/", "self-assessment.html", _tick_first_level
    ),
    "orgs-table": PageType("compare/", "compare-orgs.html"),
    "orgs-side-by-side": PageType(
        "compare/levels/", "compare-orgs-levels.html", _choose_two_levels
    ),
    "disciplines": PageType("disciplines/", "facets.html"),
    "discipline": PageType("disciplines/engineering/", "facet.html"),
    "tags": PageType("tags/", "facets.html"),
    "search": PageType("search/?q=testing", "search.html", _search_results, optional=True),
    "not-found": PageType("404.html", "404.html"),
}


def output_file(site: Path, path: str) -> Path:
    path = urlsplit(path).path
    return site / (path + "index.html" if path == "" or path.endswith("/") else path)
