"""How a file is named in messages: relative to the working folder when it is inside."""

from __future__ import annotations

from pathlib import Path


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):  # outside it, or the working folder was deleted
        return str(path)
