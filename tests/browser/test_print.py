"""Printing: a level, a comparison and a framework's overview on A4 and on US Letter.

Chromium prints each page to PDF as a reader's "Save as PDF" does (Playwright's
`page.pdf`). The PDFs, and a PNG of every printed sheet when poppler-utils' pdftoppm is
installed, are kept in test-artifacts/print/ for people to look at. The checks:

- a printed page takes a sensible number of sheets (a page that suddenly takes twice as
  many has lost its print styles, or opened something it should not);
- in print layout nothing is wider than the paper's printable width: Chromium would shrink
  the whole page to fit the widest element, every line of text with it;
- paper gets no navigation, search, pickers, skip links or buttons;
- a link to another site shows its address after its text, unless the text is the address;
  a link within the site shows nothing more.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.paths import REPO

pytest.importorskip("playwright.sync_api")

ARTIFACTS = REPO / "test-artifacts" / "print"
STYLESHEET = REPO / "theme" / "static" / "style.css"
PAPER_WIDTH_MM = {"A4": 210.0, "Letter": 215.9}
CSS_PX_PER_MM = 96 / 25.4

# What gets printed, with the most sheets it may take on either paper. Staff Engineer is
# the longest level page of the bundled site: it prints every statement of the levels
# below it too.
PRINTED: dict[str, tuple[str, int]] = {
    "level": ("northwind-engineering/levels/staff-engineer/", 16),
    "compare-same-track": ("northwind-engineering/compare/senior-engineer/staff-engineer/", 9),
    "compare-across-tracks": (
        "northwind-engineering/compare/staff-engineer/engineering-manager/",
        13,
    ),
    "framework": ("northwind-engineering/", 4),
}
# Pages with the widest tables, checked for width: the framework with the most levels,
# its grid of every pair, and every organisation's levels by reference position.
WIDEST: dict[str, str] = {
    "framework-most-levels": "meridian-engineering/",
    "pair-grid-most-levels": "meridian-engineering/compare/",
    "orgs-table": "compare/",
    "competency": "meridian-engineering/competencies/customer-focus/",
    "self-assessment": "quillstack-startup/self-assessment/",
}
# Pages with controls of every kind, checked for what is left off paper.
WITH_CONTROLS: dict[str, str] = {
    "home": "",
    "compare-index": "northwind-engineering/compare/",
    "orgs-side-by-side": "compare/levels/",
    "self-assessment": "quillstack-startup/self-assessment/",
    **{kind: path for kind, (path, _) in PRINTED.items()},
}
NOT_ON_PAPER = (
    "nav, .skip-link, .picker, .filters, .search-form, .search-ui, a.button, .sa-controls"
)


def _length_mm(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)([a-z]*)", value).groups()  # type: ignore[union-attr]
    per_unit = {"mm": 1.0, "cm": 10.0, "in": 25.4, "pt": 25.4 / 72, "px": 25.4 / 96, "": 0.0}
    return float(number) * per_unit[unit]


def side_margins_mm() -> tuple[float, float]:
    """The left and right margins of the theme's `@page` rule; none means none (the
    margins page.pdf uses when a stylesheet sets none)."""
    found = re.search(r"@page\s*\{[^}]*?\bmargin:\s*([^;}]+)", STYLESHEET.read_text("utf-8"))
    if not found:
        return 0.0, 0.0
    values = [_length_mm(v) for v in found.group(1).split()]
    right = values[1] if len(values) > 1 else values[0]
    left = values[3] if len(values) > 3 else right
    return left, right


def printable_width_px(paper: str) -> int:
    left, right = side_margins_mm()
    return math.floor((PAPER_WIDTH_MM[paper] - left - right) * CSS_PX_PER_MM)


def test_the_printable_width_follows_the_stylesheet() -> None:
    left, right = side_margins_mm()
    assert 5 <= left <= 25 and 5 <= right <= 25, "the @page margins are missing or odd"
    assert 600 < printable_width_px("A4") < printable_width_px("Letter") < 760


# --------------------------------------------------------------------------- fixtures


# built_site, site_url and browser come from conftest.py.


@pytest.fixture
def open_page(browser: Any, site_url: str) -> Iterator[Callable[..., Any]]:
    """Open a path in a fresh context, in print media unless told otherwise."""
    contexts: list[Any] = []
    errors: list[str] = []

    def opener(path: str, *, print_media: bool = True, **context_options: Any) -> Any:
        context = browser.new_context(reduced_motion="reduce", **context_options)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(f"{path}: {error}"))
        if print_media:
            page.emulate_media(media="print")
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        return page

    yield opener
    for context in contexts:
        context.close()
    assert errors == []


# --------------------------------------------------------------------------- the PDFs


def _sheets(pdf: bytes) -> int:
    # Chromium writes one "/Type /Page" object per sheet (and "/Type /Pages" for the tree).
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", pdf))


def _keep_pngs(pdf: Path) -> None:
    """A PNG of every sheet, beside the PDF, for people to look at."""
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        message = "pdftoppm is missing; './dev test' installs it (apt-get install poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail(message)
        warnings.warn(message, stacklevel=2)
        return
    for old in pdf.parent.glob(f"{pdf.stem}-*.png"):
        old.unlink()
    subprocess.run([pdftoppm, "-png", "-r", "60", str(pdf), str(pdf.with_suffix(""))], check=True)


@pytest.mark.parametrize("paper", sorted(PAPER_WIDTH_MM))
@pytest.mark.parametrize("kind", sorted(PRINTED))
def test_printed_page_takes_a_sensible_number_of_sheets(
    open_page: Callable[..., Any], kind: str, paper: str
) -> None:
    path, most = PRINTED[kind]
    page = open_page(path, print_media=False)  # page.pdf prints in print media itself
    pdf = page.pdf(format=paper)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    kept = ARTIFACTS / f"{kind}-{paper}.pdf"
    kept.write_bytes(pdf)
    _keep_pngs(kept)
    sheets = _sheets(pdf)
    assert 1 <= sheets <= most, (
        f"{kind} prints on {sheets} {paper} sheets, more than {most}: see {kept}"
    )


# --------------------------------------------------------------------------- the layout


def _wider_than_the_paper(page: Any) -> list[str]:
    """The outermost elements that reach past either side of the printable width."""
    found: list[str] = page.evaluate(
        """() => {
          const limit = window.innerWidth + 0.5;
          const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
            + [...e.classList].map((c) => '.' + c).join('');
          const path = (e) => {
            const parts = [];
            for (; e && e !== document.body && parts.length < 4; e = e.parentElement) {
              parts.unshift(name(e));
            }
            return parts.join(' > ');
          };
          const out = (r) => r.width > 0 && (r.right > limit || r.left < -0.5);
          const found = [];
          for (const e of document.body.querySelectorAll('*')) {
            const r = e.getBoundingClientRect();
            if (!out(r)) continue;
            if (e.parentElement !== document.body && out(e.parentElement.getBoundingClientRect())) {
              continue;
            }
            found.push(`${path(e)}: from ${Math.round(r.left)}px to ${Math.round(r.right)}px`);
          }
          const width = document.documentElement.scrollWidth;
          if (width > window.innerWidth) found.push(`the page is ${width}px wide`);
          return found;
        }"""
    )
    return found


@pytest.mark.parametrize("paper", sorted(PAPER_WIDTH_MM))
@pytest.mark.parametrize("kind", sorted({**{k: p for k, (p, _) in PRINTED.items()}, **WIDEST}))
def test_printed_page_fits_the_printable_width(
    open_page: Callable[..., Any], kind: str, paper: str
) -> None:
    path = PRINTED[kind][0] if kind in PRINTED else WIDEST[kind]
    width = printable_width_px(paper)
    page = open_page(path, viewport={"width": width, "height": 1000})
    assert page.evaluate("window.innerWidth") == width
    too_wide = _wider_than_the_paper(page)
    assert too_wide == [], f"{kind} on {paper} ({width}px between the margins): {too_wide[:12]}"


@pytest.mark.parametrize("kind", sorted(WITH_CONTROLS))
def test_paper_gets_no_navigation_search_pickers_or_buttons(
    open_page: Callable[..., Any], kind: str
) -> None:
    page = open_page(
        WITH_CONTROLS[kind], viewport={"width": printable_width_px("A4"), "height": 1000}
    )
    printed: list[str] = page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)]
          .filter((e) => e.getClientRects().length > 0)
          .map((e) => e.outerHTML.slice(0, 120))""",
        NOT_ON_PAPER,
    )
    assert printed == [], f"{kind}: printed {printed[:5]}"


@pytest.mark.parametrize(
    "path",
    [
        WIDEST["competency"],
        PRINTED["framework"][0],
        "tidewater-sre/competencies/incident-response/",
    ],
)
def test_links_to_other_sites_print_their_address(open_page: Callable[..., Any], path: str) -> None:
    links: list[dict[str, str]] = open_page(path).evaluate(
        """() => [...document.querySelectorAll('main a[href]')]
          .filter((a) => a.getClientRects().length > 0)
          .map((a) => ({href: a.getAttribute('href'), text: a.textContent.trim(),
                        after: getComputedStyle(a, '::after').content}))"""
    )
    external = [link for link in links if re.match(r"https?://", link["href"])]
    assert external, f"{path}: no link to another site to check"
    for link in links:
        bare = re.sub(r"^https?://(www\.)?|/$", "", link["href"])
        if link in external and bare not in link["text"]:
            assert link["href"] in link["after"], f"{path}: {link} prints no address"
        else:  # a link within the site, or one that reads as its address already
            assert link["after"] in ("none", "normal"), f"{path}: {link} prints more"
