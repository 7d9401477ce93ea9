"""A built site as tests compare it: every file with its inode and bytes."""

from __future__ import annotations

from pathlib import Path


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Each file by site path: (inode, bytes), so a test can tell rewritten from kept."""
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_ino, p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
