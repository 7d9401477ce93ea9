"""What a site is built from, and what a change to each kind of input makes stale.

This table is the one place that lists a build's inputs. The build's no-change check
(state.scan_inputs) looks at every input it names, `serve` watches the ones a person
edits, and an edit is taken at once, before the full rebuild, only where the table says
so. How stale pages are then found is keys.py's job: a page's key holds the digests of
exactly the inputs listed here for it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ladderpress.core.fingerprints import PACKAGE_DIR
from ladderpress.core.resources import default_theme_dir, schema_dir
from ladderpress.core.site import CONFIG_NAME, SiteConfig


@dataclass(frozen=True)
class Input:
    """One kind of input: where it is, and what an edit to it makes stale."""

    name: str
    where: Callable[[SiteConfig], tuple[Path, ...]]
    stale: str
    # serve rewrites the edited framework's pages at once, the rest of the site later
    at_once: bool = False
    # edited by the site's authors (serve watches it), not installed with ladderpress
    authored: bool = True


INPUTS: tuple[Input, ...] = (
    Input(
        "framework",
        lambda c: (c.frameworks_dir,),
        "its own pages, JSON and CSV, and its search bundle; every page listing all "
        "frameworks; a translation, also its original's pages (they link each other)",
        at_once=True,
    ),
    Input(
        "site theme",
        lambda c: (c.theme_dir,),
        "a template: the pages whose template extends, includes or imports it; a message "
        "catalogue or an asset: every page (pages carry the assets' version)",
    ),
    Input("static file", lambda c: (c.static_dir,), "that file alone: it is copied as is"),
    Input("site configuration", lambda c: (c.root / CONFIG_NAME,), "every page and file"),
    Input(
        "ladderpress itself",
        lambda c: (default_theme_dir(), schema_dir(), PACKAGE_DIR),
        "everything: its code, default theme and schemas are part of every key",
        authored=False,
    ),
)


def input_paths(config: SiteConfig, *, authored_only: bool = False) -> list[Path]:
    """The files and folders a build reads, each once (for serve: those people edit)."""
    found: dict[str, Path] = {}
    for kind in INPUTS:
        if kind.authored or not authored_only:
            for path in kind.where(config):
                found.setdefault(str(path.resolve()), path)
    return list(found.values())


def kind_of(path: Path, config: SiteConfig) -> Input | None:
    """Which kind of input `path` is; the first in INPUTS that holds it."""
    resolved = path.resolve()
    for kind in INPUTS:
        for root in kind.where(config):
            root = root.resolve()
            if resolved == root or root in resolved.parents:
                return kind
    return None


def takes_at_once(paths: list[Path], config: SiteConfig) -> bool:
    """Whether serve may rewrite pages for these edits before the full rebuild."""
    kinds = [kind_of(path, config) for path in paths]
    return bool(kinds) and all(kind is not None and kind.at_once for kind in kinds)
