"""Import a career ladder kept in another format as a ladderpress framework file.

`import_file(path)` detects the format, reads the source into a format-neutral draft
(`draft.py`) and writes it as YAML that passes `ladderpress validate` (`writer.py`):

- a spreadsheet, competencies as rows and levels as columns (`spreadsheet.py`) or one
  row per statement (`long_sheet.py`): `.csv`, `.tsv` or, with the optional openpyxl
  library, a sheet of an `.xlsx` workbook;
- Monzo's progression-framework pages, Markdown with YAML front matter (`monzo.py`,
  `monzo_text.py` for `yaml: false` pages);
- the Financial Times' engineering-progression YAML (`ft.py`, `ft_roles.py`).

`import_tree(path)` imports a folder as companies keep it: every framework under it on
its own (`tree.py`), one failure never stopping the others. Organisation and disciplines
not given are guessed (`guess.py`) and reported as guesses.

Every format is listed once, in `REGISTRY` below, in the order their sniffers are tried
on a file whose extension claims no format (`detect.py`); each declares its name,
extensions, sniffer and reader at the end of its own module (`formats.py`). The CLI's
`import --format` choices and help come from the same list. A new format is one module
ending in `FORMAT = ImportFormat(...)` and its entry in `REGISTRY`. Unusable input raises
`InputError` with positioned problems; anything skipped, guessed or filled with a
placeholder is a warning.
"""

from __future__ import annotations

from pathlib import Path

from ladderpress.check.files import RESERVED_SLUGS, SLUG
from ladderpress.check.semantics import RESERVED_DEVICE_NAMES
from ladderpress.core.paths import display_path
from ladderpress.core.problems import InputError, sort_problems
from ladderpress.importers import csvfile, ft, monzo, xlsx
from ladderpress.importers.detect import choose_format, detect
from ladderpress.importers.draft import Draft, Origin, slugify
from ladderpress.importers.formats import ImportFormat
from ladderpress.importers.guess import guess_identity
from ladderpress.importers.result import ImportResult
from ladderpress.importers.tree import TreeImport, import_units
from ladderpress.importers.writer import render

__all__ = [
    "FORMATS",
    "REGISTRY",
    "ImportFormat",
    "ImportResult",
    "TreeImport",
    "detect_format",
    "import_file",
    "import_tree",
]

REGISTRY: tuple[ImportFormat, ...] = (
    xlsx.FORMAT,
    monzo.FORMAT,
    ft.FORMAT,
    csvfile.FORMAT,  # last: whatever no other format recognises is read as CSV
)
FORMATS = {fmt.name: fmt.description for fmt in REGISTRY}  # name -> description
DEFAULT_SLUG = "imported-framework"


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
    disciplines: tuple[str, ...] = (),
    sheet: str | None = None,
    imported_folder: Path | None = None,
) -> ImportResult:
    """Read `path` and return a complete, valid framework file for it.

    `slug` is the framework's future file name (default: made from the source's name);
    `organisation` the organisation's name and `disciplines` its ids (default: guessed
    from the source's folders and title, with a warning, else a placeholder);
    `format_name` a key of FORMATS to read the source as (default: detected); `sheet`
    the name or 1-based number of a workbook's sheet to read (default: the first);
    `imported_folder` the folder a user imported it in, whose name may name the owner.
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
    for discipline in disciplines:
        if not SLUG.match(discipline):
            raise where.fail(
                f"'{discipline}' cannot be a discipline id: use lowercase letters a-z, digits "
                "and single hyphens, for example 'engineering' or 'ux-research'",
                "import-discipline",
            )
    draft = Draft(fmt.name, fmt.description, where, file_name=path.resolve().name, sheet=sheet)
    if sheet is not None and fmt.name != xlsx.FORMAT.name:
        draft.warnings.append(where.warn(f"--sheet applies to workbooks; {shown} is not one"))
    fmt.read(path, draft, display_path)
    identity = guess_identity(
        path,
        draft.title,
        root=imported_folder,
        organisation=organisation,
        disciplines=tuple(disciplines),
    )
    text, problems = render(draft, slug=chosen, identity=identity)
    return ImportResult(text, sort_problems(problems), fmt.name, chosen, shown)


def import_tree(
    path: Path,
    *,
    slug: str | None = None,
    organisation: str | None = None,
    format_name: str | None = None,
    disciplines: tuple[str, ...] = (),
    sheet: str | None = None,
) -> TreeImport:
    """Import a file, or every framework in a folder and its subfolders (tree.py), each
    on its own: a file's failure is in `failed` and never stops the others. For a folder,
    `slug` is a prefix of the slugs made from the paths. Raises InputError only when the
    source as a whole cannot be read (missing, of no format, holding no framework)."""
    shown = display_path(path)
    where = Origin(shown, 1, 1)
    fmt = choose_format(REGISTRY, path, format_name, shown)
    if slug is not None:
        _choose_slug(slug, path, where)  # refuse a bad one before reading anything

    def one(source: Path, chosen: str | None) -> ImportResult:
        return import_file(
            source,
            slug=chosen,
            organisation=organisation,
            format_name=fmt.name,
            disciplines=disciplines,
            sheet=sheet,
            imported_folder=path if path.is_dir() else None,
        )

    if path.is_dir() and not (fmt.units is not None and fmt.units(path) == [path]):
        return import_units(path, fmt, one, prefix=slug)
    tree = TreeImport()
    try:
        tree.results.append(one(path, slug))
    except InputError as exc:
        tree.failed.append((shown, exc.problems))
    return tree
