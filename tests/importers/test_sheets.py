"""Spreadsheets kept one row per statement, the long CSV export's round trip, choosing a
workbook's sheet, long names, and the organisation and disciplines guessed or given."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ladderpress.check.files import check_paths
from ladderpress.core.model import Framework
from ladderpress.core.problems import InputError
from ladderpress.importers import import_file
from ladderpress.render.csv_long import framework_long_csv
from tests.support.importing import IMPORT, at, competency, position_of, valid
from tests.support.paths import FIXTURES


def test_one_row_per_statement(tmp_path: Path) -> None:
    source = IMPORT / "long.csv"
    result = import_file(source)
    data = valid(result, tmp_path)
    assert [level["id"] for level in data["levels"]] == ["associate", "senior", "principal"]
    assert [c["id"] for c in data["categories"]] == ["craft", "people"]
    testing = competency(data, "testing")
    assert testing["category"] == "craft"
    assert testing["expectations"]["associate"] == [
        {
            "id": "testing-basics",
            "text": "Writes tests for the code they change.",
            "examples": ["Added a test for the refund bug.", "Ran the suite before pushing."],
        },
        "Runs the service locally.",  # the competency of the row above
    ]
    assert competency(data, "mentoring")["expectations"] == {"senior": ["Mentors one engineer."]}
    line, col = position_of(source, "A statement with no level")
    assert at(result.warnings, "import-no-level") == [(line, col)]


def _framework(path: Path) -> Framework:
    checked = check_paths([path])
    assert checked.ok, [p for p in checked.problems if p.is_error]
    [framework] = checked.frameworks
    return framework


def _shape(framework: Framework) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = [
        ("level", lvl, framework.levels[lvl].name) for lvl in framework.level_order
    ]
    for category in framework.categories:
        for competency_id in category.competencies:
            found = framework.competencies[competency_id]
            for level in framework.level_order:
                for statement in found.at(level):
                    rows.append(
                        (
                            category.id,
                            category.name,
                            found.id,
                            found.name,
                            level,
                            statement.id,
                            statement.text,
                            *statement.examples,
                        )
                    )
    return rows


def test_the_long_csv_export_imports_back_exactly(tmp_path: Path) -> None:
    original = _framework(FIXTURES / "site" / "frameworks" / "acme-engineering.yaml")
    exported = tmp_path / "acme-engineering.csv"
    exported.write_bytes(framework_long_csv(original))
    result = import_file(exported)
    target = tmp_path / "again" / "acme-engineering.yaml"
    target.parent.mkdir()
    target.write_text(result.yaml_text, encoding="utf-8")
    again = _framework(target)
    assert _shape(again) == _shape(original)
    kept = [
        s for c in original.competencies.values() for lvl in original.level_order for s in c.at(lvl)
    ]
    assert any(s.examples for s in kept) and any(s.explicit_id for s in kept)


def test_a_workbook_sheet_is_chosen_by_name_or_number(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    workbook.active.title = "Notes"
    workbook.active["A1"] = "How we use the ladder"
    ladder = workbook.create_sheet("Ladder")
    ladder.append(["Competency", "Junior", "Senior"])
    ladder.append(["Testing", "Writes tests", "Plans tests"])
    path = tmp_path / "book.xlsx"
    workbook.save(path)
    for sheet in ("Ladder", "ladder", "2"):
        data = valid(import_file(path, sheet=sheet), tmp_path / sheet)
        assert competency(data, "testing")["expectations"]["senior"] == ["Plans tests"]
    with pytest.raises(InputError) as caught:
        import_file(path, sheet="Levels")
    message = caught.value.problems[0].message
    assert "no sheet 'Levels'" in message and "'Notes', 'Ladder'" in message
    text = import_file(IMPORT / "ladder.csv", sheet="2")
    assert any("--sheet applies to workbooks" in w.message for w in text.warnings)


def test_long_names_move_into_the_description(tmp_path: Path) -> None:
    name = (
        "Technical leadership: sets the direction of the systems their team owns and "
        "explains it to everyone who depends on them"
    )
    source = tmp_path / "ladder.csv"
    source.write_text(f'Competency,Junior,Senior\n"{name}",Follows,Leads\n', encoding="utf-8")
    result = import_file(source)
    [entry] = valid(result, tmp_path / "out")["competencies"]
    assert entry["name"] == "Technical leadership"
    assert entry["description"] == name
    assert at(result.warnings, "import-long-name") == [(2, 1)]


def test_organisation_and_disciplines_are_guessed_and_said_so(tmp_path: Path) -> None:
    page = tmp_path / "acme-progression-framework" / "frameworks" / "data" / "analyst.md"
    page.parent.mkdir(parents=True)
    shutil.copy(IMPORT / "monzo" / "backend.md", page)
    result = import_file(page)
    data = valid(result, tmp_path / "out")
    assert data["organisation"]["name"] == "Acme"
    assert data["disciplines"] == ["engineering"]  # the title, "Backend Engineering"
    guesses = [w.message for w in result.warnings if w.rule == "import-guess"]
    assert any("'acme-progression-framework'" in m for m in guesses)
    assert any("the title 'Backend Engineering'" in m for m in guesses)
    given = import_file(page, organisation="Acme Ltd", disciplines=("data", "engineering"))
    data = valid(given, tmp_path / "given")
    assert (data["organisation"]["name"], data["disciplines"]) == (
        "Acme Ltd",
        ["data", "engineering"],
    )
    assert not [w for w in given.warnings if w.rule == "import-guess"]
    with pytest.raises(InputError) as caught:
        import_file(page, disciplines=("Data Science",))
    assert caught.value.problems[0].rule == "import-discipline"


def test_a_statement_over_the_limit_is_split_at_sentence_ends(tmp_path: Path) -> None:
    sentence = "Explains the design of the service to every team that depends on it. "
    cell = sentence * 40  # about 2,800 characters: over a statement's 2,000
    source = tmp_path / "ladder.csv"
    source.write_text(f'Competency,Senior\nDesign,"{cell.strip()}"\n', encoding="utf-8")
    result = import_file(source)
    [entry] = valid(result, tmp_path / "out")["competencies"]
    pieces = entry["expectations"]["senior"]
    assert len(pieces) == 2 and all(len(p) <= 2000 for p in pieces)
    assert " ".join(pieces) == cell.strip()
    assert at(result.warnings, "import-long-text") == [(2, 8)]
