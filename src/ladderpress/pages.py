"""The page map: a pure function from models and config to the list of pages.

The URL scheme lives here and only here. URLs are site-relative: "" is the home page,
folder pages end with "/", and files keep their name ("404.html").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .config import SiteConfig
from .model import Framework


@dataclass(frozen=True)
class Page:
    url: str
    template: str
    title: str
    context: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    # Pages served from unknown depths (the 404 page) must link by absolute path.
    absolute_links: bool = False

    @property
    def output_path(self) -> str:
        return self.url + "index.html" if self.url == "" or self.url.endswith("/") else self.url


def home_url() -> str:
    return ""


def framework_url(framework: Framework) -> str:
    return f"{framework.slug}/"


def level_url(framework: Framework, level_id: str) -> str:
    return f"{framework.slug}/levels/{level_id}/"


def competency_url(framework: Framework, competency_id: str) -> str:
    return f"{framework.slug}/competencies/{competency_id}/"


URLS: dict[str, Callable[..., str]] = {
    "home": home_url,
    "framework": framework_url,
    "level": level_url,
    "competency": competency_url,
}


def framework_pages(framework: Framework) -> list[Page]:
    pages = [
        Page(
            framework_url(framework),
            "framework.html",
            f"{framework.title} — {framework.organisation.name}",
            {"framework": framework},
        )
    ]
    for level in framework.levels.values():
        pages.append(
            Page(
                level_url(framework, level.id),
                "level.html",
                f"{level.name} — {framework.organisation.name} {framework.title}",
                {"framework": framework, "level": level},
            )
        )
    for competency in framework.competencies.values():
        pages.append(
            Page(
                competency_url(framework, competency.id),
                "competency.html",
                f"{competency.name} — {framework.organisation.name} {framework.title}",
                {"framework": framework, "competency": competency},
            )
        )
    return pages


def plan_site(config: SiteConfig, frameworks: list[Framework]) -> list[Page]:
    pages = [Page(home_url(), "index.html", config.title, {"frameworks": frameworks})]
    for framework in frameworks:
        pages.extend(framework_pages(framework))
    pages.append(Page("404.html", "404.html", "Page not found", {}, absolute_links=True))
    return pages
