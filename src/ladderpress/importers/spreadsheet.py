"""Read a career-ladder spreadsheet laid out as competencies by levels into a Draft.

The layout (the same for CSV, TSV and .xlsx):

- The first row with any text is the header. One column holds competency names: the
  column headed "Competency" (or "Skill", "Topic"…), else the first column, whose header
  may then be empty. A column headed "Category" (or "Group", "Theme", "Area") and one
  headed "Description" (or "Summary") are optional, anywhere. Every other column with a
  header is a level, lowest first, named by its header.
- Each further row is one competency. Each cell holds its statements for that level, one
  per line; leading "-", "*", "•" or "1." markers are removed, and when some lines of a
  cell have markers, lines without one continue the statement above. Empty cells mean
  nothing is expected there.
- An empty Category cell keeps the category of the row above (merged cells read that way);
  rows before any category go to "General". Without a Category column, a row with a name
  but no statements is a heading: it names the category of the rows below it.
- A cell that starts with an apostrophe before `=`, `+`, `-`, `@`, a tab or another
  apostrophe loses that apostrophe: it is how a published CSV keeps such text from
  running as a formula (see csvcells.py).
- Blank rows are skipped. Cells under a column without a header, beyond the header's last
  column, or on a row without a competency name are not imported, with a warning each.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ladderpress.core.csvcells import LEVEL_FACTS, split_statements, unguard
from ladderpress.importers.draft import (
    DEFAULT_CATEGORY,
    Cell,
    Draft,
    DraftCategory,
    DraftCompetency,
    DraftLevel,
    DraftStatement,
    Grid,
    Origin,
    one_line,
)
from ladderpress.load.characters import FORBIDDEN, describe, strip_forbidden

__all__ = ["Cell", "Grid", "build_draft"]

ROLES = {
    "competency": {"competency", "competencies", "skill", "skills", "topic", "topics", "name"},
    "category": {"category", "categories", "group", "theme", "themes", "area", "areas"},
    "description": {"description", "summary", "definition"},
}


def _role(header: str) -> str | None:
    folded = header.casefold().strip(" :")
    return next((role for role, names in ROLES.items() if folded in names), None)


class _Layout:
    def __init__(self, grid: Grid, draft: Draft) -> None:
        self.draft = draft
        start = next((i for i, row in enumerate(grid) if any(c.text.strip() for c in row)), None)
        if start is None:
            raise draft.source.fail(
                "no cell has any text; expected a header row naming the levels "
                "('Competency, Junior, Mid, Senior, …') and one row per competency",
                "import-empty",
            )
        self.header = grid[start]
        self.rows = grid[start + 1 :]
        self.roles: dict[str, int] = {}
        self.level_of: dict[int, int] = {}  # column index -> level index
        self.categories: dict[str, int] = {}
        self.used: set[int] = set()  # columns that are read: roles and levels
        self._read_header()

    def _read_header(self) -> None:
        names = [one_line(cell.text) for cell in self.header]
        ignored: set[int] = set()
        for index, name in enumerate(names):
            role = _role(name)
            if role is None:
                continue
            if role in self.roles:
                ignored.add(index)
                self.draft.warnings.append(
                    self.header[index].origin.warn(
                        f"a second '{name}' column; only the first one is read", "import-layout"
                    )
                )
            else:
                self.roles[role] = index
        if "competency" not in self.roles:
            taken = set(self.roles.values()) | ignored
            first = next((i for i in range(len(names)) if i not in taken), None)
            if first is None:
                raise self.header[0].origin.fail(
                    "the header row has no column for competency names or levels", "import-layout"
                )
            self.roles["competency"] = first
        taken = set(self.roles.values()) | ignored
        for index, name in enumerate(names):
            if name and index not in taken:
                self.level_of[index] = len(self.draft.levels)
                self.draft.levels.append(DraftLevel(name, self.header[index].origin))
        if not self.draft.levels:
            raise self.header[0].origin.fail(
                f"the header row (row {self.header[0].row}) names no levels: after the "
                "competency column, give each level a column headed with its name, for example "
                "'Competency, Junior, Mid, Senior'",
                "import-layout",
            )
        self.used = taken | set(self.level_of)

    def _category(self, name: str, origin: Origin) -> int:
        folded = name.casefold()
        if folded not in self.categories:
            self.categories[folded] = len(self.draft.categories)
            self.draft.categories.append(DraftCategory(name, origin))
        return self.categories[folded]

    def read_rows(self) -> None:
        if not any(c.text.strip() for row in self.rows for c in row):
            raise self.header[0].origin.fail(
                f"there is only a header row (row {self.header[0].row}); add one row per "
                "competency under it, with its statements in each level's column",
                "import-empty",
            )
        current: int | None = None
        for row in self.rows:
            cells = {cell.column - 1: cell for cell in row if cell.text.strip()}
            if not cells:
                continue
            if "category" in self.roles and self.roles["category"] in cells:
                found = cells[self.roles["category"]]
                if one_line(found.text).casefold() == LEVEL_FACTS.casefold():
                    self.draft.warnings.append(
                        found.origin.warn(
                            f"row {found.row} holds level facts, which the CSV export lists "
                            "for reading; they were not imported: give them to the levels in "
                            "YAML (`mentoring:`, `signals:`, `learning:`, `specialisms:`)",
                            "import-level-facts",
                        )
                    )
                    continue
                current = self._category(one_line(found.text), found.origin)
            name_cell = cells.get(self.roles["competency"])
            described = cells.get(self.roles.get("description", -1))
            levels = {col: cells[col] for col in self.level_of if col in cells}
            if name_cell is None:
                if levels or described:
                    first = min(cells.values(), key=lambda c: c.column)
                    self.draft.warnings.append(
                        first.origin.warn(
                            f"row {first.row} has statements but no competency name; "
                            "the row was not imported",
                            "import-no-name",
                        )
                    )
                continue
            self._warn_stray(cells)
            name = one_line(name_cell.text)
            if not levels and not described and "category" not in self.roles:
                current = self._category(name, name_cell.origin)
                self.draft.warnings.append(
                    name_cell.origin.warn(
                        f"row {name_cell.row} has a name but no statements; it was read as the "
                        f"category '{name}' of the rows below it",
                        "import-heading",
                    )
                )
                continue
            if current is None:
                current = self._category(DEFAULT_CATEGORY, self.draft.source)
            competency = DraftCompetency(name, current, name_cell.origin)
            if described is not None:
                competency.description = described.text.strip()
            for col, cell in sorted(levels.items()):
                for text in split_statements(cell.text):
                    competency.add(self.level_of[col], DraftStatement(text, cell.origin))
            self.draft.competencies.append(competency)

    def _warn_stray(self, cells: dict[int, Cell]) -> None:
        for index, cell in sorted(cells.items()):
            if index in self.used:
                continue
            if index >= len(self.header):
                where = "is beyond the last column of the header row"
            else:
                where = "is under a column with no header"
            self.draft.warnings.append(
                cell.origin.warn(
                    f"{cell.origin.describe()} {where}; it was not imported. Name the level in "
                    f"the header row (row {self.header[0].row}) if it is one",
                    "import-stray-cell",
                )
            )


def _guess_cumulative(draft: Draft) -> None:
    total = repeated = 0
    for competency in draft.competencies:
        seen: set[str] = set()
        for _level, items in sorted(competency.expectations.items()):
            texts = {one_line(s.text).casefold() for s in items}
            total += len(items)
            repeated += len(texts & seen)
            seen |= texts
    if repeated and repeated * 4 >= total:
        draft.cumulative = False
        draft.cumulative_note = [
            "Many statements repeat in the next level's column, so each column seems to list",
            "a level's complete expectations: cumulative is false. Set it to true if each",
            "column lists only what a level adds to the levels before it.",
        ]
        guess = "cumulative: false (each column lists a level's complete expectations)"
    else:
        draft.cumulative = True
        draft.cumulative_note = [
            "Assumed: each column lists only what a level adds to the levels before it, so",
            "expectations are cumulative. Set it to false if every column is complete alone.",
        ]
        guess = "cumulative: true (each column lists only what a level adds)"
    draft.warnings.append(
        Origin(draft.source.path, 1, 1).warn(f"assumed {guess}; check it", "import-review")
    )


def _cleaned(grid: Grid, draft: Draft) -> Grid:
    """The cells as their author meant them: without the apostrophe that a published CSV
    puts before a would-be formula (csvcells.py), with line breaks as line feeds, and
    without the characters no framework may hold (characters.py), each with a warning:
    an import is a draft that is reviewed anyway, so removing them costs nothing."""
    rows: Grid = []
    for row in grid:
        cells = []
        for cell in row:
            text = unguard(cell.text).replace("\r\n", "\n").replace("\r", "\n")
            found = FORBIDDEN.search(text)
            if found is not None:
                draft.warnings.append(
                    cell.origin.warn(
                        f"{cell.origin.describe()} contains {describe(found.group())}, which "
                        "a framework cannot hold; it was removed",
                        "import-character",
                    )
                )
                text = strip_forbidden(text)
            cells.append(cell if text == cell.text else replace(cell, text=text))
        rows.append(cells)
    return rows


def build_draft(
    grid: Grid, draft: Draft, other_layout: Callable[[Grid, Draft], bool] | None = None
) -> Draft:
    """Fill `draft` from the rows of a sheet (see the module docstring for the layout),
    unless `other_layout` recognises the cleaned rows as its own and reads them (the
    long layout of long_sheet.py: the readers pass it, keeping this module below it)."""
    cleaned = _cleaned(grid, draft)
    if other_layout is None or not other_layout(cleaned, draft):
        _Layout(cleaned, draft).read_rows()
    _guess_cumulative(draft)
    return draft
