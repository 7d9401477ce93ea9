"""What a rebuild can reuse: unchanged framework files and pages whose inputs are unchanged.

A page's inputs are its template and every template that one extends, imports or
includes, the framework it shows (or, for site-wide pages, all frameworks), the site
config and the theme's assets. Editing one framework re-renders only its pages and the
site-wide ones; editing a template re-renders only the pages that use it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import jinja2
from jinja2 import meta

from ladderpress.core.model import FileMemo, Framework
from ladderpress.core.site import SiteConfig
from ladderpress.plan.pages import Page

if TYPE_CHECKING:  # for annotations only: importing it would lengthen every chain
    from ladderpress.render.renderer import Renderer


@dataclass(frozen=True)
class MadeWith:
    """The checked frameworks and the renderer of a build, and its page-key version."""

    config: SiteConfig
    frameworks: list[Framework]
    renderer: Renderer
    keys_version: str


@dataclass
class BuildCache:
    """Held by a long-running process (serve) across builds, or loaded from the output
    folder (state.py); never shared between sites."""

    files: FileMemo = field(default_factory=dict)
    # url → (inputs key, hash of the HTML written): the HTML itself stays on disk.
    pages: dict[str, tuple[str, str]] = field(default_factory=dict)
    # Search bundle folder → key of the index it holds (search.bundle_keys).
    search: dict[str, str] = field(default_factory=dict)
    rendered: int = 0
    reused: int = 0


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def template_digests(env: jinja2.Environment, names: set[str]) -> dict[str, str]:
    """For each template: a hash of its own source and of every template it uses."""
    sources: dict[str, str] = {}
    uses: dict[str, set[str]] = {}
    pending = list(names)
    while pending:
        name = pending.pop()
        if name in sources:
            continue
        assert env.loader is not None
        try:
            source = env.loader.get_source(env, name)[0]
        except jinja2.TemplateNotFound:
            # Rendering reports it if a page needs it; a key needs only to be stable.
            sources[name], uses[name] = "\0missing", set()
            continue
        sources[name] = source
        try:
            referenced = {r for r in meta.find_referenced_templates(env.parse(source)) if r}
        except jinja2.TemplateSyntaxError:
            # No page using it can render, so what it would use does not matter; rendering
            # reports the error with its position.
            referenced = set()
        uses[name] = referenced
        pending.extend(referenced)
    digests = {}
    for name in names:
        closure, stack = set(), [name]
        while stack:
            current = stack.pop()
            if current not in closure:
                closure.add(current)
                stack.extend(uses[current])
        digests[name] = _digest(*(f"{n}:{sources[n]}" for n in sorted(closure)))
    return digests


def page_keys(
    pages: list[Page],
    frameworks: list[Framework],
    config: SiteConfig,
    env: jinja2.Environment,
    assets_version: str,
    templates: dict[str, str] | None = None,
) -> dict[str, str]:
    """The cache key of every page, by URL (`templates`: template_digests, if known)."""
    templates = templates or template_digests(env, {page.template for page in pages})
    site = _digest(repr(config), assets_version)
    everything = _digest(*(f.slug + f.digest for f in frameworks))
    keys = {}
    for page in pages:
        framework = page.context.get("framework")
        inputs = framework.digest if isinstance(framework, Framework) else everything
        # What plan_site put on the page besides its framework: title, language, and its
        # versions in other languages (which change when a translation is added).
        own = repr(
            (
                page.title,
                sorted(page.title_params.items()),
                page.language,
                page.alternates,
                page.absolute_links,
            )
        )
        keys[page.url] = _digest(
            page.url, page.template, templates[page.template], inputs, site, own
        )
    return keys


def export_key(path: str, framework: Framework, version: str) -> str:
    """The cache key of a framework's data file (kept in BuildCache.pages by its path)."""
    return _digest("export", path, framework.digest, version)
