"""Preview server: build, serve on loopback, rebuild on change, reload the browser."""

from __future__ import annotations

import socket
import sys
import webbrowser
from pathlib import Path

from .build import build
from .config import SiteConfig
from .problems import InputError, format_text


def free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def _rebuild(config: SiteConfig, out: Path) -> bool:
    try:
        report = build(config, out=out)
    except InputError as exc:
        for problem in exc.problems:
            print(format_text(problem), file=sys.stderr)
        print("Build failed; still serving the last good site.", file=sys.stderr, flush=True)
        return False
    print(report.summary(out), flush=True)
    return True


def serve(
    config: SiteConfig, *, host: str, port: int, out: Path | None = None, open_browser: bool = False
) -> int:
    from livereload import Server

    out = (out or config.output_dir).resolve()
    if not _rebuild(config, out) and not out.is_dir():
        return 1
    port = port or free_port(host)
    server = Server()
    watched = [
        config.frameworks_dir,
        config.theme_dir,
        config.root / "ladderpress.yaml",
        config.static_dir,
    ]
    for path in watched:
        server.watch(str(path), lambda: _rebuild(config, out), delay=0.3)
    url = f"http://{host}:{port}/"
    print(f"Serving {out} at {url} (Ctrl+C to stop)", flush=True)
    if open_browser:
        webbrowser.open(url)
    server.serve(host=host, port=port, root=str(out), open_url_delay=None, restart_delay=0)
    return 0
