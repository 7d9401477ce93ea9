"""The site's configuration as every stage sees it: plain, frozen data (check/config.py
reads and checks ladderpress.yaml into it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ladderpress.core.paths import display_path

CONFIG_NAME = "ladderpress.yaml"


@dataclass(frozen=True)
class NavLink:
    title: str
    url: str


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    title: str = "Career frameworks"
    description: str = "Career progression frameworks: every level, competency and expectation."
    base_url: str | None = None
    language: str = "en"
    frameworks_dir: Path = Path("frameworks")
    theme_dir: Path = Path("theme")
    output_dir: Path = Path("_site")
    navigation: tuple[NavLink, ...] = ()
    include: tuple[str, ...] | None = None
    repository: str | None = None
    # Display names of discipline and tag identifiers, e.g. (("sre", "SRE"),); see labels.py.
    labels: tuple[tuple[str, str], ...] = ()
    # What the config's `lints:` sets each named rule to: "off", "warning" or "error".
    lints: tuple[tuple[str, str], ...] = ()
    # The site's own words for statements, competencies, categories and levels, as
    # (key, singular, plural): every page uses them, unless its framework has its own.
    terms: tuple[tuple[str, str, str], ...] = ()

    @property
    def config_path(self) -> str:
        return display_path(self.root / CONFIG_NAME)

    @property
    def static_dir(self) -> Path:
        return self.root / "static"
