"""The build pipeline in one readable function: load → validate → plan → render → write."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from ladderpress.check.files import check_paths
from ladderpress.check.ignores import apply_site_lints
from ladderpress.core.fingerprints import code_identity
from ladderpress.core.model import FileMemo, Framework
from ladderpress.core.paths import display_path
from ladderpress.core.problems import InputError, Problem, error
from ladderpress.core.resources import schema_dir
from ladderpress.core.site import SiteConfig
from ladderpress.core.urls import feed_url, index_json_url, robots_url, schema_url, sitemap_url
from ladderpress.incremental import checkcache
from ladderpress.incremental.changes import input_paths
from ladderpress.incremental.keys import BuildCache, MadeWith, export_key, page_keys
from ladderpress.incremental.state import (
    Inputs,
    PreviousBuild,
    load_caches,
    scan_inputs,
    state_files,
    up_to_date,
)
from ladderpress.plan.collisions import check_collisions, static_files
from ladderpress.plan.pages import Page, plan_site
from ladderpress.render import search
from ladderpress.render.export import ExportFile, export_files, index_record, to_json
from ladderpress.render.feeds import atom_feed, robots, sitemap
from ladderpress.render.messages import catalogue_digest
from ladderpress.render.parallel import Job, render_all
from ladderpress.render.renderer import Renderer
from ladderpress.render.themes import Asset, collect_assets
from ladderpress.write.output import WriteReport, check_location, recover, write_site
from ladderpress.write.ownership import PreviousOutput, previous_output


@dataclass
class BuildReport:
    pages: int = 0
    frameworks: int = 0
    written: WriteReport | None = None
    warnings: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    # Pages rendered afresh and pages kept from the previous build.
    rendered: int = 0
    reused: int = 0
    # With a cache (serve): what the pages were made with, to update one framework later.
    made_with: MadeWith | None = None

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


def _nothing_to_build(config: SiteConfig) -> InputError:
    """An empty site, most often a build run in the wrong folder or before `init`."""
    folder = display_path(config.frameworks_dir)
    return InputError(
        [
            error(
                folder,
                1,
                1,
                f"no framework files in {folder}/, so there is nothing to build; run "
                "'ladderpress init' to start a site, 'ladderpress new SLUG' to add a framework, "
                "or give --site the folder of an existing site",
                "no-frameworks",
            )
        ]
    )


def load_frameworks(
    config: SiteConfig, memo: FileMemo | None = None, *, reuse: bool = False, strict: bool = False
) -> tuple[list[Framework], list[Problem]]:
    """Check every framework of the site; raise InputError if any has an error (or, when
    `strict`, a warning). The config's `lints:` turn warnings off or into errors.

    `reuse`: files that earlier builds checked, unchanged since, are not checked again
    (checkcache.py)."""
    if not config.frameworks_dir.is_dir():
        raise _nothing_to_build(config)
    if reuse:
        checkcache.prune()
    store = checkcache.KEPT_CHECKS if reuse else None
    result = check_paths([config.frameworks_dir], confine_to=config.root, memo=memo, store=store)
    if memo is not None:  # forget files that changed or went away
        current = {(str(f.path), f.digest) for f in result.frameworks}
        for key in [
            k for k, (fw, _) in memo.items() if fw and (str(fw.path), fw.digest) not in current
        ]:
            del memo[key]
    problems = apply_site_lints(result.problems, dict(config.lints))
    if any(p.is_error for p in problems) or (strict and problems):
        raise InputError(problems)
    if result.files == 0:
        raise _nothing_to_build(config)
    frameworks = result.frameworks
    if config.include is not None:
        missing = sorted(set(config.include) - {f.slug for f in frameworks})
        if missing:
            raise InputError(
                [
                    error(
                        config.config_path,
                        1,
                        1,
                        f"'include' names frameworks that do not exist: {', '.join(missing)}",
                        "config",
                    )
                ]
            )
        frameworks = [f for f in frameworks if f.slug in config.include]
    return frameworks, problems


def render_site(
    config: SiteConfig,
    frameworks: list[Framework],
    pages: list[Page],
    assets: dict[str, Asset],
    *,
    renderer: Renderer,
    cache: BuildCache | None = None,
    previous: dict[str, str] | None = None,
) -> Iterator[tuple[str, bytes | None]]:
    """Every output file, one at a time: pages, data exports, feeds, assets, schemas.

    A page whose inputs did not change since the previous build (per `cache`) comes as
    None: the writer keeps the file it already has.
    """
    yield from _render_pages(
        renderer, pages, _exports(frameworks), frameworks, config, cache, previous or {}
    )
    for asset in assets.values():
        yield asset.url, asset.data
    originals = [f for f in frameworks if f.language is None]
    yield index_json_url(), to_json(index_record(originals))
    yield feed_url(), atom_feed(config, originals)
    yield robots_url(), robots(config)
    site_map = sitemap(config, pages)
    if site_map is not None:
        yield sitemap_url(), site_map
    for schema in sorted(schema_dir().glob("*.json")):
        yield schema_url(schema.name), schema.read_bytes()
    for name, file in static_files(config):
        yield name, file.read_bytes()


Exports = dict[int, list[ExportFile]]  # by id(framework)


def _exports(frameworks: list[Framework]) -> Exports:
    return {id(framework): export_files(framework) for framework in frameworks}


def _with_exports(pages: list[Page], exports: Exports) -> list[tuple[str, Job]]:
    """The pages in order, each framework's exports right after its pages.

    A worker process then reads one framework at a time (see render_all); exports made
    all together at the end would copy the memory of every framework into it.
    """
    left = dict(exports)
    jobs: list[tuple[str, Job]] = []
    current: object = None
    for page in pages:
        framework = page.context.get("framework")
        if framework is not current:
            jobs.extend((file.path, file) for file in left.pop(id(current), []))
            current = framework
        jobs.append((page.output_path, page))
    jobs.extend((file.path, file) for file in left.pop(id(current), []))
    for rest in left.values():
        jobs.extend((file.path, file) for file in rest)
    return jobs


def keys_version(renderer: Renderer) -> str:
    """What every page's cache key shares besides the site config (see page_keys)."""
    version = "".join(a.version for a in renderer.assets.values()) + str(renderer.preview)
    version += catalogue_digest(renderer.themes)
    # Every page links to search when there is a search page.
    version += str(renderer.search)
    # Cache entries outlive the process: another ladderpress renders differently.
    return version + code_identity()


