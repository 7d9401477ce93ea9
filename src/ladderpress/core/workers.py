"""Work on every core: a pool of forked workers, for checking files and rendering pages.

Workers are forked, so they inherit what this process built instead of receiving pickled
copies. Where fork is not available the work is done in this process.
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
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def workers_here() -> int:
    forkable = "fork" in multiprocessing.get_all_start_methods()
    return min(os.cpu_count() or 1, 8) if forkable else 1


def fork_map(
    function: Callable[[Item], Result], items: list[Item], *, parallel_from: int
) -> Iterator[Result]:
    """function(item) for each item, in order; on every core when there are enough items.

    `function` must be a module-level function; items and results travel pickled.
    """
    workers = workers_here()
    if len(items) < parallel_from or workers < 2:
        yield from map(function, items)
        return
    size = max(1, min(16, len(items) // (workers * 4)))
    with frozen(), forked_pool(workers) as pool:
        yield from pool.map(function, items, chunksize=size)


def exit_with(parent: int) -> None:
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
def frozen() -> Iterator[None]:
    # Frozen objects are left alone by the workers' garbage collector, so the memory
    # pages they share with this process are not copied into each of them.
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def forked_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=exit_with,
        initargs=(os.getpid(),),
    ) as pool:
        yield pool
