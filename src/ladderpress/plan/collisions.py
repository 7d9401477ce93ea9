"""One owner per output path: no framework writes over another's pages or the site's.

The page map (pages.py) gives each framework the folder `<slug>/` and the files
`<slug>.json` and `<slug>.csv`; a translation gets `<language>/<slug>/` inside the
`<language>/` its language shares with other translations only; the site keeps its own
folders and files. Validation refuses the names it knows would collide. This check runs
on the planned site, on the paths the build will really write, so that a route validation
does not foresee fails the build with both files named, instead of one file silently
taking the other's place (the writer keeps the first file given for a path).

Paths are compared case-folded: `FR/` and `fr/` are one folder on macOS and Windows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ladderpress.core.model import Framework
from ladderpress.core.paths import display_path
from ladderpress.core.problems import InputError, Problem, error, sort_problems
from ladderpress.core.resources import schema_dir
from ladderpress.core.site import SiteConfig
from ladderpress.core.urls import (
    export_urls,
    feed_url,
    index_json_url,
    robots_url,
    schema_url,
    site_wide_urls,
    sitemap_url,
)
from ladderpress.plan.pages import Page


@dataclass(frozen=True, eq=False)  # one object per file: compared by identity, for speed
class Owner:
    """Who writes a file: a framework file, a file of the static folder, or the site."""

    path: str  # "" for the site itself
    # Problems go to the file most likely at fault: frameworks come from strangers.
    rank: int

    @property
    def named(self) -> str:
        return self.path or "the site itself"


SITE = Owner("", 2)


def static_files(config: SiteConfig) -> list[tuple[str, Path]]:
    """The files of the site's static folder, by their path in the site."""
    if not config.static_dir.is_dir():
        return []
    return [
        (file.relative_to(config.static_dir).as_posix(), file)
        for file in sorted(config.static_dir.rglob("*"))
        if file.is_file() and file.resolve().is_relative_to(config.root)
    ]


def _outputs(
    config: SiteConfig,
    frameworks: list[Framework],
    pages: list[Page],
    asset_urls: Iterable[str],
    owners: dict[int, Owner],
) -> Iterator[tuple[str, str, Owner]]:
    """(output path, URL that names it, owner) of every file the build writes."""
    for page in pages:
        framework = page.context.get("framework")
        yield page.output_path, page.url, owners.get(id(framework), SITE)
    for framework in frameworks:
        for url in export_urls(framework):
            yield url, url, owners[id(framework)]
    files = [*asset_urls, index_json_url(), feed_url(), robots_url()]
    if config.base_url:  # without one there is no sitemap (feeds.sitemap)
        files.append(sitemap_url())
    files.extend(schema_url(schema.name) for schema in sorted(schema_dir().glob("*.json")))
    for url in files:
        yield url, url, SITE
    for name, file in static_files(config):
        yield name, name, Owner(display_path(file), 1)


def _folders(path: str) -> tuple[str, ...]:
    """The folders a framework can own that hold `path`: `a/` and `a/b/`."""
    parts = path.split("/", 2)
    if len(parts) == 1:
        return ()
    top = parts[0] + "/"
    return (top,) if len(parts) == 2 else (top, top + parts[1] + "/")


class _Collisions:
    """The problems found, one per pair of owners."""

    def __init__(self) -> None:
        self.problems: dict[frozenset[Owner], Problem] = {}

    def add(self, first: Owner, second: Owner, message: str) -> None:
        pair = frozenset((first, second))
        if first is second or pair in self.problems:
            return
        at = second if second.rank <= first.rank else first
        fix = "rename one of the files" if first.path and second.path else "rename the file"
        self.problems[pair] = error(at.path, 1, 1, f"{message}; {fix}", "page-collision")


def _first(owners: set[Owner]) -> Owner:
    return min(owners, key=lambda owner: owner.path)


def check_collisions(
    config: SiteConfig,
    frameworks: list[Framework],
    pages: list[Page],
    asset_urls: Iterable[str],
) -> None:
    """Raise InputError if two owners would write the same file, or one would write
    into a folder that the page map gives to another (see the module's docstring)."""
    owners = {id(f): Owner(f.path, 0) for f in frameworks}
    found = _Collisions()
    # Who may write in each folder, and what claimed it: the site, a framework, a language.
    claims: dict[str, tuple[object, set[Owner]]] = {}

    def claim(folder: str, group: object, owner: Owner) -> None:
        key = folder.casefold()
        if key not in claims:
            claims[key] = (group, {owner})
        elif claims[key][0] == group:
            claims[key][1].add(owner)
        else:
            first = _first(claims[key][1])
            found.add(
                first, owner, f"/{folder} would hold pages of both {first.named} and {owner.named}"
            )

    outputs = list(_outputs(config, frameworks, pages, asset_urls, owners))
    for url in site_wide_urls():  # the site's folders, whether or not it has pages there
        if "/" in url:
            claim(url.partition("/")[0] + "/", SITE, SITE)
    for path, _, owner in outputs:
        if owner is SITE and "/" in path:
            claim(path.partition("/")[0] + "/", SITE, SITE)
    for framework in frameworks:
        owner = owners[id(framework)]
        if framework.language:
            claim(framework.language + "/", ("language", framework.language), owner)
        claim(framework.url_root + "/", owner, owner)

    written: dict[str, Owner] = {}
    for path, url, owner in outputs:
        key = path.casefold()
        before = written.setdefault(key, owner)
        if before is not owner:
            found.add(
                before, owner, f"/{url} would be written by both {before.named} and {owner.named}"
            )
            continue
        if owner.rank == 1 or "/" not in key:  # a static file may add to a folder
            continue
        for folder in _folders(key):
            allowed = claims.get(folder)
            if allowed is not None and owner not in allowed[1]:
                first = _first(allowed[1])
                found.add(
                    first,
                    owner,
                    f"/{url} of {owner.named} would land in /{folder}, "
                    f"which holds the pages of {first.named}",
                )
    if found.problems:
        raise InputError(sort_problems(found.problems.values()))
