"""The benchmark corpus written as YAML by hand: no dependency, stable output, and every
string double-quoted."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

_PLAIN_KEY = re.compile(r"^[a-z][a-z0-9_-]*$")
_YAML_SPECIAL = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    return json.dumps(value, ensure_ascii=False)


def _key(key: str) -> str:
    return key if _PLAIN_KEY.match(key) and key not in _YAML_SPECIAL else json.dumps(key)


def _emit(value: Any, indent: int) -> Iterator[str]:
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict | list) and item:
                yield f"{pad}{_key(key)}:"
                yield from _emit(item, indent + 2)
            else:
                yield f"{pad}{_key(key)}: {_scalar(item)}"
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                lines = list(_emit(item, indent + 2))
                yield f"{pad}- {lines[0].lstrip()}"
                yield from lines[1:]
            elif isinstance(item, list):
                yield f"{pad}-"
                yield from _emit(item, indent + 2)
            else:
                yield f"{pad}- {_scalar(item)}"
    else:
        yield f"{pad}{_scalar(value)}"


def to_yaml(data: dict[str, Any], comment: str = "") -> str:
    header = ["# yaml-language-server: $schema=../schema/framework.schema.json"]
    if comment:
        header.append(f"# {comment}")
    return "\n".join([*header, *_emit(data, 0)]) + "\n"
