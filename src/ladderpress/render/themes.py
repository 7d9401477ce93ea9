"""The theme's files: the chain of theme folders, site's own first, and its static assets."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ladderpress.core.resources import default_theme_dir
from ladderpress.core.site import SiteConfig
from ladderpress.core.urls import asset_url


@dataclass(frozen=True)
class Asset:
    """A static file of the theme, copied to assets/ with a content hash for cache busting."""

    url: str
    data: bytes

    @property
    def version(self) -> str:
        return hashlib.sha256(self.data).hexdigest()[:10]


def theme_chain(config: SiteConfig) -> list[Path]:
    """Theme folders, most specific first: the site's own theme, then the default."""
    chain = []
    if config.theme_dir.is_dir() and config.theme_dir.resolve() != default_theme_dir().resolve():
        chain.append(config.theme_dir)
    chain.append(default_theme_dir())
    return chain


def collect_assets(config: SiteConfig) -> dict[str, Asset]:
    assets: dict[str, Asset] = {}
    for theme in reversed(theme_chain(config)):
        static = theme / "static"
        if not static.is_dir():
            continue
        for file in sorted(static.rglob("*")):
            if file.is_file() and not file.is_symlink():
                name = file.relative_to(static).as_posix()
                assets[name] = Asset(asset_url(name), file.read_bytes())
    return assets
