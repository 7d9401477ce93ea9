"""Import a career ladder kept in another format as a ladderpress framework file.

`import_file(path)` detects the format, reads the source into a format-neutral draft
(`draft.py`) and writes it as YAML that passes `ladderpress validate` (`writer.py`):

- a spreadsheet, competencies as rows and levels as columns: `.csv`, `.tsv` or, with the
  optional openpyxl library, the first sheet of an `.xlsx` workbook (`spreadsheet.py`);
- Monzo's progression-framework pages, Markdown with YAML front matter: one `.md` file,
  or a folder of them, one category per page (`monzo.py`);
- the Financial Times' engineering-progression YAML: one file, or a folder of them
  (`ft.py`).

Every format is listed once, in `REGISTRY` below, in the order their sniffers are tried
on a file whose extension claims no format (`detect.py`); each declares its name,
extensions, sniffer and reader at the end of its own module (`formats.py`). The CLI's
`import --format` choices and help come from the same list. A new format is one module
ending in `FORMAT = ImportFormat(...)` and its entry in `REGISTRY`. Unusable input raises
`InputError` with positioned problems; anything skipped, guessed or filled with a
placeholder is a warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ladderpress.check.files import RESERVED_SLUGS, SLUG
from ladderpress.check.semantics import RESERVED_DEVICE_NAMES
from ladderpress.core.paths import display_path
from ladderpress.core.problems import Problem, sort_problems
from ladderpress.importers import csvfile, ft, monzo, xlsx
from ladderpress.importers.detect import choose_format, detect
from ladderpress.importers.draft import Draft, Origin, slugify
from ladderpress.importers.formats import ImportFormat
from ladderpress.importers.writer import render

__all__ = ["FORMATS", "REGISTRY", "ImportFormat", "ImportResult", "detect_format", "import_file"]

REGISTRY: tuple[ImportFormat, ...] = (
    xlsx.FORMAT,
    monzo.FORMAT,
    ft.FORMAT,
    csvfile.FORMAT,  # last: whatever no other format recognises is read as CSV
)
FORMATS = {fmt.name: fmt.description for fmt in REGISTRY}  # name -> description
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
    return detect(REGISTRY, path, shown).name


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
    path: Path,
    *,
    slug: str | None = None,
    organisation: str | None = None,
    format_name: str | None = None,
) -> ImportResult:
    """Read `path` and return a complete, valid framework file for it.

    `slug` is the framework's future file name (default: made from the source's name);
    `organisation` the organisation's name (default: a placeholder, with a warning);
    `format_name` a key of FORMATS to read the source as (default: detected).
    Raises InputError when the input cannot be imported at all.
    """
    shown = display_path(path)
    where = Origin(shown, 1, 1)
    fmt = choose_format(REGISTRY, path, format_name, shown)
    chosen = _choose_slug(slug, path, where)
    if organisation is not None and len(organisation.strip()) > 120:
        raise where.fail(
            "the organisation name is longer than 120 characters", "import-organisation"
        )
    draft = Draft(fmt.name, fmt.description, where, file_name=path.resolve().name)
    fmt.read(path, draft, display_path)
    text, problems = render(draft, slug=chosen, organisation=organisation)
    return ImportResult(text, sort_problems(problems), fmt.name, chosen)
