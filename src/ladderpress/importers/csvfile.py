"""Read a CSV or TSV file into cells that know their line and column in the file.

Python's `csv` module cannot say where a field starts, so this is a small reader of the
usual dialect instead: fields separated by a delimiter, optionally in double quotes (which
may span lines; `""` is a quote), records ended by LF, CRLF or CR. The delimiter is
`\\t` for .tsv files; otherwise an Excel `sep=` first line decides, else whichever of
comma, semicolon and tab appears most often in the first line (outside quotes).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ladderpress.importers.draft import Draft, Origin, column_letters, read_text
from ladderpress.importers.formats import ImportFormat
from ladderpress.importers.long_sheet import read_if_long
from ladderpress.importers.spreadsheet import Cell, Grid, build_draft

CANDIDATES = (",", ";", "\t")
_SEP_LINE = re.compile(r"^sep=(.)\r?\n?$")
MAX_CELLS = 200_000


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line
    return ""


def sniff_delimiter(text: str) -> str:
    """The delimiter used by the first non-blank line: the most frequent candidate."""
    counts = dict.fromkeys(CANDIDATES, 0)
    quoted = False
    for ch in _first_line(text):
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(CANDIDATES, key=lambda c: counts[c])
    return best if counts[best] else ","


class _Scanner:
    def __init__(self, text: str, delimiter: str, shown: str) -> None:
        self.text = text
        self.delimiter = delimiter
        self.shown = shown
        self.i = 0
        self.line = 1
        self.line_start = 0
        self.cells = 0

    def _newline(self) -> None:
        """Step over the line break at the current position."""
        self.i += 2 if self.text.startswith("\r\n", self.i) else 1
        self.line += 1
        self.line_start = self.i

    def _quoted(self, buf: list[str], start: Origin) -> None:
        text = self.text
        self.i += 1
        while True:
            if self.i >= len(text):
                raise start.fail(
                    f"the quoted cell that starts at {start.describe()} is never closed; "
                    'add the closing " (write "" for a quote inside a cell)',
                    "import-csv-quote",
                )
            ch = text[self.i]
            if ch == '"':
                if text.startswith('""', self.i):
                    buf.append('"')
                    self.i += 2
                    continue
                self.i += 1
                return
            if ch in "\r\n":
                buf.append("\n")
                self._newline()
            else:
                buf.append(ch)
                self.i += 1

    def rows(self) -> Grid:
        text, n = self.text, len(self.text)
        grid: Grid = []
        row: list[Cell] = []
        stop = (self.delimiter, "\r", "\n")
        while True:
            column = len(row) + 1
            record = len(grid) + 1
            origin = Origin(
                self.shown,
                self.line,
                self.i - self.line_start + 1,
                f"cell {column_letters(column)}{record}",
            )
            buf: list[str] = []
            if self.i < n and text[self.i] == '"':
                self._quoted(buf, origin)
            while self.i < n and text[self.i] not in stop:
                buf.append(text[self.i])
                self.i += 1
            row.append(Cell("".join(buf), record, column, origin))
            self.cells += 1
            if self.cells > MAX_CELLS:
                raise origin.fail(f"more than {MAX_CELLS:,} cells; is this a career ladder?")
            if self.i < n and text[self.i] == self.delimiter:
                self.i += 1
                continue
            grid.append(row)
            row = []
            if self.i >= n:
                return grid
            self._newline()
            if self.i >= n:
                return grid


def read_csv(path: Path, shown: str) -> Grid:
    text = read_text(path, shown, "a CSV spreadsheet (competencies as rows, levels as columns)")
    delimiter = "\t" if path.suffix.lower() == ".tsv" else sniff_delimiter(text)
    first_line = text.split("\n", 1)[0]
    match = _SEP_LINE.match(first_line + "\n")
    skip_first = False
    if match:
        delimiter = match.group(1)
        skip_first = True
    grid = _Scanner(text, delimiter, shown).rows()
    if skip_first:
        # Keep spreadsheet row numbers as the tool shows them: the sep= line is not a row.
        grid = [
            [
                Cell(c.text, c.row - 1, c.column, _relabel(c.origin, c.row - 1, c.column))
                for c in row
            ]
            for row in grid[1:]
        ]
    return grid


def _relabel(origin: Origin, row: int, column: int) -> Origin:
    return Origin(origin.path, origin.line, origin.col, f"cell {column_letters(column)}{row}")


def _read_into(path: Path, draft: Draft, shown_of: Callable[[Path], str]) -> Draft:
    return build_draft(read_csv(path, draft.source.path), draft, read_if_long)


def _sniff(path: Path, head: bytes) -> bool:
    return True  # the fallback: whatever no other format recognises is read as CSV


FORMAT = ImportFormat(
    name="csv",
    description="CSV spreadsheet",
    suffixes=(".csv", ".tsv"),
    sniff=_sniff,
    read=_read_into,
)
