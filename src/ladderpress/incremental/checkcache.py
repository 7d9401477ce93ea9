"""Framework files checked by an earlier build, so that a build checks only what changed.

An entry is named by a digest of the file's bytes, the path problems name it by, and the
running code (core/fingerprints.py): a change to any of them misses. It holds the file's
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

from ladderpress.check.semantics import check_semantics
from ladderpress.core.build_model import Render, build_framework
from ladderpress.core.fingerprints import code_identity
from ladderpress.core.markdown import statement_html
from ladderpress.core.model import Framework
from ladderpress.core.problems import Problem, Severity
from ladderpress.incremental.jsonshape import shape_check
from ladderpress.load.document import Document

FORMAT = 1
FRAMEWORK_SCHEMA = "framework.schema.json"  # what the kept data passed
UNUSED_FOR = 30 * 24 * 3600  # seconds; entries not used for this long are removed


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME", "")
    # The XDG spec calls a relative path invalid; honouring one would put the entries in
    # whatever folder the build runs from, a repository's checkout for one.
    if not os.path.isabs(base):
        base = str(Path.home() / ".cache")
    return Path(base) / "ladderpress" / "checks"


def _rows_fit(rows: Any) -> bool:
    """Whether kept problems are rows of path, line, column, severity, message, rule."""
    severities = {severity.value for severity in Severity}
    return isinstance(rows, list) and all(
        isinstance(row, list)
        and len(row) == 6
        and all(isinstance(row[i], str) for i in (0, 4, 5))
        and all(isinstance(row[i], int) and not isinstance(row[i], bool) for i in (1, 2))
        and row[3] in severities
        for row in rows
    )


def _fits(kept: Any) -> bool:
    """Whether an entry has the shape keep() writes, down to the framework's data: the
    model takes it as checked, so a wrong type anywhere would fail far from here."""
    return (
        isinstance(kept, dict)
        and kept.keys() == {"data", "html", "problems"}
        and isinstance(kept["html"], dict)
        and all(isinstance(html, str) for html in kept["html"].values())
        and _rows_fit(kept["problems"])
        and isinstance(kept["data"], dict)
        and shape_check(FRAMEWORK_SCHEMA)(kept["data"])
        # Ids that name what is not there are of the right type but fail as surely.
        and not any(p.is_error for p in check_semantics(Document("", kept["data"])))
    )


def _kept_html(html: dict[str, str]) -> Render:
    """Statements' HTML as kept; a text without any is rendered again, not trusted to be
    plain (it would go into pages as HTML as it is)."""

    def render(text: str) -> str | None:
        if text in html:
            return html[text]
        return statement_html(text)  # prose costs a pattern match, not the parser

    return render


def _entry(shown: str, digest: str) -> Path:
    name = hashlib.sha256(f"{FORMAT}\0{code_identity()}\0{shown}\0{digest}".encode())
    return cache_dir() / f"{name.hexdigest()}.json"


def lookup(slug: str, shown: str, digest: str) -> tuple[Framework, list[Problem]] | None:
    """The framework and warnings kept for this content, or None (never an error)."""
    entry = _entry(shown, digest)
    try:
        kept = json.loads(entry.read_bytes())
        if not _fits(kept):
            return None
        framework = build_framework(slug, shown, kept["data"], _kept_html(kept["html"]))
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


class KeptChecks:
    """The check store (check.files.CheckStore) this module keeps in the user's cache."""

    def lookup(self, slug: str, shown: str, digest: str) -> tuple[Framework, list[Problem]] | None:
        return lookup(slug, shown, digest)

    def keep(
        self, shown: str, digest: str, data: Any, framework: Framework, problems: list[Problem]
    ) -> None:
        keep(shown, digest, data, framework, problems)


KEPT_CHECKS = KeptChecks()
