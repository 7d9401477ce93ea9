"""Import a career ladder kept in another format as a ladderpress framework file.

`import_file(path)` detects the format, reads the source into a format-neutral draft
(`draft.py`) and writes it as YAML that passes `ladderpress validate` (`writer.py`):

- a spreadsheet, competencies as rows and levels as columns: `.csv`, `.tsv` or, with the
  optional openpyxl library, the first sheet of an `.xlsx` workbook (`spreadsheet.py`);
- Monzo's progression-framework pages, Markdown with YAML front matter: one `.md` file,
  or a folder of them, one category per page (`monzo.py`);
- the Financial Times' engineering-progression YAML: one file, or a folder of them
  (`ft.py`).

The format comes from the extension; a folder is Monzo's if it holds `.md` files, else
FT's; an unknown extension is sniffed (zip → xlsx, front matter → Monzo, YAML with
`competencies:` → FT, else CSV). Unusable input raises `InputError` with positioned
problems; anything skipped, guessed or filled with a placeholder is a warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ladderpress.check.files import RESERVED_SLUGS, SLUG
from ladderpress.check.semantics import RESERVED_DEVICE_NAMES
from ladderpress.core.paths import display_path
from ladderpress.core.problems import Problem, sort_problems
from ladderpress.importers.csvfile import read_csv
from ladderpress.importers.draft import Draft, Origin, slugify
from ladderpress.importers.ft import import_ft
from ladderpress.importers.monzo import import_monzo
from ladderpress.importers.spreadsheet import build_draft
from ladderpress.importers.writer import render
from ladderpress.importers.xlsx import read_xlsx

__all__ = ["FORMATS", "ImportResult", "detect_format", "import_file"]

FORMATS = {
    "csv": "CSV spreadsheet",
    "xlsx": "Excel workbook",
    "monzo": "Monzo progression framework",
    "ft": "FT engineering-progression YAML",
}
_BY_SUFFIX = {
    ".csv": "csv",
    ".tsv": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".md": "monzo",
    ".markdown": "monzo",
    ".yml": "ft",
    ".yaml": "ft",
}
_UNSUPPORTED = (".xls", ".ods", ".numbers", ".json")
DEFAULT_SLUG = "imported-framework"


@dataclass(frozen=True)
class ImportResult:
    """The framework file's text, what to review in it, and what was read."""

    yaml_text: str
    warnings: list[Problem]
    format: str  # a key of FORMATS
    slug: str = ""  # the suggested file name, without .yaml


def detect_format(path: Path, shown: str | None = None) -> str:
    """The format of `path` (a key of FORMATS); raises InputError when it is none of them."""
    where = Origin(shown or display_path(path), 1, 1)
    if path.is_dir():
        names = [p.suffix.lower() for p in path.iterdir() if p.is_file()]
        if ".md" in names:
            return "monzo"
        if ".yml" in names or ".yaml" in names:
            return "ft"
        raise where.fail(
            "this folder has no .md files (Monzo's format) or .yml files (FT's format) to import",
            "import-format",
        )
    if not path.exists():
        raise where.fail("no such file or folder", "io")
    suffix = path.suffix.lower()
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    if suffix in _UNSUPPORTED:
        raise where.fail(
            f"cannot import {suffix} files; save the spreadsheet as .xlsx or as CSV UTF-8",
            "import-format",
        )
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        raise where.fail(f"cannot read file: {exc.strerror or exc}", "io") from None
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    text = head.decode("utf-8", "replace").lstrip("\ufeff")
    if text.startswith("---"):
        return "monzo"
    if any(line.startswith("competencies:") for line in text.splitlines()):
        return "ft"
    return "csv"


def _choose_slug(slug: str | None, path: Path, where: Origin) -> str:
    if slug is None:
        candidate = slugify(path.resolve().stem if path.name in ("", ".") else path.stem)
        if not candidate or candidate in RESERVED_SLUGS or candidate in RESERVED_DEVICE_NAMES:
            return DEFAULT_SLUG
        return candidate
    if not SLUG.match(slug) or slug in RESERVED_SLUGS or slug in RESERVED_DEVICE_NAMES:
        raise where.fail(
            f"'{slug}' cannot be a framework slug: use lowercase letters a-z, digits and "
            "single hyphens, for example 'acme-engineering', and not a reserved name",
            "slug",
        )
    return slug


def import_file(
    path: Path, *, slug: str | None = None, organisation: str | None = None
) -> ImportResult:
    """Read `path` and return a complete, valid framework file for it.

    `slug` is the framework's future file name (default: made from the source's name);
    `organisation` the organisation's name (default: a placeholder, with a warning).
    Raises InputError when the input cannot be imported at all.
    """
    shown = display_path(path)
    where = Origin(shown, 1, 1)
    fmt = detect_format(path, shown)
    chosen = _choose_slug(slug, path, where)
    if organisation is not None and len(organisation.strip()) > 120:
        raise where.fail(
            "the organisation name is longer than 120 characters", "import-organisation"
        )
    draft = Draft(fmt, FORMATS[fmt], where, file_name=path.resolve().name)
    if fmt == "csv":
        build_draft(read_csv(path, shown), draft)
    elif fmt == "xlsx":
        grid, warnings = read_xlsx(path, shown)
        draft.warnings.extend(warnings)
        build_draft(grid, draft)
    elif fmt == "monzo":
        import_monzo(path, draft, display_path)
    else:
        import_ft(path, draft, display_path)
    text, problems = render(draft, slug=chosen, organisation=organisation)
    return ImportResult(text, sort_problems(problems), fmt, chosen)
