"""An edited framework's pages on disk at once, before serve's full rebuild.

At a thousand frameworks a full rebuild, even an incremental one, takes seconds to
minutes (site-wide pages, exports, the search index). So `serve` first checks the edited
file alone, renders that framework's pages with the previous build's renderer and
replaces them in the output folder, file by file, then reloads the browser. The full
rebuild follows once the edits pause; it reuses these pages through the page cache.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ladderpress.check.files import check_files
from ladderpress.core.model import Framework
from ladderpress.core.site import SiteConfig
from ladderpress.incremental import checkcache
from ladderpress.incremental.keys import BuildCache, MadeWith, page_keys, template_digests
from ladderpress.plan.pages import Page, translated_framework_pages
from ladderpress.render.renderer import Renderer
from ladderpress.write.ownership import (
    MANIFEST,
    digest_of,
    load_manifest,
    manifest_bytes,
    no_links_on_way,
    record,
)

# The pages that show an edited statement most directly come first.
_FIRST = ("competency.html", "level.html", "framework.html", "self-assessment.html")


@dataclass
class LiveSite:
    """What the last good build rendered with; kept by serve between builds."""

    config: SiteConfig
    frameworks: list[Framework]
    renderer: Renderer
    keys_version: str
    templates: dict[str, str] = field(default_factory=dict)  # digests, by name

    @classmethod
    def of(cls, made: MadeWith) -> LiveSite:
        """What a build (run with a cache) rendered with."""
        return cls(made.config, made.frameworks, made.renderer, made.keys_version)

    def warm_up(self) -> None:
        """Compile the framework templates now rather than on the first edit."""
        one = [f for f in self.frameworks if f.language is None][:1]
        names = {page.template for page in translated_framework_pages(self.config, one)}
        for name in names:
            self.renderer.env.get_template(name)
        self.templates = template_digests(self.renderer.env, names)


def _rank(page: Page) -> int:
    return _FIRST.index(page.template) if page.template in _FIRST else len(_FIRST)


def _write_in_place(out: Path, name: str, data: bytes) -> None:
    """Replace one file atomically: a reader sees the old page or the new, never half."""
    target = out / name
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".ladderpress-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def update_edited(live: LiveSite, cache: BuildCache, out: Path, edited: list[Path]) -> list[str]:
    """Render and write the pages of edited framework files; their site paths.

    Returns [] when the edit is not one this can take (a new, removed, renamed or broken
    file, or anything but a framework): the full rebuild deals with it and reports it.
    """
    by_path = {Path(f.path).resolve(): f for f in live.frameworks}
    olds = [by_path.get(path.resolve()) for path in edited]
    if not edited or any(old is None for old in olds) or not all(p.is_file() for p in edited):
        return []
    replacements: dict[int, Framework] = {}
    for old, (new, problems) in zip(
        olds, check_files(edited, cache.files, store=checkcache.KEPT_CHECKS), strict=True
    ):
        assert old is not None
        if new is None or any(p.is_error for p in problems):
            return []
        if (new.slug, new.language) != (old.slug, old.language):
            return []
        replacements[id(old)] = new
    frameworks = [replacements.get(id(f), f) for f in live.frameworks]
    changed = {id(f) for f in replacements.values()}
    slugs = {f.slug for f in replacements.values()}
    pages = sorted(
        (
            page
            for page in translated_framework_pages(
                live.config, [f for f in frameworks if f.slug in slugs]
            )
            if id(page.context.get("framework")) in changed
        ),
        key=_rank,
    )
    known = live.templates if {p.template for p in pages} <= live.templates.keys() else None
    keys = page_keys(pages, frameworks, live.config, live.renderer.env, live.keys_version, known)
    live.renderer.fragments.clear()  # they are keyed by statement id, not by wording
    manifest = load_manifest(out) or {}
    if not all(no_links_on_way(out, page.output_path) for page in pages):
        return []  # never written through a link: the full rebuild takes it out
    for page in pages:
        html = live.renderer.render(page)
        digest = digest_of(html)
        _write_in_place(out, page.output_path, html)
        cache.pages[page.url] = (keys[page.url], digest)
        manifest[page.output_path] = record(out / page.output_path, digest)
    _write_in_place(out, MANIFEST, manifest_bytes(manifest))
    live.frameworks = frameworks
    return [page.output_path for page in pages]
