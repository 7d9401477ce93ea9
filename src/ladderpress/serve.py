"""Preview server: build, serve on loopback, rebuild what changed, reload the browser.

A broken edit keeps the last good site on screen and shows its problems over the page
(and in the terminal) until the file is fixed.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
import time
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .build import build
from .config import CONFIG_NAME, SiteConfig
from .incremental import BuildCache
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

    def set(self, problems: list[Problem]) -> None:
        with self.lock:
            self.problems = [format_text(p) for p in problems]

    def as_json(self) -> str:
        with self.lock:
            return json.dumps({"problems": self.problems})


QUIET_SECONDS = 0.25


def snapshot(paths: list[Path]) -> tuple[tuple[str, int, int], ...]:
    """Every watched file with its modification time and size."""
    found = []
    for root in paths:
        files = [root] if root.is_file() else sorted(root.rglob("*")) if root.is_dir() else []
        for file in files:
            try:
                stat = file.stat()
            except OSError:
                continue
            found.append((str(file), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


class Debouncer:
    """Turns a burst of saves into one rebuild: wait for quiet, skip what was built."""

    def __init__(self, paths: list[Path], action: Callable[[], object]) -> None:
        self.paths = paths
        self.action = action
        self.built: tuple[tuple[str, int, int], ...] | None = None

    def __call__(self) -> None:
        current = snapshot(self.paths)
        while True:
            time.sleep(QUIET_SECONDS)
            latest = snapshot(self.paths)
            if latest == current:
                break
            current = latest
        if current != self.built:
            self.built = current
            self.action()


def free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def rebuild(
    load_config: Callable[[], SiteConfig], out: Path, cache: BuildCache, state: PreviewState
) -> bool:
    """Build once; on failure report, keep the previous output, and tell the overlay."""
    rendered, reused = cache.rendered, cache.reused
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
    debounced = Debouncer(watched, lambda: rebuild(load_config, out, cache, state))
    debounced.built = snapshot(watched)
    if not rebuild(load_config, out, cache, state) and not out.is_dir():
        return 1
    port = port or free_port(host)
    server = _server_class(state)()
    for path in watched:
        server.watch(str(path), debounced, delay=0)
    url = f"http://{host}:{port}/"
    print(f"Serving {out} at {url} (Ctrl+C to stop)", flush=True)
    if open_browser:
        webbrowser.open(url)
    server.serve(host=host, port=port, root=str(out), open_url_delay=None, restart_delay=0)
    return 0
