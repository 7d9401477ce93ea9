"""Where the default theme and the schema live, installed or in a source checkout."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # the package


def _find(name: str) -> Path:
    # A wheel carries the folder inside the package; a source checkout keeps it at the top.
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"ladderpress installation is missing its {name}/ folder")


def default_theme_dir() -> Path:
    return _find("theme")


def schema_dir() -> Path:
    return _find("schema")


@cache
def load_schema(name: str) -> dict[str, Any]:
    with (schema_dir() / name).open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema
