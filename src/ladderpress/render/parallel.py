"""Render on every core. Worth it only for large sites.

Worker processes are forked after the renderer and the pages exist, so they inherit them
instead of receiving pickled copies; only page numbers go out and HTML bytes come back.
Where fork is not available the pages are rendered in this process. The pool itself is
core/workers.py's.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING, Union

from ladderpress.core.problems import InputError
from ladderpress.core.workers import forked_pool, frozen, workers_here

if TYPE_CHECKING:
    from ladderpress.plan.pages import Page
    from ladderpress.render.renderer import Renderer

# A page to render, or a function that makes another file from the model.
Job = Union["Page", Callable[[], bytes]]

PARALLEL_FROM = 300  # pages; below this, starting workers costs more than it saves
_job: tuple[Renderer, list[Job]] | None = None


def _make(renderer: Renderer, job: Job) -> bytes:
    return job() if callable(job) else renderer.render(job)


def _render_chunk(indices: list[int]) -> list[bytes] | InputError:
    assert _job is not None
    renderer, jobs = _job
    try:
        return [_make(renderer, jobs[i]) for i in indices]
    except InputError as exc:  # sent back whole, so the build reports it as usual
        return exc


# Workers still copy the parts of this process's memory that they touch (reference
# counts are written to), so a pool is replaced after this many pages: a big site then
# needs the memory of a few frameworks per worker, not of all of them.
PAGES_PER_POOL = 3000
CHUNK_PAGES = 50  # pages per task: small, so little HTML waits in memory to be written


def _in_order(pool: ProcessPoolExecutor, chunks: list[list[int]], workers: int) -> Iterator[bytes]:
    """Rendered chunks in order, with only a few submitted ahead of the writer."""
    waiting: deque[Future[list[bytes] | InputError]] = deque()
    ahead = iter(chunks)
    for chunk in islice(ahead, workers * 2):
        waiting.append(pool.submit(_render_chunk, chunk))
    while waiting:
        result = waiting.popleft().result()
        following = next(ahead, None)
        if following is not None:  # keep the workers busy while this chunk is written
            waiting.append(pool.submit(_render_chunk, following))
        if isinstance(result, InputError):
            raise result
        yield from result


def _shows_every_framework(job: Job) -> bool:
    return not callable(job) and "framework" not in job.context


def render_all(renderer: Renderer, jobs: list[Job]) -> Iterator[bytes]:
    """The bytes of each page (or other file made from the model), in order, as they are
    ready; raises InputError like render().

    Every file that reads the model is made here, before or in the workers: this process
    reading the model while they render would copy its memory into each of them.
    """
    workers = workers_here()
    pages = sum(1 for job in jobs if not callable(job))
    if pages < PARALLEL_FROM or workers < 2:
        for job in jobs:
            yield _make(renderer, job)
        return
    # Made here first: in a worker, a page listing every framework would copy the memory
    # of all of them.
    early = {i: _make(renderer, job) for i, job in enumerate(jobs) if _shows_every_framework(job)}
    renderer.compile({job.template for job in jobs if not callable(job)})  # not per worker
    made = _from_workers(renderer, jobs, [i for i in range(len(jobs)) if i not in early], workers)
    for index in range(len(jobs)):
        yield early.pop(index) if index in early else next(made)


def _from_workers(
    renderer: Renderer, jobs: list[Job], indices: list[int], workers: int
) -> Iterator[bytes]:
    global _job
    _job = (renderer, jobs)
    try:
        size = max(1, min(CHUNK_PAGES, len(indices) // (workers * 8)))
        with frozen():
            for start in range(0, len(indices), PAGES_PER_POOL):
                part = indices[start : start + PAGES_PER_POOL]
                chunks = [part[i : i + size] for i in range(0, len(part), size)]
                with forked_pool(workers) as pool:
                    yield from _in_order(pool, chunks, workers)
    finally:
        _job = None
