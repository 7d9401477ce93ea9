"""Read a spreadsheet kept one row per statement (a "long" table) into a Draft.

The header names the columns, in any order (names are matched without regard to case):
`Level` and `Statement` (or `Criteria`, `Expectation`, `Behaviour`) are required;
`Competency`, `Category`, `Examples`, and the ids `Level id`, `Category id`,
`Competency id` and `Statement id` are optional. This is the layout `ladderpress`'s long
CSV export writes (render/csv_long.py), so such a file imports back with the same ids —
the same page addresses — and the same examples and levels.

- Levels come in the order they first appear; a row with a level and no statement only
  declares it (the export starts with one per level, so that their order and the levels
  without statements survive).
- An empty Category or Competency cell keeps the one of the row above; a missing
  competency is a warning and the row is not imported.
- Examples are one per line, as statements are in the wide layout.
"""

from __future__ import annotations

from ladderpress.core.csvcells import split_statements
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
    is_id,
    one_line,
)

COLUMNS = {
    "level": {"level", "level name", "grade", "role"},
    "level-id": {"level id", "level-id"},
    "category": {"category", "group", "theme", "area"},
    "category-id": {"category id", "category-id"},
    "competency": {"competency", "skill", "topic"},
    "competency-id": {"competency id", "competency-id"},
    "statement-id": {"statement id", "statement-id", "id"},
    "statement": {"statement", "criteria", "criterion", "expectation", "behaviour", "behavior"},
    "examples": {"examples", "example"},
}


def long_columns(header: list[Cell]) -> dict[str, int] | None:
    """The role of each column when `header` is a long table's, else None."""
    roles: dict[str, int] = {}
    for index, cell in enumerate(header):
        folded = one_line(cell.text).casefold().strip(" :")
        for role, names in COLUMNS.items():
            if folded in names and role not in roles:
                roles[role] = index
    return roles if "level" in roles and "statement" in roles else None


class _Reader:
    def __init__(self, draft: Draft, roles: dict[str, int]) -> None:
        self.draft = draft
        self.roles = roles
        self.levels: dict[str, int] = {}
        self.categories: dict[str, int] = {}
        self.competencies: dict[tuple[int, str], DraftCompetency] = {}

    def value(self, row: dict[int, Cell], role: str) -> Cell | None:
        index = self.roles.get(role)
        return row.get(index) if index is not None else None

    def level(self, name: Cell, ident: Cell | None) -> int:
        key = (ident.text.strip() if ident else "") or one_line(name.text)
        if key.casefold() not in self.levels:
            self.levels[key.casefold()] = len(self.draft.levels)
            explicit = ident is not None and is_id(ident.text.strip())
            self.draft.levels.append(
                DraftLevel(one_line(name.text), name.origin, key=key, explicit=explicit)
            )
        return self.levels[key.casefold()]

    def category(self, name: Cell | None, ident: Cell | None, current: int | None) -> int:
        if name is None and ident is None:
            if current is not None:
                return current
            return self._category(DEFAULT_CATEGORY, None, self.draft.source)
        shown = one_line(name.text) if name else one_line(ident.text if ident else "")
        given = name or ident
        origin = given.origin if given is not None else self.draft.source
        return self._category(shown, ident.text.strip() if ident else None, origin)

    def _category(self, name: str, key: str | None, origin: Origin) -> int:
        folded = (key or name).casefold()
        if folded not in self.categories:
            self.categories[folded] = len(self.draft.categories)
            self.draft.categories.append(DraftCategory(name, origin, key=key))
        return self.categories[folded]

    def competency(self, category: int, name: Cell, ident: Cell | None) -> DraftCompetency:
        key = ident.text.strip() if ident else None
        folded = (key or one_line(name.text)).casefold()
        if (category, folded) not in self.competencies:
            found = DraftCompetency(
                one_line(name.text),
                category,
                name.origin,
                key=key,
                explicit=key is not None and is_id(key),
            )
            self.competencies[(category, folded)] = found
            self.draft.competencies.append(found)
        return self.competencies[(category, folded)]


def read_long(rows: list[list[Cell]], roles: dict[str, int], draft: Draft) -> Draft:
    """Fill `draft` from the rows under a long table's header."""
    reader = _Reader(draft, roles)
    category: int | None = None
    competency: DraftCompetency | None = None
    for raw in rows:
        row = {cell.column - 1: cell for cell in raw if cell.text.strip()}
        if not row:
            continue
        level_name = reader.value(row, "level")
        statement = reader.value(row, "statement")
        if level_name is None:
            first = min(row.values(), key=lambda c: c.column)
            draft.warnings.append(
                first.origin.warn(
                    f"row {first.row} names no level; it was not imported. Write the "
                    "level's name in the Level column",
                    "import-no-level",
                )
            )
            continue
        level = reader.level(level_name, reader.value(row, "level-id"))
        name = reader.value(row, "competency")
        cat_name, cat_id = reader.value(row, "category"), reader.value(row, "category-id")
        if cat_name is not None or cat_id is not None:
            category = reader.category(cat_name, cat_id, None)
            competency = None
        if name is not None:
            category = reader.category(None, None, category)
            competency = reader.competency(category, name, reader.value(row, "competency-id"))
        if statement is None:
            continue
        if competency is None:
            draft.warnings.append(
                statement.origin.warn(
                    f"row {statement.row} has a statement but no competency; it was not "
                    "imported. Write the competency's name in the Competency column",
                    "import-no-name",
                )
            )
            continue
        ident = reader.value(row, "statement-id")
        examples = reader.value(row, "examples")
        competency.add(
            level,
            DraftStatement(
                statement.text.strip(),
                statement.origin,
                explicit_id=ident.text.strip() if ident else None,
                examples=split_statements(examples.text) if examples else [],
            ),
        )
    if not draft.levels:
        raise draft.source.fail(
            "no row names a level; write each statement's level in the Level column",
            "import-empty",
        )
    return draft


def read_if_long(grid: Grid, draft: Draft) -> bool:
    """Read `grid` into `draft` when its first row with text is a long table's header."""
    start = next((i for i, row in enumerate(grid) if any(c.text.strip() for c in row)), None)
    roles = long_columns(grid[start]) if start is not None else None
    if start is None or roles is None:
        return False
    read_long(grid[start + 1 :], roles, draft)
    return True
