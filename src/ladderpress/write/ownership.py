"""What in the output folder the build wrote itself, and may therefore replace.

The manifest records, for every file of the site, the digest of the bytes written and the
size and modification time the file had right after. A file counts as the build's own
only while it is still a regular file at that path with that size and time (or, when
those differ, the same bytes): a manifest copied or written by hand can name a user's
file, but not make its content match. Everything else in the output folder is the user's:
kept where the new site has no file of that name, never overwritten, never read through a
symbolic link.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".ladderpress-manifest.json"
# The build's own bookkeeping (manifest, state, a half-written temporary file): never
# part of the site and never the user's.
BOOKKEEPING_PREFIX = ".ladderpress-"
MANIFEST_FORMAT = 2


@dataclass(frozen=True)
class Written:
    """One file as the build left it."""

    digest: str
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class PreviousOutput:
    """The previous build's files that are still exactly as it wrote them."""

    files: dict[str, Written]
    # In the manifest but missing, edited, or replaced (by a link, say) since.
    damaged: tuple[str, ...] = ()
    had_manifest: bool = False

    @property
    def digests(self) -> dict[str, str]:
        return {name: entry.digest for name, entry in self.files.items()}


@dataclass
class Survey:
    """What the output folder holds besides the previous build's own files."""

    foreign: list[str] = field(default_factory=list)  # the user's regular files
    empty_folders: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # symbolic links, never followed
    special: list[str] = field(default_factory=list)  # sockets, pipes, devices


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def record(path: Path, digest: str) -> Written:
    """The entry for a file just written (or linked) at `path`."""
    info = os.lstat(path)
    return Written(digest, info.st_size, info.st_mtime_ns)


def _entry(value: object) -> Written | None:
    if isinstance(value, str):  # a manifest of format 1 kept only digests
        return Written(value, -1, -1)
    if (
        isinstance(value, list)
        and len(value) == 3
        and isinstance(value[0], str)
        and all(type(part) is int for part in value[1:])
    ):
        return Written(value[0], value[1], value[2])
    return None


def load_manifest(out: Path) -> dict[str, Written] | None:
    """The manifest's entries as recorded, or None when there is none that can be read."""
    try:
        data = json.loads((out / MANIFEST).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    files = data.get("files") if data.get("format") == MANIFEST_FORMAT else data
    if not isinstance(files, dict):
        return None
    entries: dict[str, Written] = {}
    for name, value in files.items():
        entry = _entry(value)
        if entry is None or not isinstance(name, str) or not _plain_relative(name):
            return None  # not a manifest this build could have written
        entries[name] = entry
    return entries


def manifest_bytes(entries: dict[str, Written]) -> bytes:
    files = {name: [e.digest, e.size, e.mtime_ns] for name, e in entries.items()}
    record = {"format": MANIFEST_FORMAT, "files": files}
    return json.dumps(record, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _plain_relative(name: str) -> bool:
    # No empty, "." or ".." part: tested on the string, as this runs once per file.
    framed = f"/{name}/"
    return bool(name) and "//" not in framed and "/./" not in framed and "/../" not in framed


def _same_bytes(path: str, digest: str) -> bool:
    sha = hashlib.sha256()
    try:
        # O_NOFOLLOW: the last part of the path is checked to be no link just before.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    with os.fdopen(handle, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest() == digest


def previous_output(out: Path) -> PreviousOutput:
    """Which of the manifest's files are still in the output folder as written.

    One lstat per file and per folder: this is most of the work of a build that finds
    nothing to do, so it stays lean. Bytes are read only for files whose size or time
    changed (a copy, a touch, a manifest of format 1).
    """
    entries = load_manifest(out)
    if entries is None:
        return PreviousOutput({})
    prefix = str(out) + os.sep
    lookup = os.lstat
    sound_folders: dict[str, bool] = {"": True}
    intact: dict[str, Written] = {}
    damaged: list[str] = []
    for name, entry in entries.items():
        folder = name.rpartition("/")[0]
        if not _folder_sound(prefix, folder, sound_folders):
            damaged.append(name)
            continue
        try:
            info = lookup(prefix + name)
        except OSError:
            damaged.append(name)
            continue
        if not stat.S_ISREG(info.st_mode):
            damaged.append(name)
        elif info.st_size == entry.size and info.st_mtime_ns == entry.mtime_ns:
            intact[name] = entry
        elif _same_bytes(prefix + name, entry.digest):
            intact[name] = Written(entry.digest, info.st_size, info.st_mtime_ns)
        else:
            damaged.append(name)
    return PreviousOutput(intact, tuple(damaged), had_manifest=True)


def _folder_sound(prefix: str, folder: str, known: dict[str, bool]) -> bool:
    """Whether every folder on the way to a file is a real folder, not a link."""
    if folder in known:
        return known[folder]
    parent = folder.rpartition("/")[0]
    sound = _folder_sound(prefix, parent, known)
    if sound:
        try:
            sound = stat.S_ISDIR(os.lstat(prefix + folder).st_mode)
        except OSError:
            sound = False
    known[folder] = sound
    return sound


def no_links_on_way(out: Path, name: str) -> bool:
    """Whether every folder from `out` to the file `name` is a real folder, or not yet made."""
    path = out
    for part in name.split("/")[:-1]:
        path = path / part
        if path.is_symlink():
            return False
    return True


def survey(out: Path, previous: PreviousOutput) -> Survey:
    """Walk the output folder without following links: everything not the build's own."""
    found = Survey()
    ours = previous.files.keys() | set(previous.damaged)
    pending = [("", str(out))]
    while pending:
        relative, folder = pending.pop()
        empty = True
        with os.scandir(folder) as entries:
            for entry in entries:
                empty = False
                name = f"{relative}{entry.name}"
                if entry.name.startswith(BOOKKEEPING_PREFIX):
                    continue
                if entry.is_symlink():
                    found.links.append(name)
                elif entry.is_dir(follow_symlinks=False):
                    pending.append((name + "/", entry.path))
                elif entry.is_file(follow_symlinks=False):
                    if name not in ours:
                        found.foreign.append(name)
                else:
                    found.special.append(name)
        if relative and empty:
            found.empty_folders.append(relative.rstrip("/"))
    for names in (found.foreign, found.empty_folders, found.links, found.special):
        names.sort()
    return found


def in_brief(names: list[str], most: int = 5) -> str:
    """A few names for a message; a folder of several files stands for all of them."""
    groups: dict[str, list[str]] = {}
    for name in names:
        top, _, rest = name.partition("/")
        groups.setdefault(f"{top}/" if rest else top, []).append(name)
    shown = [
        f"{key} ({len(members)} files)" if len(members) > 1 else members[0]
        for key, members in list(groups.items())[:most]
    ]
    more = len(groups) - most
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def overlap(out: Path, root: Path, inputs: list[Path]) -> str | None:
    """Why `out` cannot be the output folder of the site at `root`, if it cannot.

    Replacing the output folder must never touch an input, and an output inside a folder
    that the build reads (or that serve watches) would feed each build into the next.
    """
    out = out.resolve()
    for path in [root, *inputs]:
        path = path.resolve()
        if out == path:
            return f"the output folder {out} is the site's own {path.name}"
        if out in path.parents:
            return f"the output folder {out} holds the site's own files ({path})"
    for path in inputs:
        path = path.resolve()
        if path in out.parents and path != root.resolve():
            return f"the output folder {out} is inside {path}, which the build reads"
    return None
