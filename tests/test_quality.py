"""Reader-quality checks over the built bundled site, one page of every page type.

- accessibility: axe-core (npm) in Chromium, WCAG 2.0/2.1/2.2 A and AA, light and dark;
- valid HTML: the Nu HTML Checker (npm's vnu-jar, run with Java) over every built page;
- links: a crawl over HTTP with the site served under a sub-path, from the home page;
- layout: no word split across lines at any width, light and dark, with full-page
  screenshots on the way (artefacts in test-artifacts/screenshots/), no horizontal
  scrolling at 320 px or at 200% text size, and a print preview without site chrome.

axe-core and vnu-jar come from package.json; './dev test' runs 'npm ci' when needed.
"""

from __future__ import annotations

import json
import os
import posixpath
import shutil
import subprocess
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from ladderpress.build import build
from ladderpress.config import load_config

from .browser import launched_chromium, serve_folder
from .conftest import REPO, SCREENSHOTS_KEY
from .crawl import Crawl, crawl

playwright_api = pytest.importorskip("playwright.sync_api")

NODE_MODULES = REPO / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
SPLIT_WORDS_JS = (Path(__file__).parent / "split_words.js").read_text(encoding="utf-8")

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"width": 1440, "height": 900}
# Two phones, a tablet and a desktop: every word is measured and every page photographed
# at each, in both colour schemes.
WIDTHS = (320, 375, 768, 1440)
NARROW = {"width": 320, "height": 640}
ZOOMED = {"width": 1280, "height": 900}
A4_PORTRAIT = {"width": 794, "height": 1123}  # A4, 210 by 297 mm, at 96 px per inch


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
    "level": PageType("northwind-engineering/levels/staff-engineer/", "level.html"),
    "competency": PageType("northwind-engineering/competencies/testing/", "competency.html"),
    "compare-index": PageType("northwind-engineering/compare/", "compare-index.html"),
    "compare-same-track": PageType(
        "northwind-engineering/compare/senior-engineer/staff-engineer/", "compare.html"
    ),
    "compare-across-tracks": PageType(
        "northwind-engineering/compare/staff-engineer/engineering-manager/", "compare.html"
    ),
    "self-assessment": PageType(
        "quillstack-startup/self-assessment/", "self-assessment.html", _tick_first_level
    ),
    "orgs-table": PageType("compare/", "compare-orgs.html"),
    "orgs-side-by-side": PageType(
        "compare/levels/", "compare-orgs-levels.html", _choose_two_levels
    ),
    "discipline": PageType("disciplines/engineering/", "facet.html"),
    "search": PageType("search/?q=testing", "search.html", _search_results, optional=True),
    "not-found": PageType("404.html", "404.html"),
}


def _node_tool(path: Path) -> Path:
    if not path.exists():
        message = f"{path.relative_to(REPO)} is missing; './dev test' installs it (npm ci)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def _output_file(site: Path, path: str) -> Path:
    path = urlsplit(path).path
    return site / (path + "index.html" if path == "" or path.endswith("/") else path)


def test_every_template_has_a_page_type() -> None:
    """A new kind of page gets the checks below by getting an entry in PAGE_TYPES."""
    templates = {
        t.name for t in (REPO / "theme" / "templates").glob("*.html") if t.name[0] not in "_"
    }
    covered = {page_type.template for page_type in PAGE_TYPES.values()}
    assert sorted(templates - covered - {"base.html"}) == []


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("quality") / "site"
    build(load_config(REPO), out=out)
    return out


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    with serve_folder(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched_chromium() as launched:
        yield launched


@pytest.fixture
def open_page(browser: Any, site_url: str, built_site: Path) -> Iterator[Callable[..., Any]]:
    """Open a page type in a fresh context; fail the test on any script error."""
    contexts: list[Any] = []
    errors: list[str] = []

    def opener(kind: str, **context_options: Any) -> Any:
        page_type = PAGE_TYPES[kind]
        if page_type.optional and not _output_file(built_site, page_type.path).exists():
            pytest.skip(f"this build has no {kind} page (an optional dependency is missing)")
        context = browser.new_context(reduced_motion="reduce", **context_options)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(f"{kind}: {error}"))
        page.goto(site_url + page_type.path)
        if page_type.prepare:
            page_type.prepare(page)
        return page

    yield opener
    for context in contexts:
        context.close()
    assert errors == []


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


