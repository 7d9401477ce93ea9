"""`ladderpress import` refuses a zip bomb before inflating it: an .xlsx workbook is a
zip archive, and one of 1 MB can hold 1 GB of sheet XML, which took 3.2 GB of memory
and 20 s to read. The archive's directory is checked first (the total size it inflates
to, the number of parts, each part's ratio), and Python's zipfile inflates a part no
further than the size the directory gives it (see SECURITY.md, "Limits")."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from ladderpress.core import limits

from .ladders import run_python

SHEET = "xl/worksheets/sheet1.xml"
SHEET_START = (
    b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats'
    b'.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
)
SHEET_END = b"</t></is></c></row></sheetData></worksheet>"


def _workbook() -> zipfile.ZipFile:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["Competency", "Junior", "Senior"])
    book.active.append(["Testing", "Writes tests", "Plans tests"])
    data = io.BytesIO()
    book.save(data)
    return zipfile.ZipFile(data)


def bomb(path: Path, *, sheet_bytes: int = 0, extra_parts: int = 0) -> Path:
    """A valid workbook whose first sheet holds one cell of `sheet_bytes` letters (which
    deflate a thousandfold), and `extra_parts` more empty parts; written as a stream."""
    source = _workbook()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename != SHEET or not sheet_bytes:
                archive.writestr(info.filename, source.read(info.filename))
                continue
            with archive.open(SHEET, "w", force_zip64=True) as sheet:
                sheet.write(SHEET_START)
                block = b"A" * (1 << 20)
                for _ in range(sheet_bytes >> 20):
                    sheet.write(block)
                sheet.write(SHEET_END)
        for number in range(extra_parts):
            archive.writestr(f"customXml/item{number}.xml", b"")
    return path


def _import(path: Path) -> tuple[int, str]:
    # In a process of its own, with 1 GB of memory: inflating the bomb would fail it.
    done = run_python(
        "import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)); "
        "from ladderpress.app.cli import main; "
        f"sys.exit(main(['import', {str(path)!r}, '--stdout']))"
    )
    return done.returncode, done.stderr


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    path = bomb(tmp_path / "ladder.xlsx", sheet_bytes=300 << 20)
    assert path.stat().st_size < 1 << 20  # 300 MB of sheet in a file of under 1 MB
    code, err = _import(path)
    assert code == 1, err
    assert (
        "ladder.xlsx:1:1: error: the workbook inflates to 315 MB, over the limit of "
        f"{limits.XLSX_UNCOMPRESSED_BYTES // 10**6} MB; is this a career ladder? Save the sheet "
        "as CSV UTF-8 and import that [import-too-large]"
    ) in err
    assert "Traceback" not in err


def test_a_part_that_inflates_too_much_is_refused(tmp_path: Path) -> None:
    # 20 MB, within the total, but 1,000 times its compressed size.
    path = bomb(tmp_path / "ladder.xlsx", sheet_bytes=20 << 20)
    code, err = _import(path)
    assert code == 1, err
    assert f"part '{SHEET}' of the workbook inflates" in err
    assert f"over the limit of {limits.XLSX_RATIO} times, as zip bombs do" in err


def test_too_many_parts_are_refused(tmp_path: Path) -> None:
    path = bomb(tmp_path / "ladder.xlsx", extra_parts=limits.XLSX_ENTRIES)
    code, err = _import(path)
    assert code == 1, err
    assert "parts, over the limit of 1,000" in err


def test_a_workbook_within_the_limits_imports(tmp_path: Path) -> None:
    path = bomb(tmp_path / "ladder.xlsx", sheet_bytes=0)
    code, err = _import(path)
    assert code == 0, err
