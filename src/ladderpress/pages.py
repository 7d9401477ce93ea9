"""The page map: a pure function from models and config to the list of pages.

The URL scheme lives here and only here. URLs are site-relative: "" is the home page,
folder pages end with "/", and files keep their name ("404.html").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from .compare import all_pairs, ordered_pair, position_tables
from .config import SiteConfig
from .directory import facet, sizes
from .model import Framework


@dataclass(frozen=True)
class Page:
    url: str
    template: str
    title: str
    context: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    # Pages served from unknown depths (the 404 page) must link by absolute path.
    absolute_links: bool = False
    # `title` is a message of the theme's catalogues, filled in with these values.
    title_params: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    # The page's language when it differs from the site's, and the same page in others.
    language: str | None = None
    alternates: tuple[tuple[str, str], ...] = ()

    @property
    def output_path(self) -> str:
        return self.url + "index.html" if self.url == "" or self.url.endswith("/") else self.url


# Every page title, as a message id of the theme's catalogues (see theme/messages/).
TITLE_MESSAGES = (
    "%(framework)s — %(organisation)s",
    "%(level)s — %(organisation)s %(framework)s",
    "%(competency)s — %(organisation)s %(framework)s",
    "Compare levels — %(organisation)s %(framework)s",
    "Self-assessment — %(organisation)s %(framework)s",
    "%(a)s and %(b)s compared — %(organisation)s",
    "Discipline: %(value)s",
    "Tag: %(value)s",
    "%(site)s",
    "The same level across organisations",
    "Two organisations' levels side by side",
    "Search",
    "Page not found",
)


def _named(framework: Framework, **extra: str) -> dict[str, str]:
    return {"framework": framework.title, "organisation": framework.organisation.name, **extra}


def home_url() -> str:
    return ""


def framework_url(framework: Framework) -> str:
    return f"{framework.url_root}/"


def level_url(framework: Framework, level_id: str) -> str:
    return f"{framework.url_root}/levels/{level_id}/"


def competency_url(framework: Framework, competency_id: str) -> str:
    return f"{framework.url_root}/competencies/{competency_id}/"


def compare_index_url(framework: Framework) -> str:
    return f"{framework.url_root}/compare/"


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


def tag_url(tag: str) -> str:
    return f"tags/{tag}/"


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
        tag_url("x"),
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
    "level": level_url,
    "competency": competency_url,
    "compare_index": compare_index_url,
    "compare": compare_url,
    "json": framework_json_url,
    "self_assessment": self_assessment_url,
    "orgs_compare": orgs_compare_url,
    "orgs_levels": orgs_levels_url,
    "csv": framework_csv_url,
    "index_json": index_json_url,
    "feed": feed_url,
    "search": search_url,
    "tag": tag_url,
    "discipline": discipline_url,
    "schema": schema_url,
}


def framework_pages(framework: Framework) -> list[Page]:
    pages = [
        Page(
            framework_url(framework),
            "framework.html",
            "%(framework)s — %(organisation)s",
            {"framework": framework},
            title_params=_named(framework),
        )
    ]
    for level in framework.levels.values():
        pages.append(
            Page(
                level_url(framework, level.id),
                "level.html",
                "%(level)s — %(organisation)s %(framework)s",
                {"framework": framework, "level": level},
                title_params=_named(framework, level=level.name),
            )
        )
    for competency in framework.competencies.values():
        pages.append(
            Page(
                competency_url(framework, competency.id),
                "competency.html",
                "%(competency)s — %(organisation)s %(framework)s",
                {"framework": framework, "competency": competency},
                title_params=_named(framework, competency=competency.name),
            )
        )
    pages.append(
        Page(
            compare_index_url(framework),
            "compare-index.html",
            "Compare levels — %(organisation)s %(framework)s",
            {"framework": framework},
            title_params=_named(framework),
        )
    )
    pages.append(
        Page(
            self_assessment_url(framework),
            "self-assessment.html",
            "Self-assessment — %(organisation)s %(framework)s",
            {"framework": framework},
            title_params=_named(framework),
        )
    )
    for a, b in all_pairs(framework):
        level_a, level_b = framework.levels[a], framework.levels[b]
        pages.append(
            Page(
                compare_url(framework, a, b),
                "compare.html",
                "%(a)s and %(b)s compared — %(organisation)s",
                {"framework": framework, "a": a, "b": b},
                title_params=_named(framework, a=level_a.name, b=level_b.name),
            )
        )
    return pages


def translated_framework_pages(config: SiteConfig, frameworks: list[Framework]) -> list[Page]:
    """Each framework's pages, and its translations' at the same place under /<language>/,
    every page naming its versions in other languages."""
    translations: dict[str, list[Framework]] = {}
    for framework in frameworks:
        if framework.language:
            translations.setdefault(framework.slug, []).append(framework)
    pages: list[Page] = []
    for framework in (f for f in frameworks if f.language is None):
        variants = [
            framework,
            *sorted(translations.get(framework.slug, []), key=lambda f: f.language or ""),
        ]
        page_sets = [framework_pages(variant) for variant in variants]
        for index in range(len(page_sets[0])):
            alternates = (
                tuple(
                    (variant.language or config.language, pages_of[index].url)
                    for variant, pages_of in zip(variants, page_sets, strict=True)
                )
                if len(variants) > 1
                else ()
            )
            for variant, pages_of in zip(variants, page_sets, strict=True):
                pages.append(
                    replace(pages_of[index], language=variant.language, alternates=alternates)
                )
    return pages


def directory_pages(frameworks: list[Framework]) -> list[Page]:
    """Without JavaScript, one page per discipline and per tag does the filters' job."""
    pages = []
    for attribute, url, kind in (
        ("disciplines", discipline_url, "Discipline"),
        ("tags", tag_url, "Tag"),
    ):
        for found in facet(frameworks, attribute):
            pages.append(
                Page(
                    url(found.value),
                    "facet.html",
                    f"{kind}: %(value)s",
                    {"facet": found, "kind": kind, "frameworks": list(found.frameworks)},
                    title_params={"value": found.label},
                )
            )
    return pages


def plan_site(
    config: SiteConfig, frameworks: list[Framework], *, search: bool = False
) -> list[Page]:
    """Every page of the site. `search` says whether a search index will be built."""
    everything, frameworks = frameworks, [f for f in frameworks if f.language is None]
    pages = [
        Page(
            home_url(),
            "index.html",
            "%(site)s",
            {
                "frameworks": frameworks,
                "disciplines": facet(frameworks, "disciplines"),
                "tags": facet(frameworks, "tags"),
                "sizes": sizes(frameworks),
                "search": search,
            },
            title_params={"site": config.title},
        )
    ]
    pages.extend(translated_framework_pages(config, everything))
    pages.extend(directory_pages(frameworks))
    pages.append(
        Page(
            orgs_compare_url(),
            "compare-orgs.html",
            "The same level across organisations",
            {"frameworks": frameworks, "tables": position_tables(frameworks)},
        )
    )
    pages.append(
        Page(
            orgs_levels_url(),
            "compare-orgs-levels.html",
            "Two organisations' levels side by side",
            {"frameworks": frameworks},
        )
    )
    if search:
        pages.append(
            Page(
                search_url(), "search.html", "Search", {"bundles": search_bundles(len(frameworks))}
            )
        )
    pages.append(Page(not_found_url(), "404.html", "Page not found", {}, absolute_links=True))
    return pages
