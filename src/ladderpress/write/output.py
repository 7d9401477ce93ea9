"""Write the built site atomically, leaving unchanged files untouched.

The new site is assembled in a staging folder next to the output: unchanged files are
hard-linked from the previous output (same inode, same mtime, so deploy tools skip them),
changed ones are written fresh. Only then is the staging folder swapped in. A build that
fails or is killed before the swap leaves the previous output exactly as it was. A large
previous site is removed in the background after the swap, so the build ends sooner.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ladderpress.core.problems import InputError, error
from ladderpress.write.ownership import (
    MANIFEST,
    PreviousOutput,
    Survey,
    Written,
    digest_of,
    in_brief,
    manifest_bytes,
    no_links_on_way,
    overlap,
    previous_output,
    record,
    survey,
)

__all__ = ["MANIFEST", "WriteReport", "check_location", "recover", "write_site"]

STAGING_SUFFIX = ".ladderpress-new"
RETIRED_SUFFIX = ".ladderpress-old"
# Where a page edited by hand in the output is kept when the build puts its own back.
EDITED_SUFFIX = ".ladderpress-edited"
# Files in the previous site from which it is removed in the background once replaced:
# one folder per page makes removing 100,000 files take seconds.
REMOVE_IN_BACKGROUND_FROM = 5000


@dataclass(frozen=True)
class WriteReport:
    written: int
    unchanged: int
    removed: int
    kept: tuple[str, ...] = ()  # the user's files, left in the output
    repaired: tuple[str, ...] = ()  # the build's files, edited or replaced by hand
    unlinked: tuple[str, ...] = ()  # symbolic links taken out (what they point to stays)
    edited_copies: str | None = None  # where the edited versions of repaired files went

    def notes(self) -> list[str]:
        notes = []
        if self.kept:
            notes.append(
                f"kept {len(self.kept)} file(s) in the output that ladderpress did not write: "
                f"{in_brief(list(self.kept))}; files to publish belong in static/"
            )
        if self.repaired:
            copies = self.edited_copies
            where = f" (the edited versions are in {copies})" if copies else ""
            notes.append(
                f"repaired {len(self.repaired)} file(s) changed by hand since the last build"
                f"{where}: {in_brief(list(self.repaired))}; change the theme instead"
            )
        if self.unlinked:
            notes.append(
                f"took {len(self.unlinked)} symbolic link(s) out of the output, leaving what "
                f"they point to untouched: {in_brief(list(self.unlinked))}"
            )
        return notes


def _safe_relative(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ValueError(f"refusing to write outside the output folder: {name!r}")
    return path


def recover(out: Path) -> bool:
    """Finish or undo a swap that a killed build left half-done; whether the previous site
    was put back in place."""
    restored = False
    retired = out.with_name(out.name + RETIRED_SUFFIX)
    if retired.exists() and not out.exists():
        retired.rename(out)
        restored = True
    elif retired.exists():
        shutil.rmtree(retired, ignore_errors=True)
    staging = out.with_name(out.name + STAGING_SUFFIX)
    if staging.exists():
        shutil.rmtree(staging, ignore_errors=True)
    # Previous sites a background removal did not finish (the machine stopped, say).
    for doomed in out.parent.glob(glob.escape(out.name + RETIRED_SUFFIX) + "-*"):
        if doomed.is_dir():
            _remove_in_background(doomed)
    return restored


def _refuse(out: Path, message: str) -> InputError:
    return InputError([error(str(out), 1, 1, message, "output")])


def _previous(out: Path, known: PreviousOutput | None) -> PreviousOutput:
    if out.is_symlink() and not out.exists():
        raise _refuse(out, "the output folder is a symbolic link to nothing; remove it")
    if not out.exists():
        return PreviousOutput({})
    if not out.is_dir():
        raise _refuse(out, "output path exists and is not a folder")
    previous = known if known is not None else previous_output(out)
    if not previous.had_manifest and any(out.iterdir()):
        raise _refuse(
            out,
            "output folder is not empty and was not made by ladderpress; "
            "choose another --out or empty it first",
        )
    return previous


def check_location(out: Path, root: Path, inputs: Sequence[Path]) -> None:
    """Refuse an output folder that holds the site, or lies inside what the build reads."""
    reason = overlap(out, root, list(inputs))
    if reason:
        raise _refuse(out, reason + "; choose an output folder outside the site's inputs")


def write_site(
    out: Path,
    files: Iterable[tuple[str, bytes | None]],
    *,
    clean: bool = False,
    extra: Callable[[], Mapping[str, bytes]] | None = None,
    root: Path | None = None,
    inputs: Sequence[Path] = (),
    previous: PreviousOutput | None = None,
) -> WriteReport:
    """Replace the output folder's content with `files`, streamed as (site path, bytes).

    `None` instead of bytes means "unchanged since the previous build": that file is kept.
    Files are written to the staging folder as they come, so memory stays flat however
    large the site; the first file given for a path wins.

    `extra` gives bookkeeping files that describe the site (not part of it, not in the
    manifest); it is called once every file has been written, and its files replace the
    output folder's together with the site, or on their own when the site is unchanged.

    Only files the previous build wrote (ownership.py) are replaced or removed. The
    user's files stay; one where the new site has a file of its own stops the build.
    `root` and `inputs` are the site and what the build reads: the output may not hold
    them nor lie inside what it reads. `previous`: ownership.previous_output of `out`, if
    the caller looked already (a build does when it starts).
    """
    out = out.resolve()
    if root is not None:
        check_location(out, root, inputs)
    if recover(out):
        previous = None  # what the caller saw was from before the site was put back
    previous = _previous(out, previous)
    old = previous.files
    found = survey(out, previous) if out.is_dir() else Survey()
    if found.special:
        raise _refuse(
            out,
            f"the output folder holds {in_brief(found.special)}, which is neither a file nor "
            "a folder; move it elsewhere",
        )
    foreign = set(found.foreign)
    staging = out.with_name(out.name + STAGING_SUFFIX)
    staging.mkdir(parents=True)
    written_files: dict[str, Written] = {}
    folders: set[Path] = set()
    written = 0
    try:
        for name, data in files:
            if name in written_files:
                continue
            if name in foreign:
                raise _refuse(
                    out / name,
                    "this file was not written by ladderpress and the site now has a file "
                    "of that name; move it away (files to publish belong in static/)",
                )
            target = staging / _safe_relative(name)
            if target.parent not in folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            previous_file = out / name
            digest = old[name].digest if data is None else digest_of(data)
            if data is None or (not clean and name in old and old[name].digest == digest):
                _link_or_copy(previous_file, target)
            else:
                target.write_bytes(data)
                written += 1
            written_files[name] = record(target, digest)
        removed = [n for n in old if n not in written_files]
        changed = [
            n
            for n in previous.damaged
            if _exists(out / n) and not (out / n).is_symlink() and no_links_on_way(out, n)
        ]
        # A file of the build's changed by hand is the user's now, unless the site needs
        # its name back (then it is repaired, and the edited version kept beside).
        repaired = tuple(n for n in changed if n in written_files)
        found.foreign = sorted({*found.foreign, *(n for n in changed if n not in written_files)})
        unchanged_site = not written and not removed and not previous.damaged and not found.links
        if unchanged_site and out.exists():
            shutil.rmtree(staging, ignore_errors=True)  # nothing changed: keep the folder as is
            # The site is what the bookkeeping now describes, so it can be replaced alone.
            for name, data in (extra() if extra else {}).items():
                _replace_file(out / name, data)
            return WriteReport(0, len(written_files), 0, kept=tuple(found.foreign))
        _carry_over(out, staging, found)
        copies = _keep_edited(out, list(repaired))
        (staging / MANIFEST).write_bytes(manifest_bytes(written_files))
        for name, data in (extra() if extra else {}).items():
            (staging / name).write_bytes(data)
        _swap(staging, out, len(old))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return WriteReport(
        written,
        len(written_files) - written,
        len(removed),
        kept=tuple(found.foreign),
        repaired=repaired,
        unlinked=tuple(found.links),
        edited_copies=str(copies) if copies else None,
    )


def _exists(path: Path) -> bool:
    return path.is_symlink() or path.exists()


def _carry_over(out: Path, staging: Path, found: Survey) -> None:
    """The user's files and folders, into the new site at the same paths."""
    for name in found.empty_folders:
        (staging / name).mkdir(parents=True, exist_ok=True)
    for name in found.foreign:
        target = staging / name
        target.parent.mkdir(parents=True, exist_ok=True)
        _link_or_copy(out / name, target)


def _keep_edited(out: Path, names: list[str]) -> Path | None:
    """Hand-edited copies of the build's files, kept beside the output before repair."""
    if not names:
        return None
    folder = out.with_name(out.name + EDITED_SUFFIX) / time.strftime("%Y%m%d-%H%M%S")
    for name in names:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        _link_or_copy(out / name, target)
    return folder


def _replace_file(target: Path, data: bytes) -> None:
    partial = target.with_name(target.name + STAGING_SUFFIX)
    try:
        partial.write_bytes(data)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _link_or_copy(source: Path, target: Path) -> None:
    # Never through a link: os.link links a link itself (Linux), copy2 is told not to follow.
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:  # file systems without hard links
        shutil.copy2(source, target, follow_symlinks=False)


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
