"""Fingerprints of the running code: what ladderpress is, as caches that outlive a process
(page keys, checks kept between builds) must know it."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import stat
import sys
from functools import cache
from pathlib import Path

from ladderpress import __version__

# Their versions change the HTML, the exports or the search index.
_DEPENDENCIES = ("jinja2", "markupsafe", "markdown-it-py", "pyyaml", "pagefind", "pagefind-bin")
PACKAGE_DIR = Path(__file__).resolve().parent.parent  # the package

Entry = tuple[str, int, int, int]  # path, st_mtime_ns, st_size, st_ino


def walk_files(root: str, found: list[Entry], seen: set[tuple[int, int]]) -> None:
    try:
        info = os.stat(root)
    except OSError:
        return
    if stat.S_ISREG(info.st_mode):
        found.append((root, info.st_mtime_ns, info.st_size, info.st_ino))
        return
    if not stat.S_ISDIR(info.st_mode) or (info.st_dev, info.st_ino) in seen:
        return
    seen.add((info.st_dev, info.st_ino))  # a symlink loop must not recurse forever
    try:
        names = sorted(os.listdir(root))
    except OSError:
        return
    for name in names:
        if name != "__pycache__":
            walk_files(os.path.join(root, name), found, seen)


def _versions() -> dict[str, str]:
    found = {}
    for name in _DEPENDENCIES:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = ""
    return found


@cache
def code_identity() -> str:
    """The running ladderpress and what it depends on; part of every page's cache key.

    Read once per process, close to when the code was imported, so that an edit made to
    the package while a server runs does not claim to be what that server runs.
    """
    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0".encode())
    digest.update(json.dumps(_versions(), sort_keys=True).encode())
    files: list[Entry] = []
    walk_files(str(PACKAGE_DIR), files, set())
    for path, *_ in files:
        digest.update(os.path.relpath(path, PACKAGE_DIR).encode() + b"\0")
        try:
            digest.update(hashlib.sha256(Path(path).read_bytes()).digest())
        except OSError:
            digest.update(b"unreadable")
    return digest.hexdigest()