def _render_pages(
    renderer: Renderer,
    pages: list[Page],
    exports: Exports,
    frameworks: list[Framework],
    config: SiteConfig,
    cache: BuildCache | None,
    previous: dict[str, str],
) -> Iterator[tuple[str, bytes | None]]:
    stale, keys = pages, {}
    if cache is not None:
        version = keys_version(renderer)
        keys = page_keys(pages, frameworks, config, renderer.env, version)
        files = [file for group in exports.values() for file in group]
        keys |= {file.path: export_key(file.path, file.framework, version) for file in files}
        for url in set(cache.pages) - set(keys):
            del cache.pages[url]

        def reusable(name: str, output_path: str) -> bool:
            # Same inputs as when made, and the output still holds what was written.
            return cache.pages.get(name) == (keys[name], previous.get(output_path))

        fresh = {p.url for p in pages if reusable(p.url, p.output_path)}
        stale = [p for p in pages if p.url not in fresh]
        cache.rendered += len(stale)
        cache.reused += len(fresh)
        for page in pages:
            if page.url in fresh:
                yield page.output_path, None
        kept = {file.path for file in files if reusable(file.path, file.path)}
        yield from ((path, None) for path in kept)
        exports = {k: [f for f in group if f.path not in kept] for k, group in exports.items()}
    jobs = _with_exports(stale, exports)
    made = render_all(renderer, [job for _, job in jobs])
    for (path, job), data in zip(jobs, made, strict=True):
        if cache is not None:
            name = job.url if isinstance(job, Page) else path
            cache.pages[name] = (keys[name], hashlib.sha256(data).hexdigest())
        yield path, data


