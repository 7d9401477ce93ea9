"""Checksums of a folder as a user would take them before and after a build."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def checksums(folder: Path) -> dict[str, str]:
    """Every file and link below `folder` (links recorded, never followed)."""
    found: dict[str, str] = {}
    for parent, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(parent, name)
            key = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found[key] = "link to " + os.readlink(path)
            elif path.is_file():
                found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def no_traceback(text: str) -> bool:
    return "Traceback" not in text
