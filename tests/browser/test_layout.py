"""Layout as a reader sees it, one page of every page type: no word split across lines at
any width, light and dark, with full-page screenshots on the way (artefacts in
test-artifacts/screenshots/), no horizontal scrolling at 320 px or at 200% text size, and
a print preview without site chrome."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.support.pages import PAGE_TYPES
from tests.support.paths import REPO, SCREENSHOTS_KEY

SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
SPLIT_WORDS_JS = (REPO / "tests/support/split_words.js").read_text(encoding="utf-8")

DESKTOP = {"width": 1440, "height": 900}
# Two phones, a tablet and a desktop: every word is measured and every page photographed
# at each, in both colour schemes.
WIDTHS = (320, 375, 768, 1440)
NARROW = {"width": 320, "height": 640}
ZOOMED = {"width": 1280, "height": 900}
A4_PORTRAIT = {"width": 794, "height": 1123}  # A4, 210 by 297 mm, at 96 px per inch


def _sticking_out(page: Any, *, inside_scroll_boxes: bool = False) -> list[str]:
    """The outermost elements whose right edge is past the window's, described for a message.

    Content inside a box that scrolls or clips horizontally is left out unless
    `inside_scroll_boxes`: on screen it can be scrolled to, on paper it is cut off.
    """
    found: list[str] = page.evaluate(
        """(insideScrollBoxes) => {
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
          const clipped = (e) => {
            for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
              if (getComputedStyle(a).overflowX !== 'visible') return true;
            }
            return false;
          };
          const found = [];
          for (const e of document.body.querySelectorAll('*')) {
            const r = e.getBoundingClientRect();
            if (r.width === 0 || r.right <= limit) continue;
            if (!insideScrollBoxes && clipped(e)) continue;
            const parent = e.parentElement;
            if (parent !== document.body && parent.getBoundingClientRect().right > limit) continue;
            found.push(`${path(e)}: right edge at ${Math.round(r.right)}px,`
              + ` width ${Math.round(r.width)}px`);
          }
          return found;
        }""",
        inside_scroll_boxes,
    )
    return found


def _assert_no_horizontal_scroll(page: Any, what: str) -> None:
    width, scroll_width = page.evaluate("[window.innerWidth, document.documentElement.scrollWidth]")
    if scroll_width > width:
        offenders = "\n".join(f"    {line}" for line in _sticking_out(page)[:12])
        pytest.fail(
            f"{what}: the page is {scroll_width}px wide in a {width}px window; "
            f"elements that stick out:\n{offenders or '    (no single element found)'}",
            pytrace=False,
        )


# --------------------------------------------------------------------------- accessibility


def _split_words(page: Any) -> list[dict[str, Any]]:
    """The words the layout draws on more than one line: see split_words.js."""
    found: list[dict[str, Any]] = page.evaluate(SPLIT_WORDS_JS)
    return found


def test_split_words_finds_what_readers_see(browser: Any) -> None:
    """The measure itself: a squeezed cell and a word broken inside its markup are found;
    hyphens, a line break and a web address wider than the text column are not."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.set_content(
        """<!doctype html><html lang="en"><style>
          body { margin: 0; font: 16px/1.6 sans-serif; } main { padding: 0 16px; }
          .squeeze { overflow-wrap: anywhere; } #inline { width: 4em; }
        </style><body><main>
        <table class="squeeze"><tr><th id="squeezed">Category</th>
          <td>A long long long long long long long long line</td></tr></table>
        <p id="inline" class="squeeze">Individu<ins>al</ins></p>
        <p style="width: 7em">end-to-end cross-functional</p>
        <p>Staff Engineer<br>Manager</p>
        <p><code class="squeeze">https://example.org/a/long/address/to/a/page/far/away</code></p>
        </main></body></html>"""
    )
    found = {(word["word"].replace("|", ""), word["element"]) for word in _split_words(page)}
    context.close()
    assert found == {
        ("Category", "table.squeeze > tbody > tr > th#squeezed"),
        ("Individual", "main > p#inline.squeeze"),
    }


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_no_word_is_split_across_lines(
    open_page: Callable[..., Any], kind: str, request: pytest.FixtureRequest
) -> None:
    """No word breaks inside ("Framewor|ks", "Individu|al") at any width, light or dark:
    tables that do not fit a phone become lists, and the header wraps by whole words.
    Screen readers and axe cannot see this, so each word's line boxes are measured.

    On the way, full-page screenshots of each width and scheme, for people to look at.
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    request.config.stash[SCREENSHOTS_KEY] = SCREENSHOTS
    page = open_page(kind, viewport={"width": WIDTHS[0], "height": 800})
    split: dict[tuple[int, str, str], list[str]] = {}
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            page.screenshot(path=str(SCREENSHOTS / f"{kind}-{width}-{scheme}.png"), full_page=True)
            for word in _split_words(page):
                split.setdefault((width, word["word"], word["element"]), []).append(scheme)
    if split:
        lines = [f"{kind}: words split across lines (screenshots in {SCREENSHOTS}):"]
        for (width, word, element), schemes in sorted(split.items())[:40]:
            lines.append(f"  {width} px, {' and '.join(schemes)}: {word!r} in {element}")
        if len(split) > 40:
            lines.append(f"  and {len(split) - 40} more")
        pytest.fail("\n".join(lines), pytrace=False)


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_no_horizontal_scrolling_at_320px(open_page: Callable[..., Any], kind: str) -> None:
    page = open_page(kind, viewport=NARROW)
    _assert_no_horizontal_scroll(page, f"{kind} at 320 px")


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_nothing_clipped_at_200_percent_text(open_page: Callable[..., Any], kind: str) -> None:
    page = open_page(kind, viewport=ZOOMED)
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    _assert_no_horizontal_scroll(page, f"{kind} at 200% text size")


@pytest.mark.parametrize("kind", ["level", "compare-same-track"])
def test_print_preview_has_no_site_chrome_and_fits_the_page(
    open_page: Callable[..., Any], kind: str
) -> None:
    page = open_page(kind, viewport=A4_PORTRAIT)
    page.emulate_media(media="print")
    for selector in (".site-header", ".site-nav", ".breadcrumbs", ".skip-link"):
        found = page.locator(selector)
        assert found.count() > 0, f"{kind}: no {selector} on the page to hide"
        visible = [i for i in range(found.count()) if found.nth(i).is_visible()]
        assert visible == [], f"{kind}: {selector} is printed"
    _assert_no_horizontal_scroll(page, f"{kind} printed on A4")
    cut_off = _sticking_out(page, inside_scroll_boxes=True)
    assert cut_off == [], f"{kind}: wider than an A4 page when printed: {cut_off[:12]}"
