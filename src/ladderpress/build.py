"""The build pipeline in one readable function: load → validate → plan → render → write."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .config import SiteConfig
from .export import framework_record, to_json
from .model import Framework
from .output import WriteReport, write_site
from .pages import Page, framework_json_url, plan_site
from .problems import InputError, Problem
from .render import Asset, Renderer, collect_assets
from .validate import check_paths


@dataclass
class BuildReport:
    pages: int = 0
    frameworks: int = 0
    written: WriteReport | None = None
    warnings: list[Problem] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def seconds(self) -> float:
        return sum(self.timings.values())

    def summary(self, out: Path) -> str:
        written = self.written or WriteReport(0, 0, 0)
        return (
            f"Built {self.pages} pages from {self.frameworks} "
            f"framework{'' if self.frameworks == 1 else 's'} into {out} in "
            f"{self.seconds:.2f}s ({written.written} written, {written.unchanged} unchanged, "
            f"{written.removed} removed)"
        )


@contextmanager
def _timed(report: BuildReport, stage: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        report.timings[stage] = report.timings.get(stage, 0.0) + time.perf_counter() - start


def load_frameworks(config: SiteConfig) -> tuple[list[Framework], list[Problem]]:
    """Check every framework of the site; raise InputError if any has an error."""
    if not config.frameworks_dir.is_dir():
        return [], []
    result = check_paths([config.frameworks_dir], confine_to=config.root)
    if not result.ok:
        raise InputError(result.problems)
    return result.frameworks, result.problems


def render_site(
    config: SiteConfig,
    frameworks: list[Framework],
    pages: list[Page],
    assets: dict[str, Asset],
) -> dict[str, bytes]:
    renderer = Renderer(config, assets)
    files = {page.output_path: renderer.render(page) for page in pages}
    for asset in assets.values():
        files[asset.url] = asset.data
    for framework in frameworks:
        files[framework_json_url(framework)] = to_json(framework_record(framework))
    if config.static_dir.is_dir():
        for file in sorted(config.static_dir.rglob("*")):
            if file.is_file() and file.resolve().is_relative_to(config.root):
                files.setdefault(file.relative_to(config.static_dir).as_posix(), file.read_bytes())
    return files


def build(config: SiteConfig, *, out: Path | None = None, clean: bool = False) -> BuildReport:
    """Build the whole site. Raises InputError, leaving the previous output untouched."""
    report = BuildReport()
    with _timed(report, "load+validate"):
        frameworks, report.warnings = load_frameworks(config)
    with _timed(report, "plan"):
        pages = plan_site(config, frameworks)
        assets = collect_assets(config)
    with _timed(report, "render"):
        files = render_site(config, frameworks, pages, assets)
    with _timed(report, "write"):
        report.written = write_site(out or config.output_dir, files, clean=clean)
    report.pages = len(pages)
    report.frameworks = len(frameworks)
    return report
