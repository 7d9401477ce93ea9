"""Helpers for tests in a real headless Chromium: a static server and a browser launcher."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    found = (
        os.environ.get("LADDERPRESS_CHROMIUM")
        or next((p for p in CHROMIUM_CANDIDATES if Path(p).exists()), None)
        or shutil.which("chromium")
    )
    if not found:
        message = "Chromium is not installed; './dev test' installs it (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_folder(folder: Path, prefix: str = "") -> Iterator[str]:
    """Serve `folder` on loopback, optionally under a sub-path; yield the base URL."""
    root = folder
    if prefix:
        root = folder.parent / f"{folder.name}-served"
        (root / prefix).parent.mkdir(parents=True, exist_ok=True)
        if not (root / prefix).exists():
            (root / prefix).symlink_to(folder, target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        yield base + (prefix.strip("/") + "/" if prefix else "")
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def launched_chromium() -> Iterator[object]:
    """Debian's Chromium under Playwright, with the flags this machine's network needs."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
