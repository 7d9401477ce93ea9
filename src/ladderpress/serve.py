"""Preview server: build, serve on loopback, rebuild what changed, reload the browser.

A broken edit keeps the last good site on screen and shows its problems over the page
(and in the terminal) until the file is fixed.
"""

from __future__ import annotations

import gc
import json
import os
import socket
import sys
import threading
import time
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from livereload.watcher import Watcher

from .build import build
from .config import CONFIG_NAME, SiteConfig
from .incremental import BuildCache
from .live import update_edited
from .problems import InputError, Problem, format_text

OVERLAY_JS = """(function () {
  "use strict";
  fetch("/__ladderpress/status", {cache: "no-store"}).then(function (r) { return r.json(); })
    .then(function (status) {
      if (!status.problems.length) { return; }
      var box = document.createElement("div");
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;max-height:60vh;" +
        "overflow:auto;z-index:1000;background:#2b0d0e;color:#fff;padding:1rem 1.25rem;" +
        "border-radius:10px;box-shadow:0 8px 30px rgba(0,0,0,.4);font:14px/1.5 monospace";
      var title = document.createElement("strong");
      title.textContent = "The last edit broke the build; this is the last good version.";
      box.appendChild(title);
      status.problems.forEach(function (line) {
        var p = document.createElement("div");
        p.textContent = line;
        p.style.marginTop = ".4rem";
        box.appendChild(p);
      });
      document.body.appendChild(box);
    }).catch(function () {});
})();
"""


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


def free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def rebuild(
    load_config: Callable[[], SiteConfig], out: Path, cache: BuildCache, state: PreviewState
) -> bool:
    """Build once; on failure report, keep the previous output, and tell the overlay."""
    rendered, reused = cache.rendered, cache.reused
    gc.unfreeze()  # the previous build's objects may be garbage now
    try:
        # The config is read again each time: editing it is a change like any other.
        report = build(load_config(), out=out, cache=cache, preview=True)
    except InputError as exc:
        state.set(exc.problems)
        for problem in exc.problems:
            print(format_text(problem), file=sys.stderr)
        print("Build failed; still serving the last good site.", file=sys.stderr, flush=True)
        return False
    state.set([])
    if cache.live is not None:
        cache.live.warm_up()
    # What the build left lives on until the next one: later collections need not walk
    # it, which at a thousand frameworks would pause an edit's update for seconds.
    gc.collect()
    gc.freeze()
    print(
        f"{report.summary(out)}; pages rendered {cache.rendered - rendered}, "
        f"reused {cache.reused - reused}",
        flush=True,
    )
    return True


def _server_class(state: PreviewState) -> Any:
    from livereload import Server
    from tornado import web

    class StatusHandler(web.RequestHandler):
        def get(self) -> None:
            self.set_header("Content-Type", "application/json")
            self.set_header("Cache-Control", "no-store")
            self.write(state.as_json())

    class OverlayHandler(web.RequestHandler):
        def get(self) -> None:
            self.set_header("Content-Type", "text/javascript")
            self.set_header("Cache-Control", "no-store")
            self.write(OVERLAY_JS)

    class PreviewServer(Server):  # type: ignore[misc]
        def get_web_handlers(self, script: bytes) -> list[Any]:
            own = [
                (r"/__ladderpress/status", StatusHandler),
                (r"/__ladderpress/overlay.js", OverlayHandler),
            ]
            return own + list(super().get_web_handlers(script))

    return PreviewServer


def update_now(cache: BuildCache, out: Path, edited: list[Path], state: PreviewState) -> bool:
    """The pages of edited framework files, written at once; False if it must wait."""
    if cache.live is None or state.has_problems():
        return False  # the full rebuild reports problems and recovers
    start = time.perf_counter()
    try:
        written = update_edited(cache.live, cache, out, edited)
    except InputError:
        return False  # e.g. a template failing on the new data: the full rebuild says so
    if written:
        names = ", ".join(path.name for path in edited)
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
    cache = BuildCache()
    state = PreviewState()
    watched = [
        config.frameworks_dir,
        config.theme_dir,
        config.root / CONFIG_NAME,
        config.static_dir,
    ]
    watcher = SiteWatcher(
        watched,
        on_edit=lambda edited: update_now(cache, out, edited, state),
        on_quiet=lambda: rebuild(load_config, out, cache, state),
    )
    if not rebuild(load_config, out, cache, state) and not out.is_dir():
        return 1
    port = port or free_port(host)
    server = _server_class(state)(watcher=watcher)
    url = f"http://{host}:{port}/"
    print(f"Serving {out} at {url} (Ctrl+C to stop)", flush=True)
    if open_browser:
        webbrowser.open(url)
    server.serve(host=host, port=port, root=str(out), open_url_delay=None, restart_delay=0)
    return 0
