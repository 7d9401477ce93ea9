"""Preview server: build, serve on loopback, rebuild what changed, reload the browser.

A broken edit keeps the last good site on screen and shows its problems over the page
(and in the terminal) until the file is fixed.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import threading
import time
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from livereload.watcher import Watcher

from ladderpress.app.live import LiveSite, update_edited
from ladderpress.app.serve_http import ListenError, PreviewServer, is_loopback, listen, url_for
from ladderpress.build import build
from ladderpress.core.problems import InputError, Problem
from ladderpress.core.reporters import format_text
from ladderpress.core.site import SiteConfig
from ladderpress.core.terminal import printable
from ladderpress.incremental.changes import input_paths, takes_at_once
from ladderpress.incremental.keys import BuildCache
from ladderpress.write.output import check_location


@dataclass
class PreviewState:
    """What the browser overlay shows: the problems of the latest build, if it failed."""

    problems: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def has_problems(self) -> bool:
        with self.lock:
            return bool(self.problems)

    def set(self, problems: list[Problem]) -> None:
        with self.lock:
            self.problems = [format_text(p) for p in problems]

    def as_json(self) -> str:
        with self.lock:
            return json.dumps({"problems": self.problems})


QUIET_SECONDS = 0.25  # the full rebuild waits for this long a pause in the edits
POLL_MILLISECONDS = 100  # a look at the files costs about 3 ms per thousand

Snapshot = dict[str, tuple[int, int]]


def snapshot(paths: list[Path]) -> Snapshot:
    """Every watched file with its modification time and size."""
    found: Snapshot = {}
    pending = []
    for root in paths:
        try:
            if root.is_file():
                stat = root.stat()
                found[str(root)] = (stat.st_mtime_ns, stat.st_size)
            elif root.is_dir():
                pending.append(str(root))
        except OSError:
            continue
    while pending:
        try:
            with os.scandir(pending.pop()) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        pending.append(entry.path)
                        continue
                    stat = entry.stat()
                    found[entry.path] = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            continue
    return found


def changed_paths(before: Snapshot, after: Snapshot) -> list[Path]:
    """Files added, removed or modified between two snapshots."""
    return [
        Path(name)
        for name in sorted(before.keys() | after.keys())
        if before.get(name) != after.get(name)
    ]


class SiteWatcher(Watcher):  # type: ignore[misc]
    """Looks at the site's files ten times a second on the server's event loop.

    Each change is offered to `on_edit` at once (serve updates an edited framework's pages
    there); once the files have been quiet for QUIET_SECONDS, `on_quiet` rebuilds the
    rest. A burst of saves gives one full rebuild. Both run on the event loop, one at a
    time, and the browser reloads after each that changed something.
    """

    def __init__(
        self,
        paths: list[Path],
        on_edit: Callable[[list[Path]], bool],
        on_quiet: Callable[[], object],
    ) -> None:
        super().__init__()
        self.paths = paths
        self.on_edit = on_edit
        self.on_quiet = on_quiet
        self.seen = snapshot(paths)
        self.pending = False
        self.last_change = 0.0

    def start(self, callback: Callable[[], object]) -> bool:
        from tornado import ioloop

        ioloop.PeriodicCallback(self.tick, POLL_MILLISECONDS).start()
        return True  # livereload's own polling is not needed

    def tick(self) -> None:
        current = snapshot(self.paths)
        if current != self.seen:
            edited = changed_paths(self.seen, current)
            self.seen = current
            self.pending = True
            self.last_change = time.monotonic()
            if self.on_edit(edited):
                _reload_browsers()
        elif self.pending and time.monotonic() - self.last_change >= QUIET_SECONDS:
            self.pending = False
            self.on_quiet()
            _reload_browsers()


def _reload_browsers() -> None:
    from livereload.handlers import LiveReloadHandler

    LiveReloadHandler.reload_waiters()


@dataclass
class Preview:
    """What serve keeps between builds: the build cache, and what the last good build
    rendered with (for an edited framework's pages at once, live.py)."""

    cache: BuildCache = field(default_factory=BuildCache)
    live: LiveSite | None = None


def rebuild(
    load_config: Callable[[], SiteConfig], out: Path, preview: Preview, state: PreviewState
) -> bool:
    """Build once; on failure report, keep the previous output, and tell the overlay."""
    cache = preview.cache
    rendered, reused = cache.rendered, cache.reused
    gc.unfreeze()  # the previous build's objects may be garbage now
    try:
        # The config is read again each time: editing it is a change like any other.
        report = build(load_config(), out=out, cache=cache, preview=True)
    except InputError as exc:
        state.set(exc.problems)
        for problem in exc.problems:
            print(format_text(problem), file=sys.stderr)  # escaped by the reporter
        print("Build failed; still serving the last good site.", file=sys.stderr, flush=True)
        return False
    state.set([])
    if report.made_with is not None:
        preview.live = LiveSite.of(report.made_with)
        preview.live.warm_up()
    # What the build left lives on until the next one: later collections need not walk
    # it, which at a thousand frameworks would pause an edit's update for seconds.
    gc.collect()
    gc.freeze()
    print(
        f"{printable(report.summary(out))}; pages rendered {cache.rendered - rendered}, "
        f"reused {cache.reused - reused}",
        flush=True,
    )
    return True


def update_now(preview: Preview, out: Path, edited: list[Path], state: PreviewState) -> bool:
    """The pages of edited framework files, written at once; False if it must wait."""
    if preview.live is None or state.has_problems():
        return False  # the full rebuild reports problems and recovers
    start = time.perf_counter()
    try:
        written = update_edited(preview.live, preview.cache, out, edited)
    except InputError:
        return False  # e.g. a template failing on the new data: the full rebuild says so
    if written:
        names = ", ".join(printable(path.name) for path in edited)
        print(
            f"Updated {len(written)} pages of {names} in {time.perf_counter() - start:.2f}s; "
            "the rest of the site follows",
            flush=True,
        )
    return bool(written)


def serve(
    config: SiteConfig,
    load_config: Callable[[], SiteConfig],
    *,
    host: str,
    port: int,
    out: Path | None = None,
    open_browser: bool = False,
) -> int:
    out = (out or config.output_dir).resolve()
    try:  # an output inside a watched folder would set off a rebuild after each rebuild
        check_location(out, config.root, input_paths(config, authored_only=True))
    except InputError as exc:
        for problem in exc.problems:
            print(format_text(problem), file=sys.stderr)
        return 1
    preview = Preview()
    state = PreviewState()
    watcher = SiteWatcher(
        input_paths(config, authored_only=True),
        on_edit=lambda edited: (
            takes_at_once(edited, config) and update_now(preview, out, edited, state)
        ),
        on_quiet=lambda: rebuild(load_config, out, preview, state),
    )
    if not is_loopback(host):
        print(
            f"warning: {printable(host or 'every address')} is not a loopback address: "
            "other machines on the network can read this preview. Leave out --host to "
            "serve on 127.0.0.1 only.",
            file=sys.stderr,
        )
    try:
        sockets = listen(host, port)  # before the build: a busy port is said at once
    except ListenError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if not rebuild(load_config, out, preview, state) and not out.is_dir():
        for sock in sockets:
            sock.close()
        return 1
    server = PreviewServer(watcher, sockets, host, state.as_json)
    port = server.guard.port
    url = url_for(host, port)
    print(f"Serving {printable(str(out))} at {printable(url)} (Ctrl+C to stop)", flush=True)
    if open_browser:
        webbrowser.open(url)
    server.serve(host=host, port=port, root=str(out), open_url_delay=None, restart_delay=0)
    return 0
