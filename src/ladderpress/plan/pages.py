"""The page map: a pure function from models and config to the list of pages.

Which pages the site has, each with its template and data; their addresses come from
the URL scheme (core/urls.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ladderpress.analyse.compare import all_pairs, position_tables
from ladderpress.analyse.facets import facet, sizes
from ladderpress.core.model import Framework
from ladderpress.core.site import SiteConfig
from ladderpress.core.urls import (
    compare_index_url,
    compare_level_url,
    compare_url,
    competencies_url,
    competency_url,
    discipline_url,
    disciplines_url,
    framework_url,
    home_url,
    level_url,
    levels_url,
    next_steps_url,
    not_found_url,
    orgs_compare_url,
    orgs_levels_url,
    search_bundles,
    search_url,
    self_assessment_url,
    tag_url,
    tags_url,
)
from ladderpress.plan.indexes import comparisons_of, competencies_by_category, levels_by_track


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
    "Levels — %(organisation)s %(framework)s",
    "%(level)s — %(organisation)s %(framework)s",
    "After %(level)s — %(organisation)s %(framework)s",
    "Competencies — %(organisation)s %(framework)s",
    "%(competency)s — %(organisation)s %(framework)s",
    "Compare levels — %(organisation)s %(framework)s",
    "Compare %(level)s — %(organisation)s %(framework)s",
    "Self-assessment — %(organisation)s %(framework)s",
    "%(a)s and %(b)s compared — %(organisation)s",
    "Disciplines",
    "Discipline: %(value)s",
    "Tags",
    "Tag: %(value)s",
    "%(site)s",
    "The same level across organisations",
    "Two organisations' levels side by side",
    "Search",
    "Page not found",
)


def _named(framework: Framework, **extra: str) -> dict[str, str]:
    return {"framework": framework.title, "organisation": framework.organisation.name, **extra}


def framework_pages(framework: Framework) -> list[Page]:
    pages = [
        Page(
            framework_url(framework),
            "framework.html",
            "%(framework)s — %(organisation)s",
            {"framework": framework},
            title_params=_named(framework),
        ),
        Page(
            levels_url(framework),
            "levels.html",
            "Levels — %(organisation)s %(framework)s",
            {"framework": framework, "tracks": levels_by_track(framework)},
            title_params=_named(framework),
        ),
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
    for level in framework.levels.values():
        if len(framework.following(level.id)) > 1:  # it branches: next steps side by side
            pages.append(
                Page(
                    next_steps_url(framework, level.id),
                    "next-steps.html",
                    "After %(level)s — %(organisation)s %(framework)s",
                    {"framework": framework, "level": level},
                    title_params=_named(framework, level=level.name),
                )
            )
    pages.append(
        Page(
            competencies_url(framework),
            "competencies.html",
            "Competencies — %(organisation)s %(framework)s",
            {"framework": framework, "categories": competencies_by_category(framework)},
            title_params=_named(framework),
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
    for level in framework.levels.values():
        pages.append(
            Page(
                compare_level_url(framework, level.id),
                "compare-level.html",
                "Compare %(level)s — %(organisation)s %(framework)s",
                {
                    "framework": framework,
                    "level": level,
                    "comparisons": comparisons_of(framework, level.id),
                },
                title_params=_named(framework, level=level.name),
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


def directory_pages(config: SiteConfig, frameworks: list[Framework]) -> list[Page]:
    """Without JavaScript, one page per discipline and per tag does the filters' job, and
    a page for each kind lists them all (`/disciplines/`, `/tags/`)."""
    pages = []
    for attribute, index_url, url, kind in (
        ("all_disciplines", disciplines_url, discipline_url, "Discipline"),
        ("tags", tags_url, tag_url, "Tag"),
    ):
        found_all = facet(frameworks, attribute, dict(config.labels))
        if found_all:
            pages.append(
                Page(
                    index_url(),
                    "facets.html",
                    "Disciplines" if kind == "Discipline" else "Tags",
                    {"facets": found_all, "kind": kind},
                )
            )
        for found in found_all:
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
                "disciplines": facet(frameworks, "all_disciplines", dict(config.labels)),
                "tags": facet(frameworks, "tags", dict(config.labels)),
                "sizes": sizes(frameworks),
                "search": search,
            },
            title_params={"site": config.title},
        )
    ]
    pages.extend(translated_framework_pages(config, everything))
    pages.extend(directory_pages(config, frameworks))
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
