"""Check and render on every core. Worth it only for large sites.

Worker processes are forked after the renderer and the pages exist, so they inherit them
instead of receiving pickled copies; only page numbers go out and HTML bytes come back.
Where fork is not available the pages are rendered in this process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

from .problems import InputError

if TYPE_CHECKING:  # the validator uses fork_map without loading the renderer
    from .pages import Page
    from .render import Renderer

PARALLEL_FROM = 1500  # pages; below this, starting workers costs more than it saves
_job: tuple[Renderer, list[Page]] | None = None

Item = TypeVar("Item")
Result = TypeVar("Result")


def _workers() -> int:
    forkable = "fork" in multiprocessing.get_all_start_methods()
    return min(os.cpu_count() or 1, 8) if forkable else 1


def fork_map(
    function: Callable[[Item], Result], items: list[Item], *, parallel_from: int
) -> Iterator[Result]:
    """function(item) for each item, in order; on every core when there are enough items.

    `function` must be a module-level function; items and results travel pickled.
    """
    workers = _workers()
    if len(items) < parallel_from or workers < 2:
        yield from map(function, items)
        return
    size = max(1, min(16, len(items) // (workers * 4)))
    with _forked_pool(workers) as pool:
        yield from pool.map(function, items, chunksize=size)


def _exit_with(parent: int) -> None:
    """In a worker: end when the build that started it is gone (killed, say).

    A worker waiting for work would otherwise wait forever: its copy of the work queue's
    writing end keeps the queue open.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


@contextmanager
def _forked_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    # Frozen objects are left alone by the workers' garbage collector, so the memory
    # pages they share with this process are not copied into each of them.
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_exit_with,
            initargs=(os.getpid(),),
        ) as pool:
            yield pool
    finally:
        gc.unfreeze()


def _render_chunk(indices: list[int]) -> list[bytes] | InputError:
    assert _job is not None
    renderer, pages = _job
    try:
        return [renderer.render(pages[i]) for i in indices]
    except InputError as exc:  # sent back whole, so the build reports it as usual
        return exc


def render_all(renderer: Renderer, pages: list[Page]) -> Iterator[bytes]:
    """The HTML of each page, in order, as it is ready; raises InputError like render()."""
    workers = _workers()
    if len(pages) < PARALLEL_FROM or workers < 2:
        for page in pages:
            yield renderer.render(page)
        return
    global _job
    _job = (renderer, pages)
    try:
        size = max(1, min(200, len(pages) // (workers * 8)))
        chunks = [list(range(i, min(i + size, len(pages)))) for i in range(0, len(pages), size)]
        with _forked_pool(workers) as pool:
            for chunk in pool.map(_render_chunk, chunks):
                if isinstance(chunk, InputError):
                    raise chunk
                yield from chunk
    finally:
        _job = None
