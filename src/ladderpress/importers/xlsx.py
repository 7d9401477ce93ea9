"""Read the first worksheet of an Excel .xlsx workbook into cells, with openpyxl.

openpyxl is optional (`pip install 'ladderpress[xlsx]'`). One worksheet is read — the
first, or the one `--sheet` names (by name, or by its 1-based number) — laid out as
described in `spreadsheet.py` (or `long_sheet.py`); other sheets are reported and
skipped, because workbooks often keep notes, instructions or calculations on extra
sheets. To import several sheets, import each with `--sheet`.
Cells are read as values (a formula's last computed result); numbers and dates become
text; positions are reported as line = row and column = column number.
"""

from __future__ import annotations

import datetime
import importlib
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ladderpress.core import limits
from ladderpress.core.problems import Problem
from ladderpress.importers.draft import Draft, Origin, column_letters
from ladderpress.importers.formats import ImportFormat
from ladderpress.importers.long_sheet import read_if_long
from ladderpress.importers.spreadsheet import Cell, Grid, build_draft
from ladderpress.load.source import MAX_FILE_BYTES

MAX_ROWS = 10_000
MAX_COLUMNS = 200


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return str(value)


def _load_openpyxl(shown: str) -> Any:
    try:
        return importlib.import_module("openpyxl")
    except ImportError:
        raise Origin(shown, 1, 1).fail(
            "reading .xlsx workbooks needs the openpyxl library: "
            "pip install 'ladderpress[xlsx]' (or save the sheet as CSV UTF-8 and import that)",
            "import-xlsx",
        ) from None


def read_xlsx(path: Path, shown: str, sheet: str | None = None) -> tuple[Grid, list[Problem]]:
    openpyxl = _load_openpyxl(shown)
    where = Origin(shown, 1, 1)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise where.fail(f"cannot read file: {exc.strerror or exc}", "io") from None
    if size > MAX_FILE_BYTES:
        raise where.fail(
            f"file is {size / 1024 / 1024:.1f} MB, over the "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB limit",
            "file-too-large",
        )
    _check_archive(path, where)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged or foreign files
        raise where.fail(
            "cannot read this as an Excel .xlsx workbook "
            f"({type(exc).__name__}: {exc}); save it again from the spreadsheet tool as .xlsx, "
            "or as CSV UTF-8",
            "import-xlsx",
        ) from None
    try:
        return _read_sheet(workbook, shown, sheet)
    finally:
        workbook.close()


def _check_archive(path: Path, where: Origin) -> None:
    """Refuse a zip bomb from the archive's directory, before anything is inflated.

    Python's zipfile stops inflating a part at the size the directory gives it (and then
    fails its checksum), so the sizes checked here bound what openpyxl can read.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise where.fail(
            f"cannot read this as an Excel .xlsx workbook (not a valid zip archive: {exc}); "
            "save it again from the spreadsheet tool as .xlsx, or as CSV UTF-8",
            "import-xlsx",
        ) from None
    advice = "is this a career ladder? Save the sheet as CSV UTF-8 and import that"
    if len(parts) > limits.XLSX_ENTRIES:
        raise where.fail(
            f"the workbook has {len(parts):,} parts, over the limit of "
            f"{limits.XLSX_ENTRIES:,}; {advice}",
            "import-too-large",
        )
    total = sum(part.file_size for part in parts)
    if total > limits.XLSX_UNCOMPRESSED_BYTES:
        raise where.fail(
            f"the workbook inflates to {total / 1e6:,.0f} MB, over the limit of "
            f"{limits.XLSX_UNCOMPRESSED_BYTES / 1e6:,.0f} MB; {advice}",
            "import-too-large",
        )
    for part in parts:
        ratio = part.file_size / max(1, part.compress_size)
        if part.file_size > limits.XLSX_RATIO_FROM and ratio > limits.XLSX_RATIO:
            raise where.fail(
                f"part '{part.filename}' of the workbook inflates {ratio:,.0f} times "
                f"(to {part.file_size / 1e6:,.1f} MB), over the limit of "
                f"{limits.XLSX_RATIO} times, as zip bombs do; {advice}",
                "import-too-large",
            )


def _choose_sheet(sheets: list[Any], wanted: str | None, where: Origin) -> Any:
    if wanted is None:
        return sheets[0]
    names = [str(s.title) for s in sheets]
    folded = [n.casefold().strip() for n in names]
    if wanted.casefold().strip() in folded:
        return sheets[folded.index(wanted.casefold().strip())]
    if wanted.strip().isdigit() and 1 <= int(wanted) <= len(sheets):
        return sheets[int(wanted) - 1]
    raise where.fail(
        f"the workbook has no sheet '{wanted}'; its sheets are "
        + ", ".join(f"'{n}'" for n in names)
        + " (give --sheet a name or a number from 1)",
        "import-xlsx-sheets",
    )


def _read_sheet(workbook: Any, shown: str, wanted: str | None) -> tuple[Grid, list[Problem]]:
    where = Origin(shown, 1, 1)
    sheets = list(workbook.worksheets)
    if not sheets:
        raise where.fail("the workbook has no worksheet", "import-empty")
    sheet = _choose_sheet(sheets, wanted, where)
    warnings: list[Problem] = []
    if len(sheets) > 1:
        others = ", ".join(f"'{s.title}'" for s in sheets if s is not sheet)
        warnings.append(
            where.warn(
                f"only the sheet '{sheet.title}' was imported; not {others}. Import each "
                "with --sheet NAME to import them too",
                "import-xlsx-sheets",
            )
        )
    suffix = f" of sheet '{sheet.title}'" if len(sheets) > 1 else ""
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()  # do not trust the stored size: some tools write it wrong
    grid: Grid = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number > MAX_ROWS:
            raise where.fail(f"the sheet has more than {MAX_ROWS:,} rows", "import-xlsx")
        if len(values) > MAX_COLUMNS:
            values = values[:MAX_COLUMNS]
            warnings.append(
                Origin(shown, number, MAX_COLUMNS + 1).warn(
                    f"row {number} has more than {MAX_COLUMNS} columns; the rest was not read",
                    "import-stray-cell",
                )
            )
        row = []
        for column, value in enumerate(values, start=1):
            label = f"cell {column_letters(column)}{number}{suffix}"
            row.append(Cell(_text(value), number, column, Origin(shown, number, column, label)))
        grid.append(row)
    return grid, warnings


def _read_into(path: Path, draft: Draft, shown_of: Callable[[Path], str]) -> Draft:
    grid, warnings = read_xlsx(path, draft.source.path, draft.sheet)
    draft.warnings.extend(warnings)
    return build_draft(grid, draft, read_if_long)


def _sniff(path: Path, head: bytes) -> bool:
    return head.startswith(b"PK\x03\x04")  # a zip archive, as every workbook is


FORMAT = ImportFormat(
    name="xlsx",
    description="Excel workbook",
    suffixes=(".xlsx", ".xlsm"),
    sniff=_sniff,
    read=_read_into,
)