def build(
    config: SiteConfig,
    *,
    out: Path | None = None,
    clean: bool = False,
    cache: BuildCache | None = None,
    preview: bool = False,
    strict: bool = False,
) -> BuildReport:
    """Build the whole site. Raises InputError, leaving the previous output untouched.

    Pages are rendered and written one by one into a staging folder that replaces the
    output only when everything succeeded, so memory stays flat on large sites.

    Without a `cache` (a long-running process passes its own), what the previous build
    left in the output folder is used: if no input changed, nothing is done at all, and
    otherwise only pages whose inputs changed are rendered. `clean` uses none of it.
    `strict`: a warning fails the build as an error does.
    """
    report = BuildReport()
    target = (out or config.output_dir).resolve()
    start = time.perf_counter()
    check_location(target, config.root, input_paths(config, authored_only=True))
    recover(target)  # a build killed mid-swap: its previous site is the one to start from
    inputs = scan_inputs(config, target, preview=preview)
    on_disk = previous_output(target)
    present = on_disk.digests  # what the previous build wrote, still exactly as it wrote it
    if not clean and cache is None and not on_disk.damaged:
        previous = up_to_date(target, inputs, present)
        if previous is not None:
            if strict and previous.warnings:
                raise InputError(previous.warnings)
            return _unchanged(report, previous, time.perf_counter() - start)
    keep_live = cache is not None  # serve keeps what it needs to update one framework
    if cache is None:
        pages_cache, search_keys = ({}, {}) if clean else load_caches(target)
        cache = BuildCache(pages=pages_cache, search=search_keys)
        files_memo = None
    else:
        files_memo = cache.files
    report.timings["state"] = time.perf_counter() - start
    rendered, reused = cache.rendered, cache.reused
    with _timed(report, "load+validate"):
        frameworks, report.warnings = load_frameworks(
            config, files_memo, reuse=not clean, strict=strict
        )
    with _timed(report, "plan"):
        search_skipped = search.unavailable_reason()
        with_search = search_skipped is None
        pages = plan_site(config, frameworks, search=with_search)
        assets = collect_assets(config)
        check_collisions(config, frameworks, pages, [asset.url for asset in assets.values()])
    renderer = Renderer(config, assets, search=with_search, preview=preview)
    report.pages = len(pages)
    report.frameworks = len(frameworks)
    bundle_keys: dict[str, str] = {}
    with ExitStack() as stack:
        search_files: Iterable[tuple[str, bytes | None]] = ()
        if search_skipped is None:
            with _timed(report, "search index"):  # Pagefind then runs while pages render
                originals = [f for f in frameworks if f.language is None]
                bundle_keys = search.bundle_keys(originals, config.language, code_identity())
                kept = {} if clean else search.kept_bundles(bundle_keys, cache.search, present)
                job = search.SearchIndexJob(originals, config.language, kept)
                search_files = stack.enter_context(job).files()
        else:
            report.notes.append(search_skipped)  # once per build, in its summary
        with _timed(report, "render+write"):
            files = render_site(
                config,
                frameworks,
                pages,
                assets,
                renderer=renderer,
                cache=cache,
                previous=present,
            )
            report.written = _write(
                config,
                target,
                chain(files, search_files),
                clean,
                inputs,
                report,
                cache,
                bundle_keys,
                on_disk,
            )
            report.notes.extend(report.written.notes())
    cache.search = bundle_keys  # only now: the output holds these bundles
    report.rendered = cache.rendered - rendered
    report.reused = cache.reused - reused
    if keep_live:
        report.made_with = MadeWith(config, frameworks, renderer, keys_version(renderer))
    return report


def _write(
    config: SiteConfig,
    target: Path,
    files: Iterable[tuple[str, bytes | None]],
    clean: bool,
    inputs: Inputs,
    report: BuildReport,
    cache: BuildCache,
    bundle_keys: dict[str, str],
    on_disk: PreviousOutput,
) -> WriteReport:
    return write_site(
        target,
        files,
        clean=clean,
        root=config.root,
        inputs=input_paths(config, authored_only=True),
        previous=on_disk,
        extra=lambda: state_files(
            inputs,
            pages=report.pages,
            frameworks=report.frameworks,
            warnings=report.warnings,
            notes=report.notes,
            page_cache=cache.pages,
            search_keys=bundle_keys,
        ),
    )


UP_TO_DATE = "nothing changed since the last build"


def _unchanged(report: BuildReport, previous: PreviousBuild, seconds: float) -> BuildReport:
    report.pages = previous.pages
    report.frameworks = previous.frameworks
    report.written = WriteReport(0, previous.files, 0)
    report.warnings = previous.warnings
    report.notes = [UP_TO_DATE, *previous.notes]
    report.reused = previous.pages
    report.timings["up to date"] = seconds
    return report
