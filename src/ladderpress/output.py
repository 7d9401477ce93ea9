"""Write the built site atomically, leaving unchanged files untouched.

The new site is assembled in a staging folder next to the output: unchanged files are
hard-linked from the previous output (same inode, same mtime, so deploy tools skip them),
changed ones are written fresh. Only then is the staging folder swapped in. A build that
fails or is killed before the swap leaves the previous output exactly as it was. A large
previous site is removed in the background after the swap, so the build ends sooner.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .problems import InputError, error

MANIFEST = ".ladderpress-manifest.json"
STAGING_SUFFIX = ".ladderpress-new"
RETIRED_SUFFIX = ".ladderpress-old"
# Files in the previous site from which it is removed in the background once replaced:
# one folder per page makes removing 100,000 files take seconds.
REMOVE_IN_BACKGROUND_FROM = 5000


@dataclass(frozen=True)
class WriteReport:
    written: int
    unchanged: int
    removed: int


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _safe_relative(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ValueError(f"refusing to write outside the output folder: {name!r}")
    return path


def _read_manifest(out: Path) -> dict[str, str] | None:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _recover(out: Path) -> None:
    """Finish or undo a swap that a killed build left half-done."""
    retired = out.with_name(out.name + RETIRED_SUFFIX)
    if retired.exists() and not out.exists():
        retired.rename(out)
    elif retired.exists():
        shutil.rmtree(retired, ignore_errors=True)
    staging = out.with_name(out.name + STAGING_SUFFIX)
    if staging.exists():
        shutil.rmtree(staging, ignore_errors=True)
    # Previous sites a background removal did not finish (the machine stopped, say).
    for doomed in out.parent.glob(glob.escape(out.name + RETIRED_SUFFIX) + "-*"):
        if doomed.is_dir():
            _remove_in_background(doomed)


def _check_ownership(out: Path) -> dict[str, str]:
    if not out.exists():
        return {}
    if not out.is_dir():
        raise InputError(
            [error(str(out), 1, 1, "output path exists and is not a folder", "output")]
        )
    manifest = _read_manifest(out)
    if manifest is None:
        if any(out.iterdir()):
            raise InputError(
                [
                    error(
                        str(out),
                        1,
                        1,
                        "output folder is not empty and was not made by ladderpress; "
                        "choose another --out or empty it first",
                        "output",
                    )
                ]
            )
        return {}
    return manifest


def read_manifest(out: Path) -> dict[str, str]:
    """The content hash of every file of the previous build, by site path."""
    return _read_manifest(out.resolve()) or {}


def write_site(
    out: Path,
    files: Iterable[tuple[str, bytes | None]],
    *,
    clean: bool = False,
    extra: Callable[[], Mapping[str, bytes]] | None = None,
) -> WriteReport:
    """Replace the output folder's content with `files`, streamed as (site path, bytes).

    `None` instead of bytes means "unchanged since the previous build": that file is kept.
    Files are written to the staging folder as they come, so memory stays flat however
    large the site; the first file given for a path wins.

    `extra` gives bookkeeping files that describe the site (not part of it, not in the
    manifest); it is called once every file has been written, and its files replace the
    output folder's together with the site, or on their own when the site is unchanged.
    """
    out = out.resolve()
    _recover(out)
    old = _check_ownership(out)
    staging = out.with_name(out.name + STAGING_SUFFIX)
    staging.mkdir(parents=True)
    digests: dict[str, str] = {}
    folders: set[Path] = set()
    written = 0
    try:
        for name, data in files:
            if name in digests:
                continue
            target = staging / _safe_relative(name)
            if target.parent not in folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            previous = out / name
            if data is None:
                digests[name] = old[name]
                _link_or_copy(previous, target)
                continue
            digest = _digest(data)
            digests[name] = digest
            if not clean and old.get(name) == digest and previous.is_file():
                _link_or_copy(previous, target)
            else:
                target.write_bytes(data)
                written += 1
        removed = [n for n in old if n not in digests]
        if not written and not removed and out.exists():
            shutil.rmtree(staging, ignore_errors=True)  # nothing changed: keep the folder as is
            # The site is what the bookkeeping now describes, so it can be replaced alone.
            for name, data in (extra() if extra else {}).items():
                _replace_file(out / name, data)
            return WriteReport(0, len(digests), 0)
        (staging / MANIFEST).write_text(json.dumps(digests, sort_keys=True), encoding="utf-8")
        for name, data in (extra() if extra else {}).items():
            (staging / name).write_bytes(data)
        _swap(staging, out, len(old))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return WriteReport(written, len(digests) - written, len(removed))


def _replace_file(target: Path, data: bytes) -> None:
    partial = target.with_name(target.name + STAGING_SUFFIX)
    try:
        partial.write_bytes(data)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # file systems without hard links
        shutil.copy2(source, target)


def _swap(staging: Path, out: Path, old_files: int) -> None:
    retired = out.with_name(out.name + RETIRED_SUFFIX)
    if out.exists():
        out.rename(retired)
    staging.rename(out)
    if old_files >= REMOVE_IN_BACKGROUND_FROM and retired.exists():
        # A name of its own: the next build may start before the removal ends.
        doomed = retired.with_name(f"{retired.name}-{os.getpid()}-{time.monotonic_ns()}")
        with suppress(OSError):  # the new site is in place: a failure here only costs time
            retired.rename(doomed)
            _remove_in_background(doomed)
            return
    shutil.rmtree(retired, ignore_errors=True)


def _remove_in_background(folder: Path) -> None:
    """Remove a folder in a process of its own that the build does not wait for (here,
    if that process cannot start)."""
    try:
        subprocess.Popen(
            [sys.executable, "-c", _REMOVE, str(folder)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # outlives the build, and a Ctrl-C in its terminal
        )
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


_REMOVE = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"
