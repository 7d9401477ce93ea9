"""The files of a folder import: walked without following links, bounded by the caller."""

from __future__ import annotations

from pathlib import Path

# Folders that hold built or installed copies, never a ladder's own sources.
SKIPPED_FOLDERS = frozenset({"node_modules", "vendor", "public", "dist", "build", "_site"})


def member_files(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """Every file under `folder` with one of the `suffixes` (lowercase), sorted by path,
    leaving out hidden folders and those that hold built or installed copies."""
    found: list[Path] = []
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            entries = sorted(current.iterdir())
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_symlink():
                continue  # a link may lead out of the folder, or round in a loop
            if entry.is_dir():
                if entry.name not in SKIPPED_FOLDERS:
                    stack.append(entry)
            elif entry.suffix.lower() in suffixes:
                found.append(entry)
    return sorted(found)
