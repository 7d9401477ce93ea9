"""The long CSV export: one row per statement, with every id, so that it imports back exact.

The matrix export (`framework_csv` in export.py) is for reading in a spreadsheet; this
one is for editing there and importing again: `ladderpress import` reads it
(importers/long_sheet.py) into the same level, category, competency and statement ids —
so every page address and statement anchor stays — and the same examples. A statement
id is written only when the framework gives one: a derived id (from the competency,
level and position) is derived again, the same, on import. It starts with
one row per level, in the framework's level order, naming only the level: that keeps the
order, and levels that hold no statement. Cells go through `guard` (csvcells.py), so
that none can run as a formula; examples are one per line, marked when a line alone
would not read back as itself.
"""

from __future__ import annotations

import csv
import io

from ladderpress.core.csvcells import guard, split_statements
from ladderpress.core.model import Framework

HEADER = (
    "Level id",
    "Level",
    "Category id",
    "Category",
    "Competency id",
    "Competency",
    "Statement id",
    "Statement",
    "Examples",
)


def _lines_cell(texts: tuple[str, ...]) -> str:
    plain = "\n".join(texts)
    if split_statements(plain) == list(texts):
        return plain
    return "\n".join(f"- {text}" for text in texts)


def framework_long_csv(framework: Framework) -> bytes:
    """UTF-8 with a byte order mark and CRLF rows, as the matrix export."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([guard(v) for v in HEADER])
    order = framework.level_order
    for level_id in order:
        level = framework.levels[level_id]
        writer.writerow([guard(v) for v in (level.id, level.name, "", "", "", "", "", "", "")])
    for category in framework.categories:
        for competency_id in category.competencies:
            competency = framework.competencies[competency_id]
            for level_id in order:
                for statement in competency.at(level_id):
                    row = (
                        level_id,
                        framework.levels[level_id].name,
                        category.id,
                        category.name,
                        competency.id,
                        competency.name,
                        statement.id if statement.explicit_id else "",
                        statement.text,
                        _lines_cell(statement.examples),
                    )
                    writer.writerow([guard(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
