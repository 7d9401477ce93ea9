"""Import a folder as companies keep their ladders: one framework per source framework.

The folder's format is detected once (detect.py); every framework of that format under
it, in any subfolder, is imported on its own — one page of Monzo's, one job family of the
FT's (or one folder of the FT's split lists) — with a report of its own. A file that is
not a framework (a README, a CI workflow, a site's settings) is listed as skipped; a
framework that cannot be imported is reported with its problems and never stops the
others. Slugs come from the path below the folder: `engineering/backend.md` becomes
`engineering-backend`, leaving out folder names every ladder repository has
(`frameworks/`, `data/job-families/`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ladderpress.core.paths import display_path
from ladderpress.core.problems import InputError, Problem
from ladderpress.importers.draft import Origin, slugify
from ladderpress.importers.formats import ImportFormat
from ladderpress.importers.guess import COMMON_WORDS
from ladderpress.importers.result import ImportResult
from ladderpress.importers.walk import member_files

MAX_SOURCES = 500  # frameworks in one folder import: far above any real ladder repository


@dataclass
class TreeImport:
    """What a folder (or one file) held: a result per framework, in path order."""

    results: list[ImportResult] = field(default_factory=list)  # one per framework
    failed: list[tuple[str, list[Problem]]] = field(default_factory=list)  # source, errors
    skipped: list[Problem] = field(default_factory=list)  # files that are no framework
    folder: bool = False  # read from a folder of frameworks: written into a folder

    @property
    def ok(self) -> bool:
        return not self.failed


def _common(folder: str) -> bool:
    """Whether a folder's name is made only of words every ladder repository has."""
    return all(word in COMMON_WORDS for word in (slugify(folder) or "-").split("-"))


def unit_slug(folder: Path, unit: Path, prefix: str | None) -> str:
    """`engineering/backend.md` under `folder` -> 'engineering-backend'."""
    relative = unit.relative_to(folder) if unit != folder else Path(folder.name)
    parts = [*relative.parent.parts, relative.stem if not unit.is_dir() else relative.name]
    kept = [p for p in parts[:-1] if not _common(p)] + parts[-1:]
    slug = slugify("-".join(kept)) or "imported-framework"
    return slugify(f"{prefix}-{slug}") if prefix else slug


def import_units(
    folder: Path,
    fmt: ImportFormat,
    one: Callable[[Path, str], ImportResult],
    *,
    prefix: str | None = None,
) -> TreeImport:
    """Import every framework of `fmt` under `folder` with `one(source, slug)`."""
    out = TreeImport(folder=True)
    units = (
        fmt.units(folder) if fmt.units is not None else member_files(folder, fmt.folder_suffixes)
    )
    where = Origin(display_path(folder), 1, 1)
    if len(units) > MAX_SOURCES:
        raise where.fail(
            f"the folder holds {len(units):,} {fmt.folder_suffixes[0]} files, over the "
            f"limit of {MAX_SOURCES}; import its subfolders one by one",
            "import-too-large",
        )
    used: set[str] = set()
    for unit in units:
        shown = display_path(unit)
        if unit.is_file() and fmt.member is not None and not fmt.member(unit):
            out.skipped.append(
                Origin(shown, 1, 1).warn(
                    f"not a framework in {fmt.description} format; skipped", "import-skipped"
                )
            )
            continue
        slug = unit_slug(folder, unit, prefix)
        number = 2
        chosen = slug
        while chosen in used:
            chosen = f"{slug[:60]}-{number}"
            number += 1
        used.add(chosen)
        try:
            out.results.append(one(unit, chosen))
        except InputError as exc:
            out.failed.append((shown, exc.problems))
    if not out.results and not out.failed:
        raise where.fail(
            f"no framework in {fmt.description} format under this folder; "
            f"{len(out.skipped)} file(s) were looked at and skipped",
            "import-nothing",
        )
    return out
