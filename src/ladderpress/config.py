"""Site configuration: ladderpress.yaml, validated, with defaults filled in."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .problems import InputError
from .schema_check import check_schema
from .source import read_document

CONFIG_NAME = "ladderpress.yaml"
CONFIG_SCHEMA = "config.schema.json"


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

    @property
    def config_path(self) -> str:
        return _display(self.root / CONFIG_NAME)

    @property
    def static_dir(self) -> Path:
        return self.root / "static"


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def load_config(root: Path, config_file: Path | None = None) -> SiteConfig:
    """Read the site config, or use defaults when the site has none.

    Raises InputError with positioned problems when the file is invalid.
    """
    root = root.resolve()
    path = config_file if config_file is not None else root / CONFIG_NAME
    defaults = SiteConfig(
        root=root,
        frameworks_dir=root / "frameworks",
        theme_dir=root / "theme",
        output_dir=root / "_site",
    )
    if config_file is None and not path.exists():
        return defaults
    doc = read_document(path, _display(path))
    data = {} if doc.data is None else doc.data
    doc.data = data
    problems = check_schema(doc, CONFIG_SCHEMA)
    if problems:
        raise InputError(problems)
    return replace(
        defaults,
        title=data.get("title", defaults.title),
        description=data.get("description", defaults.description),
        base_url=data.get("base_url"),
        language=data.get("language", defaults.language),
        frameworks_dir=root / data.get("frameworks", "frameworks"),
        theme_dir=root / data.get("theme", "theme"),
        output_dir=root / data.get("output", "_site"),
        navigation=tuple(NavLink(i["title"], i["url"]) for i in data.get("navigation", ())),
        include=tuple(data["include"]) if "include" in data else None,
        repository=data.get("repository"),
    )
