"""Reader-quality checks over the built bundled site, one page of every page type.

- accessibility: axe-core (npm) in Chromium, WCAG 2.0/2.1/2.2 A and AA, light and dark;
- valid HTML: the Nu HTML Checker (npm's vnu-jar, run with Java) over every built page;
- links: a crawl over HTTP with the site served under a sub-path, from the home page;
- the page types and the built site come from tests/support/pages.py and conftest.py;
  layout is test_layout.py's.

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
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from tests.support.browser import serve_folder
from tests.support.crawl import Crawl, crawl
from tests.support.pages import PAGE_TYPES
from tests.support.paths import REPO

playwright_api = pytest.importorskip("playwright.sync_api")

NODE_MODULES = REPO / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
DESKTOP = {"width": 1440, "height": 900}


def _node_tool(path: Path) -> Path:
    if not path.exists():
        message = f"{path.relative_to(REPO)} is missing; './dev test' installs it (npm ci)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def test_every_template_has_a_page_type() -> None:
    """A new kind of page gets the checks below by getting an entry in PAGE_TYPES."""
    templates = {
        t.name for t in (REPO / "theme" / "templates").glob("*.html") if t.name[0] not in "_"
    }
    covered = {page_type.template for page_type in PAGE_TYPES.values()}
    assert sorted(templates - covered - {"base.html"}) == []


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