def _format_violations(kind: str, scheme: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"{kind} ({scheme}): {len(violations)} axe violation(s)"]
    for violation in violations:
        lines.append(
            f"  {violation['id']} [{violation['impact']}] {violation['help']}"
            f" ({len(violation['nodes'])} element(s)) {violation['helpUrl']}"
        )
        for node in violation["nodes"][:5]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {target}")
            lines.append(f"      {' '.join(node.get('html', '').split())[:200]}")
            if summary:
                lines.append(f"      {summary[:300]}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_axe_finds_no_wcag_violations(
    open_page: Callable[..., Any], kind: str, scheme: str
) -> None:
    axe = _node_tool(AXE_JS)
    page = open_page(kind, viewport=DESKTOP, color_scheme=scheme)
    # The pages' Content-Security-Policy allows scripts from their own origin only, so axe
    # is served from there (intercepted, never written into the site) instead of inline.
    axe_url = urljoin(page.url, "/__quality__/axe.min.js")
    page.route(axe_url, lambda route: route.fulfill(path=axe, content_type="text/javascript"))
    page.add_script_tag(url=axe_url)
    results = page.evaluate(
        """(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})
          .then((r) => ({violations: r.violations, passes: r.passes.length}))""",
        AXE_TAGS,
    )
    assert results["passes"] > 0  # axe did run its rules
    violations = results["violations"]
    if violations:
        report = _format_violations(kind, scheme, violations)
        pytest.fail(report, pytrace=False)


# --------------------------------------------------------------------------- valid HTML


def test_every_built_page_is_valid_html(built_site: Path) -> None:
    vnu = _node_tool(VNU_JAR)
    java = shutil.which("java")
    if not java:
        message = "Java is not installed; './dev test' installs it (apt-get install default-jre)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 100
    # One JVM for every page: starting Java per page would take minutes.
    command = [java, "-jar", str(vnu), "--errors-only", "--format", "json", "--skip-non-html"]
    run = subprocess.run(
        [*command, str(built_site)], capture_output=True, text=True, timeout=600, check=False
    )
    # The checker writes its JSON report to standard error and exits 1 when it found errors.
    try:
        messages = json.loads(run.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu.jar exited {run.returncode}:\n{run.stderr[-3000:]}", pytrace=False)
    if run.returncode not in (0, 1) or (run.returncode == 1 and not messages):
        pytest.fail(f"vnu.jar exited {run.returncode}:\n{run.stderr[-3000:]}", pytrace=False)
    if messages:
        files = {m.get("url", "") for m in messages}
        lines = [f"{len(messages)} HTML error(s) in {len(files)} of {len(pages)} page(s):"]
        kinds = Counter(m["message"] for m in messages)
        lines += [f"  {count} x {text}" for text, count in kinds.most_common()]
        lines.append("The first 30:")
        messages.sort(key=lambda m: (m.get("url", ""), m.get("lastLine", 0)))
        for message in messages[:30]:
            where = message.get("url", "?").removeprefix(built_site.as_uri() + "/")
            where = where.removeprefix("file:" + str(built_site) + "/")
            lines.append(f"  {where}:{message.get('lastLine', '?')}: {message['message']}")
            if message.get("extract"):
                lines.append(f"      {' '.join(message['extract'].split())}")
        report = "\n".join(lines)
        pytest.fail(report, pytrace=False)


# --------------------------------------------------------------------------- links


@pytest.fixture(scope="module")
def sub_path_crawl(built_site: Path) -> Iterator[Crawl]:
    with serve_folder(built_site, prefix="ladders") as root:
        assert root.endswith("/ladders/")
        yield crawl(root)


def test_links_assets_and_anchors_resolve_under_a_sub_path(sub_path_crawl: Crawl) -> None:
    problems = sub_path_crawl.problems
    assert len(sub_path_crawl.pages) > 100
    if problems:
        report = "\n".join([f"{len(problems)} broken link(s):", *problems[:50]])
        pytest.fail(report, pytrace=False)


def test_every_built_page_is_reachable_from_home(built_site: Path, sub_path_crawl: Crawl) -> None:
    reached = {
        unquote(urlsplit(url).path).removeprefix("/ladders/") for url in sub_path_crawl.pages
    }
    missing = []
    for page in sorted(built_site.rglob("*.html")):
        rel = page.relative_to(built_site).as_posix()
        as_url = posixpath.dirname(rel) + "/" if page.name == "index.html" else rel
        as_url = as_url.removeprefix("/")
        if rel != "404.html" and as_url not in reached and rel not in reached:
            missing.append(rel)
    assert missing == [], f"pages no link leads to: {missing[:20]}"


# --------------------------------------------------------------------------- layout


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
