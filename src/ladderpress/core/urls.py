"""The site's URL scheme: every address a page or file of the site gets, in one place.

URLs are site-relative: "" is the home page, folder pages end with "/", and files keep
their name ("404.html"). Names that frameworks may not take derive from these functions
(`reserved_names`), so a new kind of site-wide page reserves its name by existing.
"""

from __future__ import annotations

from collections.abc import Callable

from ladderpress.core.model import Framework


def ordered_pair(framework: Framework, x: str, y: str) -> tuple[str, str]:
    """The two levels in ladder order, as comparison URLs name them."""
    return (x, y) if framework.order(x) < framework.order(y) else (y, x)


def home_url() -> str:
    return ""


def framework_url(framework: Framework) -> str:
    return f"{framework.url_root}/"


def levels_url(framework: Framework) -> str:
    """The list of the framework's levels, track by track."""
    return f"{framework.url_root}/levels/"


def level_url(framework: Framework, level_id: str) -> str:
    return f"{framework.url_root}/levels/{level_id}/"


def next_steps_url(framework: Framework, level_id: str) -> str:
    """A branching level's next levels on every track, side by side."""
    return f"{framework.url_root}/levels/{level_id}/next/"


def competencies_url(framework: Framework) -> str:
    """The list of the framework's competencies, category by category."""
    return f"{framework.url_root}/competencies/"


def competency_url(framework: Framework, competency_id: str) -> str:
    return f"{framework.url_root}/competencies/{competency_id}/"


def compare_index_url(framework: Framework) -> str:
    return f"{framework.url_root}/compare/"


def compare_level_url(framework: Framework, level_id: str) -> str:
    """One level's comparisons with every other: the folder above its comparison pages."""
    return f"{framework.url_root}/compare/{level_id}/"


def compare_url(framework: Framework, a: str, b: str) -> str:
    """The comparison of two levels; the pair is put in ladder order whatever the call."""
    first, second = ordered_pair(framework, a, b)
    return f"{framework.url_root}/compare/{first}/{second}/"


def framework_json_url(framework: Framework) -> str:
    return f"{framework.url_root}.json"


def self_assessment_url(framework: Framework) -> str:
    return f"{framework.url_root}/self-assessment/"


def orgs_compare_url() -> str:
    return "compare/"


def orgs_levels_url() -> str:
    return "compare/levels/"


def framework_csv_url(framework: Framework) -> str:
    return f"{framework.url_root}.csv"


def framework_statements_csv_url(framework: Framework) -> str:
    """One row per statement with every id: for editing in a spreadsheet and importing
    back. Slugs hold no dot, so no other framework's file can take this name."""
    return f"{framework.url_root}.statements.csv"


def export_urls(framework: Framework) -> tuple[str, ...]:
    """The framework's machine-readable files: its JSON model and its CSV matrix."""
    return (
        framework_json_url(framework),
        framework_csv_url(framework),
        framework_statements_csv_url(framework),
    )


def index_json_url() -> str:
    return "frameworks.json"


def feed_url() -> str:
    return "feed.xml"


def search_url() -> str:
    return "search/"


# Pagefind holds what it indexes in memory, about 4 MB per framework: a large directory
# is indexed in several bundles, one after another, which the search page merges.
FRAMEWORKS_PER_SEARCH_BUNDLE = 50


def search_bundles(framework_count: int) -> list[str]:
    """The folders of the search index: `pagefind/`, then `pagefind/part-N/` if needed."""
    parts = max(1, -(-framework_count // FRAMEWORKS_PER_SEARCH_BUNDLE))
    return ["pagefind/", *(f"pagefind/part-{n}/" for n in range(2, parts + 1))]


def tags_url() -> str:
    return "tags/"


def tag_url(tag: str) -> str:
    return f"tags/{tag}/"


def disciplines_url() -> str:
    return "disciplines/"


def discipline_url(discipline: str) -> str:
    return f"disciplines/{discipline}/"


def schema_url(name: str) -> str:
    return f"schema/{name}"


def asset_url(name: str) -> str:
    return f"assets/{name}"


def robots_url() -> str:
    return "robots.txt"


def sitemap_url() -> str:
    return "sitemap.xml"


def not_found_url() -> str:
    return "404.html"


def site_wide_urls() -> tuple[str, ...]:
    """One URL of each kind the site writes for itself, "x" standing for any name."""
    return (
        home_url(),
        orgs_compare_url(),
        orgs_levels_url(),
        search_url(),
        *search_bundles(1),
        tags_url(),
        tag_url("x"),
        disciplines_url(),
        discipline_url("x"),
        schema_url("x"),
        asset_url("x"),
        index_json_url(),
        feed_url(),
        robots_url(),
        sitemap_url(),
        not_found_url(),
    )


def reserved_names() -> dict[str, str]:
    """The top-level names the site's own pages and files take, each with a URL taking it.

    A framework `<slug>` writes `<slug>/`, `<slug>.json` and `<slug>.csv`, a translation
    `<language>/`: neither may be such a name, nor its stem (`frameworks.json` takes
    `frameworks`), or it would write over the site's own pages.
    """
    names: dict[str, str] = {}
    for url in site_wide_urls():
        top, folder, _ = url.partition("/")
        stem = top.partition(".")[0]
        if stem:
            names.setdefault(stem, f"/{top}{folder}")
    return names


URLS: dict[str, Callable[..., str]] = {
    "home": home_url,
    "framework": framework_url,
    "levels": levels_url,
    "level": level_url,
    "next_steps": next_steps_url,
    "competencies": competencies_url,
    "competency": competency_url,
    "compare_index": compare_index_url,
    "compare_level": compare_level_url,
    "compare": compare_url,
    "json": framework_json_url,
    "self_assessment": self_assessment_url,
    "orgs_compare": orgs_compare_url,
    "orgs_levels": orgs_levels_url,
    "csv": framework_csv_url,
    "statements_csv": framework_statements_csv_url,
    "index_json": index_json_url,
    "feed": feed_url,
    "search": search_url,
    "tags": tags_url,
    "tag": tag_url,
    "disciplines": disciplines_url,
    "discipline": discipline_url,
    "schema": schema_url,
}
