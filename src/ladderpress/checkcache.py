"""Framework files checked by an earlier build, so that a build checks only what changed.

An entry is named by a digest of the file's bytes, the path problems name it by, and the
running code (state.code_identity): a change to any of them misses. It holds the file's
data as it passed every check, its statements' HTML and its warnings, so that a hit
skips parsing, the schema, the lints and Markdown.

Entries live in the user's cache folder, never in the site or its output: nothing a
repository holds can stand in for a check, since a crafted entry would skip validation.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from contextlib import suppress
from pathlib import Path
from typing import Any

from .model import Framework, build_framework
from .problems import Problem, Severity
from .state import code_identity

FORMAT = 1
UNUSED_FOR = 30 * 24 * 3600  # seconds; entries not used for this long are removed


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "ladderpress" / "checks"


def _entry(shown: str, digest: str) -> Path:
    name = hashlib.sha256(f"{FORMAT}\0{code_identity()}\0{shown}\0{digest}".encode())
    return cache_dir() / f"{name.hexdigest()}.json"


def lookup(slug: str, shown: str, digest: str) -> tuple[Framework, list[Problem]] | None:
    """The framework and warnings kept for this content, or None (never an error)."""
    entry = _entry(shown, digest)
    try:
        kept = json.loads(entry.read_bytes())
        html: dict[str, str] = kept["html"]
        framework = build_framework(slug, shown, kept["data"], html.get)
        problems = [
            Problem(path, line, col, Severity(severity), message, rule)
            for path, line, col, severity, message, rule in kept["problems"]
        ]
        os.utime(entry)  # in use: see prune()
    except Exception:  # missing, unreadable, or not what this code writes: check the file
        return None
    return framework, problems


def keep(shown: str, digest: str, data: Any, framework: Framework, problems: list[Problem]) -> None:
    """Remember a file that passed; best effort (a read-only home only costs speed)."""
    html = {s.text: s.rendered for s in framework.statements() if s.rendered is not None}
    rows = [[p.path, p.line, p.col, p.severity.value, p.message, p.rule] for p in problems]
    entry = _entry(shown, digest)
    partial = entry.with_name(f".{entry.name}.{os.getpid()}")
    try:
        text = json.dumps({"data": data, "html": html, "problems": rows}, ensure_ascii=False)
        if json.loads(text)["data"] != data:
            return  # JSON would change it (a number as a key, say): check it every time
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(text, "utf-8")
        os.replace(partial, entry)  # whole or not at all, also with parallel builds
    except (OSError, TypeError, ValueError):
        with suppress(OSError):
            partial.unlink(missing_ok=True)


def prune(now: float | None = None) -> None:
    """Remove entries no build used for UNUSED_FOR: each edit of a file leaves one."""
    limit = (now or time.time()) - UNUSED_FOR
    with suppress(OSError), os.scandir(cache_dir()) as found:
        for item in found:
            if item.stat().st_mtime < limit:
                Path(item.path).unlink(missing_ok=True)
