"""Framework files of any size, for the limit and scale tests: generated, never stored."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

Wording = Callable[[int], str]


def plain(index: int) -> str:
    """A short statement, different for every index."""
    return f"Writes clear tests for change number {index} and reviews them."


def ladder(
    *,
    tracks: list[list[str]],
    competencies: int = 1,
    per_cell: int = 1,
    wording: Wording = plain,
    cumulative: bool = True,
    extra_levels: list[str] | None = None,
) -> str:
    """A framework's YAML: `tracks` lists each track's level ids; every level of every
    competency holds `per_cell` statements, numbered across the file."""
    levels: dict[str, None] = dict.fromkeys(level for track in tracks for level in track)
    levels.update(dict.fromkeys(extra_levels or []))
    lines = [
        "title: Generated",
        "organisation: {name: Generated}",
        "disciplines: [engineering]",
        f"cumulative: {str(cumulative).lower()}",
        "tracks:",
    ]
    for number, track in enumerate(tracks):
        lines += [f"  - id: t{number}", f"    name: Track {number}", "    levels:"]
        lines += [f"      - {level}" for level in track]
    lines.append("levels:")
    lines += [f"  - {{id: {level}, name: Level {level}}}" for level in levels]
    lines += ["categories:", "  - {id: craft, name: Craft}", "competencies:"]
    count = 0
    for number in range(competencies):
        lines += [f"  - id: c{number}", f"    name: C{number}", "    category: craft"]
        lines.append("    expectations:")
        for level in levels:
            lines.append(f"      {level}:")
            for _ in range(per_cell):
                lines.append(f"        - {json.dumps(wording(count))}")
                count += 1
    return "\n".join(lines) + "\n"


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The 1-based number of the `nth` line that is exactly `needle`."""
    found = [number for number, value in enumerate(text.splitlines(), 1) if value == needle]
    return found[nth - 1]


def run_python(code: str, *, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter, failing the test past `timeout` seconds: the
    scale tests finish in a few seconds, and took minutes before their fix."""
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
