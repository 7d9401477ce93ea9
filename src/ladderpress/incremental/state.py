"""What the previous build was made from, kept in the output folder between runs.

When every input file has the same path, size, modification time and inode as when the
previous build started, the options are the same and every output file is still there,
the build has nothing to do: it reports the previous result without reading any input.
Otherwise the page cache kept next to it lets the build re-render only the pages whose
inputs changed (see incremental.py).

Both files are written into the staging folder with the site, so they change with it.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ladderpress import __version__
from ladderpress.core.fingerprints import Entry, code_identity, walk_files
from ladderpress.core.problems import Problem, Severity
from ladderpress.core.site import SiteConfig
from ladderpress.incremental.changes import input_paths
from ladderpress.render import search

STATE_FILE = ".ladderpress-state.json"
PAGES_FILE = ".ladderpress-pages.json"
FORMAT = 1
# A file modified this shortly before a build started may be modified again within the
# same timestamp tick (up to 2 s on FAT, coarser on some network file systems) without
# its stat changing, so such a file is vouched for by its content as well.
RACY_NS = 2_000_000_000


@dataclass(frozen=True)
class Inputs:
    """The stat of every input file, taken before any of them is read."""

    taken_ns: int
    files: tuple[Entry, ...]
    settings: str
    # Computed when scanned: a file must be hashed before the build reads it, so that an
    # edit made while it builds is seen by the next one.
    own: str = ""

    def fingerprint(self, reference_ns: int) -> str:
        """Hash of it all; files modified near `reference_ns` count with their content."""
        digest = hashlib.sha256(self.settings.encode())
        for path, mtime, size, inode in self.files:
            digest.update(f"\0{path}\0{mtime}\0{size}\0{inode}".encode())
            if mtime >= reference_ns - RACY_NS:
                try:
                    digest.update(hashlib.sha256(Path(path).read_bytes()).digest())
                except OSError:
                    digest.update(b"unreadable")
        return digest.hexdigest()


def scan_inputs(config: SiteConfig, out: Path, *, preview: bool) -> Inputs:
    taken = time.time_ns()
    files: list[Entry] = []
    seen: set[tuple[int, int]] = set()
    for root in input_paths(config):  # every input of every kind (changes.py)
        walk_files(str(root.resolve()), files, seen)
    settings = json.dumps(
        {
            "format": FORMAT,
            "code": code_identity(),
            "config": repr(config),
            "out": str(out.resolve()),
            "preview": preview,
            "search": search.available(),
            # Problems name files relative to the working folder.
            "cwd": os.getcwd(),
        },
        sort_keys=True,
    )
    inputs = Inputs(taken, tuple(files), settings)
    return replace(inputs, own=inputs.fingerprint(taken))


def problem_record(problem: Problem) -> dict[str, Any]:
    return {
        "path": problem.path,
        "line": problem.line,
        "col": problem.col,
        "severity": problem.severity.value,
        "message": problem.message,
        "rule": problem.rule,
    }


def problem_from(record: dict[str, Any]) -> Problem:
    """The inverse of problem_record; raises ValueError, KeyError or TypeError if malformed."""
    problem = Problem(
        record["path"],
        record["line"],
        record["col"],
        Severity(record["severity"]),
        record["message"],
        record["rule"],
    )
    if not all(isinstance(v, str) for v in (problem.path, problem.message, problem.rule)):
        raise TypeError("problem text is not a string")
    if not all(type(v) is int for v in (problem.line, problem.col)):
        raise TypeError("problem position is not a number")
    return problem


@dataclass(frozen=True)
class PreviousBuild:
    pages: int
    frameworks: int
    files: int
    warnings: list[Problem]
    notes: list[str]


def _load(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    return data


def up_to_date(out: Path, inputs: Inputs, manifest: dict[str, str]) -> PreviousBuild | None:
    """The previous build, if it was made from exactly these inputs; `manifest` holds its
    files that are all there as written (ownership.previous_output)."""
    data = _load(out / STATE_FILE)
    if data is None:
        return None
    try:
        reference, fingerprint = data["taken_ns"], data["fingerprint"]
        if type(reference) is not int or not isinstance(fingerprint, str):
            return None
        if inputs.fingerprint(reference) != fingerprint:
            return None
        previous = PreviousBuild(
            pages=int(data["pages"]),
            frameworks=int(data["frameworks"]),
            files=len(manifest),
            warnings=[problem_from(r) for r in data["warnings"]],
            notes=[str(n) for n in data["notes"]],
        )
    except (KeyError, TypeError, ValueError):
        return None
    if not manifest:
        return None
    return previous


def load_caches(out: Path) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """The previous build's page cache, and the key of each of its search bundles (see
    search.bundle_keys); empty if there is none or it is unreadable.

    Each page entry is checked again before use (inputs key, and the hash of the file in
    the output folder), so an entry from any earlier build is safe to offer.
    """
    data = _load(out / PAGES_FILE) or {}
    pages, search = data.get("pages"), data.get("search")
    page_cache = {
        url: (entry[0], entry[1])
        for url, entry in (pages.items() if isinstance(pages, dict) else ())
        if isinstance(entry, list)
        and len(entry) == 2
        and all(isinstance(part, str) for part in entry)
    }
    search_keys = {
        folder: key
        for folder, key in (search.items() if isinstance(search, dict) else ())
        if isinstance(folder, str) and isinstance(key, str)
    }
    return page_cache, search_keys


def state_files(
    inputs: Inputs,
    *,
    pages: int,
    frameworks: int,
    warnings: list[Problem],
    notes: list[str],
    page_cache: dict[str, tuple[str, str]],
    search_keys: dict[str, str],
) -> dict[str, bytes]:
    """The files to keep in the output folder; the state comes last, as it vouches for all."""
    page_record = {
        "format": FORMAT,
        "pages": {url: list(e) for url, e in page_cache.items()},
        "search": search_keys,
    }
    state = {
        "format": FORMAT,
        "ladderpress": __version__,
        "taken_ns": inputs.taken_ns,
        "fingerprint": inputs.own,
        "pages": pages,
        "frameworks": frameworks,
        "warnings": [problem_record(p) for p in warnings],
        "notes": notes,
    }
    return {
        PAGES_FILE: json.dumps(page_record, separators=(",", ":"), sort_keys=True).encode(),
        STATE_FILE: json.dumps(state, indent=1, ensure_ascii=False).encode(),
    }
