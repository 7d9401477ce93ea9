"""Render many pages on every core. Worth it only for large builds.

Worker processes are forked after the renderer and the pages exist, so they inherit them
instead of receiving pickled copies; only page numbers go out and HTML bytes come back.
Where fork is not available the pages are rendered in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from .pages import Page
from .problems import InputError
from .render import Renderer

PARALLEL_FROM = 1500  # pages; below this, starting workers costs more than it saves
_job: tuple[Renderer, list[Page]] | None = None


def _render_chunk(indices: list[int]) -> list[bytes] | InputError:
    assert _job is not None
    renderer, pages = _job
    try:
        return [renderer.render(pages[i]) for i in indices]
    except InputError as exc:  # sent back whole, so the build reports it as usual
        return exc


def render_all(renderer: Renderer, pages: list[Page]) -> list[bytes]:
    """The HTML of each page, in order; raises InputError like Renderer.render."""
    workers = min(os.cpu_count() or 1, 8)
    forkable = "fork" in multiprocessing.get_all_start_methods()
    if len(pages) < PARALLEL_FROM or workers < 2 or not forkable:
        return [renderer.render(page) for page in pages]
    global _job
    _job = (renderer, pages)
    try:
        size = max(1, len(pages) // (workers * 8))
        chunks = [list(range(i, min(i + size, len(pages)))) for i in range(0, len(pages), size)]
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            results: list[bytes] = []
            for chunk in pool.map(_render_chunk, chunks):
                if isinstance(chunk, InputError):
                    raise chunk
                results.extend(chunk)
        return results
    finally:
        _job = None
